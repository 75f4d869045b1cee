/// A piece of an SVG picture in paint order.
enum SVGNode: Sendable, Equatable {
    case shape(SVGShape)
    /// Children composited together at `opacity` (an element's `opacity` applies to the group as
    /// a whole, so overlapping children do not show through each other).
    indirect case group(opacity: Double, children: [SVGNode])
}
