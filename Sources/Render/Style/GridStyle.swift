/// The grid properties the engine understands. A grid container is laid out by the flex algorithm
/// (CSS Grid 2 has no layout of its own here): one column becomes a column flex container, `repeat(n, 1fr)`
/// columns a wrapping row whose items each take 1/n of the width.
struct GridStyle: Sendable, Equatable {
    /// `display: grid` or `inline-grid`.
    var isGrid = false
    /// `justify-items` (inline axis alignment of items in their cells).
    var justifyItems = ComputedStyle.Align.stretch
    /// Equal `1fr` columns from `grid-template-columns`; nil for none (one implicit column).
    var columnCount: Int?

    /// Rewrites a grid container's alignment into the flex properties that lay it out the same way,
    /// once the cascade is done (the grid meaning of `align-items` etc. needs every value known).
    static func flexEquivalent(of style: inout ComputedStyle) {
        guard style.grid.isGrid else { return }
        if let columns = style.grid.columnCount, columns > 1 {
            style.flexDirection = .row
            style.flexWrap = .wrap
            // Items are sized by `BoxTreeBuilder`; rows are packed from the top like auto grid rows.
            style.justifyContent = .start
            style.alignContent = style.alignContent == .stretch ? .start : style.alignContent
            return
        }
        // One column: rows stack in the block axis (flex main axis), cells span the inline axis.
        let blockItems = style.alignItems
        let blockContent = style.alignContent
        let inlineContent = style.justifyContent
        style.flexDirection = .column
        style.flexWrap = .nowrap
        switch blockContent {
        case .center: style.justifyContent = .center
        case .end: style.justifyContent = .end
        case .spaceBetween: style.justifyContent = .spaceBetween
        case .spaceAround: style.justifyContent = .spaceAround
        case .spaceEvenly: style.justifyContent = .spaceEvenly
        case .start: style.justifyContent = .start
        case .stretch:
            // Auto rows stretch to share the free space; an item centred in each row is what
            // `space-around` gives.
            style.justifyContent = blockItems == .center ? .spaceAround : .start
        }
        switch (inlineContent, style.grid.justifyItems) {
        case (.center, _), (_, .center): style.alignItems = .center
        case (.end, _), (_, .end): style.alignItems = .end
        case (_, .start): style.alignItems = .start
        default: style.alignItems = .stretch
        }
        style.alignContent = .stretch
    }
}
