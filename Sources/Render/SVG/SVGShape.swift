/// One drawable SVG element, its paint already resolved: a path in its own user space, filled
/// and then stroked (SVG 2 §13.9 default paint order).
struct SVGShape: Sendable, Equatable {
    /// The outline in the element's own user space.
    var path: Path
    /// From the element's user space to the `<svg>`'s (the product of the `transform`s on the way).
    var transform: AffineTransform
    /// Color with `fill-opacity` (and `opacity`, when it can be folded in) applied; nil for none.
    var fill: Color?
    var fillRule: Path.FillRule
    var stroke: Color?
    var strokeStyle: PathStrokeStyle
}
