/// Evaluates `@media` query lists (Media Queries 4) against the render's viewport. The medium is
/// `screen`; width, height, aspect-ratio and orientation features are known, with `min-`/`max-`
/// prefixes and range syntax (`width >= 600px`, `400px < width <= 900px`); anything else is false.
enum MediaQuery {
    struct Viewport: Sendable, Equatable {
        var width: Double
        var height: Double
    }

    /// Whether any query in the comma-separated list matches; an empty list matches.
    static func matches(_ list: String, viewport: Viewport) -> Bool {
        let queries = CSSParser.splitTopLevel(list, separator: ",")
        if queries.isEmpty { return true }
        return queries.contains { matchesQuery($0.lowercased(), viewport: viewport) }
    }

    private static func matchesQuery(_ query: String, viewport: Viewport) -> Bool {
        var words = query.trimmed.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
        var negate = false
        if words.first == "not" { negate = true; words.removeFirst() }
        if words.first == "only" { words.removeFirst() }
        var result = true
        if let medium = words.first, !medium.hasPrefix("(") {
            result = medium == "screen" || medium == "all"
            words.removeFirst()
            if words.first == "and" { words.removeFirst() }
        }
        let conditions = words.joined(separator: " ")
        if !conditions.isEmpty { result = result && evaluate(conditions, viewport: viewport) }
        return negate ? !result : result
    }

    /// A condition: features in parentheses joined by `and`/`or`, optionally negated.
    private static func evaluate(_ text: String, viewport: Viewport) -> Bool {
        BooleanCondition.evaluate(text) { feature in matchesFeature(feature, viewport: viewport) }
    }

    private static func matchesFeature(_ feature: String, viewport: Viewport) -> Bool {
        let features: [String: Double] = ["width": viewport.width, "height": viewport.height,
                                          "aspect-ratio": viewport.width / max(viewport.height, 1)]
        if let colon = feature.firstIndex(of: ":") {
            let name = feature[..<colon].trimmed
            let valueText = feature[feature.index(after: colon)...].trimmed
            if name == "orientation" { return valueText == (viewport.width >= viewport.height ? "landscape" : "portrait") }
            if name == "prefers-color-scheme" { return valueText == "light" }
            if name == "prefers-reduced-motion" { return valueText == "no-preference" }
            var base = name
            var compare: (Double, Double) -> Bool = { abs($0 - $1) < 0.001 }
            if name.hasPrefix("min-") { base = String(name.dropFirst(4)); compare = { $0 >= $1 } }
            if name.hasPrefix("max-") { base = String(name.dropFirst(4)); compare = { $0 <= $1 } }
            guard let actual = features[base], let value = number(valueText) else { return false }
            return compare(actual, value)
        }
        // Range syntax: `width >= 600px`, `600px <= width`, `400px < width < 900px`.
        let tokens = feature.split(separator: " ").map(String.init)
        guard tokens.count == 3 || tokens.count == 5 else {
            return ["color", "hover", "pointer"].contains(feature.trimmed) ? feature.trimmed == "color" : false
        }
        var result = true
        for start in stride(from: 0, to: tokens.count - 2, by: 2) {
            let left = features[tokens[start]] ?? number(tokens[start])
            let right = features[tokens[start + 2]] ?? number(tokens[start + 2])
            guard let left, let right else { return false }
            switch tokens[start + 1] {
            case "<": result = result && left < right
            case "<=": result = result && left <= right
            case ">": result = result && left > right
            case ">=": result = result && left >= right
            case "=": result = result && abs(left - right) < 0.001
            default: return false
            }
        }
        return result
    }

    /// A length in px (`px`, `em`/`rem` at 16px) or a ratio (`16/9`).
    private static func number(_ text: String) -> Double? {
        let text = text.trimmed
        if let slash = text.firstIndex(of: "/") {
            guard let a = Double(text[..<slash].trimmed), let b = Double(text[text.index(after: slash)...].trimmed), b != 0 else { return nil }
            return a / b
        }
        for (unit, scale) in [("px", 1.0), ("rem", 16.0), ("em", 16.0)] where text.hasSuffix(unit) {
            return Double(text.dropLast(unit.count)).map { $0 * scale }
        }
        return Double(text)
    }
}

/// Shared evaluation of `not`/`and`/`or` conditions over parenthesized leaves, as used by `@media`
/// and `@supports`.
enum BooleanCondition {
    static func evaluate(_ text: String, leaf: (String) -> Bool) -> Bool {
        var parts: [(negated: Bool, body: String)] = []
        var operators: [String] = []
        var index = text.startIndex
        var negateNext = false
        while index < text.endIndex {
            let character = text[index]
            if character == " " || character == "\t" || character == "\n" { index = text.index(after: index); continue }
            if character == "(" {
                var depth = 0
                var end = index
                while end < text.endIndex {
                    if text[end] == "(" { depth += 1 }
                    if text[end] == ")" { depth -= 1; if depth == 0 { break } }
                    end = text.index(after: end)
                }
                guard end < text.endIndex else { return false }
                parts.append((negateNext, String(text[text.index(after: index)..<end])))
                negateNext = false
                index = text.index(after: end)
                continue
            }
            var wordEnd = index
            while wordEnd < text.endIndex, text[wordEnd].isLetter || text[wordEnd] == "-" { wordEnd = text.index(after: wordEnd) }
            let word = text[index..<wordEnd].lowercased()
            if word == "not" { negateNext = true } else if word == "and" || word == "or" { operators.append(word) } else {
                // A function such as `selector(...)`: treat it as one leaf.
                guard let open = text[index...].firstIndex(of: "("), let close = text[open...].firstIndex(of: ")") else { return false }
                parts.append((negateNext, String(text[index...close])))
                negateNext = false
                index = text.index(after: close)
                continue
            }
            guard wordEnd > index else { return false }
            index = wordEnd
        }
        guard !parts.isEmpty else { return false }
        let values = parts.map { part -> Bool in
            let body = part.body.trimmed
            let inner = body.first == "(" || body.lowercased().hasPrefix("not") ? evaluate(body, leaf: leaf) : leaf(body)
            return part.negated ? !inner : inner
        }
        if operators.contains("or") { return values.contains(true) }
        return !values.contains(false)
    }
}
