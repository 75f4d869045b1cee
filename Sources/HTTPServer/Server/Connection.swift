import Glibc

/// One accepted socket and its HTTP state. Confined to the event loop thread.
///
/// Requests are handled one at a time per connection: pipelined requests wait in `pending`,
/// and their responses are written in the order the requests arrived.
final class Connection {
    /// Work parsed from the socket, waiting for its turn on the worker pool.
    enum Pending {
        case request(ParsedRequest)
        /// A server-detected error; its response closes the connection.
        case failure(HTTPStatus, message: String)
    }

    /// The request currently with a worker.
    struct InFlight {
        /// Nil for a server-detected error, which has no trustworthy request line.
        var method: HTTPMethod?
        var target: String
        var keepAlive: Bool
        var isHTTP10: Bool
        var closes: Bool
        var started: ContinuousClock.Instant
    }

    /// Bytes or a file region not yet written.
    enum Outbound {
        case bytes([UInt8], sent: Int)
        case file(fd: Int32, offset: Int, remaining: Int)
    }

    enum FlushResult {
        case done
        /// The socket buffer is full; `progressed` says whether anything was written first.
        case blocked(progressed: Bool)
        /// The file ended before the promised length; the connection cannot be framed any more.
        case truncated
    }

    let fd: Int32
    let id: UInt64
    var parser: RequestParser
    var pending: [Pending] = []
    var inFlight: InFlight?
    var output: [Outbound] = []
    /// No further requests are read: a request said `Connection: close`, or parsing failed.
    var acceptsRequests = true
    /// The peer finished sending (read returned 0).
    var readClosed = false
    /// Close once the queued output is written.
    var closeAfterOutput = false
    /// After a closing response: our side is shut down and input is drained until this instant.
    var lingerDeadline: ContinuousClock.Instant?
    /// When the first byte of the header block being read arrived.
    var headStarted: ContinuousClock.Instant?
    var lastActivity: ContinuousClock.Instant
    var registeredEvents: UInt32

    init(fd: Int32, id: UInt64, limits: RequestParser.Limits, now: ContinuousClock.Instant, events: UInt32) {
        self.fd = fd
        self.id = id
        self.parser = RequestParser(limits: limits)
        self.lastActivity = now
        self.registeredEvents = events
    }

    /// Whether nothing is queued, running or waiting to be written.
    var isQuiet: Bool { pending.isEmpty && inFlight == nil && output.isEmpty }

    /// Writes as much queued output as the socket takes.
    /// - Throws: `SystemError` when the peer is gone (EPIPE, ECONNRESET …).
    func flush() throws(SystemError) -> FlushResult {
        var progressed = false
        while let first = output.first {
            switch first {
            case .bytes(let bytes, let sent):
                let result = try syscall("send") {
                    bytes.withUnsafeBytes { send(fd, $0.baseAddress! + sent, bytes.count - sent, Int32(MSG_NOSIGNAL)) }
                }
                guard case .processed(let written) = result else { return .blocked(progressed: progressed) }
                progressed = true
                if sent + written == bytes.count {
                    output.removeFirst()
                } else {
                    output[0] = .bytes(bytes, sent: sent + written)
                }
            case .file(let file, let offset, let remaining):
                var position = off_t(offset)
                // Linux sendfile moves at most 0x7ffff000 bytes per call.
                let result = try syscall("sendfile") { sendfile(fd, file, &position, min(remaining, 0x7fff_f000)) }
                guard case .processed(let written) = result else { return .blocked(progressed: progressed) }
                if written == 0 { return .truncated }
                progressed = true
                if written == remaining {
                    Glibc.close(file)
                    output.removeFirst()
                } else {
                    output[0] = .file(fd: file, offset: Int(position), remaining: remaining - written)
                }
            }
        }
        return .done
    }

    /// Releases the socket and any open files. The caller unregisters it from epoll first.
    func close() {
        for item in output {
            if case .file(let file, _, _) = item { Glibc.close(file) }
        }
        output.removeAll()
        Glibc.close(fd)
    }
}

@available(*, unavailable)
extension Connection: Sendable {}
