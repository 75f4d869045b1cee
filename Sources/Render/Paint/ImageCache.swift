/// The images of one render, each decoded once however often the document uses it.
final class ImageCache {
    let loader: ImageLoader
    private var images: [String: DecodedImage] = [:]
    /// Inline `<svg>` pictures, by the reference their replaced boxes carry; drawn as vectors.
    var vectorImages: [String: SVGImage] = [:]

    init(loader: ImageLoader) { self.loader = loader }

    /// The decoded image for `reference`.
    /// - Throws: `RenderError.invalidInput` naming the image and why it could not be used.
    func image(_ reference: String) throws -> DecodedImage {
        if let image = images[reference] { return image }
        do {
            let image = try loader.load(reference)
            images[reference] = image
            return image
        } catch let error as ImageError {
            let name = reference.count > 48 ? reference.prefix(45) + "…" : Substring(reference)
            throw RenderError.invalidInput("image \(name): \(Self.describe(error))")
        }
    }

    private static func describe(_ error: ImageError) -> String {
        switch error {
        case .unsupportedSource(let message): return message
        case .noRoot: return "no image directory is configured for file paths"
        case .notFound: return "no such image under the image directory"
        case .encodedTooLarge(let bytes, let limit): return "\(bytes) bytes is over the \(limit)-byte limit"
        case .decodedTooLarge(let width, let height, let limit): return "\(width)×\(height) is over the \(limit)-pixel limit"
        case .unsupportedFormat: return "not a PNG, JPEG, WebP or GIF image"
        case .malformed(let message): return "malformed image (\(message))"
        }
    }
}
