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
    /// A route's event-loop handler: answers from memory or returns nil to pass the request to the
    /// route's `Handler` on a worker. It must never block (no SQLite, no rendering, no waiting).
    public typealias EventLoopHandler = @Sendable (Request) throws -> Response?

    private struct Route: Sendable {
        var method: HTTPMethod
        var pattern: RoutePattern
        var handler: Handler
        var eventLoopHandler: EventLoopHandler?
    }

    /// Where a request goes: a route with its parameters, or the error response routing produced.
    private enum Match {
        case route(Route, Request)
        case error(Response)
    }

    private var routes: [Route] = []
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
    ///   - eventLoopHandler: Optionally tried first, on the event loop; nil from it, or no such handler,
    ///     sends the request to `handler` on a worker.
    public mutating func on(_ method: HTTPMethod, _ pattern: String, onEventLoop eventLoopHandler: EventLoopHandler? = nil,
                            handler: @escaping Handler) {
        routes.append(Route(method: method, pattern: RoutePattern(pattern), handler: handler, eventLoopHandler: eventLoopHandler))
    }

    /// Routes the request to its handler and turns thrown errors into error responses.
    public func respond(to request: Request) -> Response {
        switch match(request) {
        case .error(let response):
            return response
        case .route(let route, let routed):
            return answer { try route.handler(routed) }
        }
    }

    /// The matched route's event-loop answer, if it has an event-loop handler that answers.
    /// Routing errors (404, 405) are left to the worker path, which answers them the same way.
    public func respondOnEventLoop(to request: Request) -> Response? {
        guard case .route(let route, let routed) = match(request), let fast = route.eventLoopHandler else { return nil }
        do {
            guard let response = try fast(routed) else { return nil }
            return response
        } catch {
            return answer { throw error }
        }
    }

    /// Runs a handler, formatting a thrown `HTTPError` with its headers and anything else as a bare 500.
    private func answer(_ handler: () throws -> Response) -> Response {
        do {
            return try handler()
        } catch let error as HTTPError {
            var response = errorFormatter(error.status, error.message)
            for (name, value) in error.headers { response.headers.set(name, value) }
            return response
        } catch {
            return errorFormatter(.internalServerError, "Internal Server Error")
        }
    }

    private func match(_ request: Request) -> Match {
        var path = request.path
        return path.withUTF8 { match(request, path: $0) }
    }

    private func match(_ request: Request, path: UnsafeBufferPointer<UInt8>) -> Match {
        // Only origin-form paths can match a pattern; `*` (OPTIONS *) has no route.
        guard path.first == UInt8(ascii: "/") else { return .error(errorResponse(.notFound, message: "Not Found")) }
        // One pass, no sorting: among matching routes of the request's method, the one with the most
        // literal segments wins, and the earliest registered among equals. HEAD falls back to GET.
        // Captures are read only for the winner.
        var chosen: Route?
        var getFallback: Route?
        var matchedAny = false
        for route in routes {
            guard route.pattern.matches(path) else { continue }
            matchedAny = true
            if route.method == request.method {
                if chosen.map({ route.pattern.literalCount > $0.pattern.literalCount }) ?? true {
                    chosen = route
                }
            } else if request.method == .head, route.method == .get {
                if getFallback.map({ route.pattern.literalCount > $0.pattern.literalCount }) ?? true {
                    getFallback = route
                }
            }
        }
        guard matchedAny else { return .error(errorResponse(.notFound, message: "Not Found")) }
        guard let chosen = chosen ?? getFallback else {
            var allowed = Set(routes.filter { $0.pattern.matches(path) }.map(\.method.rawValue))
            if allowed.contains(HTTPMethod.get.rawValue) { allowed.insert(HTTPMethod.head.rawValue) }
            var response = errorResponse(.methodNotAllowed, message: "Method Not Allowed")
            response.headers.set("Allow", allowed.sorted().joined(separator: ", "))
            return .error(response)
        }
        var routed = request
        routed.parameters = chosen.pattern.parameters(in: path) ?? [:]
        return .route(chosen, routed)
    }

    /// Formats an error the server detected with the router's error formatter.
    public func errorResponse(_ status: HTTPStatus, message: String) -> Response {
        errorFormatter(status, message)
    }
}
