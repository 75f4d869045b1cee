/// Applies CSS Text 3 §4 white-space processing to a paragraph's spans.
enum WhiteSpaceCollapser {
    /// Tab stops every 8 spaces (CSS `tab-size` initial value), approximated by columns of characters.
    static let tabSize = 8

    /// The paragraph's text after white-space processing and, for each character, the span it came from.
    /// Collapsible spaces merge across span boundaries; leading spaces of the paragraph and of lines after
    /// a preserved newline disappear; spaces before a preserved newline disappear (`pre-line`).
    static func process(_ spans: [TextSpan], whiteSpace: WhiteSpace) -> [(character: Character, span: Int)] {
        var output: [(character: Character, span: Int)] = []
        var afterCollapsibleSpace = true  // At the start, spaces are removed.
        var column = 0
        // One step per character; `ascii` is its `asciiValue` (10 for both "\n" and "\r\n", nil unless
        // ASCII). Tested that way because comparing `Character`s falls back to a normalizing string
        // compare for every other character.
        func step(_ character: Character, ascii: UInt8?, span spanIndex: Int) {
            let isNewline = ascii == 0x0A || ascii == 0x0D
            if isNewline && whiteSpace.keepsNewlines {
                if whiteSpace.collapsesSpaces, let last = output.last, last.character.asciiValue == 0x20 { output.removeLast() }
                output.append(("\n", spanIndex))
                afterCollapsibleSpace = true
                column = 0
                return
            }
            let isSpace = isNewline || ascii == 0x20 || ascii == 0x09
            if isSpace && whiteSpace.collapsesSpaces {
                if !afterCollapsibleSpace { output.append((" ", spanIndex)) }
                afterCollapsibleSpace = true
                return
            }
            afterCollapsibleSpace = false
            if ascii == 0x09 {
                let spaces = tabSize - column % tabSize
                for _ in 0..<spaces { output.append((" ", spanIndex)) }
                column += spaces
            } else {
                output.append((character, spanIndex))
                column += 1
            }
        }
        for (spanIndex, span) in spans.enumerated() {
            // Text of ASCII bytes without carriage returns has one `Character` per byte, so it is walked
            // on bytes, which skips grapheme breaking and the `asciiValue` lookups.
            let walkedBytes = span.text.utf8.withContiguousStorageIfAvailable { bytes -> Bool in
                guard !bytes.contains(where: { $0 >= 0x80 || $0 == 0x0D }) else { return false }
                for byte in bytes { step(Character(Unicode.Scalar(byte)), ascii: byte, span: spanIndex) }
                return true
            } ?? false
            if walkedBytes { continue }
            for character in span.text { step(character, ascii: character.asciiValue, span: spanIndex) }
        }
        return output
    }
}
