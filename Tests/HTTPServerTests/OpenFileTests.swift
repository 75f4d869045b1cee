import Foundation
import Testing
@testable import HTTPServer

/// Held-open files: what `OpenFile` reports, and `.openFile` bodies over a real socket.
struct OpenFileTests {
    private func curl(_ arguments: [String]) throws -> ToolOutput {
        try runTool("/usr/bin/curl", ["--silent", "--show-error", "--max-time", "20"] + arguments)
    }

    private static func temporaryFile(_ contents: String) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("openfile-\(UUID().uuidString)").path
        try Data(contents.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    @Test func deletedOrReplacedFileIsNoLongerCurrent() throws {
        let path = try Self.temporaryFile("0123456789")
        defer { try? FileManager.default.removeItem(atPath: path) }
        let deleted = try #require(OpenFile(path: path))
        #expect(deleted.size == 10 && deleted.isCurrent)
        try FileManager.default.removeItem(atPath: path)
        #expect(!deleted.isCurrent)

        try Data("abc".utf8).write(to: URL(fileURLWithPath: path))
        let replaced = try #require(OpenFile(path: path))
        let other = try Self.temporaryFile("abc")
        #expect(rename(other, path) == 0)
        #expect(replaced.isCurrent == false, "a rename over the name unlinks the inode held open")
        #expect(OpenFile(path: path)?.isCurrent == true)
    }

    @Test func directoriesAndMissingFilesAreNotOpened() {
        #expect(OpenFile(path: FileManager.default.temporaryDirectory.path) == nil)
        #expect(OpenFile(path: "/nonexistent/\(UUID().uuidString)") == nil)
    }

    @Test(arguments: [(0, 10, true), (3, 7, true), (10, 0, true), (0, 11, false), (9, 2, false), (-1, 1, false),
                      (1, -1, false), (Int.max, 1, false), (1, Int.max, false)])
    func rangesMustLieInsideTheFile(offset: Int, length: Int, holds: Bool) throws {
        let path = try Self.temporaryFile("0123456789")
        defer { try? FileManager.default.removeItem(atPath: path) }
        #expect(try #require(OpenFile(path: path)).holds(offset: offset, length: length) == holds)
    }

    @Test func heldFileIsSentAfterItsNameIsGoneAndShortRangesAre500() throws {
        let path = try Self.temporaryFile("0123456789abcdefghij")
        let file = try #require(OpenFile(path: path))
        try FileManager.default.removeItem(atPath: path)
        let live = try LiveServer(routes: { router in
            router.on(.get, "/held", onEventLoop: { _ in Response(body: .openFile(file, offset: 10, length: 10)) }) { _ in
                Response(body: .openFile(file, offset: 0, length: 10))
            }
            router.on(.get, "/held-worker") { _ in Response(body: .openFile(file, offset: 0, length: 10)) }
            router.on(.get, "/too-long") { _ in Response(body: .openFile(file, offset: 15, length: 10)) }
        })
        defer { live.shutdown() }
        #expect(try curl(["\(live.base)/held", "\(live.base)/held"]).stdout == "abcdefghijabcdefghij")
        #expect(try curl(["\(live.base)/held-worker"]).stdout == "0123456789")
        let head = try curl(["--head", "\(live.base)/held"]).stdout
        #expect(head.contains("Content-Length: 10\r\n"))
        let short = try curl(["--write-out", " %{http_code}", "\(live.base)/too-long"])
        #expect(short.stdout == "{\"error\":\"Internal Server Error\"} 500")
    }
}

/// Header sets encoded once must go out exactly as they would have been encoded per response.
struct PreparedHeadersTests {
    static let headerSets: [HTTPHeaders] = [
        [:],
        ["Cache-Control": "public, max-age=31536000, immutable", "ETag": "\"abc\"", "Content-Type": "image/png"],
        // The server's own framing fields are dropped from both forms; controls become spaces in both.
        ["Content-Length": "999", "X-A": "evil\r\nInjected: 1", "date": "yesterday", "Connection": "close",
         "Transfer-Encoding": "chunked", "X-Tab": "a\tb\u{7F}c"],
    ]

    @Test(arguments: headerSets)
    func preparedHeadsAreByteIdentical(headers: HTTPHeaders) {
        let date = Array("Sun, 06 Nov 1994 08:49:37 GMT".utf8)
        for (status, mode) in [(HTTPStatus.ok, ResponseEncoder.ConnectionMode.keepAliveByDefault),
                               (.notModified, .keepAliveExplicit), (.ok, .close)] {
            let fresh = ResponseEncoder.head(for: Response(status: status, headers: headers), bodyLength: 42, date: date, connection: mode)
            let prepared = headers.prepared()
            #expect(prepared.encodedFields != nil)
            let reused = ResponseEncoder.head(for: Response(status: status, headers: prepared), bodyLength: 42, date: date, connection: mode)
            #expect(reused == fresh)
        }
    }

    @Test func changingPreparedHeadersDropsTheEncoding() {
        let date = Array("D".utf8)
        var headers = HTTPHeaders(dictionaryLiteral: ("A", "1"), ("B", "2")).prepared()
        headers.set("A", "changed")
        headers.add("C", "3")
        #expect(headers.encodedFields == nil)
        let head = String(decoding: ResponseEncoder.head(for: Response(headers: headers), bodyLength: 0, date: date,
                                                         connection: .keepAliveByDefault), as: UTF8.self)
        #expect(head == "HTTP/1.1 200 OK\r\nDate: D\r\nA: changed\r\nB: 2\r\nC: 3\r\nContent-Length: 0\r\n\r\n")
        var removed = headers.prepared()
        removed.remove("B")
        #expect(removed.encodedFields == nil && !removed.contains("B"))
    }
}
