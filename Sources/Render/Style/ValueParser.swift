/// Turns component values into computed lengths and numbers (CSS Values 4), including `calc()`.
enum ValueParser {
    /// A length, percentage or `calc()`; `auto` when `allowAuto`. Unitless zero is a length.
    static func length(_ components: [CSSComponent], context: LengthContext, allowAuto: Bool = true) -> Length? {
        let items = components.trimmingWhitespace()
        guard items.count == 1 else { return nil }
        return length(items[0], context: context, allowAuto: allowAuto)
    }

    /// Lengths beyond this many px (or percent) are rejected: nothing on a 4096px canvas needs them, and
    /// bounded values keep every later sum finite and convertible to integer pixels.
    static let largestMagnitude = 1_000_000.0

    static func length(_ component: CSSComponent, context: LengthContext, allowAuto: Bool = true) -> Length? {
        guard var result = unboundedLength(component, context: context, allowAuto: allowAuto) else { return nil }
        if case .function = component, case .value(let px, let percent) = result, !px.isNaN, !percent.isNaN {
            // A math function's result is clamped to the range the engine supports (CSS Values 4 §10.9),
            // so `calc(infinity * 1px)` is a very large length rather than an invalid one.
            let clamp = { (value: Double) in min(max(value, -largestMagnitude), largestMagnitude) }
            result = .value(px: clamp(px), percent: clamp(percent))
        }
        if case .value(let px, let percent) = result,
           !(px.isFinite && percent.isFinite && abs(px) <= largestMagnitude && abs(percent) <= largestMagnitude) {
            return nil
        }
        return result
    }

    private static func unboundedLength(_ component: CSSComponent, context: LengthContext, allowAuto: Bool) -> Length? {
        switch component {
        case .ident(let name) where allowAuto && name.lowercased() == "auto":
            return .auto
        case .number(0):
            return .zero
        case .percentage(let value):
            return .percent(value)
        case .dimension(let value, let unit):
            return absolute(value, unit: unit, context: context).map { Length.px($0) }
        case .function(let name, let arguments) where ["calc", "min", "max", "clamp"].contains(name):
            return calculate(name, arguments, context: context)
        default:
            return nil
        }
    }

    /// A non-negative length for `width`-like properties; negative values are invalid there.
    static func nonNegativeLength(_ components: [CSSComponent], context: LengthContext, allowAuto: Bool = true) -> Length? {
        guard let length = length(components, context: context, allowAuto: allowAuto) else { return nil }
        if case .value(let px, let percent) = length, percent == 0, px < 0 { return nil }
        return length
    }

    /// The px value of `value` in `unit`, nil for unknown units.
    static func absolute(_ value: Double, unit: String, context: LengthContext) -> Double? {
        switch unit {
        case "px": return value
        case "em": return value * context.fontSize
        case "rem": return value * context.rootFontSize
        case "ex", "ch": return value * context.fontSize * 0.5
        case "vw": return value * context.viewportWidth / 100
        case "vh": return value * context.viewportHeight / 100
        case "vmin": return value * min(context.viewportWidth, context.viewportHeight) / 100
        case "vmax": return value * max(context.viewportWidth, context.viewportHeight) / 100
        case "pt": return value * 4 / 3
        case "pc": return value * 16
        case "in": return value * 96
        case "cm": return value * 96 / 2.54
        case "mm": return value * 96 / 25.4
        case "q": return value * 96 / 101.6
        default: return nil
        }
    }

    /// A plain number (also accepted inside `calc()`).
    static func number(_ components: [CSSComponent]) -> Double? {
        let items = components.trimmingWhitespace()
        guard items.count == 1 else { return nil }
        switch items[0] {
        case .number(let value): return abs(value) <= largestMagnitude ? value : nil
        case .function("calc", let arguments):
            var parser = CalcParser(items: arguments.withoutWhitespaceExceptOperators(), context: LengthContext(fontSize: 16, rootFontSize: 16, viewportWidth: 0, viewportHeight: 0))
            if case .number(let value)? = parser.parseSum(), parser.isAtEnd, value.isFinite, abs(value) <= largestMagnitude { return value }
            return nil
        default: return nil
        }
    }

