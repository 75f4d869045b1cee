/// Splits CSS text into rules and declarations (CSS Syntax 3, simplified): comments removed,
/// at-rules skipped with a warning, blocks balanced, strings respected.
struct CSSParser {
    private let bytes: [UInt8]
    private var position = 0
    private(set) var warnings = Warnings()

    init(_ css: String) {
        bytes = CSSParser.removingComments(Array(css.utf8))
    }

    /// Parses a whole stylesheet.
    mutating func parseStyleSheet() -> StyleSheet {
        var sheet = StyleSheet()
        while true {
            skipWhitespace()
            guard position < bytes.count else { break }
            if bytes[position] == UInt8(ascii: "@") {
                skipAtRule()
                continue
            }
            let preludeStart = position
            guard skip(until: UInt8(ascii: "{")) else { break }
            let prelude = String(decoding: bytes[preludeStart..<position], as: UTF8.self)
            position += 1
            let blockStart = position
            skipBlock()
            let blockEnd = min(max(position - 1, blockStart), bytes.count)
            let body = String(decoding: bytes[blockStart..<blockEnd], as: UTF8.self)
            var selectors: [Selector] = []
            for text in Self.splitTopLevel(prelude, separator: ",") {
                if let selector = Selector(parsing: text) {
                    selectors.append(selector)
                } else {
                    warnings.add("unsupported selector '\(text.trimmed)'")
                }
            }
            guard !selectors.isEmpty else { continue }
            sheet.rules.append(StyleRule(selectors: selectors, declarations: Self.parseDeclarations(body)))
        }
        return sheet
    }

    /// Parses a declaration list (a rule body or a `style` attribute). Invalid pieces are dropped.
    static func parseDeclarations(_ text: String) -> [Declaration] {
        let cleaned = String(decoding: removingComments(Array(text.utf8)), as: UTF8.self)
        var declarations: [Declaration] = []
        for piece in splitTopLevel(cleaned, separator: ";") {
            guard let colon = piece.firstIndex(of: ":") else { continue }
            var name = piece[..<colon].trimmed
            guard !name.isEmpty, !name.contains(where: { $0 == " " || $0 == "{" || $0 == "}" }) else { continue }
            if !name.hasPrefix("--") { name = name.lowercased() }
            var value = piece[piece.index(after: colon)...].trimmed
            var important = false
            if let bang = value.lastIndex(of: "!"),
               value[value.index(after: bang)...].trimmed.lowercased() == "important" {
                important = true
                value = value[..<bang].trimmed
            }
            guard !value.isEmpty || name.hasPrefix("--") else { continue }
            declarations.append(Declaration(name: name, value: value, important: important))
        }
        return declarations
    }

    /// Splits at `separator` outside parentheses, brackets and strings.
    static func splitTopLevel(_ text: String, separator: Character) -> [String] {
        var parts: [String] = []
        var current = ""
        var depth = 0
        var quote: Character?
        for character in text {
            if let open = quote {
                if character == open { quote = nil }
            } else if character == "\"" || character == "'" {
                quote = character
            } else if character == "(" || character == "[" {
                depth += 1
            } else if character == ")" || character == "]" {
                depth = max(0, depth - 1)
            } else if character == separator, depth == 0 {
                parts.append(current)
                current = ""
                continue
            }
            current.append(character)
        }
        parts.append(current)
        return parts.filter { !$0.trimmed.isEmpty }
    }

    // MARK: Scanning

    private mutating func skipAtRule() {
        let start = position
        position += 1
        while position < bytes.count, HTMLTokenizer.isLetter(bytes[position]) || bytes[position] == UInt8(ascii: "-") {
            position += 1
        }
        let name = String(decoding: bytes[start..<position], as: UTF8.self).lowercased()
        warnings.add("unsupported at-rule '\(name)'")
        while position < bytes.count {
            let byte = bytes[position]
            if byte == UInt8(ascii: ";") { position += 1; return }
            if byte == UInt8(ascii: "{") { position += 1; skipBlock(); return }
            if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") { skipString(); continue }
            position += 1
        }
    }

    /// Moves to the next `target` outside strings; false at the end of input.
    private mutating func skip(until target: UInt8) -> Bool {
        while position < bytes.count {
            let byte = bytes[position]
            if byte == target { return true }
            if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") { skipString(); continue }
            position += 1
        }
        return false
    }

    /// Skips to just after the `}` that closes the block whose `{` was already consumed.
    private mutating func skipBlock() {
        var depth = 1
        while position < bytes.count {
            let byte = bytes[position]
            if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") { skipString(); continue }
            position += 1
            if byte == UInt8(ascii: "{") { depth += 1 }
            if byte == UInt8(ascii: "}") {
                depth -= 1
                if depth == 0 { return }
            }
        }
    }

    private mutating func skipString() {
        let quote = bytes[position]
        position += 1
        while position < bytes.count, bytes[position] != quote {
            if bytes[position] == UInt8(ascii: "\\") { position += 1 }
            position += 1
        }
        position = min(position + 1, bytes.count)
    }

    private mutating func skipWhitespace() {
        while position < bytes.count, HTMLTokenizer.isWhitespace(bytes[position]) { position += 1 }
    }

    private static func removingComments(_ bytes: [UInt8]) -> [UInt8] {
        guard bytes.contains(UInt8(ascii: "*")) else { return bytes }
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            if bytes[index] == UInt8(ascii: "/"), index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "*") {
                index += 2
                while index + 1 < bytes.count, !(bytes[index] == UInt8(ascii: "*") && bytes[index + 1] == UInt8(ascii: "/")) {
                    index += 1
                }
                index += 2
                continue
            }
            output.append(bytes[index])
            index += 1
        }
        return output
    }
}

extension StringProtocol {
    /// The text without leading and trailing CSS/HTML whitespace.
    var trimmed: String {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" || $0 == "\u{0C}" }
        guard let first = firstIndex(where: { !isSpace($0) }), let last = lastIndex(where: { !isSpace($0) }) else { return "" }
        return String(self[first...last])
    }
}
