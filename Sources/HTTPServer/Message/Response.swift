/// A response. The server adds `Date`, `Content-Length` (except on 1xx/204/304) and `Connection`.
/// For HEAD the server sends the headers a GET would get, including its Content-Length, and no body.
public struct Response: Sendable {
    /// The status line's code and reason.
    public var status: HTTPStatus
    /// Header fields set by the handler.
    public var headers: HTTPHeaders
    /// The body.
    public var body: ResponseBody

    /// Creates a response.
    public init(status: HTTPStatus = .ok, headers: HTTPHeaders = HTTPHeaders(), body: ResponseBody = .empty) {
        self.status = status
        self.headers = headers
        self.body = body
    }
}
