import Foundation
import HTTPServer
import Store
import Testing
@testable import OGServer

/// The API through the router, without sockets.
@Suite(.serialized)
struct ApplicationTests {
    static let blog = #"{"template":"blog","data":{"title":"How We Scaled to 1M Users","author":"Jane Smith","date":"June 2026","site":"acme.dev"}}"#

    @Test func firstKeyIsCreatedOnce() throws {
        let app = try TestApplication()
        defer { app.remove() }
        #expect(app.key.hasPrefix("og_live_") && app.key.count == 40)
        #expect(try app.application.createFirstAPIKeyIfNeeded() == nil)
    }

    @Test func imageAnswerIsCompactJSONInDocumentedOrder() throws {
        let app = try TestApplication()
        defer { app.remove() }
        let body = #"{"template":"blog","data":{"title":"Order"},"format":"jpeg","quality":70,"width":640,"height":320}"#
        let first = app.send(.post, "/images", json: body, key: app.key)
        let url = try #require(try JSONParser.parse(first.bodyBytes)["url"])
        let expected = JSONWriter.serialize(.object([
            ("url", url), ("width", .integer(640)), ("height", .integer(320)), ("format", .string("jpeg")), ("cached", .bool(true)),
        ]))
        let hit = try #require(app.sendOnEventLoop(.post, "/images", json: body, key: app.key))
        #expect(hit.bodyText == expected)
        #expect(hit.headers["Content-Type"] == "application/json" && hit.headers["Cache-Control"] == "no-store")
        #expect(app.send(.post, "/images", json: body, key: app.key).bodyText == expected)
        #expect(first.bodyText == expected.replacingOccurrences(of: #""cached":true"#, with: #""cached":false"#))
    }

    @Test func rendersOnceThenAnswersFromCache() throws {
        let app = try TestApplication()
        defer { app.remove() }
        let first = app.send(.post, "/images", json: Self.blog, key: app.key)
        #expect(first.status == .ok, "\(first.bodyText)")
        let firstJSON = try JSONParser.parse(first.bodyBytes)
        #expect(firstJSON["cached"] == .bool(false))
        #expect(firstJSON["width"] == .integer(1200) && firstJSON["height"] == .integer(630) && firstJSON["format"] == .string("png"))
        guard case .string(let url)? = firstJSON["url"] else { Issue.record("no url"); return }
        #expect(url.hasPrefix("https://cdn.example/renders/") && url.hasSuffix(".png"))

        let reordered = #"{"data":{"site":"acme.dev","date":"June 2026","author":"Jane Smith","title":"How We Scaled to 1M Users"},"template":"blog","width":1200}"#
        let second = app.send(.post, "/images", json: reordered, key: app.key)
        let secondJSON = try JSONParser.parse(second.bodyBytes)
        #expect(secondJSON["cached"] == .bool(true))
        #expect(secondJSON["url"] == .string(url))
        #expect(app.storedFiles().count == 1)

        let path = String(url.dropFirst("https://cdn.example".count))
        let image = app.send(.get, path)
        #expect(image.status == .ok)
        #expect(Array(image.bodyBytes.prefix(8)) == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
        #expect(image.headers["Content-Type"] == "image/png")
        #expect(image.headers["Cache-Control"] == "public, max-age=31536000, immutable, no-transform")
        #expect(image.headers["ETag"] == "\"\(SHA256.hex(image.bodyBytes))\"")
        #expect(image.headers["Last-Modified"] != nil && image.headers["Accept-Ranges"] == "none")
        #expect(image.headers["Vary"] == nil && image.headers["Set-Cookie"] == nil)

        let etag = image.headers["ETag"]!
        let notModified = app.send(.get, path, headers: [("If-None-Match", "\"other\", \(etag)")])
        #expect(notModified.status == .notModified)
        #expect(notModified.bodyBytes.isEmpty)
        #expect(notModified.headers["ETag"] == etag && notModified.headers["Cache-Control"] == image.headers["Cache-Control"])
        #expect(notModified.headers["Last-Modified"] == nil && notModified.headers["Content-Type"] == nil)
        #expect(app.send(.get, path, headers: [("If-Match", "\"other\"")]).status == .preconditionFailed)
        #expect(app.send(.head, path).status == .ok)
    }

