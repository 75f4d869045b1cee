/// A CSS-wide keyword (CSS Cascade 4 §7.3, Cascade 5 §7.3.2), which every property accepts.
///
/// Declarations keep theirs as this enum so that applying one tests a case, not five string
/// comparisons against a value that is almost never a keyword.
enum CSSWideKeyword: Sendable {
    case initial, inherit, unset, revert, revertLayer

    /// The keyword `candidate` (already trimmed and lowercased, see
    /// `PropertyApplier.wideKeywordCandidate`) names; nil for anything else.
    init?(candidate: String) {
        guard !candidate.isEmpty else { return nil }
        switch candidate {
        case "initial": self = .initial
        case "inherit": self = .inherit
        case "unset": self = .unset
        case "revert": self = .revert
        case "revert-layer": self = .revertLayer
        default: return nil
        }
    }
}
