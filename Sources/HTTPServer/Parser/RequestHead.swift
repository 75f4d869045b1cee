/// The parsed request line and header block, before the body is read.
struct RequestHead: Sendable {
    enum Framing: Equatable, Sendable {
        case none
        case contentLength(Int)
        case chunked
    }

    var method: HTTPMethod
    var target: String
    var path: String
    var version: (major: Int, minor: Int)
    var headers: HTTPHeaders
    var framing: Framing
    var keepAlive: Bool
    var expectsContinue: Bool

    func request(body: [UInt8]) -> ParsedRequest {
        var request = Request(method: method, target: target, version: version, headers: headers, body: body)
        request.path = path
        return ParsedRequest(request: request, keepAlive: keepAlive)
    }
}
