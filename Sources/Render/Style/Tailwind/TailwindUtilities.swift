/// The utility table: class name (without variants, `!` and a leading `-`) → declarations.
enum TailwindUtilities {
    /// Exact names with fixed declarations, in Tailwind's output order.
    private static let statics: [(String, String)] = [
        ("container", "width: 100%"), ("sr-only", "position: absolute; width: 1px; height: 1px; overflow: hidden"),
        ("static", "position: static"), ("fixed", "position: absolute"), ("absolute", "position: absolute"),
        ("relative", "position: relative"), ("sticky", "position: relative"),
        ("block", "display: block"), ("inline-block", "display: inline-block"), ("inline", "display: inline"),
        ("flex", "display: flex"), ("inline-flex", "display: inline-flex"), ("grid", "display: grid"),
        ("inline-grid", "display: inline-grid"), ("contents", "display: contents"), ("hidden", "display: none"),
        ("flow-root", "display: flow-root"), ("list-item", "display: list-item"),
        ("box-border", "box-sizing: border-box"), ("box-content", "box-sizing: content-box"),
        ("aspect-square", "aspect-ratio: 1 / 1"), ("aspect-video", "aspect-ratio: 16 / 9"), ("aspect-auto", "aspect-ratio: auto"),
        ("flex-1", "flex: 1"), ("flex-auto", "flex: auto"), ("flex-initial", "flex: 0 auto"), ("flex-none", "flex: none"),
        ("shrink", "flex-shrink: 1"), ("shrink-0", "flex-shrink: 0"), ("grow", "flex-grow: 1"), ("grow-0", "flex-grow: 0"),
        ("list-none", "list-style-type: none"), ("list-disc", "list-style-type: disc"), ("list-decimal", "list-style-type: decimal"),
        ("flex-row", "flex-direction: row"), ("flex-row-reverse", "flex-direction: row-reverse"),
        ("flex-col", "flex-direction: column"), ("flex-col-reverse", "flex-direction: column-reverse"),
        ("flex-wrap", "flex-wrap: wrap"), ("flex-wrap-reverse", "flex-wrap: wrap-reverse"), ("flex-nowrap", "flex-wrap: nowrap"),
        ("content-center", "align-content: center"), ("content-start", "align-content: flex-start"),
        ("content-end", "align-content: flex-end"), ("content-between", "align-content: space-between"),
        ("content-around", "align-content: space-around"), ("content-evenly", "align-content: space-evenly"),
        ("items-start", "align-items: flex-start"), ("items-end", "align-items: flex-end"), ("items-center", "align-items: center"),
        ("items-baseline", "align-items: baseline"), ("items-stretch", "align-items: stretch"),
        ("justify-start", "justify-content: flex-start"), ("justify-end", "justify-content: flex-end"),
        ("justify-center", "justify-content: center"), ("justify-between", "justify-content: space-between"),
        ("justify-around", "justify-content: space-around"), ("justify-evenly", "justify-content: space-evenly"),
        ("self-auto", "align-self: auto"), ("self-start", "align-self: flex-start"), ("self-end", "align-self: flex-end"),
        ("self-center", "align-self: center"), ("self-stretch", "align-self: stretch"), ("self-baseline", "align-self: baseline"),
        ("place-items-center", "align-items: center; justify-items: center"),
        ("place-content-center", "align-content: center; justify-content: center"),
        ("overflow-hidden", "overflow: hidden"), ("overflow-clip", "overflow: hidden"), ("overflow-visible", "overflow: visible"),
        ("overflow-auto", "overflow: hidden"), ("overflow-scroll", "overflow: hidden"),
        ("truncate", "overflow: hidden; text-overflow: ellipsis; white-space: nowrap"),
        ("whitespace-normal", "white-space: normal"), ("whitespace-nowrap", "white-space: nowrap"),
        ("whitespace-pre", "white-space: pre"), ("whitespace-pre-line", "white-space: pre-line"),
        ("whitespace-pre-wrap", "white-space: pre-wrap"), ("break-words", "overflow-wrap: break-word"),
        ("break-all", "word-break: break-all"), ("text-wrap", "text-wrap: wrap"), ("text-nowrap", "white-space: nowrap"),
        ("text-balance", "text-wrap: balance"), ("text-pretty", "text-wrap: pretty"),
        ("rounded", "border-radius: 0.25rem"), ("border", "border-style: solid; border-width: 1px"),
        ("border-solid", "border-style: solid"), ("border-dashed", "border-style: dashed"),
        ("border-dotted", "border-style: dotted"), ("border-none", "border-style: none"),
        ("bg-none", "background-image: none"),
        ("text-left", "text-align: left"), ("text-center", "text-align: center"), ("text-right", "text-align: right"),
        ("text-justify", "text-align: justify"), ("text-start", "text-align: start"), ("text-end", "text-align: end"),
        ("align-baseline", "vertical-align: baseline"), ("align-top", "vertical-align: top"),
        ("align-middle", "vertical-align: middle"), ("align-bottom", "vertical-align: bottom"),
        ("uppercase", "text-transform: uppercase"), ("lowercase", "text-transform: lowercase"),
        ("capitalize", "text-transform: capitalize"), ("normal-case", "text-transform: none"),
        ("italic", "font-style: italic"), ("not-italic", "font-style: normal"),
        ("underline", "text-decoration-line: underline"), ("overline", "text-decoration-line: overline"),
        ("line-through", "text-decoration-line: line-through"), ("no-underline", "text-decoration-line: none"),
        ("antialiased", "-webkit-font-smoothing: antialiased"), ("subpixel-antialiased", "-webkit-font-smoothing: auto"),
        ("object-cover", "object-fit: cover"), ("object-contain", "object-fit: contain"),
        ("object-center", "object-position: center"),
        ("blur-none", "filter: none"), ("shadow-none", "box-shadow: 0 0 #0000"),
    ]
    private static let staticTable: [String: (Int, [Declaration])] = {
        var table: [String: (Int, [Declaration])] = [:]
        for (offset, entry) in statics.enumerated() {
            table[entry.0] = (offset, CSSParser.parseDeclarations(entry.1))
        }
        return table
    }()

