/// The supported part of CSS `filter` (Filter Effects 1 §13): `blur()`, `drop-shadow()` and `opacity()`.
struct FilterValue: Sendable, Equatable {
    /// Gaussian standard deviation in px.
    var blur: Double = 0
    var dropShadows: [ShadowValue] = []
    var opacity: Double = 1

    var isNone: Bool { blur == 0 && dropShadows.isEmpty && opacity == 1 }

    /// Parses a filter list; `none` is no filter; nil for other filter functions or bad arguments.
    static func parse(_ value: [CSSComponent], context: LengthContext) -> FilterValue? {
        let items = value.withoutWhitespace
        var filter = FilterValue()
        if items.count == 1, case .ident(let word) = items[0], word.lowercased() == "none" { return filter }
        for item in items {
            guard case .function(let name, let arguments) = item else { return nil }
            let values = arguments.withoutWhitespace
            switch name.lowercased() {
            case "blur":
                guard values.count <= 1 else { return nil }
                let radius = values.isEmpty ? Length.zero : ValueParser.length(values[0], context: context, allowAuto: false)
                guard let radius, !radius.hasPercent, let px = radius.resolve(nil), px >= 0 else { return nil }
                // Several blurs add up in variance.
                filter.blur = (filter.blur * filter.blur + px * px).squareRoot()
            case "drop-shadow":
                guard let shadows = ShadowValue.parseList(arguments, context: context, allowInsetAndSpread: false),
                      shadows.count == 1 else { return nil }
                filter.dropShadows.append(shadows[0])
            case "opacity":
                guard values.count == 1 else { return nil }
                switch values[0] {
                case .number(let number): filter.opacity *= min(max(number, 0), 1)
                case .percentage(let percent): filter.opacity *= min(max(percent / 100, 0), 1)
                default: return nil
                }
            default:
                return nil
            }
        }
        return filter
    }
}
