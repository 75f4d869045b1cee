/// One `background-image` layer the paint stage draws; used when a background has layers the
/// linear-only `backgroundGradients` cannot express (radial, conic, repeating gradients).
enum BackgroundLayer: Sendable, Equatable {
    case linear(BackgroundGradient, repeating: Bool)
    case radial(RadialGradientValue)
    case conic(ConicGradientValue)
    /// `url("…")`: a `data:` URI or a path under the image root, loaded while painting.
    case image(String)

    /// Parses one gradient function; nil for other functions or invalid arguments.
    static func parse(_ component: CSSComponent, context: LengthContext) -> BackgroundLayer? {
        guard case .function(let rawName, let arguments) = component else { return nil }
        let name = rawName.lowercased()
        if name == "url" {
            // Only the quoted form survives tokenizing intact (an unquoted data URI's base64 does not).
            guard arguments.count == 1, case .string(let reference) = arguments[0], !reference.isEmpty else { return nil }
            return .image(reference)
        }
        let repeating = name.hasPrefix("repeating-")
        switch repeating ? String(name.dropFirst("repeating-".count)) : name {
        case "linear-gradient":
            return BackgroundGradient.parse(arguments, context: context).map { .linear($0, repeating: repeating) }
        case "radial-gradient":
            return RadialGradientValue.parse(arguments, repeating: repeating, context: context).map { .radial($0) }
        case "conic-gradient":
            return ConicGradientValue.parse(arguments, repeating: repeating, context: context).map { .conic($0) }
        default:
            return nil
        }
    }

    /// Whether a value needs these layers: it has a gradient the linear-only parser rejects.
    static func needsLayers(_ value: [CSSComponent]) -> Bool {
        value.contains { item in
            guard case .function(let name, _) = item else { return false }
            let lowered = name.lowercased()
            return lowered.hasPrefix("repeating-") || lowered == "radial-gradient" || lowered == "conic-gradient" || lowered == "url"
        }
    }

    /// The stop list of a radial or conic gradient: the arguments after the first comma when the
    /// first group configures the gradient, all of them otherwise.
    static func stops(_ arguments: [CSSComponent], skipFirstGroup: Bool, context: LengthContext) -> [BackgroundGradient.Stop]? {
        var rest = arguments[...]
        if skipFirstGroup {
            guard let comma = arguments.firstIndex(of: .comma) else { return nil }
            rest = arguments[(comma + 1)...]
        }
        // A leading color keeps BackgroundGradient's parser from reading a direction.
        return BackgroundGradient.parse(Array(rest), context: context)?.stops
    }
}

/// A position (`at center`, `left 20% top`) as lengths from the box's top-left corner; percentages
/// refer to the box size (CSS Backgrounds 3 §3.6, without the image-size subtraction gradients don't need).
struct PositionValue: Sendable, Equatable {
    var x: Length
    var y: Length

    static let center = PositionValue(x: .percent(50), y: .percent(50))

    /// One or two values: keywords `left|center|right|top|bottom` or lengths, in either order for keywords.
    static func parse(_ items: [CSSComponent], context: LengthContext) -> PositionValue? {
        func keyword(_ item: CSSComponent) -> String? {
            if case .ident(let word) = item { return word.lowercased() }
            return nil
        }
        func horizontal(_ item: CSSComponent) -> Length? {
            switch keyword(item) {
            case "left": return .percent(0)
            case "center": return .percent(50)
            case "right": return .percent(100)
            case nil: return ValueParser.length(item, context: context, allowAuto: false)
            default: return nil
            }
        }
        func vertical(_ item: CSSComponent) -> Length? {
            switch keyword(item) {
            case "top": return .percent(0)
            case "center": return .percent(50)
            case "bottom": return .percent(100)
            case nil: return ValueParser.length(item, context: context, allowAuto: false)
            default: return nil
            }
        }
        switch items.count {
        case 1:
            if let word = keyword(items[0]), word == "top" || word == "bottom" {
                return vertical(items[0]).map { PositionValue(x: .percent(50), y: $0) }
            }
            return horizontal(items[0]).map { PositionValue(x: $0, y: .percent(50)) }
        case 2:
            if let x = horizontal(items[0]), let y = vertical(items[1]) { return PositionValue(x: x, y: y) }
            if let y = vertical(items[0]), let x = horizontal(items[1]) { return PositionValue(x: x, y: y) }
            return nil
        default:
            return nil
        }
    }
}
