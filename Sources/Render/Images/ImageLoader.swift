import Foundation

/// Loads the images a document refers to, from `data:` URIs or from files under one root directory
/// (the server's `config/`). It never touches the network: any other URL scheme is refused.
///
/// Decoding is bounded by the limits in DESIGN.md: the encoded size is checked before decoding and
/// the pixel count against the image header before pixel memory is allocated. Safe to share
/// between threads.
public struct ImageLoader: Sendable {
    /// Size limits for one image.
    public struct Limits: Sendable, Equatable {
        public var maximumEncodedBytes: Int
        public var maximumPixels: Int

        /// 5 MB encoded and 40 megapixels decoded unless configured otherwise.
        public init(maximumEncodedBytes: Int = 5_000_000, maximumPixels: Int = 40_000_000) {
            self.maximumEncodedBytes = maximumEncodedBytes
            self.maximumPixels = maximumPixels
        }
    }

    /// Directory relative paths resolve in (symbolic links resolved); nil allows only `data:` URIs.
    public let root: String?
    public let limits: Limits

    /// - Parameter root: the directory image paths are relative to; nil for data URIs only.
    public init(root: String? = nil, limits: Limits = Limits()) {
        self.root = root.map { URL(fileURLWithPath: $0).standardizedFileURL.resolvingSymlinksInPath().path }
        self.limits = limits
    }

    /// Reads and decodes the image `reference` names (a `data:` URI or a relative path).
    /// - Throws: `ImageError`.
    public func load(_ reference: String) throws -> DecodedImage {
        try decode(try bytes(for: Self.trimmed(reference)))
    }

    /// `reference` without surrounding white space. Most references have none, and data URIs run to
    /// megabytes, so the two ends are looked at before Foundation copies the string to trim it.
    static func trimmed(_ reference: String) -> String {
        let scalars = reference.unicodeScalars
        guard let first = scalars.first, let last = scalars.last else { return reference }
        let space = CharacterSet.whitespaces
        guard space.contains(first) || space.contains(last) else { return reference }
        return reference.trimmingCharacters(in: space)
    }

    /// Whether `reference` is a `data:` URI. Compared on the first five bytes: lowercasing the whole
    /// reference would copy a data URI.
    static func isDataURI(_ reference: String) -> Bool {
        reference.utf8.prefix(5).lazy.map { (0x41...0x5A).contains($0) ? $0 | 0x20 : $0 }.elementsEqual("data:".utf8)
    }

    /// The encoded bytes `reference` names, within the encoded-size limit.
    func bytes(for reference: String) throws -> [UInt8] {
        if Self.isDataURI(reference) {
            // Base64 is 4/3 the size of its payload: refuse oversized URIs before decoding them.
            guard reference.utf8.count <= limits.maximumEncodedBytes / 3 * 4 + 1024 else {
                throw ImageError.encodedTooLarge(bytes: reference.utf8.count / 4 * 3, limit: limits.maximumEncodedBytes)
            }
            guard let bytes = DataURI.decode(reference) else { throw ImageError.malformed("invalid data: URI") }
            try checkEncoded(bytes.count)
            return bytes
        }
        if let colon = reference.firstIndex(of: ":"), !reference[..<colon].contains("/") {
            throw ImageError.unsupportedSource("'\(reference[..<colon])' URLs are not loaded; use a data: URI or a file under the image root")
        }
        let resolved = try resolvedFile(reference)
        let attributes = try? FileManager.default.attributesOfItem(atPath: resolved)
        guard let attributes, attributes[.type] as? FileAttributeType == .typeRegular,
              let size = attributes[.size] as? Int else { throw ImageError.notFound(reference) }
        try checkEncoded(size)
        guard let data = FileManager.default.contents(atPath: resolved) else { throw ImageError.notFound(reference) }
        try checkEncoded(data.count)
        return [UInt8](data)
    }

    /// The path of the file a relative `reference` names, symbolic links resolved; it must lie under `root`.
    func resolvedFile(_ reference: String) throws -> String {
        guard let root else { throw ImageError.noRoot }
        guard !reference.hasPrefix("/") else { throw ImageError.notFound(reference) }
        let resolved = URL(fileURLWithPath: root).appendingPathComponent(reference).standardizedFileURL.resolvingSymlinksInPath().path
        guard resolved.hasPrefix(root.hasSuffix("/") ? root : root + "/") else { throw ImageError.notFound(reference) }
        return resolved
    }

    private func checkEncoded(_ count: Int) throws {
        guard count <= limits.maximumEncodedBytes else {
            throw ImageError.encodedTooLarge(bytes: count, limit: limits.maximumEncodedBytes)
        }
    }

    /// Decodes PNG, JPEG, WebP or GIF (first frame), recognized by their signatures.
    func decode(_ bytes: [UInt8]) throws -> DecodedImage {
        let maxPixels = limits.maximumPixels
        let decoded: (width: Int, height: Int, rgba: [UInt8])
        do {
            if bytes.starts(with: [0x89, 0x50, 0x4E, 0x47]) {
                decoded = try PNGDecoder.decode(bytes, maxPixels: maxPixels)
            } else if bytes.starts(with: [0xFF, 0xD8, 0xFF]) {
                decoded = try JPEGDecoder.decode(bytes, maxPixels: maxPixels)
            } else if bytes.count >= 12, bytes.starts(with: Array("RIFF".utf8)), bytes[8..<12].elementsEqual("WEBP".utf8) {
                decoded = try WebPDecoder.decode(bytes, maxPixels: maxPixels)
            } else if bytes.starts(with: Array("GIF8".utf8)) {
                decoded = try GIFDecoder.decode(bytes, maxPixels: maxPixels)
            } else {
                throw ImageError.unsupportedFormat
            }
        } catch PNGError.tooLarge(let width, let height) {
            throw ImageError.decodedTooLarge(width: width, height: height, limit: maxPixels)
        } catch CodecError.tooLarge(let width, let height) {
            throw ImageError.decodedTooLarge(width: width, height: height, limit: maxPixels)
        } catch let error as ImageError {
            throw error
        } catch {
            throw ImageError.malformed(String(describing: error))
        }
        return DecodedImage(width: decoded.width, height: decoded.height, straightRGBA: decoded.rgba)
    }
}
