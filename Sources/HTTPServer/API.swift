// Public API contract of HTTPServer. OGServer is written against these declarations.
// The implementer keeps every signature below (adding is fine), moves each type into its own
// file as STYLE.md asks, and deletes this file.
import Foundation

/// An HTTP request method, such as `GET`.
public struct HTTPMethod: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
    public var rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public var description: String { rawValue }
    public static let get = HTTPMethod(rawValue: "GET")
    public static let head = HTTPMethod(rawValue: "HEAD")
    public static let post = HTTPMethod(rawValue: "POST")
    public static let put = HTTPMethod(rawValue: "PUT")
    public static let delete = HTTPMethod(rawValue: "DELETE")
    public static let options = HTTPMethod(rawValue: "OPTIONS")
}

/// A response status code with its reason phrase.
public struct HTTPStatus: Hashable, Sendable {
    public var code: Int
    public var reasonPhrase: String
    public init(code: Int, reasonPhrase: String) { self.code = code; self.reasonPhrase = reasonPhrase }
    public static let ok = HTTPStatus(code: 200, reasonPhrase: "OK")
    public static let notModified = HTTPStatus(code: 304, reasonPhrase: "Not Modified")
    public static let badRequest = HTTPStatus(code: 400, reasonPhrase: "Bad Request")
    public static let unauthorized = HTTPStatus(code: 401, reasonPhrase: "Unauthorized")
    public static let paymentRequired = HTTPStatus(code: 402, reasonPhrase: "Payment Required")
    public static let notFound = HTTPStatus(code: 404, reasonPhrase: "Not Found")
    public static let methodNotAllowed = HTTPStatus(code: 405, reasonPhrase: "Method Not Allowed")
    public static let requestTimeout = HTTPStatus(code: 408, reasonPhrase: "Request Timeout")
    public static let preconditionFailed = HTTPStatus(code: 412, reasonPhrase: "Precondition Failed")
    public static let contentTooLarge = HTTPStatus(code: 413, reasonPhrase: "Content Too Large")
    public static let uriTooLong = HTTPStatus(code: 414, reasonPhrase: "URI Too Long")
    public static let unsupportedMediaType = HTTPStatus(code: 415, reasonPhrase: "Unsupported Media Type")
    public static let tooManyRequests = HTTPStatus(code: 429, reasonPhrase: "Too Many Requests")
    public static let requestHeaderFieldsTooLarge = HTTPStatus(code: 431, reasonPhrase: "Request Header Fields Too Large")
    public static let internalServerError = HTTPStatus(code: 500, reasonPhrase: "Internal Server Error")
    public static let notImplemented = HTTPStatus(code: 501, reasonPhrase: "Not Implemented")
    public static let serviceUnavailable = HTTPStatus(code: 503, reasonPhrase: "Service Unavailable")
    public static let httpVersionNotSupported = HTTPStatus(code: 505, reasonPhrase: "HTTP Version Not Supported")
}

/// An ordered list of header fields; names compare case-insensitively.
public struct HTTPHeaders: Sendable, Sequence, ExpressibleByDictionaryLiteral {
    public init() { fatalError("unimplemented") }
    public init(dictionaryLiteral elements: (String, String)...) { fatalError("unimplemented") }
    /// The first value of the field `name`, or nil.
    public subscript(name: String) -> String? { fatalError("unimplemented") }
    /// Every value of the field `name`, in order (one per header line).
    public func values(for name: String) -> [String] { fatalError("unimplemented") }
    public func contains(_ name: String) -> Bool { fatalError("unimplemented") }
    /// Appends a field line.
    public mutating func add(_ name: String, _ value: String) { fatalError("unimplemented") }
    /// Replaces every line of `name` with one line.
    public mutating func set(_ name: String, _ value: String) { fatalError("unimplemented") }
    public mutating func remove(_ name: String) { fatalError("unimplemented") }
    public func makeIterator() -> Array<(name: String, value: String)>.Iterator { fatalError("unimplemented") }
}

