/// An inline element that paints its own background or border (`<mark>`, a padded `<span>`): its
/// characters in the paragraph's text and, after layout, one fragment per line it covers.
struct InlineBox: Sendable {
    var style: ComputedStyle
    /// Characters of the paragraph's spans (all spans' text concatenated) the element's content spans.
    var start: Int
    var end: Int

    /// The part of an inline box on one line, in paragraph coordinates (CSS Fragmentation 3 §5.4,
    /// `box-decoration-break: slice`: only the first fragment has the start edge, only the last the end).
    struct Fragment: Sendable {
        /// Border box of the fragment.
        var rect: Rect
        /// The paragraph line the fragment is on.
        var line: Int
        var isFirst: Bool
        var isLast: Bool
    }

    var fragments: [Fragment] = []

    /// Whether an inline element with this style draws anything of its own or takes horizontal room.
    static func isDecorated(_ style: ComputedStyle) -> Bool {
        style.backgroundColor != .color(.transparent) || !style.backgroundGradients.isEmpty || style.usedBorderWidths != .zero
            || [style.padding.left, style.padding.right, style.margin.left, style.margin.right].contains { $0 != .zero }
    }
}
