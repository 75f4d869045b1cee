/// Turns requests into responses. Called on worker threads, never on an event loop, so it may block.
public protocol Responder: Sendable {
    /// Answers one request.
    func respond(to request: Request) -> Response
    /// The response for an error the server itself detects (malformed request, 413, 431, 408 …).
    func errorResponse(_ status: HTTPStatus, message: String) -> Response
}
