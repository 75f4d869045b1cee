/// One box of the layout tree. Boxes live in a flat array and refer to each other by index.
struct LayoutBox: Sendable {
    enum Kind: Sendable, Equatable {
        /// A block container whose children are block-level boxes (paragraphs included).
        case block
        /// A flex container whose children are flex items.
        case flex
        /// An anonymous block holding one inline formatting context.
        case paragraph
    }

    var kind: Kind
    /// The DOM element this box was generated for; nil for anonymous boxes.
    var element: Int?
    var style: ComputedStyle
    var parent: Int
    var children: [Int] = []
    /// Laid out on a line of its own with a shrink-to-fit width (an `inline-block` or `inline-flex`).
    var isAtomicInline = false
    /// For atomic inlines: collapsible white space separated it from the previous one on its line.
    var spaceBefore = false
    /// A fade the painter multiplies into this box's own colours. Layout leaves it at 1: `opacity` is
    /// composited as a group by the painter's layers instead.
    var opacity: Double = 1

    var spans: [TextSpan] = []
    var paragraphStyle = ParagraphStyle()
    var paragraph: Paragraph?

    /// Border box. Relative to the parent's border box during layout, absolute once layout finishes.
    var frame = Rect(x: 0, y: 0, width: 0, height: 0)
    var margin = EdgeWidths.zero
    var border = EdgeWidths.zero
    var padding = EdgeWidths.zero

    var isOutOfFlow: Bool { style.position == .absolute }

    var paddingBox: Rect {
        Rect(x: frame.x + border.left, y: frame.y + border.top,
             width: max(0, frame.width - border.left - border.right), height: max(0, frame.height - border.top - border.bottom))
    }

    var contentBox: Rect {
        let box = paddingBox
        return Rect(x: box.x + padding.left, y: box.y + padding.top,
                    width: max(0, box.width - padding.left - padding.right), height: max(0, box.height - padding.top - padding.bottom))
    }
}

extension EdgeWidths {
    var horizontal: Double { left + right }
    var vertical: Double { top + bottom }
}
