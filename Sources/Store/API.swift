// Public API contract of Store. OGServer is written against these declarations.
// The implementer keeps every signature below (adding is fine), moves each type into its own
// file as STYLE.md asks, and deletes this file.
import Foundation

/// An output image format as stored on disk.
public enum ImageFormat: String, Sendable, CaseIterable, Codable {
    case png, jpeg, webp
    /// File extension used in `/renders/<key>.<ext>` (`png`, `jpeg`, `webp`).
    public var fileExtension: String { rawValue }
    public var mediaType: String { "image/\(rawValue)" }
}

/// A 64-character lowercase hex SHA-256 naming one render.
public struct CacheKey: Hashable, Sendable, CustomStringConvertible {
    public let hex: String
    /// Nil unless `hex` is exactly 64 characters of `[0-9a-f]`.
    public init?(hex: String) { fatalError("unimplemented") }
    public var description: String { hex }
}

/// SHA-256 through OpenSSL's EVP interface.
public enum SHA256 {
    public static func hex<Bytes: Collection>(_ bytes: Bytes) -> String where Bytes.Element == UInt8 { fatalError("unimplemented") }
    public static func hex(_ string: String) -> String { fatalError("unimplemented") }
}

/// Everything that decides a render's pixels, normalized. Equal specs have equal keys.
public struct RenderSpec: Sendable, Equatable {
    public enum Source: Sendable, Equatable {
        /// A template by id; `digest` is the SHA-256 of the template's content; `variables` holds only the
        /// variables the template uses, with their final values.
        case template(id: String, digest: String, variables: [String: String])
        case html(String)
    }
    public var source: Source
    public var width: Int
    public var height: Int
    public var format: ImageFormat
    /// Encoder quality 1–100 for lossy formats; nil means the format's default.
    public var quality: Int?
    /// Engine version plus font-set fingerprint; part of the key.
    public var rendererVersion: String
    public init(source: Source, width: Int, height: Int, format: ImageFormat, quality: Int?, rendererVersion: String) { fatalError("unimplemented") }
    /// Canonical JSON: sorted keys, no insignificant whitespace, NFC-normalized variable values.
    public func canonicalBytes() -> [UInt8] { fatalError("unimplemented") }
    /// `SHA-256(canonicalBytes())`.
    public var key: CacheKey { fatalError("unimplemented") }
    /// Decodes canonical bytes (as stored in the index) back into a spec.
    public init(canonicalBytes: [UInt8]) throws { fatalError("unimplemented") }
}

/// A render present on disk.
public struct StoredRender: Sendable, Equatable {
    public var key: CacheKey
    public var format: ImageFormat
    /// Absolute path of the file.
    public var path: String
    public var byteCount: Int
    /// Hex SHA-256 of the file's bytes (the strong ETag without quotes).
    public var contentDigest: String
    public var created: Date
    public var expires: Date
}

/// An API key's account. Only the SHA-256 of a key is ever stored.
public struct Account: Sendable, Equatable {
    public var id: Int64
    public var name: String
    public var plan: String
    public var created: Date
}

/// What a sweep removed.
public struct SweepReport: Sendable, Equatable {
    public var expiredFiles: Int
    public var orphanFiles: Int
    public var tempFiles: Int
    public var bytesFreed: Int64
}

/// Errors from the store.
public enum StoreError: Error, Sendable, Equatable {
    case invalidSpec(String)
    case io(String)
    case database(String)
}

/// The content-addressed store: files under `<root>/renders/<k0k1>/<k2k3>/<key>.<ext>` and a SQLite
/// index at `<root>/ogpress.sqlite`. Safe to use from many threads.
public final class Store: Sendable {
    /// Opens (creating if needed) the store under `root`. Files live `retention` after their last request.
    public init(root: String, retention: Duration = .seconds(30 * 86_400)) throws { fatalError("unimplemented") }

    /// The render for `key` if its row and file exist and it has not expired; extends its expiry.
    public func lookup(_ key: CacheKey) throws -> StoredRender? { fatalError("unimplemented") }

    /// The spec recorded for `key`, kept after its file expired so the image can be made again.
    public func spec(for key: CacheKey) throws -> RenderSpec? { fatalError("unimplemented") }

    /// Returns the stored render for `spec`, rendering it with `render` at most once across concurrent
    /// callers (single-flight). `cached` is true when no render ran for this call. The file is written
    /// temp → fsync → rename → fsync dir, then the row is committed. A throwing `render` leaves nothing.
    public func fetchOrRender(_ spec: RenderSpec, owner: Int64?, render: () throws -> [UInt8]) throws -> (render: StoredRender, cached: Bool) { fatalError("unimplemented") }

    /// Deletes expired files (rows stay), orphan files with no row, and stale temp files.
    public func sweep(now: Date = Date()) throws -> SweepReport { fatalError("unimplemented") }

    /// Keeps a template's source by its digest, so an expired render of an edited template can be made again.
    public func saveTemplateSource(_ html: String, digest: String) throws { fatalError("unimplemented") }
    public func templateSource(digest: String) throws -> String? { fatalError("unimplemented") }

    /// Creates an API key (`og_live_` + 32 lowercase hex from a CSPRNG); stores only its SHA-256.
    /// Returns the key in plain text; it cannot be recovered later.
    public func createAPIKey(plan: String, name: String) throws -> (key: String, account: Account) { fatalError("unimplemented") }
    /// The account for a presented key, looked up by the key's SHA-256; nil for unknown or malformed keys.
    public func account(forAPIKey key: String) throws -> Account? { fatalError("unimplemented") }
    public func apiKeyCount() throws -> Int { fatalError("unimplemented") }
}
