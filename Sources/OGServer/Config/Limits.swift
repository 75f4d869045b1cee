/// Input limits. Every breach is answered with a clear 4xx, never a crash.
public struct Limits: Sendable, Equatable {
    /// Largest request body accepted, in bytes.
    public var maxBodyBytes = 1 << 20
    /// Largest `html` field, in bytes of UTF-8.
    public var maxHTMLBytes = 512 * 1024
    /// Deepest JSON nesting accepted.
    public var maxJSONDepth = 32
    /// Largest embedded image file, in bytes.
    public var maxImageBytes = 5_000_000
    /// Largest embedded image after decoding, in pixels.
    public var maxImagePixels = 40_000_000
    /// How long one render may run before it is abandoned with a 400.
    public var renderDeadlineSeconds = 10
    /// Largest width or height, in pixels.
    public var maxDimension = 4096
    /// Largest request header block, in bytes.
    public var maxHeaderBytes = 16 * 1024
    /// How long a client may take to send its header block.
    public var headerReadTimeoutSeconds = 10
    /// How long an idle keep-alive connection stays open; longer than CDNs' own (60 s at most).
    public var idleTimeoutSeconds = 75
    /// How long a client may take to send a request body once the server is ready for it.
    public var bodyReadTimeoutSeconds = 30
    /// Open connections beyond which new ones get an immediate 503 and are closed.
    public var maxConnections = 16_384
    /// Requests waiting for a worker beyond which new ones get an immediate 503 with `Retry-After`.
    public var workerQueueCapacity = 256

    public init() {}
}
