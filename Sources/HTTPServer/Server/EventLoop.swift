import CLinuxShims
import Glibc

/// One epoll loop: owns a listening socket and the connections accepted on it, and runs on one thread.
///
/// The server runs one loop per core, each with its own `SO_REUSEPORT` socket, sharing the worker
/// pool and the connection limit. All socket I/O, parsing and response encoding happen here;
/// responders run on the worker pool and their results come back through the loop's mailbox. Sockets are level-triggered: a connection is
/// registered for input only while the loop wants to read it, which gives back-pressure for free.
final class EventLoop {
    /// A connection never has more than this many parsed requests waiting; reading stops until
    /// they are answered.
    static let maxPendingRequests = 16
    /// How long input is drained after a closing response, so the close does not reset the
    /// connection before the client has read the response.
    static let lingerPeriod = Duration.seconds(2)

    let configuration: ServerConfiguration
    let responder: any Responder
    let mailbox: Mailbox
    let pool: WorkerPool
    let limiter: ConnectionLimiter
    let epollFD: Int32
    var listenFD: Int32?
    let limits: RequestParser.Limits
    let clock = ContinuousClock()
    let dates = DateCache()
    var connections: [Int32: Connection] = [:]
    var nextConnectionID: UInt64 = 0
    var stopDeadline: ContinuousClock.Instant?
    private var readBuffer = [UInt8](repeating: 0, count: 64 * 1024)
    private var events = [epoll_event](repeating: epoll_event(), count: 256)

    static let readEvents = Epoll.input | Epoll.readHangUp

    init(configuration: ServerConfiguration, responder: any Responder, mailbox: Mailbox,
         pool: WorkerPool, limiter: ConnectionLimiter, epollFD: Int32, listenFD: Int32) {
        self.configuration = configuration
        self.responder = responder
        self.mailbox = mailbox
        self.pool = pool
        self.limiter = limiter
        self.epollFD = epollFD
        self.listenFD = listenFD
        self.limits = RequestParser.Limits(maxHeaderBytes: configuration.maxHeaderBytes,
                                           maxBodyBytes: configuration.maxBodyBytes)
    }

    /// Serves until stopped and every connection is closed, then releases all descriptors.
    func run() {
        var nextSweep = clock.now + sweepInterval
        while !(stopDeadline != nil && connections.isEmpty) {
            let wait = max(0, (nextSweep - clock.now) / .milliseconds(1))
            let ready: [Epoll.Event]
            do {
                ready = try Epoll.wait(epollFD, into: &events, timeoutMilliseconds: Int32(min(wait, 1000).rounded(.up)))
            } catch {
                // epoll_wait only fails on programming errors (EBADF, EINVAL); nothing can be served.
                break
            }
            for event in ready {
                if event.fd == mailbox.eventFD {
                    handleMailbox()
                } else if event.fd == listenFD {
                    acceptConnections()
                } else if let connection = connections[event.fd] {
                    handle(event.events, on: connection)
                }
            }
            if clock.now >= nextSweep {
                sweep(now: clock.now)
                nextSweep = clock.now + sweepInterval
            }
        }
        tearDown()
    }

    /// Timeouts are checked on a tick a quarter of the shortest timeout long, between 10 ms and 1 s.
    private var sweepInterval: Duration {
        let shortest = min(configuration.headerReadTimeout, configuration.bodyReadTimeout, configuration.idleTimeout) / 4
        return min(max(shortest, .milliseconds(10)), .seconds(1))
    }

    private func tearDown() {
        for connection in connections.values { closeConnection(connection) }
        if let listenFD { close(listenFD) }
        close(epollFD)
        close(mailbox.eventFD)
    }

    // MARK: Socket events

    private func handle(_ events: UInt32, on connection: Connection) {
        if events & (Epoll.error | Epoll.hangUp) != 0 && events & Epoll.input == 0 {
            closeConnection(connection)
            return
        }
        if events & Epoll.output != 0 {
            process(connection)
            guard connections[connection.fd] === connection else { return }
        }
        if events & (Epoll.input | Epoll.readHangUp) != 0 {
            read(connection)
        }
    }

    private func read(_ connection: Connection) {
        let result: IOResult<Int>
        do {
            result = try readBuffer.withUnsafeMutableBytes { buffer throws(SystemError) in
                try syscall("read") { Glibc.read(connection.fd, buffer.baseAddress, buffer.count) }
            }
        } catch {
            closeConnection(connection)
            return
        }
        guard case .processed(let count) = result else { return }
        let now = clock.now
        connection.lastActivity = now
        if connection.lingerDeadline != nil {
            // Draining after a closing response: discard input until the peer closes.
            if count == 0 { closeConnection(connection) }
            return
        }
        if count == 0 {
            connection.readClosed = true
        } else if connection.acceptsRequests {
            let wasIdle = connection.parser.isIdle
            readBuffer.withUnsafeBytes { connection.parser.append(UnsafeRawBufferPointer(rebasing: $0[0..<count])) }
            if wasIdle && connection.headStarted == nil && connection.parser.isReadingHead { connection.headStarted = now }
        }
        process(connection)
    }

