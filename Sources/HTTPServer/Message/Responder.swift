/// Turns requests into responses. Called on worker threads, never on an event loop, so it may block.
public protocol Responder: Sendable {
    /// Answers one request.
    func respond(to request: Request) -> Response
    /// The response for an error the server itself detects (malformed request, 413, 431, 408, and
    /// 503 when the worker queue or the connection limit is full).
    ///
    /// Called on an event loop thread, so it must only format a message: no I/O, no locks held long.
    func errorResponse(_ status: HTTPStatus, message: String) -> Response
}
