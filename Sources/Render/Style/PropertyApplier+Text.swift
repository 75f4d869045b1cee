/// Borders, fonts, text and flex properties.
extension PropertyApplier {
    mutating func applyMoreValue(_ property: PropertyID, _ value: [CSSComponent], items: [CSSComponent], keyword: String?,
                        to style: inout ComputedStyle, context: LengthContext) -> Outcome {
        if property.isBorder {
            return applyBorder(property.name, items: items, to: &style, context: context)
        }
        switch property {
        case .fontSize:
            guard let size = fontSize(items, context: context) else { return .invalid }
            style.fontSize = size
            return .applied
        case .fontFamily:
            guard let families = fontFamilies(value) else { return .invalid }
            style.fontFamilies = families
            return .applied
        case .fontWeight:
            guard let weight = fontWeight(items) else { return .invalid }
            style.fontWeight = weight
            return .applied
        case .fontStyle:
            switch keyword {
            case "normal": style.italic = false
            case "italic", "oblique": style.italic = true
            default: return .invalid
            }
            return .applied
        case .font:
            return applyFontShorthand(value, to: &style, context: context) ? .applied : .invalid
        case .lineHeight:
            guard let height = lineHeight(items, context: context) else { return .invalid }
            style.lineHeight = height
            return .applied
        case .letterSpacing:
            if keyword == "normal" { style.letterSpacing = 0; return .applied }
            guard let spacing = ValueParser.length(value, context: context, allowAuto: false)?.resolve(style.fontSize) else { return .invalid }
            style.letterSpacing = min(max(spacing, -1000), 1000)
            return .applied
        case .textAlign:
            switch keyword {
            case "left": style.textAlign = .left
            case "right": style.textAlign = .right
            case "start": style.textAlign = .start
            case "end": style.textAlign = .end
            case "center", "-webkit-center": style.textAlign = .center
            case "justify": style.textAlign = .justify
            default: return .invalid
            }
            return .applied
        case .whiteSpace:
            switch keyword {
            case "normal": style.whiteSpace = .normal
            case "nowrap": style.whiteSpace = .nowrap
            case "pre": style.whiteSpace = .pre
            case "pre-wrap", "break-spaces": style.whiteSpace = .preWrap
            case "pre-line": style.whiteSpace = .preLine
            default: return .invalid
            }
            return .applied
        case .textTransform:
            switch keyword {
            case "none": style.textTransform = .none
            case "uppercase": style.textTransform = .uppercase
            case "lowercase": style.textTransform = .lowercase
            case "capitalize": style.textTransform = .capitalize
            default: return .invalid
            }
            return .applied
        case .webkitLineClamp, .lineClamp:
            if keyword == "none" { style.lineClamp = nil; return .applied }
            guard let number = ValueParser.number(value), number >= 1, number == number.rounded(), number < 1e6 else { return .invalid }
            style.lineClamp = Int(number)
            return .applied
        case .flexDirection:
            let map: [String: ComputedStyle.FlexDirection] = ["row": .row, "row-reverse": .rowReverse, "column": .column, "column-reverse": .columnReverse]
            guard let direction = keyword.flatMap({ map[$0] }) else { return .invalid }
            style.flexDirection = direction
            return .applied
        case .flexWrap:
            let map: [String: ComputedStyle.FlexWrap] = ["nowrap": .nowrap, "wrap": .wrap, "wrap-reverse": .wrapReverse]
            guard let wrap = keyword.flatMap({ map[$0] }) else { return .invalid }
            style.flexWrap = wrap
            return .applied
        case .flexFlow:
            for item in items {
                guard case .ident(let word) = item else { return .invalid }
                let outcome = applyMoreValue(["row", "row-reverse", "column", "column-reverse"].contains(word.lowercased()) ? .flexDirection : .flexWrap,
                                             [item], items: [item], keyword: word.lowercased(), to: &style, context: context)
                if outcome != .applied { return outcome }
            }
            return .applied
        case .justifyContent:
            let map: [String: ComputedStyle.Justify] = [
                "flex-start": .start, "start": .start, "left": .start, "normal": .start, "stretch": .start,
                "flex-end": .end, "end": .end, "right": .end, "center": .center,
                "space-between": .spaceBetween, "space-around": .spaceAround, "space-evenly": .spaceEvenly,
            ]
            guard let justify = keyword.flatMap({ map[$0] }) else { return .invalid }
            style.justifyContent = justify
            return .applied
        case .alignItems, .alignSelf:
            let map: [String: ComputedStyle.Align] = [
                "stretch": .stretch, "normal": .stretch, "flex-start": .start, "start": .start, "self-start": .start,
                "flex-end": .end, "end": .end, "self-end": .end, "center": .center, "baseline": .baseline,
                "first baseline": .baseline,
            ]
            if property == .alignSelf, keyword == "auto" { style.alignSelf = .auto; return .applied }
            guard let align = keyword.flatMap({ map[$0] }) else { return .invalid }
            if property == .alignItems { style.alignItems = align } else { style.alignSelf = align }
            return .applied
        case .flexGrow:
            guard let number = ValueParser.number(value), number >= 0 else { return .invalid }
            style.flexGrow = number
            return .applied
        case .flexShrink:
            guard let number = ValueParser.number(value), number >= 0 else { return .invalid }
            style.flexShrink = number
            return .applied
        case .flexBasis:
            if keyword == "content" { style.flexBasis = .auto; return .applied }
            guard let basis = ValueParser.nonNegativeLength(value, context: context) else { return .invalid }
            style.flexBasis = basis
            return .applied
        case .flex:
            return applyFlexShorthand(items, to: &style, context: context) ? .applied : .invalid
        case .alignContent:
            let map: [String: ComputedStyle.AlignContent] = [
                "stretch": .stretch, "normal": .stretch, "flex-start": .start, "start": .start, "flex-end": .end,
                "end": .end, "center": .center, "space-between": .spaceBetween, "space-around": .spaceAround,
                "space-evenly": .spaceEvenly,
            ]
            guard let align = keyword.flatMap({ map[$0] }) else { return .invalid }
            style.alignContent = align
            return .applied
        case .order:
            guard let number = ValueParser.number(value), number == number.rounded() else { return .invalid }
            style.order = Int(number)
            return .applied
        case .textOverflow:
            switch keyword {
            case "ellipsis": style.textOverflowEllipsis = true
            case "clip": style.textOverflowEllipsis = false
            default: return .invalid
            }
            return .applied
        case .textDecoration, .textDecorationLine:
            // Nothing to draw for `none`; decorations themselves are not painted yet.
            guard keyword == "none" else { return .invalid }
            return .applied
        case .gap, .gridGap:
            let lengths = items.map { ValueParser.length($0, context: context, allowAuto: false) }
            guard (1...2).contains(lengths.count), lengths.allSatisfy({ $0 != nil }) else { return .invalid }
            style.rowGap = lengths[0]!
            style.columnGap = lengths.last!!
            return .applied
        case .rowGap, .columnGap:
            if keyword == "normal" {
                if property == .rowGap { style.rowGap = .zero } else { style.columnGap = .zero }
                return .applied
            }
            guard let gap = ValueParser.nonNegativeLength(value, context: context, allowAuto: false) else { return .invalid }
            if property == .rowGap { style.rowGap = gap } else { style.columnGap = gap }
            return .applied
        default:
            return .unknownProperty
        }
    }

