/// An error a handler throws to answer with a status; the router formats the body.
public struct HTTPError: Error, Sendable {
    /// The status to answer with.
    public var status: HTTPStatus
    /// A message for the client; the router's error formatter puts it in the body.
    public var message: String
    /// Extra headers for the error response (e.g. `Retry-After`, `Allow`, `Cache-Control`).
    public var headers: HTTPHeaders

    /// Creates an error with a status, a client-facing message and optional extra headers.
    public init(_ status: HTTPStatus, _ message: String, headers: HTTPHeaders = HTTPHeaders()) {
        self.status = status
        self.message = message
        self.headers = headers
    }
}
