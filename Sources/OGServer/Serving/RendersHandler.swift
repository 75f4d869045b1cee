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

    static let immutable = "public, max-age=31536000, immutable, no-transform"

    func handle(_ request: Request) throws -> Response {
        let (key, format) = try Self.name(of: request)
        guard let stored = try storedRender(key: key, format: format) else {
            // A well-formed name may appear later, so the 404 is short-lived.
            throw Self.notFound(maxAge: 60)
        }
        return respond(to: request, with: stored)
    }

    /// The event-loop answer: from memory only, or nil to let `handle` ask the database.
    func handleOnEventLoop(_ request: Request) throws -> Response? {
        let (key, format) = try Self.name(of: request)
        guard let stored = service.store.memoryLookup(key), stored.format == format else { return nil }
        return respond(to: request, with: stored)
    }

    private static func name(of request: Request) throws -> (CacheKey, ImageFormat) {
        guard let name = request.parameters["name"], let parsed = parse(name: name) else {
            // A malformed name can never exist: let caches keep the 404 for a day.
            throw notFound(maxAge: 86_400)
        }
        return parsed
    }

    private func respond(to request: Request, with stored: StoredRender) -> Response {
        let etag = "\"\(stored.contentDigest)\""
        var headers = HTTPHeaders()
        headers.set("Cache-Control", Self.immutable)
        headers.set("ETag", etag)
        switch Preconditions.evaluate(request.headers, etag: etag, lastModified: stored.created) {
        case .notModified:
            return Response(status: .notModified, headers: headers)
        case .failed:
            var failed = APIError.response(.preconditionFailed, message: "Precondition failed.")
            failed.headers.set("Cache-Control", "no-store")
            return failed
        case .proceed:
            // Only on 200: a 304 carries the validators and caching fields, not other metadata (RFC 9110 §15.4.5).
            headers.set("Last-Modified", HTTPDate.format(stored.created))
            headers.set("Content-Type", stored.format.mediaType)
            headers.set("Accept-Ranges", "none")
            headers.set("X-Content-Type-Options", "nosniff")
            headers.set("Access-Control-Allow-Origin", "*")
            return Response(status: .ok, headers: headers, body: .file(path: stored.path, offset: 0, length: stored.byteCount))
        }
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
    static func parse(name: String) -> (CacheKey, ImageFormat)? {
        guard let dot = name.lastIndex(of: "."),
              let key = CacheKey(hex: String(name[..<dot])),
              let format = ImageFormat(rawValue: String(name[name.index(after: dot)...])) else { return nil }
        return (key, format)
    }
}
