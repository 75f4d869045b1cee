/// The encoded image and what the engine had to ignore.
public struct RenderOutput: Sendable {
    /// The encoded image file.
    public var bytes: [UInt8]
    /// Unsupported properties, elements or values that were skipped, e.g. `unsupported property 'grid-template-columns'`.
    public var warnings: [String]
    /// Time spent in each stage, for benchmarks and metrics.
    public var timings: RenderTimings

    /// An output from encoded bytes and the warnings collected while rendering.
    public init(bytes: [UInt8], warnings: [String], timings: RenderTimings = RenderTimings()) {
        self.bytes = bytes
        self.warnings = warnings
        self.timings = timings
    }
}
