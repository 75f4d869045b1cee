import Foundation

/// Settings for `Server`.
public struct ServerConfiguration: Sendable {
    /// The IPv4 address to listen on.
    public var host: String = "127.0.0.1"
    /// 0 picks a free port (see `Server.localPort`).
    public var port: Int = 8080
    /// Event loop threads accepting and serving connections. Defaults to the number of cores.
    public var eventLoops: Int = ProcessInfo.processInfo.activeProcessorCount
    /// One listening socket watched by every loop (the default): each new connection wakes one
    /// loop waiting in `epoll_wait` (`EPOLLEXCLUSIVE`), as nginx's workers share a port, so a loop
    /// busy with its connections takes fewer new ones. False gives each loop its own
    /// `SO_REUSEPORT` socket, and the kernel's hash splits connections evenly whatever the loops'
    /// load. On the loopback benchmark, with the client sharing the cores, the shared socket
    /// halved the 99th-percentile latency.
    public var sharedListener: Bool = true
    /// Open connections beyond which new ones are answered `503` and closed at once.
    ///
    /// Clamped at start to the process's descriptor limit minus a reserve for files and SQLite,
    /// so the limit is reached before `accept` could fail with `EMFILE`.
    public var maxConnections: Int = 16_384
    /// The largest request line plus header block (and chunked trailer block) accepted; beyond it → 431.
    public var maxHeaderBytes: Int = 16 * 1024
    /// The largest request body accepted, declared or streamed; beyond it → 413 and close.
    public var maxBodyBytes: Int = 1 << 20
    /// Time a client has to finish its header block once it starts a request; then 408 and close.
    public var headerReadTimeout: Duration = .seconds(10)
    /// Time a client has to finish a request body once the server is ready for it; then 408 and close.
    public var bodyReadTimeout: Duration = .seconds(30)
    /// Time a keep-alive connection may sit idle (or a client may not read its response) before it
    /// is closed silently. Longer than CDNs' own origin keep-alive (60 s at most), so the CDN closes first.
    public var idleTimeout: Duration = .seconds(75)
    /// How long `stop()` lets requests in flight finish before closing their connections.
    public var shutdownTimeout: Duration = .seconds(30)
    /// Threads that run the responder.
    public var workerThreads: Int = 4
    /// Requests waiting for a worker beyond which new ones are answered `503` with `Retry-After: 1`
    /// at once, instead of queueing past any client's patience.
    public var workerQueueCapacity: Int = 256
    /// One line per request to stderr.
    public var accessLog: Bool = false
    /// Creates the default configuration.
    public init() {}
}
