/// A rectangle with elliptical corners in canvas pixels, the geometry every fill and clip is built
/// from. Corner radii are already reduced as CSS Backgrounds 3 §5.5 asks, so adjacent corners never
/// overlap and each horizontal line crosses at most one left and one right corner.
struct RoundedBox: Sendable, Equatable {
    var left: Double
    var top: Double
    var right: Double
    var bottom: Double
    /// Horizontal and vertical radius of each corner: top-left, top-right, bottom-right, bottom-left.
    var topLeft: (x: Double, y: Double)
    var topRight: (x: Double, y: Double)
    var bottomRight: (x: Double, y: Double)
    var bottomLeft: (x: Double, y: Double)

    /// A box from a CSS rectangle and corner radii, scaling all radii down together when the radii
    /// on one side add up to more than that side (CSS Backgrounds 3 §5.5). A corner with one zero
    /// radius is square.
    init(_ rect: Rect, radii: CornerRadii) {
        left = rect.x; top = rect.y; right = rect.maxX; bottom = rect.maxY
        func corner(_ x: Double, _ y: Double) -> (x: Double, y: Double) {
            let x = RoundedBox.positive(x), y = RoundedBox.positive(y)
            return x > 0 && y > 0 ? (x, y) : (0, 0)
        }
        let tl = corner(radii.topLeft, radii.topLeftY)
        let tr = corner(radii.topRight, radii.topRightY)
        let br = corner(radii.bottomRight, radii.bottomRightY)
        let bl = corner(radii.bottomLeft, radii.bottomLeftY)
        let width: Double = Swift.max(0, rect.width)
        let height: Double = Swift.max(0, rect.height)
        var factor: Double = 1
        for (length, sum) in [(width, tl.x + tr.x), (width, bl.x + br.x), (height, tl.y + bl.y), (height, tr.y + br.y)] where sum > 0 {
            factor = Swift.min(factor, length / sum)
        }
        topLeft = (tl.x * factor, tl.y * factor)
        topRight = (tr.x * factor, tr.y * factor)
        bottomRight = (br.x * factor, br.y * factor)
        bottomLeft = (bl.x * factor, bl.y * factor)
    }

    static func == (lhs: RoundedBox, rhs: RoundedBox) -> Bool {
        lhs.left == rhs.left && lhs.top == rhs.top && lhs.right == rhs.right && lhs.bottom == rhs.bottom
            && lhs.topLeft == rhs.topLeft && lhs.topRight == rhs.topRight
            && lhs.bottomRight == rhs.bottomRight && lhs.bottomLeft == rhs.bottomLeft
    }

    private static func positive(_ value: Double) -> Double { value > 0 ? value : 0 }

    /// The padding box of a border: inset by `widths`, each corner's radii shrunk by the adjacent
    /// widths (CSS Backgrounds 3 §5.2), which makes inner corners elliptical when widths differ.
    /// Nil when nothing is left inside.
    func inset(by widths: EdgeWidths) -> RoundedBox? {
        let wl: Double = Swift.max(0, widths.left)
        let wt: Double = Swift.max(0, widths.top)
        let wr: Double = Swift.max(0, widths.right)
        let wb: Double = Swift.max(0, widths.bottom)
        var box = self
        box.left += wl; box.top += wt; box.right -= wr; box.bottom -= wb
        guard box.right > box.left, box.bottom > box.top else { return nil }
        box.topLeft = (Swift.max(0, topLeft.x - wl), Swift.max(0, topLeft.y - wt))
        box.topRight = (Swift.max(0, topRight.x - wr), Swift.max(0, topRight.y - wt))
        box.bottomRight = (Swift.max(0, bottomRight.x - wr), Swift.max(0, bottomRight.y - wb))
        box.bottomLeft = (Swift.max(0, bottomLeft.x - wl), Swift.max(0, bottomLeft.y - wb))
        return box
    }

    var isEmpty: Bool { !(right > left && bottom > top) }

    /// The box moved so (`x`, `y`) becomes the origin, then scaled by `scale` (radii too), for
    /// rasterizing onto a coarser grid.
    func mapped(originX x: Double, originY y: Double, scale: Double) -> RoundedBox {
        var box = self
        box.left = (left - x) * scale; box.right = (right - x) * scale
        box.top = (top - y) * scale; box.bottom = (bottom - y) * scale
        box.topLeft = (topLeft.x * scale, topLeft.y * scale)
        box.topRight = (topRight.x * scale, topRight.y * scale)
        box.bottomRight = (bottomRight.x * scale, bottomRight.y * scale)
        box.bottomLeft = (bottomLeft.x * scale, bottomLeft.y * scale)
        return box
    }

    var hasCorners: Bool {
        topLeft.x > 0 || topRight.x > 0 || bottomRight.x > 0 || bottomLeft.x > 0
    }

    /// Where the top corners end and the bottom corners start; between them the sides are straight.
    var straightTop: Double { top + Swift.max(topLeft.y, topRight.y) }
    var straightBottom: Double { bottom - Swift.max(bottomLeft.y, bottomRight.y) }

    /// True when the box's horizontal extent is the same on every line of `band` (a range of y
    /// inside the box): the band misses all four corners.
    func isStraight(from y0: Double, to y1: Double) -> Bool {
        y0 >= straightTop && y1 <= straightBottom
    }

    /// The box's horizontal extent on the line at `y` (which lies between `top` and `bottom`).
    func span(at y: Double) -> (left: Double, right: Double) {
        var l: Double = left
        var r: Double = right
        // Equal corners on one side (every circle and most rounded boxes) reach the line at the
        // same height, so one chord serves both.
        if y < top + topLeft.y {
            let chord: Double = RoundedBox.chord(topLeft, top + topLeft.y - y)
            l = Swift.max(l, left + topLeft.x - chord)
            if topRight == topLeft {
                r = Swift.min(r, right - topRight.x + chord)
            } else if y < top + topRight.y {
                r = Swift.min(r, right - topRight.x + RoundedBox.chord(topRight, top + topRight.y - y))
            }
        } else if y < top + topRight.y {
            r = Swift.min(r, right - topRight.x + RoundedBox.chord(topRight, top + topRight.y - y))
        }
        if y > bottom - bottomLeft.y {
            let chord: Double = RoundedBox.chord(bottomLeft, y - (bottom - bottomLeft.y))
            l = Swift.max(l, left + bottomLeft.x - chord)
            if bottomRight == bottomLeft {
                r = Swift.min(r, right - bottomRight.x + chord)
            } else if y > bottom - bottomRight.y {
                r = Swift.min(r, right - bottomRight.x + RoundedBox.chord(bottomRight, y - (bottom - bottomRight.y)))
            }
        } else if y > bottom - bottomRight.y {
            r = Swift.min(r, right - bottomRight.x + RoundedBox.chord(bottomRight, y - (bottom - bottomRight.y)))
        }
        return (l, r)
    }

    /// Half-width of an ellipse with radii `radius` at vertical distance `dy` from its centre.
    private static func chord(_ radius: (x: Double, y: Double), _ dy: Double) -> Double {
        let ratio: Double = dy / radius.y
        let inside: Double = 1 - ratio * ratio
        return inside > 0 ? radius.x * inside.squareRoot() : 0
    }
}
