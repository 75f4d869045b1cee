import Testing
@testable import HTTPServer

/// A parsed request reduced to comparable values.
private struct Summary: Equatable, CustomStringConvertible {
    var method: String
    var target: String
    var path: String
    var query: String?
    var headers: [String]
    var body: [UInt8]
    var keepAlive: Bool

    init(_ parsed: ParsedRequest) {
        method = parsed.request.method.rawValue
        target = parsed.request.target
        path = parsed.request.path
        query = parsed.request.query
        headers = parsed.request.headers.map { "\($0.name)=\($0.value)" }
        body = parsed.request.body
        keepAlive = parsed.keepAlive
    }

    var description: String { "\(method) \(target) \(headers) \(String(decoding: body, as: UTF8.self)) keepAlive=\(keepAlive)" }
}

private let defaultLimits = RequestParser.Limits(maxHeaderBytes: 16 * 1024, maxBodyBytes: 1 << 20)

/// Feeds `chunks` one after another and collects every request the parser produces.
private func parse(_ chunks: [ArraySlice<UInt8>], limits: RequestParser.Limits = defaultLimits) throws(HTTPParseError) -> [Summary] {
    var parser = RequestParser(limits: limits)
    var results: [Summary] = []
    for chunk in chunks {
        parser.append(Array(chunk))
        while let parsed = try parser.next() { results.append(Summary(parsed)) }
    }
    return results
}

private func parseError(_ text: String, limits: RequestParser.Limits = defaultLimits) -> HTTPParseError? {
    do {
        _ = try parse([Array(text.utf8)[...]], limits: limits)
        return nil
    } catch {
        return error
    }
}

struct RequestParserTests {
    static let samples: [(name: String, text: String)] = [
        ("simple GET", "GET /renders/abc.png?x=1&y=2 HTTP/1.1\r\nHost: example.com\r\nAccept: */*\r\n\r\n"),
        ("POST with Content-Length", "POST /images HTTP/1.1\r\nHost: h\r\nContent-Length: 13\r\n\r\n{\"a\":\"hello\"}"),
        ("chunked body", "POST /c HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\n\r\n"
            + "5\r\nhello\r\n6;name=value\r\n world\r\nA\r\n0123456789\r\n0\r\nX-Trailer: t\r\n\r\n"),
        ("pipelined pair", "GET /one HTTP/1.1\r\nHost: h\r\n\r\nPOST /two HTTP/1.1\r\nHost: h\r\nContent-Length: 3\r\nConnection: close\r\n\r\nabc"),
        ("folding and odd whitespace", "\r\nGET / HTTP/1.1\nHost:h\r\nX-Folded: first\r\n   second\r\n\tthird\r\nX-Spaces: \t padded \t \r\nX-Empty:\r\n\r\n"),
        ("HTTP/1.0 keep-alive", "GET /old HTTP/1.0\r\nConnection: Keep-Alive\r\n\r\n"),
    ]

    @Test(arguments: samples.map(\.name))
    func splittingAtEveryOffsetGivesTheSameRequests(name: String) throws {
        let bytes = Array(Self.samples.first { $0.name == name }!.text.utf8)
        let whole = try parse([bytes[...]])
        #expect(!whole.isEmpty)
        for offset in 0...bytes.count {
            let split = try parse([bytes[..<offset], bytes[offset...]])
            #expect(split == whole, "split at \(offset)")
        }
        // And byte by byte, the way a slow client sends it.
        #expect(try parse(bytes.indices.map { bytes[$0...$0] }) == whole)
    }

    @Test func simpleGetFields() throws {
        let requests = try parse([Array(Self.samples[0].text.utf8)[...]])
        #expect(requests.count == 1)
        #expect(requests[0].method == "GET")
        #expect(requests[0].path == "/renders/abc.png")
        #expect(requests[0].query == "x=1&y=2")
        #expect(requests[0].headers == ["Host=example.com", "Accept=*/*"])
        #expect(requests[0].keepAlive)
    }

    @Test func contentLengthBody() throws {
        let requests = try parse([Array(Self.samples[1].text.utf8)[...]])
        #expect(requests.map(\.body) == [Array("{\"a\":\"hello\"}".utf8)])
    }

    @Test func chunkedBodyIsDecoded() throws {
        let requests = try parse([Array(Self.samples[2].text.utf8)[...]])
        #expect(requests.map(\.body) == [Array("hello world0123456789".utf8)])
        #expect(!requests[0].headers.contains("X-Trailer=t"))
    }

    @Test func pipelinedRequestsComeOutInOrder() throws {
        let requests = try parse([Array(Self.samples[3].text.utf8)[...]])
        #expect(requests.map(\.path) == ["/one", "/two"])
        #expect(requests.map(\.keepAlive) == [true, false])
        #expect(requests[1].body == Array("abc".utf8))
    }

    @Test func foldedLinesAreJoinedAndWhitespaceTrimmed() throws {
        let requests = try parse([Array(Self.samples[4].text.utf8)[...]])
        #expect(requests[0].headers == ["Host=h", "X-Folded=first second third", "X-Spaces=padded", "X-Empty="])
    }

    @Test func http10KeepAliveOnlyWhenAsked() throws {
        #expect(try parse([Array(Self.samples[5].text.utf8)[...]]).map(\.keepAlive) == [true])
        #expect(try parse([Array("GET / HTTP/1.0\r\n\r\n".utf8)[...]]).map(\.keepAlive) == [false])
    }

    @Test(arguments: ["3", "3,3", "3, 3", ",3", "3,,3 ,", "003"])
    func repeatedEqualContentLengthsAreOneLength(value: String) throws {
        let requests = try parse([Array("POST / HTTP/1.1\r\nHost: h\r\nContent-Length: \(value)\r\n\r\nabcGET".utf8)[...]])
        #expect(requests.first?.body == Array("abc".utf8))
    }