    /// Prefix utilities, in Tailwind's property order: each prefix's rank sorts its output.
    private static let prefixes = [
        "inset-x", "inset-y", "inset", "top", "right", "bottom", "left", "z", "order", "m", "mx", "my", "mt", "mr", "mb", "ml",
        "size", "h", "max-h", "min-h", "w", "max-w", "min-w", "basis", "grid-cols", "space-y", "space-x", "gap", "gap-x", "gap-y",
        "rounded", "rounded-t", "rounded-r", "rounded-b", "rounded-l", "rounded-tl", "rounded-tr", "rounded-br", "rounded-bl",
        "border", "border-x", "border-y", "border-t", "border-r", "border-b", "border-l", "bg", "bg-gradient-to", "bg-linear-to",
        "bg-linear", "from", "via", "to", "p", "px", "py", "pt", "pr", "pb", "pl", "text", "font", "leading", "tracking",
        "opacity", "shadow", "blur", "aspect", "line-clamp",
    ]
    private static let prefixRank: [String: Int] = Dictionary(uniqueKeysWithValues: prefixes.enumerated().map { ($1, $0 + 1000) })

    static func resolve(_ name: String, negative: Bool, context: TailwindResolver) -> TailwindResolver.Utility? {
        if !negative, let (rank, declarations) = staticTable[name] {
            return .init(declarations: declarations, order: rank)
        }
        // Longest matching prefix first (`border-t-2` before `border-2`), then its value.
        var dash = name.endIndex
        while let index = name[..<dash].lastIndex(of: "-") {
            let prefix = String(name[..<index])
            let value = String(name[name.index(after: index)...])
            if let rank = prefixRank[prefix], let text = declarations(prefix, value, negative: negative, context: context) {
                return .init(declarations: CSSParser.parseDeclarations(text), order: rank)
            }
            dash = index
        }
        // Bare prefixes: `shadow`, `blur`, `rounded`, `border` handled as statics or here.
        if let rank = prefixRank[name], let text = declarations(name, "", negative: negative, context: context) {
            return .init(declarations: CSSParser.parseDeclarations(text), order: rank)
        }
        return nil
    }

    private static let sides: [String: [String]] = [
        "": ["top", "right", "bottom", "left"], "x": ["left", "right"], "y": ["top", "bottom"],
        "t": ["top"], "r": ["right"], "b": ["bottom"], "l": ["left"],
    ]
    private static let corners: [String: [String]] = [
        "": ["top-left", "top-right", "bottom-right", "bottom-left"], "t": ["top-left", "top-right"],
        "r": ["top-right", "bottom-right"], "b": ["bottom-right", "bottom-left"], "l": ["top-left", "bottom-left"],
        "tl": ["top-left"], "tr": ["top-right"], "br": ["bottom-right"], "bl": ["bottom-left"],
    ]
    private static let directions: [String: String] = [
        "t": "to top", "tr": "to top right", "r": "to right", "br": "to bottom right",
        "b": "to bottom", "bl": "to bottom left", "l": "to left", "tl": "to top left",
    ]

