import CLinuxShims
import Glibc

extension EventLoop {
    /// Accepts every pending connection on this loop's listening socket.
    func acceptConnections() {
        guard let listenFD else { return }
        while true {
            let accepted: IOResult<Int32>
            do {
                accepted = try Socket.accept(from: listenFD)
            } catch {
                // ECONNABORTED and the like affect one attempt; keep serving the others. EMFILE is kept
                // away by ConnectionLimiter, which stays below the descriptor limit.
                return
            }
            guard case .processed(let fd) = accepted else { return }
            guard limiter.acquire() else {
                refuse(fd)
                continue
            }
            nextConnectionID += 1
            let connection = Connection(fd: fd, id: nextConnectionID, limits: limits, now: clock.now,
                                        events: Self.readEvents)
            // The first header block is timed from the connect, so a silent client cannot hold a
            // socket for the whole idle timeout.
            connection.headStarted = clock.now
            do {
                try Epoll.add(fd, events: Self.readEvents, to: epollFD)
            } catch {
                close(fd)
                limiter.release()
                continue
            }
            connections[fd] = connection
        }
    }

    /// Answers a connection beyond `maxConnections` with one best-effort `503` and closes it.
    ///
    /// Accepting and closing, rather than leaving connections in the listen backlog, tells the
    /// client (or the CDN) at once that this origin is full, instead of letting it wait for its
    /// connect timeout; and the level-triggered listening socket stays quiet between refusals.
    private func refuse(_ fd: Int32) {
        let response = busyResponse()
        let body: [UInt8] = if case .bytes(let bytes) = response.body { bytes } else { [] }
        let bytes = ResponseEncoder.head(for: response, bodyLength: body.count, date: dates.current, connection: .close) + body
        // One non-blocking send into an empty socket buffer; nothing is retried for a refused client.
        _ = bytes.withUnsafeBytes { send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL | MSG_DONTWAIT)) }
        close(fd)
    }

    /// The responder's `503` for "try again shortly", never cached.
    func busyResponse() -> Response {
        var response = responder.errorResponse(.serviceUnavailable, message: "The server is busy; retry shortly.")
        response.headers.set("Retry-After", "1")
        response.headers.set("Cache-Control", "no-store")
        if response.body.isFile { response.body = .empty }
        return response
    }
}