    @Test func queryIsCutFromThePath() throws {
        var parser = RequestParser(limits: defaultLimits)
        parser.append(Array("GET /a/b?c=/d?e HTTP/1.1\r\nHost: h\r\n\r\n".utf8))
        let request = try #require(try parser.next()).request
        #expect(request.path == "/a/b")
        #expect(request.target == "/a/b?c=/d?e")
    }

    @Test func continueIsWantedOnlyForABody() throws {
        var parser = RequestParser(limits: defaultLimits)
        parser.append(Array("POST / HTTP/1.1\r\nHost: h\r\nExpect: 100-continue\r\nContent-Length: 2\r\n\r\n".utf8))
        #expect(try parser.next() == nil)
        #expect(parser.wantsContinue)
        parser.markContinueSent()
        #expect(!parser.wantsContinue)
        parser.append(Array("ok".utf8))
        #expect(try parser.next()?.request.body == Array("ok".utf8))
    }

    static let errorCases: [(text: String, error: HTTPParseError)] = [
        ("GET / HTTP/1.1\r\nHost h\r\n\r\n", .malformed),
        ("GET / HTTP/1.1\r\nHost : h\r\n\r\n", .malformed),
        ("GET / HTTP/1.1\r\n\r\n", .malformed),
        ("GET  / HTTP/1.1\r\nHost: h\r\n\r\n", .malformed),
        ("GET /\r\n\r\n", .malformed),
        ("G(T / HTTP/1.1\r\nHost: h\r\n\r\n", .malformed),
        ("GET nopath HTTP/1.1\r\nHost: h\r\n\r\n", .malformed),
        ("GET / HTTP/1.1\r\nHost: h\r\nX: a\u{01}b\r\n\r\n", .malformed),
        ("POST / HTTP/1.1\r\nHost: h\r\nContent-Length: 3\r\nTransfer-Encoding: chunked\r\n\r\n", .malformed),
        ("POST / HTTP/1.1\r\nHost: h\r\nContent-Length: 3\r\nContent-Length: 4\r\n\r\n", .malformed),
        ("POST / HTTP/1.1\r\nHost: h\r\nContent-Length: 3x\r\n\r\n", .malformed),
        ("POST / HTTP/1.1\r\nHost: h\r\nContent-Length: 3,4\r\n\r\n", .malformed),
        ("POST / HTTP/1.1\r\nHost: h\r\nContent-Length: 3 3\r\n\r\n", .malformed),
        ("POST / HTTP/1.1\r\nHost: h\r\nContent-Length: 3, ,3\r\n\r\n", .malformed),
        ("POST / HTTP/1.1\r\nHost: h\r\nContent-Length: -3\r\n\r\n", .malformed),
        ("POST / HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n", .malformed),
        ("POST / HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\n\r\n2\r\nabc\r\n", .malformed),
        ("GET / HTTP/1.1\r\nHost: h\r\nX-Big: \(String(repeating: "a", count: 2000))\r\n\r\n", .headerTooLarge),
        ("GET / HTTP/1.1\r\nHost: h\r\nX-Big: \(String(repeating: "a", count: 2000))", .headerTooLarge),
        ("POST / HTTP/1.1\r\nHost: h\r\nContent-Length: 1001\r\n\r\n", .bodyTooLarge),
        ("POST / HTTP/1.1\r\nHost: h\r\nContent-Length: 99999999999999999999999\r\n\r\n", .bodyTooLarge),
        ("POST / HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\n\r\n1F4\r\n\(String(repeating: "a", count: 500))\r\n1F5\r\n", .bodyTooLarge),
        ("GET /\(String(repeating: "a", count: 9000)) HTTP/1.1\r\nHost: h\r\n\r\n", .uriTooLong),
        ("GET /\(String(repeating: "a", count: 9000))", .uriTooLong),
        ("POST / HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: gzip\r\n\r\n", .unsupportedTransferCoding),
        ("POST / HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: gzip, chunked\r\n\r\n", .unsupportedTransferCoding),
        ("GET / HTTP/2.0\r\nHost: h\r\n\r\n", .unsupportedVersion),
        ("PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n", .unsupportedVersion),
        ("GET / HTTP/x.y\r\nHost: h\r\n\r\n", .unsupportedVersion),
        ("GET / FTP/1.1\r\nHost: h\r\n\r\n", .unsupportedVersion),
    ]

    @Test(arguments: errorCases.indices)
    func errorsAreDetected(index: Int) {
        let (text, expected) = Self.errorCases[index]
        let limits = RequestParser.Limits(maxHeaderBytes: 1024, maxBodyBytes: 1000)
        #expect(parseError(text, limits: limits) == expected)
    }

    @Test(arguments: [
        (HTTPParseError.malformed, 400), (.headerTooLarge, 431), (.bodyTooLarge, 413),
        (.uriTooLong, 414), (.unsupportedTransferCoding, 501), (.unsupportedVersion, 505),
    ])
    func errorsMapToStatuses(error: HTTPParseError, code: Int) {
        #expect(error.status.code == code)
    }

    @Test func errorAfterAGoodRequestKeepsTheGoodOne() throws {
        var parser = RequestParser(limits: defaultLimits)
        parser.append(Array("GET /a HTTP/1.1\r\nHost: h\r\n\r\nGET / HTTP/9.9\r\n\r\n".utf8))
        #expect(try parser.next()?.request.path == "/a")
        #expect(throws: HTTPParseError.unsupportedVersion) { try parser.next() }
    }
}
