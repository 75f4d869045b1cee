import Testing
@testable import Render

/// `TextEngine.lastLine` stands in for `layout(...).lines` where only the line count and the last
/// line's width are needed (caret positions of inline boxes); it must agree bit for bit.
struct TextLastLineTests {
    private static let texts = [
        "The quick brown fox jumps over the lazy dog, then naps in the afternoon sun.",
        "Ship it! Version 2.4 adds AVIF, faster layout and a co\u{AD}operative scheduler   ",
        "مرحبا بالعالم and some English mixed in with العربية text",
        "東京都の天気は晴れ、明日は雨が降るでしょう。",
        "word",
    ]

    private static func styles() -> [ParagraphStyle] {
        var styles: [ParagraphStyle] = [ParagraphStyle()]
        var style = ParagraphStyle()
        style.align = .center; styles.append(style)
        style.align = .right; style.textIndent = 13.5; styles.append(style)
        style = ParagraphStyle(); style.align = .justify; styles.append(style)
        style = ParagraphStyle(); style.balance = true; styles.append(style)
        style = ParagraphStyle(); style.maxLines = 2; styles.append(style)
        style = ParagraphStyle(); style.whiteSpace = .nowrap; style.ellipsis = true; styles.append(style)
        style = ParagraphStyle(); style.direction = .rtl; style.align = .start; styles.append(style)
        return styles
    }

    @Test(arguments: [90.0, 173.25, 400, .infinity])
    func matchesFullLayout(maxWidth: Double) throws {
        let engine = try TextTestSupport.engine()
        for text in Self.texts {
            for style in Self.styles() {
                var spans = [TextTestSupport.span(String(text.prefix(20)), size: 17)]
                var second = TextTestSupport.span(String(text.dropFirst(20)), weight: 700)
                second.letterSpacing = 0.7
                second.wordSpacing = 2.25
                spans.append(second)
                let paragraph = engine.layout(spans, style: style, maxWidth: maxWidth)
                let last = engine.lastLine(of: spans, style: style, maxWidth: maxWidth)
                #expect(last?.count == (paragraph.lines.isEmpty ? nil : paragraph.lines.count))
                #expect(last?.width.bitPattern == paragraph.lines.last?.width.bitPattern,
                        "\(text) \(style) at \(maxWidth)")
            }
        }
    }

    @Test func emptyTextHasNoLastLine() throws {
        let engine = try TextTestSupport.engine()
        #expect(engine.lastLine(of: [TextTestSupport.span("")], style: ParagraphStyle(), maxWidth: 100) == nil)
    }
}
