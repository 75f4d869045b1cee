/// An inline `<svg>` element parsed into shapes, ready to draw at any size.
struct SVGImage: Sendable, Equatable {
    /// The `width` and `height` attributes in pixels, when they are plain lengths.
    var width: Double?
    var height: Double?
    /// nil without a valid `viewBox`: user units are then pixels from the viewport's corner.
    var viewBox: SVGViewBox?
    var content: [SVGNode] = []

    /// CSS 2.1 §10.3.2's default object size for a replaced element without one.
    static let defaultSize: (width: Double, height: Double) = (300, 150)

    /// The natural size layout uses (CSS Images 3 §4.1): the attributes, the missing one taken
    /// from the view box's aspect ratio, and 300×150 standing in for what is still unknown.
    var naturalSize: (width: Double, height: Double) {
        let ratio: Double? = viewBox.flatMap { $0.rect.width > 0 && $0.rect.height > 0 ? $0.rect.height / $0.rect.width : nil }
        switch (width, height) {
        case let (width?, height?): return (width, height)
        case let (width?, nil): return (width, ratio.map { width * $0 } ?? SVGImage.defaultSize.height)
        case let (nil, height?): return (ratio.map { height / $0 } ?? SVGImage.defaultSize.width, height)
        case (nil, nil):
            let width: Double = SVGImage.defaultSize.width
            return (width, ratio.map { width * $0 } ?? SVGImage.defaultSize.height)
        }
    }
}
