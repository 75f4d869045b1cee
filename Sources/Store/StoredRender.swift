import Foundation

/// A render present on disk.
public struct StoredRender: Sendable, Equatable {
    public var key: CacheKey
    public var format: ImageFormat
    /// Absolute path of the file.
    public var path: String
    public var byteCount: Int
    /// Hex SHA-256 of the file's bytes (the strong ETag without quotes).
    public var contentDigest: String
    /// When the file was written (the `Last-Modified` time).
    public var created: Date
    /// When the file may be swept unless it is requested again.
    public var expires: Date

    public init(
        key: CacheKey, format: ImageFormat, path: String, byteCount: Int, contentDigest: String, created: Date,
        expires: Date
    ) {
        self.key = key
        self.format = format
        self.path = path
        self.byteCount = byteCount
        self.contentDigest = contentDigest
        self.created = created
        self.expires = expires
    }
}
