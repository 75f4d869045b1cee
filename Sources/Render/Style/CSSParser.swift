/// Splits CSS text into rules and declarations (CSS Syntax 3, simplified): comments removed,
/// at-rules skipped with a warning, blocks balanced, strings respected.
struct CSSParser {
    private let bytes: [UInt8]
    private var position = 0
    private(set) var warnings = Warnings()
    /// The document's `@font-face` rules in source order (inside `@media`/`@supports` blocks that hold).
    private(set) var fontFaces: [FontFaceRule] = []  // @font-face (text)

    init(_ css: String) {
        bytes = CSSParser.removingComments(Array(css.utf8))
    }

    /// Parses a whole stylesheet; `@media` conditions are evaluated against `viewport`.
    mutating func parseStyleSheet(viewport: MediaQuery.Viewport = .init(width: 1200, height: 630)) -> StyleSheet {
        var sheet = StyleSheet()
        parseRules(into: &sheet, layer: nil, limit: bytes.count, viewport: viewport, depth: 0)
        return sheet
    }

    /// Parses rules up to `limit`; nested at-rule blocks recurse (bounded by `depth`).
    private mutating func parseRules(into sheet: inout StyleSheet, layer: String?, limit: Int, viewport: MediaQuery.Viewport, depth: Int) {
        while true {
            skipWhitespace()
            guard position < limit else { break }
            if bytes[position] == UInt8(ascii: "@") {
                parseAtRule(into: &sheet, layer: layer, limit: limit, viewport: viewport, depth: depth)
                continue
            }
            if bytes[position] == UInt8(ascii: "}") || bytes[position] == UInt8(ascii: ";") {
                position += 1
                continue
            }
            let preludeStart = position
            guard skip(until: UInt8(ascii: "{")), position < limit else { position = limit; break }
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
            sheet.rules.append(StyleRule(selectors: selectors, declarations: Self.parseDeclarations(body),
                                         layer: layer.map { sheet.layerRank($0) } ?? StyleRule.unlayered))
        }
    }

    /// `@layer`, `@media`, `@supports` and `@property` take part in the cascade; `@font-face` rules
    /// are collected in `fontFaces`; `@keyframes`, `@charset`, `@import` (rendering never fetches) and `@page` are skipped quietly;
    /// anything else is skipped with a warning.
    private mutating func parseAtRule(into sheet: inout StyleSheet, layer: String?, limit: Int, viewport: MediaQuery.Viewport, depth: Int) {
        let start = position
        position += 1
        while position < limit, HTMLTokenizer.isLetter(bytes[position]) || bytes[position] == UInt8(ascii: "-") {
            position += 1
        }
        let name = String(decoding: bytes[start..<position], as: UTF8.self).lowercased()
        let preludeStart = position
        var hasBlock = false
        while position < limit {
            let byte = bytes[position]
            if byte == UInt8(ascii: ";") { break }
            if byte == UInt8(ascii: "{") { hasBlock = true; break }
            if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") { skipString(); continue }
            position += 1
        }
        let prelude = String(decoding: bytes[preludeStart..<min(position, limit)], as: UTF8.self).trimmed
        position = min(position + 1, limit)
        guard hasBlock else {
            if name == "@layer" {
                for layerName in Self.splitTopLevel(prelude, separator: ",") {
                    _ = sheet.layerRank(Self.qualified(layerName.trimmed, in: layer))
                }
            } else if !["@charset", "@import", "@namespace"].contains(name) {
                warnings.add("unsupported at-rule '\(name)'")
            }
            return
        }
        let bodyStart = position
        skipBlock()
        let bodyEnd = max(bodyStart, position - 1)
        let after = position
        func nested(layer inner: String?) {
            guard depth < 16 else { return }
            position = bodyStart
            parseRules(into: &sheet, layer: inner, limit: bodyEnd, viewport: viewport, depth: depth + 1)
            position = after
        }
        switch name {
        case "@layer":
            // An anonymous layer gets a name nothing else can refer to.
            let layerName = prelude.isEmpty ? "\u{0}anonymous\(bodyStart)" : prelude
            nested(layer: Self.qualified(layerName, in: layer))
        case "@media":
            if MediaQuery.matches(prelude, viewport: viewport) { nested(layer: layer) }
        case "@supports":
            if SupportsCondition.evaluate(prelude) { nested(layer: layer) }
        case "@property":
            let body = String(decoding: bytes[bodyStart..<bodyEnd], as: UTF8.self)
            let descriptors = Self.parseDeclarations(body)
            let initial = descriptors.first { $0.name == "initial-value" }?.value
            let inherits = descriptors.first { $0.name == "inherits" }?.value.lowercased() != "false"
            if prelude.hasPrefix("--") {
                sheet.registeredProperties[prelude] = RegisteredProperty(initialValue: initial, inherits: inherits)
            }
        // MARK: @font-face (text) — begin
        case "@font-face":
            let body = String(decoding: bytes[bodyStart..<bodyEnd], as: UTF8.self)
            if let rule = FontFaceRule(descriptors: Self.parseDeclarations(body)) {
                fontFaces.append(rule)
            } else {
                warnings.add("@font-face without font-family or src is ignored")
            }
        // MARK: @font-face (text) — end
        case "@keyframes", "@-webkit-keyframes", "@page", "@counter-style", "@font-feature-values":
            break
        default:
            warnings.add("unsupported at-rule '\(name)'")
        }
    }

