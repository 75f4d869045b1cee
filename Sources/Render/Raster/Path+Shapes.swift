extension Path {
    /// The cubic control distance that best approximates a quarter circle of radius 1
    /// (4/3 · (√2 - 1)); the curve strays from the circle by under 0.03% of the radius.
    static let quarterCircleControl: Double = 0.552_284_749_830_793_4

    /// Appends a closed rectangle, clockwise on screen from its top-left corner.
    mutating func addRect(_ rect: Rect) {
        move(to: Point(x: rect.x, y: rect.y))
        line(to: Point(x: rect.maxX, y: rect.y))
        line(to: Point(x: rect.maxX, y: rect.maxY))
        line(to: Point(x: rect.x, y: rect.maxY))
        close()
    }

    /// Appends a closed ellipse of four cubics, clockwise on screen from its rightmost point.
    mutating func addEllipse(center: Point, radiusX rx: Double, radiusY ry: Double) {
        addRoundedRect(Rect(x: center.x - rx, y: center.y - ry, width: 2 * rx, height: 2 * ry), radiusX: rx, radiusY: ry)
    }

    /// Appends a closed rectangle whose corners are quarter ellipses of `rx`×`ry` (already
    /// clamped to half the size by the caller), clockwise on screen.
    mutating func addRoundedRect(_ rect: Rect, radiusX rx: Double, radiusY ry: Double) {
        guard rx > 0, ry > 0 else { return addRect(rect) }
        let k: Double = Path.quarterCircleControl
        let left: Double = rect.x, top: Double = rect.y, right: Double = rect.maxX, bottom: Double = rect.maxY
        move(to: Point(x: right, y: top + ry))
        line(to: Point(x: right, y: bottom - ry))
        cubic(to: Point(x: right - rx, y: bottom), control1: Point(x: right, y: bottom - ry + k * ry), control2: Point(x: right - rx + k * rx, y: bottom))
        line(to: Point(x: left + rx, y: bottom))
        cubic(to: Point(x: left, y: bottom - ry), control1: Point(x: left + rx - k * rx, y: bottom), control2: Point(x: left, y: bottom - ry + k * ry))
        line(to: Point(x: left, y: top + ry))
        cubic(to: Point(x: left + rx, y: top), control1: Point(x: left, y: top + ry - k * ry), control2: Point(x: left + rx - k * rx, y: top))
        line(to: Point(x: right - rx, y: top))
        cubic(to: Point(x: right, y: top + ry), control1: Point(x: right - rx + k * rx, y: top), control2: Point(x: right, y: top + ry - k * ry))
        close()
    }
}
