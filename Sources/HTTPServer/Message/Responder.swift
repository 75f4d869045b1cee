/// Turns requests into responses. `respond(to:)` is called on worker threads, never on an event
/// loop, so it may block.
public protocol Responder: Sendable {
    /// Answers one request.
    func respond(to request: Request) -> Response
    /// Answers a request on the event loop itself, or returns nil to send it to the worker pool.
    ///
    /// For answers that need only memory (a hot-path cache hit), this saves two thread hand-offs per
    /// request. It runs on an event loop thread: it must never block — no SQLite, no rendering, no
    /// locks held for long. A `.file` body is opened on the loop (open + fstat, as a static file
    /// server does); an `.openFile` body from a responder's own cache costs no open at all. The
    /// default returns nil.
    func respondOnEventLoop(to request: Request) -> Response?
    /// The response for an error the server itself detects (malformed request, 413, 431, 408, and
    /// 503 when the worker queue or the connection limit is full).
    ///
    /// Called on an event loop thread, so it must only format a message: no I/O, no locks held long.
    func errorResponse(_ status: HTTPStatus, message: String) -> Response
}

extension Responder {
    /// Sends every request to the worker pool.
    public func respondOnEventLoop(to request: Request) -> Response? { nil }
}
