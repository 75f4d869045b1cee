/// How to encode the rendered pixels.
public enum ImageEncoding: Sendable, Equatable {
    case png
    case jpeg(quality: Int)
    case webp(quality: Int)
}
