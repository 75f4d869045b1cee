import Foundation

/// Everything that decides a render's pixels, normalized. Equal specs have equal keys.
///
/// The key is the SHA-256 of ``canonicalBytes()``, a hand-written canonical JSON form, so neither
/// dictionary order nor Unicode normalization of variable values can change it.
public struct RenderSpec: Sendable, Equatable {
    /// Where the markup comes from.
    public enum Source: Sendable, Equatable {
        /// A template by id; `digest` is the SHA-256 of the template's content; `variables` holds only the
        /// variables the template uses, with their final values.
        case template(id: String, digest: String, variables: [String: String])
        /// Raw HTML, used exactly as given.
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

    /// Makes a spec; template variable values are normalized to Unicode NFC so that equal-looking
    /// specs compare equal.
    public init(source: Source, width: Int, height: Int, format: ImageFormat, quality: Int?, rendererVersion: String) {
        self.source = source.normalized()
        self.width = width
        self.height = height
        self.format = format
        self.quality = quality
        self.rendererVersion = rendererVersion
    }

    /// `SHA-256(canonicalBytes())`.
    public var key: CacheKey {
        CacheKey(digestHex: SHA256.hex(canonicalBytes()))
    }

    /// Checks the ranges the store relies on.
    /// - Throws: `StoreError.invalidSpec` naming the first bad field.
    func validate() throws {
        guard width > 0 else { throw StoreError.invalidSpec("width must be positive") }
        guard height > 0 else { throw StoreError.invalidSpec("height must be positive") }
        if let quality, !(1...100).contains(quality) {
            throw StoreError.invalidSpec("quality must be 1–100")
        }
    }
}

extension RenderSpec.Source {
    /// `text` in Unicode NFC. ASCII is already NFC, and nearly every value is ASCII, so only other text
    /// pays for Foundation's normalization.
    static func nfc(_ text: String) -> String {
        text.utf8.allSatisfy { $0 < 0x80 } ? text : text.precomposedStringWithCanonicalMapping
    }

    /// The source with template variable values in Unicode NFC.
    func normalized() -> Self {
        switch self {
        case .template(let id, let digest, let variables):
            // Keeps the dictionary as it is (no copy) in the usual case of nothing to change.
            variables.values.allSatisfy({ $0.utf8.allSatisfy { $0 < 0x80 } })
                ? self : .template(id: id, digest: digest, variables: variables.mapValues(Self.nfc))
        case .html:
            self
        }
    }
}