    /// `calc()`, `min()`, `max()`, `clamp()` of lengths; `min`/`max`/`clamp` of px values are computed
    /// now, those with percentages kept as a `Length.comparison` for layout to resolve.
    private static func calculate(_ name: String, _ arguments: [CSSComponent], context: LengthContext) -> Length? {
        if name == "calc" {
            var parser = CalcParser(items: arguments.withoutWhitespaceExceptOperators(), context: context)
            guard let value = parser.parseSum(), parser.isAtEnd else { return nil }
            switch value {
            case .number(0): return .zero
            case .number: return nil
            case .length(let px, let percent): return .value(px: px, percent: percent)
            }
        }
        var lengths: [Length] = []
        for argument in arguments.splitByCommas() {
            // A nested min()/max()/clamp() is itself a length argument.
            let single = argument.filter { $0 != .whitespace }
            let component: CSSComponent = if single.count == 1, case .function(let inner, _) = single[0], ["min", "max", "clamp"].contains(inner) {
                single[0]
            } else {
                .function("calc", argument)
            }
            guard let length = length(component, context: context), !length.isAuto else { return nil }
            lengths.append(length)
        }
        let kind: Length.Comparison
        switch (name, lengths.count) {
        case ("min", 1...): kind = .min
        case ("max", 1...): kind = .max
        case ("clamp", 3): kind = .clamp
        default: return nil
        }
        guard lengths.contains(where: \.hasPercent) else {
            // All px: compare now.
            return Length.comparison(kind, lengths).resolve(nil).map(Length.px)
        }
        return .comparison(kind, lengths)
    }
}

extension Array where Element == CSSComponent {
    /// Removes whitespace but keeps `+`/`-` as operators (calc requires spaces around them, so a
    /// tokenized `-` delimiter only appears where it was an operator).
    func withoutWhitespaceExceptOperators() -> [CSSComponent] { filter { $0 != .whitespace } }
}

/// Recursive-descent evaluator for `calc()` sums and products (CSS Values 4 §10).
struct CalcParser {
    enum Value { case number(Double), length(px: Double, percent: Double) }

    let items: [CSSComponent]
    let context: LengthContext
    var index = 0
    var depth = 0

    init(items: [CSSComponent], context: LengthContext) {
        self.items = items
        self.context = context
    }

    var isAtEnd: Bool { index == items.count }

    mutating func parseSum() -> Value? {
        guard var left = parseProduct() else { return nil }
        while index < items.count {
            let sign: Double
            switch items[index] {
            case .delimiter("+"): sign = 1
            case .delimiter("-"): sign = -1
            // `10px -5px` tokenizes the second term as a negative number: CSS needs spaces around
            // the operator, so a signed number here is a syntax error.
            default: return left
            }
            index += 1
            guard let right = parseProduct() else { return nil }
            switch (left, right) {
            case (.number(let a), .number(let b)): left = .number(a + sign * b)
            case (.length(let a, let p), .length(let b, let q)): left = .length(px: a + sign * b, percent: p + sign * q)
            default: return nil
            }
        }
        return left
    }

    private mutating func parseProduct() -> Value? {
        guard var left = parseUnit() else { return nil }
        while index < items.count {
            let isDivision: Bool
            switch items[index] {
            case .delimiter("*"): isDivision = false
            case .slash: isDivision = true
            default: return left
            }
            index += 1
            guard let right = parseUnit() else { return nil }
            switch (left, right, isDivision) {
            case (.number(let a), .number(let b), false): left = .number(a * b)
            case (.number(let a), .number(let b), true): guard b != 0 else { return nil }; left = .number(a / b)
            case (.length(let a, let p), .number(let b), false), (.number(let b), .length(let a, let p), false):
                left = .length(px: a * b, percent: p * b)
            case (.length(let a, let p), .number(let b), true):
                guard b != 0 else { return nil }
                left = .length(px: a / b, percent: p / b)
            default: return nil
            }
        }
        return left
    }

    private mutating func parseUnit() -> Value? {
        guard index < items.count else { return nil }
        let item = items[index]
        index += 1
        switch item {
        case .number(let value): return .number(value)
        // `infinity` is clamped far beyond any canvas (Tailwind writes `calc(infinity * 1px)` for pills).
        case .ident(let word) where word.lowercased() == "infinity": return .number(1e7)
        case .ident(let word) where word.lowercased() == "-infinity": return .number(-1e7)
        case .ident(let word) where word.lowercased() == "pi": return .number(Double.pi)
        case .percentage(let value): return .length(px: 0, percent: value)
        case .dimension(let value, let unit):
            return ValueParser.absolute(value, unit: unit, context: context).map { .length(px: $0, percent: 0) }
        case .function(let name, let arguments) where name == "" || name == "calc":
            guard depth < 16 else { return nil }
            var inner = CalcParser(items: arguments.withoutWhitespaceExceptOperators(), context: context)
            inner.depth = depth + 1
            guard let value = inner.parseSum(), inner.isAtEnd else { return nil }
            return value
        default:
            return nil
        }
    }
}
