/// What a sweep removed.
public struct SweepReport: Sendable, Equatable {
    /// Files whose rows had expired (the rows stay, so the spec can be rendered again).
    public var expiredFiles: Int
    /// Files with no live row, older than the grace period.
    public var orphanFiles: Int
    /// Temporary files older than the grace period, left by interrupted writes.
    public var tempFiles: Int
    /// Bytes of all removed files.
    public var bytesFreed: Int64

    public init(expiredFiles: Int, orphanFiles: Int, tempFiles: Int, bytesFreed: Int64) {
        self.expiredFiles = expiredFiles
        self.orphanFiles = orphanFiles
        self.tempFiles = tempFiles
        self.bytesFreed = bytesFreed
    }
}
