/// A route table: method + path pattern (`/renders/:name`) → handler. Built before the server starts.
/// HEAD falls back to the GET handler. No match → 404; path matches but method does not → 405 with `Allow`.
/// A thrown `HTTPError` becomes `errorFormatter(status, message)` plus its headers; any other error a 500
/// whose body reveals nothing.
///
/// Parameter values are the raw path segments, not percent-decoded, so a handler validates exactly
/// the bytes the client sent.
public struct Router: Responder {
    /// A route handler; runs on a worker thread and may block.
    public typealias Handler = @Sendable (Request) throws -> Response

    private struct Route: Sendable {
        var method: HTTPMethod
        var pattern: RoutePattern
        var handler: Handler
    }

    private var routes: [Route] = []
    /// Tried on the event loop before a request goes to the workers; see
    /// `Responder.respondOnEventLoop(to:)` for what it must not do. It sees the request before
    /// routing, so `parameters` is empty. Nil (the default) sends everything to the workers.
    public var eventLoopHandler: (@Sendable (Request) -> Response?)?
    private let errorFormatter: @Sendable (HTTPStatus, String) -> Response

    /// Creates an empty router.
    /// - Parameter errorFormatter: Builds the body of every error response: 404, 405, thrown
    ///   `HTTPError`s, and the server's own errors passed to `errorResponse(_:message:)`.
    public init(errorFormatter: @escaping @Sendable (HTTPStatus, String) -> Response) {
        self.errorFormatter = errorFormatter
    }

    /// Adds a route. When several patterns match a path, the one with more literal segments wins;
    /// among equals, the one added first.
    /// - Parameters:
    ///   - method: The method to answer; a GET route also answers HEAD unless a HEAD route exists.
    ///   - pattern: A path starting with `/`; segments written `:name` capture into `Request.parameters`.
    public mutating func on(_ method: HTTPMethod, _ pattern: String, handler: @escaping Handler) {
        routes.append(Route(method: method, pattern: RoutePattern(pattern), handler: handler))
    }

    /// Routes the request to its handler and turns thrown errors into error responses.
    public func respond(to request: Request) -> Response {
        // Only origin-form paths can match a pattern; `*` (OPTIONS *) has no route.
        guard request.path.hasPrefix("/") else { return errorResponse(.notFound, message: "Not Found") }
        let segments = RoutePattern.split(request.path)
        var candidates: [(route: Route, parameters: [String: String])] = []
        for route in routes {
            if let parameters = route.pattern.match(segments) { candidates.append((route, parameters)) }
        }
        guard !candidates.isEmpty else { return errorResponse(.notFound, message: "Not Found") }

        // Stable sort keeps registration order among patterns of equal specificity.
        let ranked = candidates.enumerated()
            .sorted { ($0.element.route.pattern.literalCount, -$0.offset) > ($1.element.route.pattern.literalCount, -$1.offset) }
            .map(\.element)
        let chosen = ranked.first { $0.route.method == request.method }
            ?? (request.method == .head ? ranked.first { $0.route.method == .get } : nil)
        guard let chosen else {
            var allowed = Set(candidates.map(\.route.method.rawValue))
            if allowed.contains(HTTPMethod.get.rawValue) { allowed.insert(HTTPMethod.head.rawValue) }
            var response = errorResponse(.methodNotAllowed, message: "Method Not Allowed")
            response.headers.set("Allow", allowed.sorted().joined(separator: ", "))
            return response
        }

        var routed = request
        routed.parameters = chosen.parameters
        do {
            return try chosen.route.handler(routed)
        } catch let error as HTTPError {
            var response = errorFormatter(error.status, error.message)
            for (name, value) in error.headers { response.headers.set(name, value) }
            return response
        } catch {
            return errorFormatter(.internalServerError, "Internal Server Error")
        }
    }

    /// The `eventLoopHandler`'s answer, if it has one.
    public func respondOnEventLoop(to request: Request) -> Response? {
        eventLoopHandler?(request)
    }

    /// Formats an error the server detected with the router's error formatter.
    public func errorResponse(_ status: HTTPStatus, message: String) -> Response {
        errorFormatter(status, message)
    }
}
