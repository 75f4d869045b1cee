/// Parsing of each supported property's value.
extension PropertyApplier {
    // Built once: a dictionary literal inside the `display` case was rebuilt on every declaration.
    static let displayKeywords: [String: ComputedStyle.Display] = [
        "block": .block, "inline": .inline, "inline-block": .inlineBlock, "flex": .flex,
        "inline-flex": .inlineFlex, "none": .none, "-webkit-box": .block, "list-item": .block, "flow-root": .block,
        "grid": .flex, "inline-grid": .inlineFlex,
    ]

    mutating func applyValue(_ property: PropertyID, _ value: [CSSComponent], to style: inout ComputedStyle, context: LengthContext) -> Outcome {
        let items = value.withoutWhitespace
        let keyword: String? = {
            if items.count == 1, case .ident(let word) = items[0] { return word.lowercased() }
            return nil
        }()
        func set<T>(_ parsed: T?, _ assign: (T) -> Void) -> Outcome {
            guard let parsed else { return .invalid }
            assign(parsed)
            return .applied
        }
        func length(allowAuto: Bool = true) -> Length? {
            ValueParser.length(value, context: context, allowAuto: allowAuto)
        }
        func size(allowAuto: Bool = true) -> Length? {
            ValueParser.nonNegativeLength(value, context: context, allowAuto: allowAuto)
        }

        if let outcome = applyPaintValue(property, value, to: &style, context: context) { return outcome }  // paint properties: PropertyApplier+Paint.swift
        if let outcome = applyGridValue(property, value, keyword: keyword, to: &style, context: context) { return outcome }
        if let outcome = applyListValue(property, value, to: &style) { return outcome }  // PropertyApplier+Lists.swift
        switch property {
        case .display:
            guard let word = keyword else { return .invalid }
            if let display = Self.displayKeywords[word] {
                style.display = display
                style.grid.isGrid = word == "grid" || word == "inline-grid"
                style.list.isListItem = word == "list-item"
                return .applied
            }
            warnings.add("unsupported value '\(word)' for 'display', using block")
            style.display = .block
            return .applied
        case .aspectRatio:
            // `auto && <ratio>` uses the ratio for boxes without a natural one, which is every box but `<img>`.
            let parts = value.withoutWhitespace.filter { $0 != .ident("auto") }
            if parts.isEmpty, keyword == "auto" {
                style.aspectRatio = nil
                return .applied
            }
            var numbers: [Double] = []
            for part in parts {
                switch part {
                case .number(let number): numbers.append(number)
                case .slash: continue
                default: return .invalid
                }
            }
            guard (1...2).contains(numbers.count), parts.count == (numbers.count == 2 ? 3 : 1) else { return .invalid }
            let ratio = numbers.count == 2 ? numbers[0] / numbers[1] : numbers[0]
            guard ratio.isFinite, ratio > 0 else { return .invalid }
            style.aspectRatio = ratio
            return .applied
        case .content:
            if keyword == "none" || keyword == "normal" {
                style.content = nil
                return .applied
            }
            guard let parts = ContentPart.parse(value) else { return .invalid }
            style.content = parts
            return .applied
        case .verticalAlign:
            let map: [String: ComputedStyle.VerticalAlign] = [
                "baseline": .baseline, "top": .top, "middle": .middle, "bottom": .bottom,
                "text-top": .textTop, "text-bottom": .textBottom, "sub": .baseline, "super": .baseline,
            ]
            if let word = keyword, let align = map[word] {
                style.verticalAlign = align
                style.baselineShiftValue = word == "sub" ? .sub : word == "super" ? .super : nil
            } else if let shift = length(allowAuto: false) {
                // Inline text is shifted by the length; atomic inlines still sit on the baseline.
                style.verticalAlign = .baseline
                style.baselineShiftValue = .length(shift)
            } else {
                return .invalid
            }
            return .applied
        case .position:
            switch keyword {
            case "static": style.position = .static
            case "relative", "sticky": style.position = .relative
            case "absolute", "fixed": style.position = .absolute
            default: return .invalid
            }
            return .applied
        case .top: return set(length()) { style.inset.top = $0 }
        case .right: return set(length()) { style.inset.right = $0 }
        case .bottom: return set(length()) { style.inset.bottom = $0 }
        case .left: return set(length()) { style.inset.left = $0 }
        case .inset: return set(sides(items, context: context, allowAuto: true)) { style.inset = $0 }
        case .width:
            let keywords: [String: ComputedStyle.IntrinsicWidth] = [
                "min-content": .minContent, "max-content": .maxContent, "fit-content": .fitContent, "-webkit-fit-content": .fitContent,
            ]
            if let word = keyword, let intrinsic = keywords[word] {
                style.width = .auto
                style.intrinsicWidth = intrinsic
                return .applied
            }
            style.intrinsicWidth = nil
            return set(size()) { style.width = $0 }
        case .height: return set(size()) { style.height = $0 }
        case .minWidth: return set(size()) { style.minWidth = $0 }
        case .minHeight: return set(size()) { style.minHeight = $0 }
        case .maxWidth:
            if keyword == "none" { style.maxWidth = nil; return .applied }
            return set(size(allowAuto: false)) { style.maxWidth = $0 }
        case .maxHeight:
            if keyword == "none" { style.maxHeight = nil; return .applied }
            return set(size(allowAuto: false)) { style.maxHeight = $0 }
        case .margin: return set(sides(items, context: context, allowAuto: true)) { style.margin = $0 }
        case .marginTop: return set(length()) { style.margin.top = $0 }
        case .marginRight: return set(length()) { style.margin.right = $0 }
        case .marginBottom: return set(length()) { style.margin.bottom = $0 }
        case .marginLeft: return set(length()) { style.margin.left = $0 }
        case .padding: return set(sides(items, context: context, allowAuto: false)) { style.padding = $0 }
        case .paddingTop: return set(size(allowAuto: false)) { style.padding.top = $0 }
        case .paddingRight: return set(size(allowAuto: false)) { style.padding.right = $0 }
        case .paddingBottom: return set(size(allowAuto: false)) { style.padding.bottom = $0 }
        case .paddingLeft: return set(size(allowAuto: false)) { style.padding.left = $0 }
        case .boxSizing:
            switch keyword {
            case "border-box": style.boxSizing = .borderBox
            case "content-box": style.boxSizing = .contentBox
            default: return .invalid
            }
            return .applied
        case .overflow, .overflowX, .overflowY:
            switch keyword {
            case "hidden", "clip", "auto", "scroll": style.overflowHidden = true
            case "visible": style.overflowHidden = false
            default: return .invalid
            }
            return .applied
        case .zIndex:
            if keyword == "auto" { style.zIndex = nil; return .applied }
            guard let number = ValueParser.number(value), number == number.rounded(), abs(number) < 1e9 else { return .invalid }
            style.zIndex = Int(number)
            return .applied
        case .opacity:
            guard items.count == 1 else { return .invalid }
            switch items[0] {
            case .number(let number): style.opacity = min(max(number, 0), 1)
            case .percentage(let percent): style.opacity = min(max(percent / 100, 0), 1)
            default: return .invalid
            }
            return .applied
        case .color:
            guard let color = ColorParser.parse(value) else { return .invalid }
            style.color = color == .currentColor ? parent.color : style.resolve(color)
            return .applied
        case .backgroundColor:
            return set(ColorParser.parse(value)) { style.backgroundColor = $0 }
        case .background, .backgroundImage:
            return applyBackground(property, value, to: &style, context: context)
        default:
            return applyMoreValue(property, value, items: items, keyword: keyword, to: &style, context: context)
        }
    }

