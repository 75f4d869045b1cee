/// A computed length: `auto`, or `px + percent% of a basis` (the form every `calc()` of lengths and
/// percentages reduces to).
enum Length: Sendable, Equatable {
    case auto
    case value(px: Double, percent: Double)

    static let zero = Length.value(px: 0, percent: 0)
    static func px(_ value: Double) -> Length { .value(px: value, percent: 0) }
    static func percent(_ value: Double) -> Length { .value(px: 0, percent: value) }

    var isAuto: Bool { self == .auto }
    /// Whether resolving needs a basis.
    var hasPercent: Bool {
        if case .value(_, let percent) = self { return percent != 0 }
        return false
    }

    /// The length in px, or nil for `auto` and for percentages without a definite basis.
    func resolve(_ basis: Double?) -> Double? {
        guard case .value(let px, let percent) = self else { return nil }
        if percent == 0 { return px }
        guard let basis else { return nil }
        return px + percent / 100 * basis
    }

    /// Like `resolve`, treating `auto` and unresolvable percentages as zero (margins, padding).
    func resolveOrZero(_ basis: Double?) -> Double { resolve(basis) ?? 0 }
}

/// What relative units refer to while computing a value.
struct LengthContext: Sendable {
    var fontSize: Double
    var rootFontSize: Double
    var viewportWidth: Double
    var viewportHeight: Double
}
