/// A forgiving HTML tokenizer over UTF-8 bytes.
///
/// It follows the shape of the HTML Standard's tokenizer (§13.2.5) without its full state machine:
/// malformed markup becomes text or is dropped, never an error.
struct HTMLTokenizer {
    private let bytes: [UInt8]
    private var position = 0
    /// Set after a raw-text start tag (`<script>`, `<style>`, `<title>`…): the next token is its content.
    private var rawTextElement: String?

    init(_ html: String) {
        bytes = Array(html.utf8)
    }

    /// The next token, or nil at the end of input.
    mutating func next() -> HTMLToken? {
        if let element = rawTextElement {
            rawTextElement = nil
            return rawText(until: element)
        }
        guard position < bytes.count else { return nil }
        if bytes[position] == UInt8(ascii: "<"), let token = markup() {
            return token
        }
        return text()
    }

    // MARK: Text

    private mutating func text() -> HTMLToken {
        let start = position
        position += 1 // a '<' that did not start markup is text
        while position < bytes.count, bytes[position] != UInt8(ascii: "<") { position += 1 }
        return .text(CharacterReferences.decode(bytes[start..<position]))
    }

    private mutating func rawText(until element: String) -> HTMLToken {
        let start = position
        let closing = Array("</\(element)".utf8)
        while position < bytes.count {
            if bytes[position] == UInt8(ascii: "<"), matchesCaseInsensitive(closing, at: position) {
                let after = position + closing.count
                if after >= bytes.count || !Self.isNameByte(bytes[after]) { break }
            }
            position += 1
        }
        let content = bytes[start..<position]
        if HTMLElements.escapableRawText.contains(element) { return .text(CharacterReferences.decode(content)) }
        return .text(String(decoding: content, as: UTF8.self))
    }

    // MARK: Markup

    /// Parses markup at a '<'; nil when the '<' is literal text.
    private mutating func markup() -> HTMLToken? {
        let next = position + 1
        guard next < bytes.count else { return nil }
        let byte = bytes[next]
        if byte == UInt8(ascii: "!") {
            if matchesCaseInsensitive(Array("<!--".utf8), at: position) { return comment() }
            let isDoctype = matchesCaseInsensitive(Array("<!doctype".utf8), at: position)
            skip(past: UInt8(ascii: ">"))
            return isDoctype ? .doctype : .comment
        }
        if byte == UInt8(ascii: "?") {
            skip(past: UInt8(ascii: ">"))
            return .comment
        }
        if byte == UInt8(ascii: "/") {
            guard next + 1 < bytes.count else { return nil }
            if Self.isLetter(bytes[next + 1]) {
                position = next + 1
                let name = tagName()
                skip(past: UInt8(ascii: ">"))
                return .endTag(name: name)
            }
            // `</>` is dropped; `</ foo>` is a bogus comment.
            skip(past: UInt8(ascii: ">"))
            return .comment
        }
        guard Self.isLetter(byte) else { return nil }
        position = next
        return startTag()
    }

    private mutating func comment() -> HTMLToken {
        position += 4
        while position < bytes.count {
            if bytes[position] == UInt8(ascii: "-"), matchesCaseInsensitive(Array("-->".utf8), at: position) {
                position += 3
                return .comment
            }
            position += 1
        }
        return .comment
    }

    private mutating func startTag() -> HTMLToken {
        let name = tagName()
        var attributes: [HTMLToken.Attribute] = []
        var selfClosing = false
        while position < bytes.count {
            skipWhitespace()
            guard position < bytes.count else { break }
            let byte = bytes[position]
            if byte == UInt8(ascii: ">") { position += 1; break }
            if byte == UInt8(ascii: "/") {
                position += 1
                if position < bytes.count, bytes[position] == UInt8(ascii: ">") { selfClosing = true }
                continue
            }
            let attribute = self.attribute()
            if !attribute.name.isEmpty, !attributes.contains(where: { $0.name == attribute.name }) {
                attributes.append(attribute)
            }
        }
        // The self-closing flag is ignored on these elements (`<style/>` still starts raw text), as in browsers.
        if HTMLElements.rawText.contains(name) || HTMLElements.escapableRawText.contains(name) {
            rawTextElement = name
        }
        return .startTag(name: name, attributes: attributes, selfClosing: selfClosing)
    }

    private mutating func attribute() -> HTMLToken.Attribute {
        let start = position
        // The first byte is always consumed so a stray '=' or quote cannot stall the loop.
        position += 1
        while position < bytes.count {
            let byte = bytes[position]
            if Self.isWhitespace(byte) || byte == UInt8(ascii: "/") || byte == UInt8(ascii: ">") || byte == UInt8(ascii: "=") { break }
            position += 1
        }
        let name = String(decoding: bytes[start..<position], as: UTF8.self).lowercased()
        skipWhitespace()
        guard position < bytes.count, bytes[position] == UInt8(ascii: "=") else {
            return .init(name: name, value: "")
        }
        position += 1
        skipWhitespace()
        guard position < bytes.count else { return .init(name: name, value: "") }
        let quote = bytes[position]
        if quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") {
            position += 1
            let valueStart = position
            while position < bytes.count, bytes[position] != quote { position += 1 }
            let value = CharacterReferences.decode(bytes[valueStart..<position])
            if position < bytes.count { position += 1 }
            return .init(name: name, value: value)
        }
        let valueStart = position
        while position < bytes.count, !Self.isWhitespace(bytes[position]), bytes[position] != UInt8(ascii: ">") {
            position += 1
        }
        return .init(name: name, value: CharacterReferences.decode(bytes[valueStart..<position]))
    }

    private mutating func tagName() -> String {
        let start = position
        while position < bytes.count, Self.isNameByte(bytes[position]) { position += 1 }
        return String(decoding: bytes[start..<position], as: UTF8.self).lowercased()
    }

    // MARK: Helpers

    private mutating func skip(past byte: UInt8) {
        while position < bytes.count, bytes[position] != byte { position += 1 }
        if position < bytes.count { position += 1 }
    }

    private mutating func skipWhitespace() {
        while position < bytes.count, Self.isWhitespace(bytes[position]) { position += 1 }
    }

    private func matchesCaseInsensitive(_ pattern: [UInt8], at offset: Int) -> Bool {
        guard offset + pattern.count <= bytes.count else { return false }
        for index in 0..<pattern.count where Self.lowercase(bytes[offset + index]) != pattern[index] {
            return false
        }
        return true
    }

    static func lowercase(_ byte: UInt8) -> UInt8 {
        byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte + 32 : byte
    }

    static func isLetter(_ byte: UInt8) -> Bool {
        let lower = lowercase(byte)
        return lower >= UInt8(ascii: "a") && lower <= UInt8(ascii: "z")
    }

    static func isWhitespace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0C || byte == 0x0D
    }

    static func isNameByte(_ byte: UInt8) -> Bool {
        !isWhitespace(byte) && byte != UInt8(ascii: "/") && byte != UInt8(ascii: ">")
    }
}