    private static func qualified(_ name: String, in parent: String?) -> String {
        parent.map { "\($0).\(name)" } ?? name
    }

    /// Parses a declaration list (a rule body or a `style` attribute). Invalid pieces are dropped.
    static func parseDeclarations(_ text: String) -> [Declaration] {
        let cleaned = String(decoding: removingComments(Array(text.utf8)), as: UTF8.self)
        var declarations: [Declaration] = []
        for piece in flatteningNestedBlocks(cleaned) {
            guard let colon = piece.firstIndex(of: ":") else { continue }
            var name = piece[..<colon].trimmed
            guard !name.isEmpty, !name.contains(where: { $0 == " " || $0 == "{" || $0 == "}" }) else { continue }
            if !name.hasPrefix("--") { name = name.lowercased() }
            var value = piece[piece.index(after: colon)...].trimmed
            var important = false
            if let bang = value.utf8.lastIndex(of: UInt8(ascii: "!")),
               value[value.utf8.index(after: bang)...].trimmed.lowercased() == "important" {
                important = true
                value = value[..<bang].trimmed
            }
            guard !value.isEmpty || name.hasPrefix("--") else { continue }
            declarations.append(Declaration(name: name, value: value, important: important))
        }
        return declarations
    }

    /// Splits a declaration list at top-level `;`, handling nested blocks (CSS Nesting 1): the
    /// declarations of a nested `@supports` or `@media` block whose condition holds are kept in
    /// place; nested style rules are dropped, since they target other elements.
    ///
    /// Scans UTF-8 bytes: every character that matters is ASCII, and a declaration may hold a
    /// `data:` URI of many kilobytes, which a walk over `Character`s crossed far more slowly.
    private static func flatteningNestedBlocks(_ text: String, depth: Int = 0) -> [String] {
        guard text.utf8.contains(UInt8(ascii: "{")) else { return splitTopLevel(text, separator: ";") }
        let bytes: [UInt8] = Array(text.utf8)
        var pieces: [String] = []
        var start: Int = 0
        var index: Int = 0
        var parens: Int = 0
        var quote: UInt8 = 0
        while index < bytes.count {
            let byte: UInt8 = bytes[index]
            if quote != 0 {
                if byte == quote { quote = 0 }
            } else if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
                quote = byte
            } else if byte == UInt8(ascii: "(") {
                parens += 1
            } else if byte == UInt8(ascii: ")") {
                parens = max(0, parens - 1)
            } else if byte == UInt8(ascii: ";") && parens == 0 {
                pieces.append(String(decoding: bytes[start..<index], as: UTF8.self))
                start = index + 1
            } else if byte == UInt8(ascii: "{") && parens == 0 {
                var level: Int = 1
                var end: Int = index + 1
                while end < bytes.count, level > 0 {
                    if bytes[end] == UInt8(ascii: "{") { level += 1 } else if bytes[end] == UInt8(ascii: "}") { level -= 1 }
                    if level > 0 { end += 1 }
                }
                let prelude: String = String(decoding: bytes[start..<index], as: UTF8.self).trimmed.lowercased()
                let body: String = String(decoding: bytes[(index + 1)..<min(end, bytes.count)], as: UTF8.self)
                let holds: Bool
                if prelude.hasPrefix("@supports") {
                    holds = SupportsCondition.evaluate(String(prelude.dropFirst("@supports".count)))
                } else if prelude.hasPrefix("@media") {
                    holds = MediaQuery.matches(String(prelude.dropFirst("@media".count)), viewport: .init(width: 1200, height: 630))
                } else {
                    holds = false
                }
                if holds, depth < 8 { pieces += flatteningNestedBlocks(body, depth: depth + 1) }
                index = end < bytes.count ? end + 1 : end
                start = index
                continue
            }
            index += 1
        }
        pieces.append(String(decoding: bytes[min(start, bytes.count)...], as: UTF8.self))
        return pieces.filter { !$0.trimmed.isEmpty }
    }

    /// Splits at `separator` (an ASCII character) outside parentheses, brackets and strings,
    /// scanning UTF-8 bytes as `flatteningNestedBlocks` does.
    static func splitTopLevel(_ text: String, separator: Character) -> [String] {
        guard let separatorByte = separator.asciiValue else { preconditionFailure("separators are ASCII") }
        var parts: [String] = []
        var depth: Int = 0
        var quote: UInt8 = 0
        let utf8 = text.utf8
        var start: String.Index = utf8.startIndex
        var index: String.Index = utf8.startIndex
        while index < utf8.endIndex {
            let byte: UInt8 = utf8[index]
            if quote != 0 {
                if byte == quote { quote = 0 }
            } else if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
                quote = byte
            } else if byte == UInt8(ascii: "(") || byte == UInt8(ascii: "[") {
                depth += 1
            } else if byte == UInt8(ascii: ")") || byte == UInt8(ascii: "]") {
                depth = max(0, depth - 1)
            } else if byte == separatorByte, depth == 0 {
                parts.append(String(decoding: utf8[start..<index], as: UTF8.self))
                start = utf8.index(after: index)
            }
            index = utf8.index(after: index)
        }
        parts.append(String(decoding: utf8[start...], as: UTF8.self))
        return parts.filter { !$0.trimmed.isEmpty }
    }

    // MARK: Scanning

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
