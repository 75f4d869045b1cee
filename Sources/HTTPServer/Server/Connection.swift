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
        /// Never empty, so each one is a non-empty iovec.
        case bytes([UInt8], sent: Int)
        /// The file stays open while this holds it, even if a cache dropped it meanwhile.
        case file(OpenFile, offset: Int, remaining: Int)
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
    /// When the server became ready for the body being read (its head parsed, nothing else queued).
    var bodyStarted: ContinuousClock.Instant?
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

    /// At most this many byte buffers go into one `sendmsg` (Linux allows 1024; a few pipelined
    /// responses are all a connection ever has queued).
    static let maxVectors = 16

    /// Writes as much queued output as the socket takes.
    ///
    /// Consecutive byte buffers (a response's head and body, or several pipelined responses) go out
    /// in one gathering `sendmsg`; file regions go out with `sendfile`.
    /// - Throws: `SystemError` when the peer is gone (EPIPE, ECONNRESET …).
    func flush() throws(SystemError) -> FlushResult {
        var progressed = false
        while let first = output.first {
            switch first {
            case .bytes:
                let run = output.prefix(Self.maxVectors).prefix { if case .bytes = $0 { true } else { false } }
                // A file right behind the head: let the kernel merge the head into the file's first segment.
                let more = run.count < output.count ? Int32(MSG_MORE) : 0
                let result = try syscall("sendmsg") {
                    Self.withVectors(run) { vectors, count in
                        var message = msghdr()
                        message.msg_iov = vectors
                        message.msg_iovlen = count
                        return sendmsg(fd, &message, Int32(MSG_NOSIGNAL) | more)
                    }
                }
                guard case .processed(let written) = result else { return .blocked(progressed: progressed) }
                progressed = true
                consume(written)
            case .file(let file, let offset, let remaining):
                var position = off_t(offset)
                // Linux sendfile moves at most 0x7ffff000 bytes per call.
                let result = try syscall("sendfile") {
                    sendfile(fd, file.descriptor, &position, min(remaining, 0x7fff_f000))
                }
                guard case .processed(let written) = result else { return .blocked(progressed: progressed) }
                if written == 0 { return .truncated }
                progressed = true
                if written == remaining {
                    output.removeFirst()
                } else {
                    output[0] = .file(file, offset: Int(position), remaining: remaining - written)
                }
            }
        }
        return .done
    }

    /// Drops `count` written bytes from the front of the queued byte buffers.
    private func consume(_ count: Int) {
        var left = count
        while left > 0, case .bytes(let bytes, let sent) = output[0] {
            let available = bytes.count - sent
            if left >= available {
                output.removeFirst()
                left -= available
            } else {
                output[0] = .bytes(bytes, sent: sent + left)
                left = 0
            }
        }
    }

    /// Calls `body` with an iovec array over the unsent part of each `.bytes` item.
    ///
    /// Each array is pinned by its own `withUnsafeBytes` scope, nested by recursion, so every
    /// pointer stays valid until `body` returns.
    private static func withVectors<Result>(
        _ items: ArraySlice<Outbound>, _ vectors: [iovec] = [],
        _ body: (UnsafeMutablePointer<iovec>, Int) -> Result
    ) -> Result {
        guard let first = items.first, case .bytes(let bytes, let sent) = first else {
            var vectors = vectors
            return vectors.withUnsafeMutableBufferPointer { body($0.baseAddress!, $0.count) }
        }
        return bytes.withUnsafeBytes { raw in
            var vectors = vectors
            vectors.append(iovec(iov_base: UnsafeMutableRawPointer(mutating: raw.baseAddress! + sent),
                                 iov_len: raw.count - sent))
            return withVectors(items.dropFirst(), vectors, body)
        }
    }

    /// Releases the socket and its references to open files. The caller unregisters it from epoll first.
    func close() {
        output.removeAll()
        Glibc.close(fd)
    }
}

@available(*, unavailable)
extension Connection: Sendable {}