    /// The 1–4 value side shorthand (`margin: 10px 20px`).
    func sides(_ items: [CSSComponent], context: LengthContext, allowAuto: Bool) -> ComputedStyle.Sides<Length>? {
        let lengths = items.map { ValueParser.length($0, context: context, allowAuto: allowAuto) }
        guard (1...4).contains(lengths.count), lengths.allSatisfy({ $0 != nil }) else { return nil }
        let values = lengths.map { $0! }
        switch values.count {
        case 1: return .init(values[0])
        case 2: return .init(top: values[0], right: values[1], bottom: values[0], left: values[1])
        case 3: return .init(top: values[0], right: values[1], bottom: values[2], left: values[1])
        default: return .init(top: values[0], right: values[1], bottom: values[2], left: values[3])
        }
    }

    private mutating func applyBackground(_ property: PropertyID, _ value: [CSSComponent], to style: inout ComputedStyle, context: LengthContext) -> Outcome {
        var gradients: [BackgroundGradient] = []
        var color: ColorValue?
        let layers = value.splitByCommas()
        for (index, layer) in layers.enumerated() {
            for item in layer.withoutWhitespace {
                switch item {
                case .function("linear-gradient", let arguments):
                    guard let gradient = BackgroundGradient.parse(arguments, context: context) else { return .invalid }
                    gradients.append(gradient)
                case .function(let function, _):
                    if property == .background, index == layers.count - 1, let parsed = ColorParser.parse(item) {
                        color = parsed
                    } else {
                        warnings.add("unsupported background '\(function)()'")
                    }
                case .ident(let word) where word.lowercased() == "none":
                    continue
                default:
                    if property == .background, index == layers.count - 1, color == nil, let parsed = ColorParser.parse(item) {
                        color = parsed
                    } else {
                        warnings.add("unsupported background value in '\(property.name)'")
                    }
                }
            }
        }
        style.backgroundGradients = gradients
        if property == .background { style.backgroundColor = color ?? .color(.transparent) }
        return .applied
    }
}