    /// The declaration text for `prefix-value`, or nil when the value does not fit the prefix.
    private static func declarations(_ prefix: String, _ value: String, negative: Bool, context: TailwindResolver) -> String? {
        let sizeKeywords = ["auto": "auto", "full": "100%", "min": "min-content", "max": "max-content", "fit": "fit-content"]
        func space(_ keywords: [String: String] = [:]) -> String? { context.spacing(value, negative: negative, keywords: keywords) }
        func each(_ names: [String], _ value: String) -> String { names.map { "\($0): \(value)" }.joined(separator: "; ") }
        switch prefix {
        case "inset", "inset-x", "inset-y", "top", "right", "bottom", "left":
            guard let length = space(sizeKeywords) else { return nil }
            let names = prefix == "inset" ? ["top", "right", "bottom", "left"] : prefix == "inset-x" ? ["left", "right"]
                : prefix == "inset-y" ? ["top", "bottom"] : [prefix]
            return each(names, length)
        case "z", "order":
            let property = prefix == "z" ? "z-index" : "order"
            if value == "auto" { return "\(property): auto" }
            guard let number = TailwindResolver.arbitrary(value) ?? (Int(value).map(String.init)) else { return nil }
            return "\(property): \(negative ? "calc(\(number) * -1)" : number)"
        case "m", "mx", "my", "mt", "mr", "mb", "ml", "p", "px", "py", "pt", "pr", "pb", "pl":
            let property = prefix.hasPrefix("m") ? "margin" : "padding"
            guard property == "margin" || !negative, let length = space(property == "margin" ? ["auto": "auto"] : [:]),
                  let names = sides[String(prefix.dropFirst())] else { return nil }
            return each(names.map { "\(property)-\($0)" }, length)
        case "w", "h", "size", "min-w", "min-h", "max-w", "max-h", "basis":
            guard !negative else { return nil }
            let vertical = prefix.hasSuffix("h")
            var keywords = sizeKeywords
            keywords["screen"] = vertical ? "100vh" : "100vw"
            if prefix.hasPrefix("max") { keywords["none"] = "none" }
            if !vertical { for (key, width) in TailwindTheme.containers { keywords[key] = width } }
            if prefix == "max-w" { keywords["prose"] = "65ch" }
            guard let length = space(keywords) else { return nil }
            switch prefix {
            case "size": return "width: \(length); height: \(length)"
            case "w": return "width: \(length)"
            case "h": return "height: \(length)"
            case "basis": return "flex-basis: \(length)"
            default: return "\(prefix.hasPrefix("min") ? "min" : "max")-\(vertical ? "height" : "width"): \(length)"
            }
        case "gap", "gap-x", "gap-y":
            guard let length = space() else { return nil }
            return prefix == "gap" ? "gap: \(length)" : prefix == "gap-x" ? "column-gap: \(length)" : "row-gap: \(length)"
        case "space-x", "space-y":
            // Applied to the children by the resolver; the parent carries the step as a variable.
            guard let length = space() else { return nil }
            return "--tw-\(prefix): \(length)"
        case let corner where corner.hasPrefix("rounded"):
            let key = corner == "rounded" ? "" : String(corner.dropFirst("rounded-".count))
            guard let names = corners[key], let radius = TailwindTheme.radii[value] ?? TailwindResolver.arbitrary(value) else { return nil }
            return each(names.map { "border-\($0)-radius" }, radius)
        case let border where border.hasPrefix("border"):
            let key = border == "border" ? "" : String(border.dropFirst("border-".count))
            guard let names = sides[key], !negative else { return nil }
            let width = value.isEmpty ? "1px" : Int(value).map { "\($0)px" } ?? TailwindResolver.arbitrary(value).flatMap { isLength($0) ? $0 : nil }
            if let width {
                return each(names.map { "border-\($0)-style" }, "solid") + "; " + each(names.map { "border-\($0)-width" }, width)
            }
            guard let color = context.color(value) else { return nil }
            return each(names.map { "border-\($0)-color" }, color)
        case "bg":
            if let color = context.color(value) { return "background-color: \(color)" }
            if let image = TailwindResolver.arbitrary(value), image.contains("(") { return "background-image: \(image)" }
            return nil
        // Tailwind 4 interpolates these gradients in Oklab, under its v3 name `bg-gradient-to` too.
        case "bg-gradient-to", "bg-linear-to":
            guard let direction = directions[value] else { return nil }
            return "--tw-gradient-position: \(direction) in oklab; background-image: linear-gradient(var(--tw-gradient-stops))"
        case "bg-linear":
            if let degrees = Int(value) {
                let angle = "\(negative ? -degrees : degrees)deg in oklab"
                return "--tw-gradient-position: \(angle); background-image: linear-gradient(var(--tw-gradient-stops))"
            }
            // An arbitrary value is used as written, as Tailwind does.
            guard let angle = TailwindResolver.arbitrary(value) else { return nil }
            return "--tw-gradient-position: \(angle); background-image: linear-gradient(var(--tw-gradient-stops))"
        case "from", "via", "to":
            if value.hasSuffix("%"), Double(value.dropLast()) != nil { return "--tw-gradient-\(prefix)-position: \(value)" }
            guard let color = context.color(value) else { return nil }
            let stops = "var(--tw-gradient-position), var(--tw-gradient-from) var(--tw-gradient-from-position), "
            if prefix == "via" {
                let viaStops = stops + "var(--tw-gradient-via) var(--tw-gradient-via-position), var(--tw-gradient-to) var(--tw-gradient-to-position)"
                return "--tw-gradient-via: \(color); --tw-gradient-via-stops: \(viaStops); --tw-gradient-stops: var(--tw-gradient-via-stops)"
            }
            let all = "var(--tw-gradient-via-stops, \(stops)var(--tw-gradient-to) var(--tw-gradient-to-position))"
            return "--tw-gradient-\(prefix): \(color); --tw-gradient-stops: \(all)"
        case "text":
            if let (size, lineHeight) = TailwindTheme.textSizes[value] { return "font-size: \(size); line-height: \(lineHeight)" }
            if let arbitrary = TailwindResolver.arbitrary(value), isLength(arbitrary) { return "font-size: \(arbitrary)" }
            return context.color(value).map { "color: \($0)" }
        case "font":
            if let weight = TailwindTheme.fontWeights[value] { return "font-weight: \(weight)" }
            if let family = TailwindTheme.fontFamilies[value] { return "font-family: \(family)" }
            if let arbitrary = TailwindResolver.arbitrary(value) {
                return Int(arbitrary) != nil ? "font-weight: \(arbitrary)" : "font-family: \(arbitrary)"
            }
            return nil
        case "leading":
            if let named = TailwindTheme.leading[value] { return "line-height: \(named)" }
            guard let length = space() else { return nil }
            return "line-height: \(length)"
        case "tracking":
            guard let spacing = TailwindTheme.tracking[value] ?? TailwindResolver.arbitrary(value) else { return nil }
            return "letter-spacing: \(negative ? "calc(\(spacing) * -1)" : spacing)"
        case "opacity":
            guard let number = Double(value) else { return TailwindResolver.arbitrary(value).map { "opacity: \($0)" } }
            return "opacity: \(TailwindResolver.format(number / 100))"
        case "shadow":
            if let shadow = TailwindTheme.shadows[value] { return "box-shadow: \(shadow)" }
            if let arbitrary = TailwindResolver.arbitrary(value) { return "box-shadow: \(arbitrary)" }
            return nil
        case "blur":
            guard let radius = TailwindTheme.blurs[value] ?? TailwindResolver.arbitrary(value) else { return nil }
            return "filter: blur(\(radius))"
        case "aspect":
            return TailwindResolver.arbitrary(value).map { "aspect-ratio: \($0)" }
        case "grid-cols":
            if value == "none" { return "grid-template-columns: none" }
            if let arbitrary = TailwindResolver.arbitrary(value) { return "grid-template-columns: \(arbitrary)" }
            guard let count = Int(value), count > 0 else { return nil }
            return "grid-template-columns: repeat(\(count), minmax(0, 1fr))"
        case "line-clamp":
            guard Int(value) != nil else { return nil }
            return "overflow: hidden; display: -webkit-box; -webkit-box-orient: vertical; -webkit-line-clamp: \(value)"
        default:
            return nil
        }
    }

    private static func isLength(_ text: String) -> Bool {
        guard let first = text.first else { return false }
        return first.isNumber || first == "." || first == "-" || text.hasPrefix("calc(") || text.hasPrefix("clamp(")
            || text.hasPrefix("min(") || text.hasPrefix("max(") || text.hasPrefix("var(")
    }
}