    @Test(arguments: [("jpeg", "image/jpeg", [UInt8]([0xFF, 0xD8, 0xFF])), ("jpg", "image/jpeg", [0xFF, 0xD8, 0xFF]),
                      ("webp", "image/webp", Array("RIFF".utf8))])
    func lossyFormatsAreServedWithTheirType(_ format: String, _ mediaType: String, _ magic: [UInt8]) throws {
        let app = try TestApplication()
        defer { app.remove() }
        let json = #"{"template":"minimal","data":{"title":"Hello"},"format":"\#(format)","quality":80}"#
        let created = try JSONParser.parse(app.send(.post, "/images", json: json, key: app.key).bodyBytes)
        let canonical = format == "jpg" ? "jpeg" : format
        #expect(created["format"] == .string(canonical))
        guard case .string(let url)? = created["url"] else { Issue.record("no url"); return }
        #expect(url.hasSuffix(".\(canonical)"))
        let image = app.send(.get, String(url.dropFirst("https://cdn.example".count)))
        #expect(image.status == .ok && image.headers["Content-Type"] == mediaType)
        #expect(Array(image.bodyBytes.prefix(magic.count)) == magic)
        // The same key under another extension does not exist.
        let other = url.dropFirst("https://cdn.example".count).replacingOccurrences(of: ".\(canonical)", with: ".png")
        #expect(app.send(.get, other).status == .notFound)
    }

    @Test func cacheHitsAreAnsweredOnTheEventLoop() throws {
        let app = try TestApplication()
        defer { app.remove() }
        // Nothing known yet: the event loop defers every request to the workers.
        #expect(app.sendOnEventLoop(.post, "/images", json: Self.blog, key: app.key) == nil)
        let created = try JSONParser.parse(app.send(.post, "/images", json: Self.blog, key: app.key).bodyBytes)
        guard case .string(let url)? = created["url"] else { Issue.record("no url"); return }
        let path = String(url.dropFirst("https://cdn.example".count))

        let hit = try #require(app.sendOnEventLoop(.post, "/images", json: Self.blog, key: app.key))
        let hitJSON = try JSONParser.parse(hit.bodyBytes)
        #expect(hitJSON["cached"] == .bool(true) && hitJSON["url"] == .string(url))
        let file = try #require(app.sendOnEventLoop(.get, path))
        #expect(file.status == .ok && file.bodyBytes == app.send(.get, path).bodyBytes)
        #expect(file.headers["ETag"] == app.send(.get, path).headers["ETag"])
        #expect(app.sendOnEventLoop(.get, path, headers: [("If-None-Match", file.headers["ETag"]!)])?.status == .notModified)

        // Misses, unknown keys and bad input go to the workers, which answer them in full.
        #expect(app.sendOnEventLoop(.post, "/images", json: #"{"template":"minimal"}"#, key: app.key) == nil)
        #expect(app.sendOnEventLoop(.post, "/images", json: Self.blog, key: "og_live_" + String(repeating: "1", count: 32)) == nil)
        #expect(app.sendOnEventLoop(.post, "/images", json: Self.blog) == nil)
        #expect(app.sendOnEventLoop(.post, "/images", json: "nope", key: app.key) == nil)
        #expect(app.sendOnEventLoop(.get, "/renders/\(String(repeating: "0", count: 64)).png") == nil)
        #expect(app.sendOnEventLoop(.get, "/renders/nope.png")?.status == .notFound)
    }

    @Test func expiredFileIsRenderedAgainFromItsSpec() throws {
        let app = try TestApplication()
        defer { app.remove() }
        let created = try JSONParser.parse(app.send(.post, "/images", json: Self.blog, key: app.key).bodyBytes)
        guard case .string(let url)? = created["url"] else { Issue.record("no url"); return }
        let path = String(url.dropFirst("https://cdn.example".count))
        let before = app.send(.get, path).bodyBytes
        for file in app.storedFiles() { try FileManager.default.removeItem(atPath: app.cacheDirectory + "/" + file) }
        let again = app.send(.get, path)
        #expect(again.status == .ok)
        #expect(again.bodyBytes == before, "rendering is deterministic, so the same URL gives the same bytes")
    }

