import HTTPServer
import Store

/// `POST /images`: validate, key, render on a miss, answer the permanent URL.
struct ImagesHandler: Sendable {
    let authenticator: Authenticator
    let service: RenderService
    let configuration: Configuration

    /// Bodies up to this size may be answered on the event loop; parsing and hashing them is quick.
    static let eventLoopBodyLimit = 16 * 1024

    func handle(_ request: Request) throws -> Response {
        let account = try authenticator.account(for: request)
        let imageRequest = try ImageRequest.parse(request.body, templates: service.templates, limits: configuration.limits)
        let spec = imageRequest.spec(rendererVersion: service.rendererVersion)
        let (stored, cached) = try service.store.fetchOrRender(spec, owner: account.id) {
            try service.render(spec)
        }
        return answer(spec: spec, stored: stored, cached: cached)
    }

    /// A cache hit answered on the event loop from memory: a recently seen key and a render memory
    /// knows. Anything else (and any error) is left to `handle` on a worker, which answers it fully.
    func handleOnEventLoop(_ request: Request) -> Response? {
        guard request.body.count <= Self.eventLoopBodyLimit,
              let key = Authenticator.presentedKey(in: request),
              service.store.cachedAccount(forAPIKey: key) != nil,
              let imageRequest = try? ImageRequest.parse(request.body, templates: service.templates, limits: configuration.limits)
        else { return nil }
        let spec = imageRequest.spec(rendererVersion: service.rendererVersion)
        // The answer only names the file, so a file check up to a second old is enough (see `memoryLookup`).
        guard let stored = service.store.memoryLookup(spec.key, fileCheckInterval: 1) else { return nil }
        return answer(spec: spec, stored: stored, cached: true)
    }

    private func answer(spec: RenderSpec, stored: StoredRender, cached: Bool) -> Response {
        let url = "\(configuration.resolvedPublicURL)/renders/\(stored.key.hex).\(stored.format.fileExtension)"
        return .json(.object([
            ("url", .string(url)),
            ("width", .integer(spec.width)),
            ("height", .integer(spec.height)),
            ("format", .string(spec.format.rawValue)),
            ("cached", .bool(cached)),
        ]))
    }
}
