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

    /// Draws the layer's tiles of `image` on `canvas`. A single scaled tile is drawn from what
    /// `resampled` gives for its rectangle (an image kept between renders), when it gives one.
    func draw(_ image: DecodedImage, on canvas: Canvas, resampled: (Rect) -> ScaledImage? = { _ in nil }) {
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
        defer { canvas.popClip() }
        if xs.count == 1, ys.count == 1, tile.width != Double(image.width) || tile.height != Double(image.height),
           let scaled = resampled(Rect(x: xs[0], y: ys[0], width: tile.width, height: tile.height)) {
            canvas.draw(scaled, opacity: opacity)
            return
        }
        image.bgra.withUnsafeBufferPointer { pixels in
            for y in ys {
                for x in xs {
                    canvas.drawImage(bgra: pixels, imageWidth: image.width, imageHeight: image.height, pitch: image.width * 4,
                                     into: Rect(x: x, y: y, width: tile.width, height: tile.height), opacity: opacity)
                }
            }
        }
    }
}
