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
        for (spanIndex, span) in spans.enumerated() {
            for character in span.text {
                // Tested on `asciiValue` (nil unless ASCII; 10 for both "\n" and "\r\n"): comparing
                // `Character`s falls back to a normalizing string compare for every other character.
                let ascii = character.asciiValue
                let isNewline = ascii == 0x0A || ascii == 0x0D
                if isNewline && whiteSpace.keepsNewlines {
                    if whiteSpace.collapsesSpaces, let last = output.last, last.character.asciiValue == 0x20 { output.removeLast() }
                    output.append(("\n", spanIndex))
                    afterCollapsibleSpace = true
                    column = 0
                    continue
                }
                let isSpace = isNewline || ascii == 0x20 || ascii == 0x09
                if isSpace && whiteSpace.collapsesSpaces {
                    if !afterCollapsibleSpace { output.append((" ", spanIndex)) }
                    afterCollapsibleSpace = true
                    continue
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
        }
        return output
    }
}
