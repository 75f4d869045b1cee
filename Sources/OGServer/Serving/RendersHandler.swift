import Foundation
import HTTPServer
import Store

/// `GET` and `HEAD /renders/<key>.<ext>`: the CDN-facing file server.
///
/// Answers follow DESIGN.md "Serving semantics": a strong content-digest ETag, a year of immutable
/// caching, conditional requests per RFC 9110 §13.2.2, and `Accept-Ranges: none` (cards are small, so
/// Range is ignored as §14.2 allows). An expired file whose spec is still known is made again.
struct RendersHandler: Sendable {
    let service: RenderService
    /// Hot renders answered on the event loop: open files and encoded headers.
    let hotRenders = HotRenderCache(capacity: HotRenderCache.defaultCapacity, validity: .seconds(1))

    static let immutable = "public, max-age=31536000, immutable, no-transform"

    func handle(_ request: Request) throws -> Response {
        let (key, format) = try Self.name(of: request)
        guard let stored = try storedRender(key: key, format: format) else {
            // A well-formed name may appear later, so the 404 is short-lived.
            throw Self.notFound(maxAge: 60)
        }
        let etag = Self.etag(of: stored)
        return Self.respond(
            to: request, etag: etag, lastModified: stored.created, notModified: Self.notModifiedHeaders(etag: etag),
            ok: Self.okHeaders(for: stored, etag: etag),
            body: .file(path: stored.path, offset: 0, length: stored.byteCount))
    }

    /// The event-loop answer: from memory and the hot-render cache only, or nil to let `handle` ask
    /// the database.
    func handleOnEventLoop(_ request: Request) throws -> Response? {
        let (key, format) = try Self.name(of: request)
        // Read first: a sweep finishing after this point makes the cache drop what it opens now.
        let generation = service.store.sweepGeneration
        // No file check in memory: the hot cache's open (or its periodic fstat) is the check, and a
        // file that is gone sends the request to `handle`.
        guard let stored = service.store.memoryLookup(key, fileCheckInterval: .infinity), stored.format == format,
              let hot = hotRenders.render(for: stored, generation: generation, now: .now) else { return nil }
        return Self.respond(
            to: request, etag: hot.etag, lastModified: stored.created, notModified: hot.notModifiedHeaders,
            ok: hot.okHeaders, body: .openFile(hot.file, offset: 0, length: stored.byteCount))
    }

    private static func name(of request: Request) throws -> (CacheKey, ImageFormat) {
        guard let name = request.parameters["name"], let parsed = parse(name: name) else {
            // A malformed name can never exist: let caches keep the 404 for a day.
            throw notFound(maxAge: 86_400)
        }
        return parsed
    }

    /// The answer for a stored render given its headers, which the two paths make differently (built
    /// per request, or encoded once in a `HotRender`) from the same functions below.
    private static func respond(
        to request: Request, etag: String, lastModified: Date, notModified: HTTPHeaders, ok: HTTPHeaders,
        body: ResponseBody
    ) -> Response {
        switch Preconditions.evaluate(request.headers, etag: etag, lastModified: lastModified) {
        case .notModified:
            return Response(status: .notModified, headers: notModified)
        case .failed:
            var failed = APIError.response(.preconditionFailed, message: "Precondition failed.")
            failed.headers.set("Cache-Control", "no-store")
            return failed
        case .proceed:
            return Response(status: .ok, headers: ok, body: body)
        }
    }

    /// The strong entity tag: the content digest, quoted.
    static func etag(of stored: StoredRender) -> String {
        "\"\(stored.contentDigest)\""
    }

    /// The fields of a `304`: the validator and the caching policy.
    static func notModifiedHeaders(etag: String) -> HTTPHeaders {
        var headers = HTTPHeaders()
        headers.set("Cache-Control", immutable)
        headers.set("ETag", etag)
        return headers
    }

    /// The fields of a `200`. The representation metadata is only here: a 304 carries the validators
    /// and caching fields, not other metadata (RFC 9110 §15.4.5).
    static func okHeaders(for stored: StoredRender, etag: String) -> HTTPHeaders {
        var headers = notModifiedHeaders(etag: etag)
        headers.set("Last-Modified", HTTPDate.format(stored.created))
        headers.set("Content-Type", stored.format.mediaType)
        headers.set("Accept-Ranges", "none")
        headers.set("X-Content-Type-Options", "nosniff")
        headers.set("Access-Control-Allow-Origin", "*")
        return headers
    }

    /// The file for `key`, re-rendering it (single-flight) when it expired but its spec is still recorded.
    private func storedRender(key: CacheKey, format: ImageFormat) throws -> StoredRender? {
        if let stored = try service.store.lookup(key) {
            return stored.format == format ? stored : nil
        }
        guard let spec = try service.store.spec(for: key), spec.format == format else { return nil }
        return try service.store.fetchOrRender(spec, owner: nil) { try service.render(spec) }.render
    }

    private static func notFound(maxAge: Int) -> HTTPError {
        var headers = HTTPHeaders()
        headers.set("Cache-Control", "public, max-age=\(maxAge)")
        return HTTPError(.notFound, "No such render.", headers: headers)
    }

    /// Splits `<64 lowercase hex>.<png|jpeg|webp>`; nil for anything else, before any file access.
    ///
    /// The dot is found on bytes from the end (a few steps), not by walking characters.
    static func parse(name: String) -> (CacheKey, ImageFormat)? {
        guard let dot = name.utf8.lastIndex(of: UInt8(ascii: ".")),
              let key = CacheKey(hex: String(name[..<dot])),
              let format = ImageFormat(rawValue: String(name[name.utf8.index(after: dot)...])) else { return nil }
        return (key, format)
    }
}
