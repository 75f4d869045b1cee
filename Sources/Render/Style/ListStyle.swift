/// `list-style-type` and `list-style-position` (inherited), and whether the box is a `list-item`
/// (CSS Lists 3 §3), which generates a `::marker`.
struct ListStyle: Sendable, Equatable {
    enum Kind: Sendable, Equatable { case disc, circle, square, decimal, none }
    enum Position: Sendable, Equatable { case outside, inside }

    var type = Kind.disc
    var position = Position.outside
    /// `display: list-item` (not inherited): laid out as a block with a marker.
    var isListItem = false

    /// The marker's text for the item at `ordinal` (1-based), with the space Chromium's `::marker`
    /// content ends in; nil for `none`. The space is a no-break one: `::marker` is `white-space: pre`,
    /// and a collapsible space at the end of the marker's line would be dropped.
    func markerText(ordinal: Int) -> String? {
        switch type {
        case .disc: "\u{2022}\u{00A0}"
        case .circle: "\u{25E6}\u{00A0}"
        case .square: "\u{25AA}\u{00A0}"
        case .decimal: "\(ordinal).\u{00A0}"
        case .none: nil
        }
    }
}
