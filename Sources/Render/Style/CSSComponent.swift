/// A component value of a CSS property value (CSS Syntax 3 §5, simplified).
indirect enum CSSComponent: Sendable, Equatable {
    case ident(String)
    case number(Double)
    case percentage(Double)
    case dimension(Double, unit: String)
    case hash(String)
    case string(String)
    /// A function and its arguments; a bare `( … )` block has an empty name. An unquoted `url(…)`
    /// token is read as `url` with its text as one `.string` argument, like the quoted form.
    case function(String, [CSSComponent])
    case comma
    case slash
    case delimiter(Character)
    case whitespace

    /// Tokenizes a property value. Never fails: unknown characters become delimiters.
    static func parse(_ text: String) -> [CSSComponent] {
        var scanner = Scanner(bytes: Array(text.utf8))
        return scanner.components(until: nil, depth: 0)
    }

    private struct Scanner {
        let bytes: [UInt8]
        var position = 0

        mutating func components(until closing: UInt8?, depth: Int) -> [CSSComponent] {
            var result: [CSSComponent] = []
            while position < bytes.count {
                let byte = bytes[position]
                if let closing, byte == closing {
                    position += 1
                    return result
                }
                if HTMLTokenizer.isWhitespace(byte) {
                    while position < bytes.count, HTMLTokenizer.isWhitespace(bytes[position]) { position += 1 }
                    if !result.isEmpty, result.last != .whitespace { result.append(.whitespace) }
                    continue
                }
                if startsNumber() {
                    result.append(number())
                    continue
                }
                if isNameStart(at: position) {
                    let name = self.name()
                    if position < bytes.count, bytes[position] == UInt8(ascii: "(") {
                        position += 1
                        if name.lowercased() == "url", let reference = unquotedURL() {
                            result.append(.function("url", [.string(reference)]))
                            continue
                        }
                        // Nesting is bounded so hostile input cannot exhaust the stack.
                        let arguments = depth < 32 ? components(until: UInt8(ascii: ")"), depth: depth + 1) : skipBlock()
                        result.append(.function(name.lowercased(), arguments.trimmingWhitespace()))
                    } else {
                        result.append(.ident(name))
                    }
                    continue
                }
                position += 1
                switch byte {
                case UInt8(ascii: "#"):
                    result.append(.hash(name()))
                case UInt8(ascii: "\""), UInt8(ascii: "'"):
                    let start = position
                    while position < bytes.count, bytes[position] != byte { position += 1 }
                    result.append(.string(String(decoding: bytes[start..<position], as: UTF8.self)))
                    position = min(position + 1, bytes.count)
                case UInt8(ascii: "("):
                    let inner = depth < 32 ? components(until: UInt8(ascii: ")"), depth: depth + 1) : skipBlock()
                    result.append(.function("", inner.trimmingWhitespace()))
                case UInt8(ascii: ","):
                    result.append(.comma)
                case UInt8(ascii: "/"):
                    result.append(.slash)
                default:
                    let scalar = Unicode.Scalar(byte)
                    result.append(.delimiter(Character(scalar)))
                }
            }
            return result
        }

        /// The rest of an unquoted `url(…)` (CSS Syntax 3 §4.3.6), after the "(": everything up to the
        /// closing ")" taken literally, so a `data:` URI's `;`, `,`, `/` and `+` survive. Returns nil and
        /// leaves the position alone when the argument is quoted, which the ordinary function path reads.
        mutating func unquotedURL() -> String? {
            var index = position
            while index < bytes.count, HTMLTokenizer.isWhitespace(bytes[index]) { index += 1 }
            if index < bytes.count, bytes[index] == UInt8(ascii: "\"") || bytes[index] == UInt8(ascii: "'") { return nil }
            var value: [UInt8] = []
            while index < bytes.count, bytes[index] != UInt8(ascii: ")") {
                if bytes[index] == UInt8(ascii: "\\"), index + 1 < bytes.count {
                    index += 1
                }
                value.append(bytes[index])
                index += 1
            }
            position = min(index + 1, bytes.count)
            while let last = value.last, HTMLTokenizer.isWhitespace(last) { value.removeLast() }
            return String(decoding: value, as: UTF8.self)
        }

        private mutating func skipBlock() -> [CSSComponent] {
            var level = 1
            while position < bytes.count, level > 0 {
                if bytes[position] == UInt8(ascii: "(") { level += 1 }
                if bytes[position] == UInt8(ascii: ")") { level -= 1 }
                position += 1
            }
            return []
        }

        private func isDigit(_ index: Int) -> Bool {
            index < bytes.count && bytes[index] >= UInt8(ascii: "0") && bytes[index] <= UInt8(ascii: "9")
        }

        private func startsNumber() -> Bool {
            var index = position
            if bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") { index += 1 }
            if isDigit(index) { return true }
            return index < bytes.count && bytes[index] == UInt8(ascii: ".") && isDigit(index + 1)
        }

        private func isNameStart(at index: Int) -> Bool {
            guard index < bytes.count else { return false }
            let byte = bytes[index]
            if HTMLTokenizer.isLetter(byte) || byte == UInt8(ascii: "_") || byte >= 0x80 { return true }
            if byte == UInt8(ascii: "-") {
                guard index + 1 < bytes.count else { return false }
                let next = bytes[index + 1]
                return HTMLTokenizer.isLetter(next) || next == UInt8(ascii: "-") || next == UInt8(ascii: "_") || next >= 0x80
            }
            return false
        }

        private mutating func name() -> String {
            let start = position
            while position < bytes.count {
                let byte = bytes[position]
                guard HTMLTokenizer.isLetter(byte) || isDigit(position) || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "_") || byte >= 0x80 else { break }
                position += 1
            }
            return String(decoding: bytes[start..<position], as: UTF8.self)
        }

        private mutating func number() -> CSSComponent {
            let start = position
            if bytes[position] == UInt8(ascii: "+") || bytes[position] == UInt8(ascii: "-") { position += 1 }
            while isDigit(position) { position += 1 }
            if position < bytes.count, bytes[position] == UInt8(ascii: "."), isDigit(position + 1) {
                position += 1
                while isDigit(position) { position += 1 }
            }
            if position < bytes.count, bytes[position] | 0x20 == UInt8(ascii: "e") {
                var index = position + 1
                if index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") { index += 1 }
                if isDigit(index) {
                    position = index
                    while isDigit(position) { position += 1 }
                }
            }
            let value = Double(String(decoding: bytes[start..<position], as: UTF8.self)) ?? 0
            let finite = value.isFinite ? value : 0
            if position < bytes.count, bytes[position] == UInt8(ascii: "%") {
                position += 1
                return .percentage(finite)
            }
            if isNameStart(at: position) {
                return .dimension(finite, unit: name().lowercased())
            }
            return .number(finite)
        }
    }
}

extension Array where Element == CSSComponent {
    /// The components without leading and trailing whitespace.
    func trimmingWhitespace() -> [CSSComponent] {
        var slice = self[...]
        while slice.first == .whitespace { slice.removeFirst() }
        while slice.last == .whitespace { slice.removeLast() }
        return Array(slice)
    }

    /// Splits at top-level commas.
    func splitByCommas() -> [[CSSComponent]] {
        split(separator: .comma, omittingEmptySubsequences: false).map { Array($0).trimmingWhitespace() }
    }

    /// The components with whitespace removed (for space-separated values).
    var withoutWhitespace: [CSSComponent] { filter { $0 != .whitespace } }
}
