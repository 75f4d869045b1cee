import Foundation

/// Replaces `var(--name, fallback)` references (CSS Variables 1 §3) in a raw value.
enum VariableSubstitution {
    /// References nest at most this deep, which also stops cycles such as `--a: var(--a)`.
    static let maximumDepth = 16

    /// The value with every `var()` replaced, or nil when a reference has neither a value nor a fallback
    /// (the declaration is then invalid at computed-value time).
    /// Whether `value` contains `var(` in any case: a byte scan, since most values have none and
    /// Foundation's case-insensitive search was a visible share of styling.
    static func mentionsVar(_ value: String) -> Bool {
        var window: UInt32 = 0
        for byte in value.utf8 {
            // Lowercase ASCII letters only; `(` is unaffected by setting bit 0x20.
            window = window << 8 | UInt32(byte | 0x20)
            if window == 0x7661_7228 { return true }
        }
        return false
    }

    static func substitute(_ value: String, properties: [String: String], depth: Int = 0) -> String? {
        guard mentionsVar(value) else { return value }
        guard depth < maximumDepth else { return nil }
        let characters = Array(value)
        var output = ""
        var index = 0
        while index < characters.count {
            if index + 4 <= characters.count, String(characters[index..<index + 4]).lowercased() == "var(",
               index == 0 || !(characters[index - 1].isLetter || characters[index - 1] == "-") {
                var level = 1
                var end = index + 4
                while end < characters.count, level > 0 {
                    if characters[end] == "(" { level += 1 }
                    if characters[end] == ")" { level -= 1 }
                    end += 1
                }
                guard level == 0 else { return nil }
                let inside = String(characters[(index + 4)..<(end - 1)])
                let name: String
                let fallback: String?
                if let comma = inside.firstIndex(of: ",") {
                    name = inside[..<comma].trimmed
                    fallback = String(inside[inside.index(after: comma)...])
                } else {
                    name = inside.trimmed
                    fallback = nil
                }
                guard name.hasPrefix("--") else { return nil }
                let replacement: String
                if let defined = properties[name], !defined.trimmed.isEmpty,
                   let resolved = substitute(defined, properties: properties, depth: depth + 1) {
                    replacement = resolved
                } else if let fallback, let resolved = substitute(fallback, properties: properties, depth: depth + 1) {
                    replacement = resolved.trimmed
                } else {
                    return nil
                }
                output += replacement
                index = end
                continue
            }
            output.append(characters[index])
            index += 1
        }
        return output
    }
}
