/// Text properties beyond fonts, white space and alignment, parsed into a `TextFeatures` value: bidi
/// direction, breaking (`word-break`, `overflow-wrap`, `hyphens`, `text-wrap`), spacing and indent,
/// decorations and OpenType features.
extension PropertyApplier {
    /// The properties `applyTextFeature` understands.
    static let textFeatureProperties: Set<String> = [
        "direction", "word-break", "overflow-wrap", "word-wrap", "text-indent", "text-wrap", "text-wrap-style",
        "hyphens", "-webkit-hyphens", "word-spacing", "text-decoration", "text-decoration-line",
        "-webkit-text-decoration-line", "text-decoration-color", "text-decoration-thickness", "text-decoration-style",
        "font-feature-settings", "font-variant-numeric",
    ]

    /// Parses one declaration of a property in `textFeatureProperties` into `features`.
    /// - Parameters:
    ///   - value: the declaration's components (after `var()` substitution).
    ///   - currentColor: the element's `color`, for `text-decoration-color: currentColor`.
    ///   - context: for lengths (`em` is the element's own font size).
    /// - Returns: `.unknownProperty` for names not in the set, `.invalid` for values it cannot parse
    ///   (leaving `features` unchanged).
    func applyTextFeature(_ name: String, _ value: [CSSComponent], to features: inout TextFeatures,
                          currentColor: Color, context: LengthContext) -> Outcome {
        guard let property = PropertyID(rawValue: name) else { return .unknownProperty }
        return applyTextFeature(property, value, to: &features, currentColor: currentColor, context: context)
    }

    /// `applyTextFeature(_:_:to:currentColor:context:)` for a property already looked up, as the cascade has it.
    func applyTextFeature(_ property: PropertyID, _ value: [CSSComponent], to features: inout TextFeatures,
                          currentColor: Color, context: LengthContext) -> Outcome {
        let items = value.withoutWhitespace
        let keyword: String? = {
            if items.count == 1, case .ident(let word) = items[0] { return word.lowercased() }
            return nil
        }()
        switch property {
        case .direction:
            switch keyword {
            case "ltr": features.direction = .ltr
            case "rtl": features.direction = .rtl
            default: return .invalid
            }
        case .wordBreak:
            switch keyword {
            case "normal": features.wordBreak = .normal
            case "break-all": features.wordBreak = .breakAll
            case "keep-all": features.wordBreak = .keepAll
            // Deprecated alias: `normal` plus `overflow-wrap: anywhere` (CSS Text 3 §5.2).
            case "break-word": features.wordBreak = .normal; features.overflowWrap = .anywhere
            default: return .invalid
            }
        case .overflowWrap, .wordWrap:
            switch keyword {
            case "normal": features.overflowWrap = .normal
            case "break-word": features.overflowWrap = .breakWord
            case "anywhere": features.overflowWrap = .anywhere
            default: return .invalid
            }
        case .textIndent:
            // Percentages need the containing block's width, which the style stage does not know.
            guard items.count == 1, case .dimension = items[0],
                  let indent = ValueParser.length(items[0], context: context, allowAuto: false)?.resolve(nil) else {
                if items.count == 1, case .number(0) = items[0] { features.textIndent = 0; return .applied }
                return .invalid
            }
            features.textIndent = min(max(indent, -10_000), 10_000)
        case .textWrap, .textWrapStyle:
            switch keyword {
            case "balance": features.balance = true
            case "wrap", "auto", "pretty", "stable": features.balance = false
            default: return .invalid
            }
        case .hyphens, .webkitHyphens:
            switch keyword {
            case "none": features.softHyphens = false
            // No hyphenation dictionaries: `auto` hyphenates only where the text has soft hyphens.
            case "manual", "auto": features.softHyphens = true
            default: return .invalid
            }
        case .wordSpacing:
            if keyword == "normal" { features.wordSpacing = 0; return .applied }
            guard let spacing = ValueParser.length(value, context: context, allowAuto: false)?.resolve(context.fontSize) else { return .invalid }
            features.wordSpacing = min(max(spacing, -1000), 1000)
        case .textDecoration, .textDecorationLine, .webkitTextDecorationLine:
            guard let decoration = textDecoration(items, shorthand: property == .textDecoration, current: features.decoration,
                                                  currentColor: currentColor, context: context) else { return .invalid }
            features.decoration = decoration
        case .textDecorationColor:
            guard let color = ColorParser.parse(items) else { return .invalid }
            if case .color(let value) = color { features.decoration.color = value } else { features.decoration.color = nil }
        case .textDecorationThickness:
            guard items.count == 1, let thickness = decorationThickness(items[0], context: context) else { return .invalid }
            features.decoration.thickness = thickness.pixels
        case .textDecorationStyle:
            // Every style draws as `solid`; the value is accepted so it does not warn.
            guard let keyword, ["solid", "double", "dotted", "dashed", "wavy"].contains(keyword) else { return .invalid }
        case .fontFeatureSettings:
            guard let settings = featureSettings(value) else { return .invalid }
            features.featureSettings = settings
        case .fontVariantNumeric:
            guard let numeric = numericFeatures(items) else { return .invalid }
            features.numericFeatures = numeric
        default:
            return .unknownProperty
        }
        return .applied
    }

