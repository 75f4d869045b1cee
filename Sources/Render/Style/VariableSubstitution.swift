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
        let bytes = Array(value.utf8)
        // Pure ASCII without carriage returns (which may pair with a newline into one grapheme) has one
        // byte per `Character`, so bytes can stand in for characters; anything else takes the general path.
        guard bytes.allSatisfy({ $0 < 0x80 && $0 != 0x0D }) else {
            return substituteCharacters(value, properties: properties, depth: depth)
        }
        return substituteASCII(bytes, properties: properties, depth: depth)
    }

    /// `substitute` over the bytes of an ASCII value: the same steps as `substituteCharacters`, without
    /// building an array of `Character`s, which dominated styling of Tailwind v4 output (every element
    /// carries dozens of `var()` references).
    private static func substituteASCII(_ bytes: [UInt8], properties: [String: String], depth: Int) -> String? {
        func isLetter(_ byte: UInt8) -> Bool { (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte) }
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            // `var(` in any case, not inside a longer identifier.
            if index + 4 <= bytes.count, bytes[index] | 0x20 == UInt8(ascii: "v"), bytes[index + 1] | 0x20 == UInt8(ascii: "a"),
               bytes[index + 2] | 0x20 == UInt8(ascii: "r"), bytes[index + 3] == UInt8(ascii: "("),
               index == 0 || !(isLetter(bytes[index - 1]) || bytes[index - 1] == UInt8(ascii: "-")) {
                var level = 1
                var end = index + 4
                while end < bytes.count, level > 0 {
                    if bytes[end] == UInt8(ascii: "(") { level += 1 }
                    if bytes[end] == UInt8(ascii: ")") { level -= 1 }
                    end += 1
                }
                guard level == 0 else { return nil }
                let inside = String(decoding: bytes[(index + 4)..<(end - 1)], as: UTF8.self)
                guard let replacement = replacement(for: inside, properties: properties, depth: depth) else { return nil }
                output.append(contentsOf: replacement.utf8)
                index = end
                continue
            }
            output.append(bytes[index])
            index += 1
        }
        return String(decoding: output, as: UTF8.self)
    }

    /// What `var(inside)` becomes: the property's value, else the fallback, each substituted in turn;
    /// nil when neither exists.
    private static func replacement(for inside: String, properties: [String: String], depth: Int) -> String? {
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
        if let defined = properties[name], !defined.trimmed.isEmpty,
           let resolved = substitute(defined, properties: properties, depth: depth + 1) {
            return resolved
        } else if let fallback, let resolved = substitute(fallback, properties: properties, depth: depth + 1) {
            return resolved.trimmed
        }
        return nil
    }

    /// `substitute` for values with non-ASCII text, a `Character` at a time.
    private static func substituteCharacters(_ value: String, properties: [String: String], depth: Int) -> String? {
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
                guard let replacement = replacement(for: inside, properties: properties, depth: depth) else { return nil }
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
