/// Applies CSS Text 3 §4 white-space processing to a paragraph's spans.
enum WhiteSpaceCollapser {
    /// Tab stops every 8 spaces (CSS `tab-size` initial value), approximated by columns of characters.
    static let tabSize = 8

    /// The paragraph's text after white-space processing and, for each character, the span it came from.
    /// Collapsible spaces merge across span boundaries; leading spaces of the paragraph and of lines after
    /// a preserved newline disappear; spaces before a preserved newline disappear (`pre-line`).
    static func process(_ spans: [TextSpan], whiteSpace: WhiteSpace) -> [(character: Character, span: Int)] {
        var state = State(whiteSpace: whiteSpace)
        state.output.reserveCapacity(spans.reduce(0) { $0 + $1.text.utf8.count })
        for (spanIndex, span) in spans.enumerated() {
            // Text of ASCII bytes without carriage returns has one `Character` per byte, so it is walked
            // on bytes, which skips grapheme breaking and the `asciiValue` lookups.
            if span.text.utf8.allSatisfy({ $0 < 0x80 && $0 != 0x0D }) {
                for byte in span.text.utf8 { state.step(Character(Unicode.Scalar(byte)), ascii: byte, span: spanIndex) }
            } else {
                for character in span.text { state.step(character, ascii: character.asciiValue, span: spanIndex) }
            }
        }
        return state.output
    }

    /// The collapser's progress through a paragraph. A struct with a mutating step rather than a local
    /// function, which the byte and `Character` walks would capture, boxing the state behind dynamic
    /// exclusivity checks.
    private struct State {
        let whiteSpace: WhiteSpace
        var output: [(character: Character, span: Int)] = []
        var afterCollapsibleSpace = true  // At the start, spaces are removed.
        var column = 0

        init(whiteSpace: WhiteSpace) {
            self.whiteSpace = whiteSpace
        }

        /// Processes one character; `ascii` is its `asciiValue` (10 for both "\n" and "\r\n", nil unless
        /// ASCII). Tested that way because comparing `Character`s falls back to a normalizing string
        /// compare for every other character.
        mutating func step(_ character: Character, ascii: UInt8?, span spanIndex: Int) {
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
                let spaces = WhiteSpaceCollapser.tabSize - column % WhiteSpaceCollapser.tabSize
                for _ in 0..<spaces { output.append((" ", spanIndex)) }
                column += spaces
            } else {
                output.append((character, spanIndex))
                column += 1
            }
        }
    }
}
