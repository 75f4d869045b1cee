/// How to encode the rendered pixels.
public enum ImageEncoding: Sendable, Equatable {
    /// Lossless PNG.
    case png
    /// JPEG at `quality` 1–100.
    case jpeg(quality: Int)
    /// WebP at `quality` 1–100.
    case webp(quality: Int)
}
