/// A `background-image: url()` layer waiting for its image: sizes that depend on the image's
/// intrinsic size are resolved when the display list is replayed and the image is decoded.
struct BackgroundImageItem: Sendable, Equatable {
    var reference: String
    /// The background painting area (the border box) and its corner radii, which clip the tiles.
    var area: Rect
    /// The background positioning area: sizes and positions are relative to it.
    var origin: Rect
    var radii: CornerRadii
    var size: ImagePlacement.Fit
    var position: PositionValue
    var tiling: BackgroundRepeat
    var opacity: Double

    /// Most tiles one layer may draw: a tiny `background-size` must not turn into millions of draws.
    static let maximumTiles = 16_384

    /// Draws the layer's tiles of `image` on `canvas`.
    func draw(_ image: DecodedImage, on canvas: Canvas) {
        let tile = ImagePlacement.size(width: Double(image.width), height: Double(image.height), fit: size,
                                       box: (self.origin.width, self.origin.height))
        guard tile.width >= 0.5, tile.height >= 0.5, !area.isEmpty else { return }
        let origin = ImagePlacement.origin(of: tile, in: self.origin, position: position)
        func starts(_ first: Double, _ length: Double, from low: Double, to high: Double, repeats: Bool) -> [Double] {
            guard repeats else { return [first] }
            let begin = first - (max(0, first - low) / length).rounded(.up) * length
            let count = Int(((high - begin) / length).rounded(.up))
            return (0..<max(0, min(count, Self.maximumTiles))).map { begin + Double($0) * length }
        }
        let xs = starts(origin.x, tile.width, from: area.x, to: area.maxX, repeats: tiling.x)
        let ys = starts(origin.y, tile.height, from: area.y, to: area.maxY, repeats: tiling.y)
        guard xs.count * ys.count <= Self.maximumTiles else { return }
        canvas.pushClip(area, radii: radii)
        image.bgra.withUnsafeBufferPointer { pixels in
            for y in ys {
                for x in xs {
                    canvas.drawImage(bgra: pixels, imageWidth: image.width, imageHeight: image.height, pitch: image.width * 4,
                                     into: Rect(x: x, y: y, width: tile.width, height: tile.height), opacity: opacity)
                }
            }
        }
        canvas.popClip()
    }
}

/// The images of one render, each decoded once however often the document uses it.
final class ImageCache {
    let loader: ImageLoader
    private var images: [String: DecodedImage] = [:]

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