    /// `text-decoration-line` values, or the `text-decoration` shorthand: line keywords, a colour and a
    /// thickness in any order; a style keyword is accepted and drawn solid.
    private func textDecoration(_ items: [CSSComponent], shorthand: Bool, current: TextDecoration, currentColor: Color,
                                context: LengthContext) -> TextDecoration? {
        var result = shorthand ? TextDecoration() : current
        if !shorthand { (result.underline, result.overline, result.lineThrough) = (false, false, false) }
        var sawNone = false
        for item in items {
            if case .ident(let word) = item {
                switch word.lowercased() {
                case "none": sawNone = true; continue
                case "underline": result.underline = true; continue
                case "overline": result.overline = true; continue
                case "line-through": result.lineThrough = true; continue
                case "solid", "double", "dotted", "dashed", "wavy", "auto", "from-font":
                    guard shorthand else { return nil }
                    if word.lowercased() == "auto" || word.lowercased() == "from-font" { result.thickness = nil }
                    continue
                default: break
                }
            }
            guard shorthand else { return nil }
            if let thickness = decorationThickness(item, context: context) {
                result.thickness = thickness.pixels
            } else if let color = ColorParser.parse(item) {
                if case .color(let value) = color { result.color = value } else { result.color = nil }
            } else {
                return nil
            }
        }
        if sawNone && !result.isEmpty { return nil }
        return result
    }

    /// A parsed `text-decoration-thickness`.
    private struct DecorationThickness {
        /// nil for `auto` and `from-font`: the font's underline thickness.
        var pixels: Double?
    }

    /// `auto`, `from-font` or a length; nil when the value is none of these.
    private func decorationThickness(_ item: CSSComponent, context: LengthContext) -> DecorationThickness? {
        if case .ident(let word) = item, ["auto", "from-font"].contains(word.lowercased()) { return DecorationThickness(pixels: nil) }
        guard case .dimension = item, let length = ValueParser.length(item, context: context, allowAuto: false),
              let px = length.resolve(context.fontSize), px >= 0 else { return nil }
        return DecorationThickness(pixels: min(px, 1000))
    }

    /// `normal` or a comma list of `"tag" [<integer> | on | off]` (CSS Fonts 4 §6.12).
    private func featureSettings(_ value: [CSSComponent]) -> [FontFeature]? {
        let items = value.withoutWhitespace
        if items.count == 1, case .ident(let word) = items[0], word.lowercased() == "normal" { return [] }
        var features: [FontFeature] = []
        for group in value.splitByCommas() {
            let parts = group.withoutWhitespace
            guard (1...2).contains(parts.count), case .string(let tag) = parts[0], tag.utf8.count == 4,
                  tag.utf8.allSatisfy({ (0x20...0x7E).contains($0) }) else { return nil }
            var setting: UInt32 = 1
            if parts.count == 2 {
                switch parts[1] {
                case .number(let number) where number >= 0 && number == number.rounded() && number < 65_536: setting = UInt32(number)
                case .ident(let word) where word.lowercased() == "on": setting = 1
                case .ident(let word) where word.lowercased() == "off": setting = 0
                default: return nil
                }
            }
            features.append(FontFeature(tag: tag, value: setting))
        }
        return features
    }

    /// `font-variant-numeric` keywords as the OpenType features CSS Fonts 4 §6.7 maps them to.
    private func numericFeatures(_ items: [CSSComponent]) -> [FontFeature]? {
        let map: [String: String] = [
            "lining-nums": "lnum", "oldstyle-nums": "onum", "proportional-nums": "pnum", "tabular-nums": "tnum",
            "diagonal-fractions": "frac", "stacked-fractions": "afrc", "ordinal": "ordn", "slashed-zero": "zero",
        ]
        var features: [FontFeature] = []
        for item in items {
            guard case .ident(let word) = item else { return nil }
            let lower = word.lowercased()
            if lower == "normal", items.count == 1 { return [] }
            guard let tag = map[lower], !features.contains(where: { $0.tag == tag }) else { return nil }
            features.append(FontFeature(tag: tag, value: 1))
        }
        return features.isEmpty ? nil : features
    }
}