    func fontSize(_ items: [CSSComponent], context: LengthContext) -> Double? {
        guard items.count == 1 else { return nil }
        let keywords: [String: Double] = [
            "xx-small": 9, "x-small": 10, "small": 13, "medium": 16, "large": 18, "x-large": 24,
            "xx-large": 32, "xxx-large": 48,
        ]
        if case .ident(let word) = items[0] {
            let lower = word.lowercased()
            if lower == "larger" { return parent.fontSize * 1.2 }
            if lower == "smaller" { return parent.fontSize / 1.2 }
            return keywords[lower]
        }
        // `em` and `%` in font-size refer to the parent's font size (CSS Fonts 4 §2.5).
        var parentContext = context
        parentContext.fontSize = parent.fontSize
        guard let length = ValueParser.length(items[0], context: parentContext, allowAuto: false),
              let size = length.resolve(parent.fontSize), size >= 0 else { return nil }
        return min(size, 10_000)
    }

    func fontFamilies(_ value: [CSSComponent]) -> [String]? {
        var families: [String] = []
        for group in value.splitByCommas() {
            var words: [String] = []
            for item in group {
                switch item {
                case .string(let text): words.append(text)
                case .ident(let word): words.append(word)
                case .whitespace: continue
                default: return nil
                }
            }
            guard !words.isEmpty else { return nil }
            families.append(words.joined(separator: " "))
        }
        return families.isEmpty ? nil : families
    }

