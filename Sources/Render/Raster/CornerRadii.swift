/// Per-corner radii in CSS pixels: `topLeft` etc. are the horizontal radii, `topLeftY` etc. the
/// vertical ones (equal to the horizontal ones for circular corners).
struct CornerRadii: Sendable, Equatable {
    var topLeft: Double
    var topRight: Double
    var bottomRight: Double
    var bottomLeft: Double
    var topLeftY: Double
    var topRightY: Double
    var bottomRightY: Double
    var bottomLeftY: Double

    static let zero = CornerRadii(topLeft: 0, topRight: 0, bottomRight: 0, bottomLeft: 0)

    /// Circular corners.
    init(topLeft: Double, topRight: Double, bottomRight: Double, bottomLeft: Double) {
        self.init(horizontal: (topLeft, topRight, bottomRight, bottomLeft),
                  vertical: (topLeft, topRight, bottomRight, bottomLeft))
    }

    /// Elliptical corners (CSS `border-radius: a / b`), each tuple in the order top-left,
    /// top-right, bottom-right, bottom-left.
    init(horizontal: (Double, Double, Double, Double), vertical: (Double, Double, Double, Double)) {
        (topLeft, topRight, bottomRight, bottomLeft) = horizontal
        (topLeftY, topRightY, bottomRightY, bottomLeftY) = vertical
    }

    init(all radius: Double) { self.init(topLeft: radius, topRight: radius, bottomRight: radius, bottomLeft: radius) }

    /// True when every corner is square (or a radius is not a positive number): a corner is round
    /// only when both of its radii are positive (CSS Backgrounds 3 §5.1).
    var isZero: Bool {
        !((topLeft > 0 && topLeftY > 0) || (topRight > 0 && topRightY > 0)
            || (bottomRight > 0 && bottomRightY > 0) || (bottomLeft > 0 && bottomLeftY > 0))
    }

    /// Every radius, horizontal and vertical, passed through `transform`.
    func mapped(_ transform: (Double) -> Double) -> CornerRadii {
        CornerRadii(horizontal: (transform(topLeft), transform(topRight), transform(bottomRight), transform(bottomLeft)),
                    vertical: (transform(topLeftY), transform(topRightY), transform(bottomRightY), transform(bottomLeftY)))
    }
}
