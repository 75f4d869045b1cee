import Foundation
import Testing
@testable import HTTPServer
@testable import OGServer

/// `/renders` answered on the event loop (hot cache) against the worker path, through the router.
@Suite(.serialized)
struct RendersHandlerTests {
    /// Creates the blog card and returns its `/renders/…` path.
    static func renderPath(in app: TestApplication) throws -> String {
        let created = try JSONParser.parse(app.send(.post, "/images", json: ApplicationTests.blog, key: app.key).bodyBytes)
        guard case .string(let url)? = created["url"] else { throw CocoaError(.fileReadCorruptFile) }
        return String(url.dropFirst("https://cdn.example".count))
    }

    /// The status line and header block the server would write for `response`.
    static func head(_ response: Response, connection: ResponseEncoder.ConnectionMode = .keepAliveByDefault) -> String {
        let date = Array("Sun, 22 Nov 2026 08:00:00 GMT".utf8)
        return String(decoding: ResponseEncoder.head(for: response, bodyLength: response.body.count, date: date,
                                                     connection: connection), as: UTF8.self)
    }

    @Test func eventLoopHeadsAreByteIdenticalToTheWorkerPath() throws {
        let app = try TestApplication()
        defer { app.remove() }
        let path = try Self.renderPath(in: app)
        let etag = try #require(app.send(.get, path).headers["ETag"])
        let cases: [(HTTPMethod, [(String, String)])] = [
            (.get, []), (.head, []), (.get, [("If-None-Match", etag)]), (.get, [("If-None-Match", "\"other\"")]),
            (.get, [("If-Modified-Since", "Sun, 06 Nov 2100 08:49:37 GMT")]), (.get, [("If-Match", "\"other\"")]),
        ]
        for (method, headers) in cases {
            let worker = app.send(method, path, headers: headers)
            // Twice: the first answer opens the file, the second comes from the cache.
            for _ in 0..<2 {
                let fast = try #require(app.sendOnEventLoop(method, path, headers: headers))
                #expect(fast.status == worker.status)
                for mode in [ResponseEncoder.ConnectionMode.keepAliveByDefault, .keepAliveExplicit, .close] {
                    #expect(Self.head(fast, connection: mode) == Self.head(worker, connection: mode), "\(method) \(headers)")
                }
                #expect(fast.bodyBytes == worker.bodyBytes)
            }
        }
        let ok = try #require(app.sendOnEventLoop(.get, path))
        guard case .openFile = ok.body else { Issue.record("a hit is sent from the held file"); return }
        #expect(ok.headers.encodedFields != nil, "a hit reuses headers encoded once")
    }

    @Test func sweepInThisProcessDropsHeldFiles() throws {
        let app = try TestApplication()
        defer { app.remove() }
        let path = try Self.renderPath(in: app)
        let before = try #require(app.sendOnEventLoop(.get, path))
        guard case .openFile(let held, _, _) = before.body else { Issue.record("not from the hot cache"); return }

        // Everything has expired by then: the file is deleted.
        _ = try app.application.store.sweep(now: Date().addingTimeInterval(366 * 86_400))
        #expect(app.storedFiles().isEmpty)
        #expect(!held.isCurrent)
        #expect(app.sendOnEventLoop(.get, path) == nil, "a swept render goes to the workers")

        // The worker renders it again; the next hit holds the new file, not the swept one.
        let again = app.send(.get, path)
        #expect(again.status == .ok && again.bodyBytes == before.bodyBytes)
        let after = try #require(app.sendOnEventLoop(.get, path))
        guard case .openFile(let reopened, _, _) = after.body else { Issue.record("not from the hot cache"); return }
        #expect(reopened !== held && reopened.isCurrent)
        #expect(after.bodyBytes == before.bodyBytes)
    }

    @Test func deletedFileOutsideTheStoreIsRenderedAgain() throws {
        let app = try TestApplication()
        defer { app.remove() }
        let path = try Self.renderPath(in: app)
        let before = try #require(app.sendOnEventLoop(.get, path)).bodyBytes
        for file in app.storedFiles() { try FileManager.default.removeItem(atPath: app.cacheDirectory + "/" + file) }
        // However the event loop answers in the meantime (held file or nil), the bytes never change,
        // and the worker path makes the file again.
        if let meanwhile = app.sendOnEventLoop(.get, path) { #expect(meanwhile.bodyBytes == before) }
        #expect(app.send(.get, path).bodyBytes == before)
        #expect(app.storedFiles().count == 1)
    }

    static let hex = String(repeating: "0123456789abcdef", count: 4)

    @Test(arguments: [
        (hex + ".png", "png"), (hex + ".jpeg", "jpeg"), (hex + ".webp", "webp"),
        (hex, nil), (hex + ".", nil), (hex + ".gif", nil), (hex + ".png.png", nil), (hex.uppercased() + ".png", nil),
        ("a" + hex + ".png", nil), (hex + ".\u{301}png", nil), (hex + "\u{301}.png", nil), (".png", nil), ("", nil),
    ] as [(String, String?)])
    func renderNamesAreParsedOnlyWhenExact(name: String, format: String?) {
        let parsed = RendersHandler.parse(name: name)
        #expect(parsed?.1.rawValue == format)
        #expect(parsed.map { $0.0.hex } == (format == nil ? nil : Self.hex))
    }
}
