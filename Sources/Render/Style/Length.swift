/// A computed length: `auto`, or `px + percent% of a basis` (the form every `calc()` of lengths and
/// percentages reduces to).
enum Length: Sendable, Equatable {
    case auto
    case value(px: Double, percent: Double)
    /// `min()`, `max()` or `clamp()` of lengths that mix px and percentages: a linear form cannot hold
    /// the comparison, so it is made when the basis is known, at layout time (CSS Values 4 §10.2).
    indirect case comparison(Comparison, [Length])

    enum Comparison: Sendable, Equatable { case min, max, clamp }

    static let zero = Length.value(px: 0, percent: 0)
    static func px(_ value: Double) -> Length { .value(px: value, percent: 0) }
    static func percent(_ value: Double) -> Length { .value(px: 0, percent: value) }

    var isAuto: Bool { self == .auto }
    /// Whether resolving needs a basis.
    var hasPercent: Bool {
        switch self {
        case .auto: false
        case .value(_, let percent): percent != 0
        case .comparison(_, let arguments): arguments.contains(where: \.hasPercent)
        }
    }

    /// The length in px, or nil for `auto` and for percentages without a definite basis.
    func resolve(_ basis: Double?) -> Double? {
        switch self {
        case .auto:
            return nil
        case .value(let px, let percent):
            if percent == 0 { return px }
            guard let basis else { return nil }
            return px + percent / 100 * basis
        case .comparison(let kind, let arguments):
            var values: [Double] = []
            for argument in arguments {
                guard let value = argument.resolve(basis) else { return nil }
                values.append(value)
            }
            switch kind {
            case .min: return values.min()
            case .max: return values.max()
            case .clamp: return values.count == 3 ? max(values[0], min(values[1], values[2])) : nil
            }
        }
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