    @Test(arguments: [
        "/renders/abc.png", "/renders/\(String(repeating: "A", count: 64)).png", "/renders/\(String(repeating: "a", count: 64)).gif",
        "/renders/\(String(repeating: "a", count: 64))", "/renders/..%2f..%2fetc%2fpasswd",
    ])
    func malformedRenderNamesAreLongLived404s(_ path: String) throws {
        let app = try TestApplication()
        defer { app.remove() }
        let response = app.send(.get, path)
        #expect(response.status == .notFound)
        #expect(response.headers["Cache-Control"] == "public, max-age=86400")
    }

    @Test func unknownRenderIsAShortLived404() throws {
        let app = try TestApplication()
        defer { app.remove() }
        let response = app.send(.get, "/renders/\(String(repeating: "0", count: 64)).png")
        #expect(response.status == .notFound)
        #expect(response.headers["Cache-Control"] == "public, max-age=60")
        #expect(try JSONParser.parse(response.bodyBytes)["error"] != nil)
    }

    @Test func authentication() throws {
        let app = try TestApplication()
        defer { app.remove() }
        let missing = app.send(.post, "/images", json: Self.blog)
        #expect(missing.status == .unauthorized)
        #expect(try JSONParser.parse(missing.bodyBytes)["error"] == .string(APIError.missingKey))
        let wrong = app.send(.post, "/images", json: Self.blog, key: "og_live_" + String(repeating: "0", count: 32))
        #expect(wrong.status == .unauthorized)
        #expect(try JSONParser.parse(wrong.bodyBytes)["error"] == .string(APIError.invalidKey))
        let malformed = app.send(.post, "/images", json: Self.blog, key: "hello")
        #expect(malformed.status == .unauthorized)
        #expect(app.storedFiles().isEmpty)
    }

    @Test(arguments: [
        "not json", #"{"template":"blog","html":"<p>x</p>"}"#, "{}", #"{"template":"nope"}"#,
        #"{"html":"<p>x</p>","width":0}"#, #"{"html":"<p>x</p>","height":5000}"#, #"{"html":"<p>x</p>","format":"gif"}"#,
    ])
    func badInputIs400AndLeavesNothing(_ json: String) throws {
        let app = try TestApplication()
        defer { app.remove() }
        let response = app.send(.post, "/images", json: json, key: app.key)
        #expect(response.status == .badRequest)
        #expect(response.headers["Content-Type"] == "application/json")
        guard case .string(let message)? = try JSONParser.parse(response.bodyBytes)["error"] else {
            Issue.record("no error message"); return
        }
        #expect(!message.isEmpty)
        #expect(app.storedFiles().isEmpty)
    }

    @Test func templatesAreListedWithTheirVariables() throws {
        let app = try TestApplication()
        defer { app.remove() }
        let response = app.send(.get, "/templates")
        #expect(response.status == .ok)
        guard case .array(let list)? = try JSONParser.parse(response.bodyBytes)["templates"] else {
            Issue.record("no list"); return
        }
        let ids = list.compactMap { entry -> String? in if case .string(let id)? = entry["id"] { return id } else { return nil } }
        #expect(ids == ["blog", "docs", "minimal"])
        // The descriptions of the product's own GET /templates example.
        #expect(list.map { $0["description"] } == [
            .string("Clean blog post card — title, author, date, site name"),
            .string("Documentation page — category badge, title, description, brand"),
            .string("Just a big title on a colored background"),
        ])
        let names = list.map { entry -> [String] in
            guard case .array(let variables)? = entry["variables"] else { return [] }
            return variables.compactMap { if case .string(let name)? = $0["name"] { return name } else { return nil } }
        }
        #expect(names == [["title", "author", "date", "site"], ["category", "title", "description", "site"], ["title", "background", "color"]])
    }
}