/// A parsed request, handed to a `Responder` on a worker thread.
public struct Request: Sendable {
    public var method: HTTPMethod
    /// The request-target exactly as received, e.g. `/renders/ab…cd.png?x=1`.
    public var target: String
    /// The path part of the target, not percent-decoded.
    public var path: String
    /// The query part of the target without `?`, if any.
    public var query: String?
    /// HTTP version as (major, minor).
    public var version: (major: Int, minor: Int)
    public var headers: HTTPHeaders
    public var body: [UInt8]
    /// Values of `:name` segments matched by the router.
    public var parameters: [String: String]
    public init(method: HTTPMethod, target: String, version: (major: Int, minor: Int) = (1, 1),
                headers: HTTPHeaders = HTTPHeaders(), body: [UInt8] = []) { fatalError("unimplemented") }
}

/// What a response carries after its header block.
public enum ResponseBody: Sendable {
    case empty
    case bytes([UInt8])
    /// `length` bytes of the file at `path` from `offset`, sent with sendfile.
    case file(path: String, offset: Int, length: Int)
}

/// A response. The server adds `Date`, `Content-Length` (except on 1xx/204/304) and `Connection`.
/// For HEAD the server sends the headers a GET would get, including its Content-Length, and no body.
public struct Response: Sendable {
    public var status: HTTPStatus
    public var headers: HTTPHeaders
    public var body: ResponseBody
    public init(status: HTTPStatus = .ok, headers: HTTPHeaders = HTTPHeaders(), body: ResponseBody = .empty) { fatalError("unimplemented") }
}

/// An error a handler throws to answer with a status; the router formats the body.
public struct HTTPError: Error, Sendable {
    public var status: HTTPStatus
    public var message: String
    /// Extra headers for the error response (e.g. `Retry-After`, `Allow`, `Cache-Control`).
    public var headers: HTTPHeaders
    public init(_ status: HTTPStatus, _ message: String, headers: HTTPHeaders = HTTPHeaders()) { fatalError("unimplemented") }
}

/// Turns requests into responses. Called on worker threads, never on an event loop, so it may block.
public protocol Responder: Sendable {
    func respond(to request: Request) -> Response
    /// The response for an error the server itself detects (malformed request, 413, 431, 408 …).
    func errorResponse(_ status: HTTPStatus, message: String) -> Response
}

/// A route table: method + path pattern (`/renders/:name`) → handler. Built before the server starts.
/// HEAD falls back to the GET handler. No match → 404; path matches but method does not → 405 with `Allow`.
/// A thrown `HTTPError` becomes `errorFormatter(status, message)` plus its headers; any other error a 500
/// whose body reveals nothing.
public struct Router: Responder {
    public typealias Handler = @Sendable (Request) throws -> Response
    public init(errorFormatter: @escaping @Sendable (HTTPStatus, String) -> Response) { fatalError("unimplemented") }
    public mutating func on(_ method: HTTPMethod, _ pattern: String, handler: @escaping Handler) { fatalError("unimplemented") }
    public func respond(to request: Request) -> Response { fatalError("unimplemented") }
    public func errorResponse(_ status: HTTPStatus, message: String) -> Response { fatalError("unimplemented") }
}

/// Settings for `Server`.
public struct ServerConfiguration: Sendable {
    public var host: String = "127.0.0.1"
    /// 0 picks a free port (see `Server.localPort`).
    public var port: Int = 8080
    public var maxHeaderBytes: Int = 16 * 1024
    public var maxBodyBytes: Int = 1 << 20
    public var headerReadTimeout: Duration = .seconds(10)
    public var idleTimeout: Duration = .seconds(75)
    /// Threads that run the responder.
    public var workerThreads: Int = 4
    /// One line per request to stderr.
    public var accessLog: Bool = false
    public init() {}
}

/// An HTTP/1.1 server on epoll.
public final class Server: Sendable {
    public init(configuration: ServerConfiguration, responder: any Responder) { fatalError("unimplemented") }
    /// Binds and listens, then serves on background threads; returns once the socket is listening.
    public func start() throws { fatalError("unimplemented") }
    /// The bound port (useful with port 0).
    public var localPort: Int { fatalError("unimplemented") }
    /// Stops accepting, lets requests in flight finish, closes connections. Safe from any thread.
    public func stop() { fatalError("unimplemented") }
    /// Blocks until the server has stopped.
    public func wait() { fatalError("unimplemented") }
}
