import Foundation

/// Everything the server needs to start. Built from defaults, then `config/ogpress.json`, then
/// environment variables, then command-line options, each overriding the one before.
public struct Configuration: Sendable, Equatable {
    public var host = "127.0.0.1"
    public var port = 8080
    /// Base of the URLs handed out, e.g. the CDN's domain. Nil means `http://<host>:<port>`.
    public var publicURL: String?
    /// Root of the store: `renders/` and `ogpress.sqlite` live here.
    public var cacheDirectory = "cache"
    /// Folder of `<id>.html` + `<id>.json` template pairs.
    public var templatesDirectory = "config/templates"
    /// Folder that `url(…)` and `src` paths in cards are resolved under; nothing outside it is read.
    public var assetsDirectory = "config/assets"
    /// Folders searched for font files.
    public var fontDirectories = ["/usr/share/fonts"]
    /// Days a stored file lives after its last request.
    public var retentionDays = 30
    /// Threads that handle requests (rendering and SQLite run there, never on the event loop).
    public var workerThreads = max(2, ProcessInfo.processInfo.activeProcessorCount * 2)
    /// Event loop threads accepting and serving connections; nil means one per core.
    public var eventLoops: Int?
    /// Every event loop watches one shared listening socket; false gives each its own
    /// `SO_REUSEPORT` socket (see `ServerConfiguration.sharedListener`).
    public var sharedListener = true
    /// Seconds `serve` lets requests in flight finish after SIGTERM/SIGINT.
    public var shutdownTimeoutSeconds = 30
    /// Write one line per request to stderr.
    public var accessLog = false
    /// Dither opaque linear gradients as Chromium does: no banding, but gradient cards' PNGs are
    /// about three times larger and slower to encode. Part of the cache key.
    public var ditherGradients = false
    /// Bytes of decoded and resampled images kept between renders (0 keeps none), so a template's
    /// logo or background photo is decoded and scaled once rather than on every render.
    public var imageCacheBytes = 64 << 20
    public var limits = Limits()
    public var plans = Plan.defaults

    public init() {}

    /// The public base URL without a trailing slash.
    public var resolvedPublicURL: String {
        var base = publicURL ?? "http://\(host == "0.0.0.0" ? "localhost" : host):\(port)"
        while base.hasSuffix("/") { base.removeLast() }
        return base
    }

    /// The plan called `name`, if configured.
    public func plan(named name: String) -> Plan? {
        plans.first { $0.name == name }
    }
}
