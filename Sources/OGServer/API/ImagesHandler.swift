import HTTPServer
import Store

/// `POST /images`: validate, key, render on a miss, answer the permanent URL.
struct ImagesHandler: Sendable {
    let authenticator: Authenticator
    let service: RenderService
    let configuration: Configuration
    /// `<public URL>/renders/`, JSON-escaped, computed once.
    private let rendersURLPrefix: [UInt8]

    init(authenticator: Authenticator, service: RenderService, configuration: Configuration) {
        self.authenticator = authenticator
        self.service = service
        self.configuration = configuration
        var prefix: [UInt8] = []
        JSONWriter.appendEscaped(configuration.resolvedPublicURL + "/renders/", to: &prefix)
        rendersURLPrefix = prefix
    }

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

    /// `{"url":…,"width":…,"height":…,"format":…,"cached":…}`, written straight into bytes: every cache
    /// hit sends it, and building a `JSONValue` first costs more than the rest of the answer.
    private func answer(spec: RenderSpec, stored: StoredRender, cached: Bool) -> Response {
        var body: [UInt8] = []
        body.reserveCapacity(rendersURLPrefix.count + 160)
        body.append(contentsOf: #"{"url":""#.utf8)
        body.append(contentsOf: rendersURLPrefix)
        // Hex digits and the extension need no escaping.
        body.append(contentsOf: stored.key.hex.utf8)
        body.append(UInt8(ascii: "."))
        body.append(contentsOf: stored.format.fileExtension.utf8)
        body.append(contentsOf: #"","width":"#.utf8)
        body.append(contentsOf: String(spec.width).utf8)
        body.append(contentsOf: #","height":"#.utf8)
        body.append(contentsOf: String(spec.height).utf8)
        body.append(contentsOf: #","format":""#.utf8)
        body.append(contentsOf: spec.format.rawValue.utf8)
        body.append(contentsOf: #"","cached":"#.utf8)
        body.append(contentsOf: (cached ? "true" : "false").utf8)
        body.append(UInt8(ascii: "}"))
        return .json(bytes: body)
    }
}