    // MARK: Request flow

    /// Parses what has arrived, sends `100 Continue` if it is due, and hands the next request to
    /// the workers. Adds output only for `100 Continue`.
    private func advance(_ connection: Connection) {
        parseRequests(on: connection)
        if connection.parser.isReadingBody && connection.isQuiet && connection.acceptsRequests
            && connection.bodyStarted == nil {
            // The body clock starts once the server waits for nothing else, so a body held back by
            // earlier pipelined requests (or by a client waiting for 100) is not charged for it.
            connection.bodyStarted = clock.now
        }
        if connection.parser.wantsContinue && connection.isQuiet && connection.acceptsRequests {
            // Only when everything before this request is answered, so 100 precedes its own final response.
            connection.output.append(.bytes(ResponseEncoder.continueResponse, sent: 0))
            connection.parser.markContinueSent()
        }
        dispatchNext(on: connection)
    }

    private func parseRequests(on connection: Connection) {
        while connection.acceptsRequests && connection.pending.count < Self.maxPendingRequests {
            do {
                guard let parsed = try connection.parser.next() else { break }
                connection.pending.append(.request(parsed))
                connection.headStarted = connection.parser.isReadingHead ? clock.now : nil
                connection.bodyStarted = nil
                if !parsed.keepAlive { connection.acceptsRequests = false }
            } catch {
                fail(connection, with: error.status, message: error.status.reasonPhrase)
            }
        }
    }

    /// Queues a server-detected error after the requests already parsed, and stops reading.
    func fail(_ connection: Connection, with status: HTTPStatus, message: String) {
        connection.pending.append(.failure(status, message: message))
        connection.acceptsRequests = false
        connection.headStarted = nil
        connection.bodyStarted = nil
    }

    private func dispatchNext(on connection: Connection) {
        guard connection.inFlight == nil, connection.output.isEmpty, !connection.pending.isEmpty else { return }
        let next = connection.pending.removeFirst()
        let responder = self.responder
        let mailbox = self.mailbox
        let fd = connection.fd
        let id = connection.id
        switch next {
        case .request(let parsed):
            let request = parsed.request
            connection.inFlight = Connection.InFlight(
                method: request.method, target: request.target, keepAlive: parsed.keepAlive,
                isHTTP10: request.version.minor == 0, closes: false, started: clock.now)
            if let response = responder.respondOnEventLoop(to: request) {
                let prepared = Self.prepare(response, for: fd, id: id, responder: responder)
                enqueue(prepared.response, file: prepared.file, on: connection)
                return
            }
            let queued = pool.submit {
                let response = responder.respond(to: request)
                mailbox.post(Self.prepare(response, for: fd, id: id, responder: responder))
            }
            if !queued {
                // The queue is full: answer at once rather than make the client wait behind it.
                enqueue(busyResponse(), file: nil, on: connection)
            }
        case .failure(let status, let message):
            connection.inFlight = Connection.InFlight(
                method: nil, target: "-", keepAlive: false, isHTTP10: false, closes: true, started: clock.now)
            // Error responses are built here: `errorResponse` only formats a message and the
            // connection closes after it, so there is no reason to queue it behind real work.
            var response = responder.errorResponse(status, message: message)
            if response.body.isFile { response.body = .empty }
            enqueue(response, file: nil, on: connection)
        }
    }

    /// Runs on a worker (or the loop, for its own answers): opens a `.file` body, and checks the
    /// range of an `.openFile` one, so a missing or short file becomes a 500 before any byte of the
    /// response is written.
    private static func prepare(_ response: Response, for fd: Int32, id: UInt64, responder: any Responder) -> Mailbox.Completion {
        let file: OpenFile?
        switch response.body {
        case .file(let path, let offset, let length):
            file = OpenFile(path: path).flatMap { $0.holds(offset: offset, length: length) ? $0 : nil }
        case .openFile(let open, let offset, let length):
            file = open.holds(offset: offset, length: length) ? open : nil
        case .empty, .bytes:
            return Mailbox.Completion(fd: fd, connectionID: id, response: response, file: nil)
        }
        if let file {
            return Mailbox.Completion(fd: fd, connectionID: id, response: response, file: file)
        }
        var failure = responder.errorResponse(.internalServerError, message: "Internal Server Error")
        if failure.body.isFile { failure.body = .empty }
        return Mailbox.Completion(fd: fd, connectionID: id, response: failure, file: nil)
    }

    // MARK: Responses

