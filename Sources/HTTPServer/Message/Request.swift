/// A parsed request, handed to a `Responder` on a worker thread.
public struct Request: Sendable {
    /// The request method.
    public var method: HTTPMethod
    /// The request-target exactly as received, e.g. `/renders/ab…cd.png?x=1`.
    public var target: String
    /// The path part of the target, not percent-decoded.
    public var path: String
    /// The query part of the target without `?`, if any.
    public var query: String?
    /// HTTP version as (major, minor).
    public var version: (major: Int, minor: Int)
    /// The header fields in the order received.
    public var headers: HTTPHeaders
    /// The body, already de-chunked.
    public var body: [UInt8]
    /// Values of `:name` segments matched by the router.
    public var parameters: [String: String]

    /// Creates a request; `path` and `query` are split off `target` at the first `?`.
    public init(method: HTTPMethod, target: String, version: (major: Int, minor: Int) = (1, 1),
                headers: HTTPHeaders = HTTPHeaders(), body: [UInt8] = []) {
        self.method = method
        self.target = target
        self.version = version
        self.headers = headers
        self.body = body
        self.parameters = [:]
        if let mark = ASCII.firstIndex(of: UInt8(ascii: "?"), in: target) {
            path = String(target[..<mark])
            query = String(target[target.index(after: mark)...])
        } else {
            path = target
            query = nil
        }
    }
}
