import Testing
@testable import Render

/// The collapser tests characters by their ASCII value; it must keep giving what `Character`
/// comparisons gave, CR LF and combining marks on spaces included.
struct WhiteSpaceCollapserTests {
    /// The collapser as it was written with `Character` comparisons.
    static func reference(_ texts: [String], whiteSpace: WhiteSpace) -> [(character: Character, span: Int)] {
        var output: [(character: Character, span: Int)] = []
        var afterCollapsibleSpace = true
        var column = 0
        for (spanIndex, text) in texts.enumerated() {
            for character in text {
                let isNewline = character == "\n" || character == "\r\n" || character == "\r"
                if isNewline && whiteSpace.keepsNewlines {
                    if whiteSpace.collapsesSpaces, let last = output.last, last.character == " " { output.removeLast() }
                    output.append(("\n", spanIndex))
                    afterCollapsibleSpace = true
                    column = 0
                    continue
                }
                let isSpace = isNewline || character == " " || character == "\t"
                if isSpace && whiteSpace.collapsesSpaces {
                    if !afterCollapsibleSpace { output.append((" ", spanIndex)) }
                    afterCollapsibleSpace = true
                    continue
                }
                afterCollapsibleSpace = false
                if character == "\t" {
                    let spaces = WhiteSpaceCollapser.tabSize - column % WhiteSpaceCollapser.tabSize
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

    static let inputs: [[String]] = [
        ["  hello   world  "], ["a\r\nb\rc\nd"], ["tab\there", "\tx"], ["one ", " two"], ["x \u{301}y", " \u{301}"],
        ["line  \n  next"], ["\u{A0}nbsp\u{3000}ideo"], ["", "   ", "z"], ["é\r\n\r\n\t\t€"],
    ]

    @Test(arguments: inputs)
    func matchesCharacterComparisons(texts: [String]) {
        let font = FontSpec(families: ["Inter"], size: 16, weight: 400, italic: false)
        let spans = texts.map { TextSpan(text: $0, font: font, color: .black) }
        for whiteSpace in [WhiteSpace.normal, .nowrap, .pre, .preWrap, .preLine] {
            let result = WhiteSpaceCollapser.process(spans, whiteSpace: whiteSpace)
            let expected = Self.reference(texts, whiteSpace: whiteSpace)
            #expect(result.map(\.character) == expected.map(\.character))
            #expect(result.map(\.span) == expected.map(\.span))
        }
    }
}
