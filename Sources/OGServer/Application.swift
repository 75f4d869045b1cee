import Foundation
import HTTPServer
import Render
import Store

/// The ogpress application: the store, the renderer, the templates and the routes that join them.
public final class Application: Sendable {
    public let configuration: Configuration
    public let store: Store
    public let templates: TemplateCatalog
    public let service: RenderService

    /// Opens the store, loads templates and fonts.
    /// - Throws: `ConfigurationError` for bad templates, or the store's and renderer's errors.
    public init(configuration: Configuration) throws {
        self.configuration = configuration
        templates = try TemplateCatalog(directory: configuration.templatesDirectory)
        store = try Store(root: configuration.cacheDirectory,
                          retention: .seconds(configuration.retentionDays * 86_400))
        let renderer = try configuration.makeRenderer()
        let assets = AssetFingerprint.compute(directory: configuration.assetsDirectory)
        service = RenderService(renderer: renderer, templates: templates, store: store,
                                rendererVersion: "\(renderer.version)+assets.\(assets.prefix(16))")
        // Keep every template version's source, so an image made from an older version can be made
        // again after its file expired.
        for template in templates.templates {
            try store.saveTemplateSource(template.html, digest: template.digest)
        }
    }

    /// Creates a first API key when the store has none, so a fresh install can be used at once.
    /// - Returns: the new key (to be shown once), or nil when keys already exist.
    public func createFirstAPIKeyIfNeeded() throws -> String? {
        guard try store.apiKeyCount() == 0 else { return nil }
        return try store.createAPIKey(plan: "enterprise", name: "first key").key
    }

    /// The route table.
    public func makeRouter() -> Router {
        var router = Router(errorFormatter: APIError.response)
        let images = ImagesHandler(authenticator: Authenticator(store: store), service: service, configuration: configuration)
        let renders = RendersHandler(service: service)
        let templateList = TemplatesHandler(templates: templates)
        router.on(.post, "/images", onEventLoop: images.handleOnEventLoop, handler: images.handle)
        router.on(.get, "/templates", handler: templateList.handle)
        router.on(.get, "/renders/:name", onEventLoop: renders.handleOnEventLoop, handler: renders.handle)
        router.on(.get, "/health") { _ in .json(.object([("status", .string("ok"))])) }
        return router
    }

    /// Server settings derived from the configuration.
    public var serverConfiguration: ServerConfiguration {
        var server = ServerConfiguration()
        server.host = configuration.host
        server.port = configuration.port
        server.maxHeaderBytes = configuration.limits.maxHeaderBytes
        server.maxBodyBytes = configuration.limits.maxBodyBytes
        server.headerReadTimeout = .seconds(configuration.limits.headerReadTimeoutSeconds)
        server.idleTimeout = .seconds(configuration.limits.idleTimeoutSeconds)
        server.workerThreads = configuration.workerThreads
        server.accessLog = configuration.accessLog
        server.bodyReadTimeout = .seconds(configuration.limits.bodyReadTimeoutSeconds)
        server.maxConnections = configuration.limits.maxConnections
        server.workerQueueCapacity = configuration.limits.workerQueueCapacity
        server.shutdownTimeout = .seconds(configuration.shutdownTimeoutSeconds)
        if let eventLoops = configuration.eventLoops { server.eventLoops = eventLoops }
        server.sharedListener = configuration.sharedListener
        return server
    }

    /// Starts serving; returns the running server.
    public func start() throws -> Server {
        let server = Server(configuration: serverConfiguration, responder: makeRouter())
        try server.start()
        return server
    }
}
