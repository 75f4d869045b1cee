import Testing
@testable import HTTPServer

private struct Boom: Error {}

struct RouterTests {
    static func jsonError(_ status: HTTPStatus, _ message: String) -> Response {
        Response(status: status, headers: ["Content-Type": "application/json"],
                 body: .bytes(Array("{\"error\":\"\(message)\"}".utf8)))
    }

    static func text(_ string: String) -> Response {
        Response(headers: ["Content-Type": "text/plain"], body: .bytes(Array(string.utf8)))
    }

    static func makeRouter() -> Router {
        var router = Router(errorFormatter: jsonError)
        router.on(.get, "/renders/:name") { text("render \($0.parameters["name"] ?? "?")") }
        router.on(.get, "/renders/latest") { _ in text("latest") }
        router.on(.post, "/images") { text("created \($0.body.count)") }
        router.on(.get, "/teapot") { _ in
            throw HTTPError(.tooManyRequests, "slow down", headers: ["Retry-After": "7", "Cache-Control": "no-store"])
        }
        router.on(.get, "/boom") { _ in throw Boom() }
        router.on(.get, "/") { _ in text("root") }
        return router
    }

    private func body(_ response: Response) -> String {
        guard case .bytes(let bytes) = response.body else { return "" }
        return String(decoding: bytes, as: UTF8.self)
    }

    @Test func parametersAreCaptured() {
        let response = Self.makeRouter().respond(to: Request(method: .get, target: "/renders/ab%2Fcd.png?x=1"))
        #expect(response.status == .ok)
        #expect(body(response) == "render ab%2Fcd.png")
    }

    @Test func literalSegmentsBeatParameters() {
        #expect(body(Self.makeRouter().respond(to: Request(method: .get, target: "/renders/latest"))) == "latest")
    }

    @Test(arguments: ["/nothing", "/renders", "/renders/", "/renders/a/b", "/images/"])
    func unknownPathsAre404(path: String) {
        let response = Self.makeRouter().respond(to: Request(method: .get, target: path))
        #expect(response.status == .notFound)
        #expect(body(response) == "{\"error\":\"Not Found\"}")
    }

    @Test func wrongMethodIs405WithAllow() {
        let router = Self.makeRouter()
        let post = router.respond(to: Request(method: .post, target: "/renders/x"))
        #expect(post.status == .methodNotAllowed)
        #expect(post.headers["Allow"] == "GET, HEAD")
        let get = router.respond(to: Request(method: .get, target: "/images"))
        #expect(get.status == .methodNotAllowed)
        #expect(get.headers["Allow"] == "POST")
    }

    @Test func asteriskTargetMatchesNoRoute() {
        #expect(Self.makeRouter().respond(to: Request(method: .options, target: "*")).status == .notFound)
    }

    @Test func equallySpecificRoutesGoToTheFirstRegistered() {
        var router = Router(errorFormatter: Self.jsonError)
        router.on(.get, "/a/:x") { _ in Self.text("first") }
        router.on(.get, "/:y/b") { _ in Self.text("second") }
        router.on(.head, "/:y/b") { _ in Self.text("head") }
        #expect(body(router.respond(to: Request(method: .get, target: "/a/b"))) == "first")
        // A route for the method itself beats the GET fallback.
        #expect(body(router.respond(to: Request(method: .head, target: "/a/b"))) == "head")
        #expect(body(router.respond(to: Request(method: .head, target: "/a/z"))) == "first")
        #expect(router.respond(to: Request(method: .post, target: "/a/b")).headers["Allow"] == "GET, HEAD")
    }

    @Test func headFallsBackToGet() {
        let response = Self.makeRouter().respond(to: Request(method: .head, target: "/"))
        #expect(response.status == .ok)
        #expect(body(response) == "root")
    }

    @Test func thrownHTTPErrorIsFormattedWithItsHeaders() {
        let response = Self.makeRouter().respond(to: Request(method: .get, target: "/teapot"))
        #expect(response.status == .tooManyRequests)
        #expect(body(response) == "{\"error\":\"slow down\"}")
        #expect(response.headers["Retry-After"] == "7")
        #expect(response.headers["Cache-Control"] == "no-store")
        #expect(response.headers["content-type"] == "application/json")
    }

    @Test func otherErrorsAreAGeneric500() {
        let response = Self.makeRouter().respond(to: Request(method: .get, target: "/boom"))
        #expect(response.status == .internalServerError)
        #expect(!body(response).contains("Boom"))
    }

    @Test func errorResponseUsesTheFormatter() {
        let response = Self.makeRouter().errorResponse(.requestTimeout, message: "Request Timeout")
        #expect(response.status.code == 408)
        #expect(body(response) == "{\"error\":\"Request Timeout\"}")
    }
}

struct HTTPHeadersTests {
    @Test func namesAreCaseInsensitiveAndOrderIsKept() {
        var headers: HTTPHeaders = ["Accept": "a", "X-One": "1"]
        headers.add("accept", "b")
        #expect(headers["ACCEPT"] == "a")
        #expect(headers.values(for: "Accept") == ["a", "b"])
        headers.set("ACCEPT", "c")
        #expect(headers.values(for: "accept") == ["c"])
        #expect(headers.map(\.name) == ["ACCEPT", "X-One"])
        headers.remove("x-one")
        #expect(!headers.contains("X-One"))
    }

    @Test func requestSplitsPathAndQuery() {
        let request = Request(method: .get, target: "/a/b?c=d?e")
        #expect(request.path == "/a/b")
        #expect(request.query == "c=d?e")
        #expect(Request(method: .get, target: "/x").query == nil)
    }
}

struct ResponseEncoderTests {
    @Test func framingFieldsBelongToTheServer() {
        let response = Response(status: .ok, headers: ["Content-Length": "999", "X-A": "evil\r\nInjected: 1"], body: .bytes([1, 2, 3]))
        let head = String(decoding: ResponseEncoder.head(for: response, bodyLength: 3, date: Array("D".utf8), connection: .close), as: UTF8.self)
        #expect(head == "HTTP/1.1 200 OK\r\nDate: D\r\nX-A: evil  Injected: 1\r\nContent-Length: 3\r\nConnection: close\r\n\r\n")
    }

    @Test func notModifiedHasNoContentLength() {
        let head = ResponseEncoder.head(for: Response(status: .notModified), bodyLength: 0, date: [], connection: .keepAliveByDefault)
        #expect(!String(decoding: head, as: UTF8.self).contains("Content-Length"))
    }

    @Test(arguments: [0, 5, 9, 10, 99, 100, 204, 1_000, 65_536, 1_234_567_890])
    func decimalsMatchStringConversion(value: Int) {
        var out: [UInt8] = [UInt8(ascii: "x")]
        ResponseEncoder.appendDecimal(value, to: &out)
        #expect(String(decoding: out, as: UTF8.self) == "x" + String(value))
    }

    @Test func framingFieldNamesMatchWithoutCase() {
        for name in ["date", "DATE", "Connection", "content-length", "Transfer-Encoding"] {
            #expect(ResponseEncoder.isFramingField(name))
        }
        for name in ["", "Dates", "Content-Type", "Connectio", "Keep-Alive", "Transfer-Encodings"] {
            #expect(!ResponseEncoder.isFramingField(name))
        }
    }

    @Test func dateIsIMFFixdate() {
        #expect(HTTPDate.format(784_111_777) == "Sun, 06 Nov 1994 08:49:37 GMT")
    }
}
