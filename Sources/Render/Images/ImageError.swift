/// Why an image referenced by a document could not be used. Every case is the document's fault or
/// a limit; the render reports it instead of crashing.
public enum ImageError: Error, Sendable, Equatable {
    /// Only `data:` URIs and relative paths under the image root are allowed; never the network.
    case unsupportedSource(String)
    /// A relative path, but no image root is configured.
    case noRoot
    /// The path leaves the image root (`..`, symbolic links) or names nothing there.
    case notFound(String)
    /// The encoded bytes exceed the limit.
    case encodedTooLarge(bytes: Int, limit: Int)
    /// The decoded image would exceed the pixel limit.
    case decodedTooLarge(width: Int, height: Int, limit: Int)
    /// Not PNG, JPEG, WebP or GIF.
    case unsupportedFormat
    /// A malformed `data:` URI or image file, with the decoder's message.
    case malformed(String)
}
