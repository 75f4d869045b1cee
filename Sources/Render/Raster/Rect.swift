/// An axis-aligned rectangle in CSS pixels; y grows downwards.
struct Rect: Sendable, Equatable {
    var x: Double
    var y: Double
    var width: Double
    var height: Double
    var maxX: Double { x + width }
    var maxY: Double { y + height }

    /// The overlap of two rectangles; empty (zero size) when they do not meet.
    func intersection(_ other: Rect) -> Rect {
        let left = Swift.max(x, other.x)
        let top = Swift.max(y, other.y)
        let right = Swift.min(maxX, other.maxX)
        let bottom = Swift.min(maxY, other.maxY)
        return Rect(x: left, y: top, width: Swift.max(0, right - left), height: Swift.max(0, bottom - top))
    }

    /// True when the rectangle has no area (or is not a number).
    var isEmpty: Bool { !(width > 0 && height > 0) }

    /// Whether this rectangle covers every pixel `other` touches whole, so a fill of it gives those
    /// pixels full coverage: `other` rounded out to whole pixels lies inside it.
    func coversPixels(of other: Rect) -> Bool {
        x <= other.x.rounded(.down) && y <= other.y.rounded(.down)
            && maxX >= other.maxX.rounded(.up) && maxY >= other.maxY.rounded(.up)
    }
}