    func fontWeight(_ items: [CSSComponent]) -> Int? {
        guard items.count == 1 else { return nil }
        switch items[0] {
        case .number(let number) where number >= 1 && number <= 1000: return Int(number.rounded())
        case .ident(let word):
            switch word.lowercased() {
            case "normal": return 400
            case "bold": return 700
            // CSS Fonts 4 §2.2 table of relative weights.
            case "bolder": return parent.fontWeight < 350 ? 400 : parent.fontWeight < 550 ? 700 : 900
            case "lighter": return parent.fontWeight < 550 ? 100 : parent.fontWeight < 750 ? 400 : 700
            default: return nil
            }
        default: return nil
        }
    }

    func lineHeight(_ items: [CSSComponent], context: LengthContext) -> LineHeight? {
        guard items.count == 1 else { return nil }
        switch items[0] {
        case .ident(let word) where word.lowercased() == "normal": return .normal
        case .number(let number) where number >= 0: return .multiple(min(number, 1000))
        default:
            // A unitless `calc()` (Tailwind's `calc(1.75 / 1.25)`) is a multiple of the font size too.
            if let number = ValueParser.number([items[0]]) { return number >= 0 ? .multiple(min(number, 1000)) : nil }
            guard let length = ValueParser.length(items[0], context: context, allowAuto: false),
                  let px = length.resolve(context.fontSize), px >= 0 else { return nil }
            return .length(px)
        }
    }

    /// `font: [style] [weight] size[/line-height] family, …`.
    private func applyFontShorthand(_ value: [CSSComponent], to style: inout ComputedStyle, context: LengthContext) -> Bool {
        let items = value.withoutWhitespace
        var index = 0
        var italic = false
        var weight = 400
        while index < items.count {
            if case .ident(let word) = items[index] {
                switch word.lowercased() {
                case "italic", "oblique": italic = true; index += 1; continue
                case "normal": index += 1; continue
                case "bold", "bolder", "lighter": weight = fontWeight([items[index]]) ?? 700; index += 1; continue
                default: break
                }
            }
            if case .number(let number) = items[index], number >= 1, number <= 1000 {
                weight = Int(number)
                index += 1
                continue
            }
            break
        }
        guard index < items.count, let size = fontSize([items[index]], context: context) else { return false }
        index += 1
        var height = LineHeight.normal
        var sizeContext = context
        sizeContext.fontSize = size
        if index < items.count, items[index] == .slash {
            guard index + 1 < items.count, let parsed = lineHeight([items[index + 1]], context: sizeContext) else { return false }
            height = parsed
            index += 2
        }
        let rest = value
        // The family list is everything after the size/line-height, with its spaces intact.
        var seen = 0
        var familyStart = rest.count
        for (offset, item) in rest.enumerated() where item != .whitespace {
            if seen == index { familyStart = offset; break }
            seen += 1
        }
        guard let families = fontFamilies(Array(rest[familyStart...])) else { return false }
        style.italic = italic
        style.fontWeight = weight
        style.fontSize = size
        style.lineHeight = height
        style.fontFamilies = families
        return true
    }

    /// `flex: none | auto | <grow> [<shrink>] [<basis>]` (CSS Flexbox 1 §7.1.1).
    private func applyFlexShorthand(_ items: [CSSComponent], to style: inout ComputedStyle, context: LengthContext) -> Bool {
        if items.count == 1, case .ident(let word) = items[0] {
            switch word.lowercased() {
            case "none": (style.flexGrow, style.flexShrink, style.flexBasis) = (0, 0, .auto); return true
            case "auto": (style.flexGrow, style.flexShrink, style.flexBasis) = (1, 1, .auto); return true
            default: break
            }
        }
        var numbers: [Double] = []
        var basis: Length?
        for item in items {
            if case .number(let number) = item, number >= 0, number <= ValueParser.largestMagnitude, numbers.count < 2 {
                numbers.append(number)
            } else if basis == nil, let length = ValueParser.length(item, context: context) {
                basis = length
            } else {
                return false
            }
        }
        guard !numbers.isEmpty || basis != nil else { return false }
        style.flexGrow = numbers.first ?? 1
        style.flexShrink = numbers.count > 1 ? numbers[1] : 1
        style.flexBasis = basis ?? (numbers.isEmpty ? .auto : .zero)
        return true
    }
}
