/// Settings for `Server`.
public struct ServerConfiguration: Sendable {
    /// The IPv4 address to listen on.
    public var host: String = "127.0.0.1"
    /// 0 picks a free port (see `Server.localPort`).
    public var port: Int = 8080
    /// The largest request line plus header block (and chunked trailer block) accepted; beyond it → 431.
    public var maxHeaderBytes: Int = 16 * 1024
    /// The largest request body accepted, declared or streamed; beyond it → 413 and close.
    public var maxBodyBytes: Int = 1 << 20
    /// Time a client has to finish its header block once it starts a request; then 408 and close.
    public var headerReadTimeout: Duration = .seconds(10)
    /// Time a keep-alive connection may sit idle (or a body may stall) before it is closed silently.
    public var idleTimeout: Duration = .seconds(75)
    /// Threads that run the responder.
    public var workerThreads: Int = 4
    /// One line per request to stderr.
    public var accessLog: Bool = false
    /// Creates the default configuration.
    public init() {}
}
