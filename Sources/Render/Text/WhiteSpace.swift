/// CSS `white-space`: whether spaces and newlines collapse and whether lines wrap.
enum WhiteSpace: Sendable {
    case normal, nowrap, pre, preWrap, preLine

    /// Runs of spaces and tabs collapse to one space.
    var collapsesSpaces: Bool { self == .normal || self == .nowrap || self == .preLine }
    /// Newlines in the source end lines (instead of becoming spaces).
    var keepsNewlines: Bool { self == .pre || self == .preWrap || self == .preLine }
    /// Lines break at soft wrap opportunities.
    var wraps: Bool { self == .normal || self == .preWrap || self == .preLine }
}
