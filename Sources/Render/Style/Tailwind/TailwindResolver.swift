/// Turns Tailwind utility class names (v3 and v4 spellings) into the declarations Tailwind's CLI
/// would generate, so `class="p-16 bg-slate-900"` renders with no stylesheet at all.
///
/// Handles the `!` important marker, negative values (`-mt-4`), opacity modifiers (`bg-blue-500/10`),
/// arbitrary values (`w-[1200px]`, `bg-[#0b1020]`, `top-[-200px]`, `_` for spaces) and responsive
/// variants against the viewport width; other variants (`hover:`, `dark:`) never apply to a static image.
struct TailwindResolver {
    var viewportWidth: Double

    /// A generated utility: its declarations and where Tailwind's output would order it.
    struct Utility: Equatable {
        var declarations: [Declaration]
        /// Tailwind sorts utilities by property, shorthands first (`p-4` before `pt-2`), so a later
        /// longhand wins; this is that rank.
        var order: Int
    }

    func utility(for className: String) -> Utility? {
        var name = Substring(className)
        // Variants: only breakpoints apply, and only when the viewport is at least that wide.
        while let colon = Self.topLevelColon(in: name) {
            let variant = String(name[..<colon])
            guard let breakpoint = TailwindTheme.breakpoints[variant], viewportWidth >= breakpoint else { return nil }
            name = name[name.index(after: colon)...]
        }
        var important = false
        if name.hasPrefix("!") { important = true; name = name.dropFirst() }
        if name.hasSuffix("!") { important = true; name = name.dropLast() }
        var negative = false
        if name.hasPrefix("-") { negative = true; name = name.dropFirst() }
        guard var utility = TailwindUtilities.resolve(String(name), negative: negative, context: self) else { return nil }
        if important {
            utility.declarations = utility.declarations.map { Declaration(name: $0.name, value: $0.value, important: true) }
        }
        return utility
    }

    /// The first `:` outside brackets (arbitrary values may contain colons).
    private static func topLevelColon(in name: Substring) -> Substring.Index? {
        var depth = 0
        for index in name.indices {
            switch name[index] {
            case "[", "(": depth += 1
            case "]", ")": depth -= 1
            case ":" where depth == 0: return index
            default: break
            }
        }
        return nil
    }

    // MARK: Values

    /// A spacing value: a step (`4` = 1rem), `px`, a fraction, a keyword or an arbitrary value.
    func spacing(_ value: String, negative: Bool, keywords: [String: String] = [:]) -> String? {
        var result: String?
        if let keyword = keywords[value] {
            result = keyword
        } else if let arbitrary = Self.arbitrary(value) {
            result = arbitrary
        } else if value == "px" {
            result = "1px"
        } else if let step = Double(value), step >= 0, (step * 4).rounded() == step * 4 {
            result = Self.format(step * 0.25) + "rem"
        } else if let slash = value.firstIndex(of: "/"), let a = Double(value[..<slash]),
                  let b = Double(value[value.index(after: slash)...]), b > 0 {
            result = Self.format(a / b * 100) + "%"
        }
        guard let result else { return nil }
        return negative ? "calc(\(result) * -1)" : result
    }

    /// A color with an optional `/opacity` modifier.
    func color(_ value: String) -> String? {
        var base = value
        var opacity: String?
        if let slash = value.lastIndex(of: "/") {
            let modifier = String(value[value.index(after: slash)...])
            let head = String(value[..<slash])
            if !head.isEmpty, head.filter({ $0 == "[" }).count == head.filter({ $0 == "]" }).count {
                base = head
                if let arbitrary = Self.arbitrary(modifier) {
                    opacity = arbitrary.hasSuffix("%") ? arbitrary : Double(arbitrary).map { Self.format($0 * 100) + "%" }
                } else if let number = Double(modifier) {
                    opacity = Self.format(number) + "%"
                } else {
                    return nil
                }
            }
        }
        let color: String
        if let arbitrary = Self.arbitrary(base) {
            guard case .color? = ColorParser.parse(CSSComponent.parse(arbitrary)) else { return nil }
            color = arbitrary
        } else {
            guard let themed = TailwindTheme.color(base) else { return nil }
            color = themed
        }
        guard let opacity else { return color }
        return "color-mix(in oklab, \(color) \(opacity), transparent)"
    }

    /// The contents of `[…]` with `_` as a space, or nil when `value` is not bracketed.
    static func arbitrary(_ value: String) -> String? {
        guard value.count > 2, value.hasPrefix("["), value.hasSuffix("]") else { return nil }
        let inner = value.dropFirst().dropLast()
        var result = ""
        var escaped = false
        for character in inner {
            if escaped { result.append(character); escaped = false; continue }
            if character == "\\" { escaped = true; continue }
            result.append(character == "_" ? " " : character)
        }
        return result
    }

    static func format(_ value: Double) -> String {
        let rounded = (value * 10_000).rounded() / 10_000
        return rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)
    }
}