    private func handleMailbox() {
        let (completions, stopRequested) = mailbox.take()
        // Stop first, so responses taken in the same batch already say `Connection: close`.
        if stopRequested && stopDeadline == nil { beginStopping() }
        for completion in completions { deliver(completion) }
    }

    private func deliver(_ completion: Mailbox.Completion) {
        guard let connection = connections[completion.fd], connection.id == completion.connectionID,
              connection.inFlight != nil else { return }
        enqueue(completion.response, file: completion.file, on: connection)
        process(connection)
    }

    /// Queues the response to the connection's in-flight request; the caller flushes it.
    private func enqueue(_ response: Response, file: OpenFile?, on connection: Connection) {
        guard let inFlight = connection.inFlight else { return }
        connection.inFlight = nil
        let closes = inFlight.closes || !inFlight.keepAlive || stopDeadline != nil
        let mode: ResponseEncoder.ConnectionMode = closes ? .close : (inFlight.isHTTP10 ? .keepAliveExplicit : .keepAliveByDefault)
        let length = response.body.count
        let head = ResponseEncoder.head(for: response, bodyLength: length, date: dates.current, connection: mode)
        let sendsBody = inFlight.method != .head && !response.status.forbidsContentLength
        connection.output.append(.bytes(head, sent: 0))
        switch response.body {
        case .bytes(let body) where sendsBody && !body.isEmpty:
            // Head and body stay separate buffers; `flush` writes them with one sendmsg.
            connection.output.append(.bytes(body, sent: 0))
        case .file(_, let offset, _) where sendsBody && length > 0:
            if let file { connection.output.append(.file(file, offset: offset, remaining: length)) }
        case .openFile(_, let offset, _) where sendsBody && length > 0:
            if let file { connection.output.append(.file(file, offset: offset, remaining: length)) }
        default:
            break
        }
        if closes {
            connection.closeAfterOutput = true
            connection.acceptsRequests = false
            connection.pending.removeAll()
        }
        if configuration.accessLog {
            AccessLog.write(method: inFlight.method, target: inFlight.target, status: response.status.code,
                            bytes: sendsBody ? length : 0, elapsed: clock.now - inFlight.started)
        }
    }

    /// Moves the connection forward: flushes output, parses and dispatches what is next, then
    /// either closes the connection or sets its epoll interest.
    func process(_ connection: Connection) {
        while true {
            if !connection.output.isEmpty {
                let result: Connection.FlushResult
                do {
                    result = try connection.flush()
                } catch {
                    closeConnection(connection)
                    return
                }
                switch result {
                case .done:
                    connection.lastActivity = clock.now
                case .blocked(let progressed):
                    if progressed { connection.lastActivity = clock.now }
                case .truncated:
                    closeConnection(connection)
                    return
                }
                if case .blocked = result { break }
            }
            advance(connection)
            if connection.output.isEmpty { break }
        }
        guard !finishIfDone(connection) else { return }
        updateInterest(connection)
    }

    /// Closes (or starts lingering on) a connection that has nothing left to do.
    private func finishIfDone(_ connection: Connection) -> Bool {
        guard connection.isQuiet, connection.lingerDeadline == nil else { return false }
        if connection.closeAfterOutput {
            // Half-close and drain: closing with unread input would send RST and could destroy the
            // response before the client reads it (RFC 9112 §9.6).
            shutdown(connection.fd, Int32(SHUT_WR))
            connection.lingerDeadline = clock.now + Self.lingerPeriod
            return false
        }
        if connection.readClosed || stopDeadline != nil {
            closeConnection(connection)
            return true
        }
        return false
    }

    private func updateInterest(_ connection: Connection) {
        let wantsInput = connection.lingerDeadline != nil
            || (!connection.readClosed && connection.acceptsRequests && connection.output.isEmpty
                && connection.pending.count < Self.maxPendingRequests)
        var events: UInt32 = wantsInput ? Self.readEvents : 0
        if !connection.output.isEmpty { events |= Epoll.output }
        guard events != connection.registeredEvents else { return }
        do {
            try Epoll.modify(connection.fd, events: events, in: epollFD)
            connection.registeredEvents = events
        } catch {
            closeConnection(connection)
        }
    }

    func closeConnection(_ connection: Connection) {
        guard connections[connection.fd] === connection else { return }
        connections[connection.fd] = nil
        try? Epoll.remove(connection.fd, from: epollFD)
        connection.close()
        limiter.release()
    }

    // MARK: Stopping

    private func beginStopping() {
        stopDeadline = clock.now + configuration.shutdownTimeout
        if let listenFD {
            try? Epoll.remove(listenFD, from: epollFD)
            close(listenFD)
            self.listenFD = nil
        }
        for connection in Array(connections.values) {
            connection.acceptsRequests = false
            process(connection)
        }
    }
}

@available(*, unavailable)
extension EventLoop: Sendable {}
