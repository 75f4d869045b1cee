/// A 64-character lowercase hex SHA-256 naming one render.
///
/// Only validated hex reaches a file path, so a key can never name a file outside the store.
public struct CacheKey: Hashable, Sendable, CustomStringConvertible {
    public let hex: String

    /// Nil unless `hex` is exactly 64 characters of `[0-9a-f]`.
    public init?(hex: String) {
        guard Hex.isLowercaseHex(hex, count: 64) else { return nil }
        self.hex = hex
    }

    /// Wraps hex the caller made itself (a digest just encoded), skipping the check.
    init(digestHex hex: String) {
        assert(Hex.isLowercaseHex(hex, count: 64), "a SHA-256 digest is 64 lowercase hex digits")
        self.hex = hex
    }

    public var description: String { hex }
}
