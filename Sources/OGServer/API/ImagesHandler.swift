import HTTPServer
import Store

/// `POST /images`: validate, key, render on a miss, answer the permanent URL.
struct ImagesHandler: Sendable {
    let authenticator: Authenticator
    let service: RenderService
    let configuration: Configuration

    func handle(_ request: Request) throws -> Response {
        let account = try authenticator.account(for: request)
        let imageRequest = try ImageRequest.parse(request.body, templates: service.templates, limits: configuration.limits)
        let spec = imageRequest.spec(rendererVersion: service.rendererVersion)
        let (stored, cached) = try service.store.fetchOrRender(spec, owner: account.id) {
            try service.render(spec)
        }
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
