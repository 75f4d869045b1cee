/// A vector outline made of subpaths of lines and Bézier curves, in whatever space its points are
/// given (SVG user space or canvas pixels); `transformed(by:)` moves it between spaces.
///
/// Points that are not finite are dropped when they are added, so a path built from hostile input
/// never carries NaN or infinity into the rasterizer.
struct Path: Sendable, Equatable {
    /// One drawing command.
    enum Element: Sendable, Equatable {
        case move(Point)
        case line(Point)
        case quad(control: Point, end: Point)
        case cubic(control1: Point, control2: Point, end: Point)
        case close
    }

    /// Which points a filled path covers when its subpaths overlap or cross themselves.
    enum FillRule: Sendable, Equatable {
        /// Inside where the winding number is not zero (SVG's default).
        case nonZero
        /// Inside where the number of crossings to infinity is odd.
        case evenOdd
    }

    /// The commands in drawing order; every subpath starts with `move`.
    private(set) var elements: [Element] = []
    /// Where the next segment starts; `nil` before the first `move`.
    private(set) var currentPoint: Point?
    /// The first point of the open subpath, where `close()` returns to.
    private(set) var subpathStart: Point?

    /// An empty path.
    init() {}

    /// True when the path has no commands.
    var isEmpty: Bool { elements.isEmpty }

    /// Starts a new subpath at `point`.
    mutating func move(to point: Point) {
        guard point.isFinite else { return }
        if case .move = elements.last { elements.removeLast() }
        elements.append(.move(point))
        currentPoint = point
        subpathStart = point
    }

    /// Adds a straight segment; without a current point it starts a subpath instead.
    mutating func line(to point: Point) {
        guard point.isFinite else { return }
        guard currentPoint != nil else { return move(to: point) }
        elements.append(.line(point))
        currentPoint = point
    }

    /// Adds a quadratic Bézier segment from the current point.
    mutating func quad(to end: Point, control: Point) {
        guard end.isFinite, control.isFinite else { return }
        guard currentPoint != nil else { return move(to: end) }
        elements.append(.quad(control: control, end: end))
        currentPoint = end
    }

    /// Adds a cubic Bézier segment from the current point.
    mutating func cubic(to end: Point, control1: Point, control2: Point) {
        guard end.isFinite, control1.isFinite, control2.isFinite else { return }
        guard currentPoint != nil else { return move(to: end) }
        elements.append(.cubic(control1: control1, control2: control2, end: end))
        currentPoint = end
    }

    /// Closes the open subpath with a straight segment back to its start; the next segment
    /// without a `move` starts from that point again (as SVG's `Z` does).
    mutating func close() {
        guard let start = subpathStart, currentPoint != nil else { return }
        if case .close = elements.last { return }
        elements.append(.close)
        currentPoint = start
    }

    /// Appends every subpath of `other`.
    mutating func append(_ other: Path) {
        for element in other.elements {
            switch element {
            case .move(let p): move(to: p)
            case .line(let p): line(to: p)
            case .quad(let c, let p): quad(to: p, control: c)
            case .cubic(let c1, let c2, let p): cubic(to: p, control1: c1, control2: c2)
            case .close: close()
            }
        }
    }

    /// The path with every point mapped through `transform`; Béziers stay Béziers under an affine map.
    func transformed(by transform: AffineTransform) -> Path {
        if transform.isIdentity { return self }
        var result = Path()
        for element in elements {
            switch element {
            case .move(let p): result.move(to: transform.apply(p))
            case .line(let p): result.line(to: transform.apply(p))
            case .quad(let c, let p): result.quad(to: transform.apply(p), control: transform.apply(c))
            case .cubic(let c1, let c2, let p):
                result.cubic(to: transform.apply(p), control1: transform.apply(c1), control2: transform.apply(c2))
            case .close: result.close()
            }
        }
        return result
    }
}

extension Point {
    /// True when both coordinates are finite numbers.
    var isFinite: Bool { x.isFinite && y.isFinite }
}
