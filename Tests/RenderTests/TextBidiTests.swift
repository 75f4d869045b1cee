import Testing
@testable import Render

/// UAX #9 through ICU: levels, run splitting, visual order and direction-dependent alignment.
struct TextBidiTests {
    @Test func visualOrderReversesRightToLeftRuns() {
        #expect(UnicodeAnalyzer.visualOrder(levels: [0, 0, 0]) == [0, 1, 2])
        #expect(UnicodeAnalyzer.visualOrder(levels: [1, 1, 1]) == [2, 1, 0])
        #expect(UnicodeAnalyzer.visualOrder(levels: [0, 1, 1, 0]) == [0, 2, 1, 3])
        // A number inside right-to-left text keeps its own order (level 2 inside level 1).
        #expect(UnicodeAnalyzer.visualOrder(levels: [1, 2, 2, 1]) == [3, 1, 2, 0])
    }

    @Test func levelsFollowTheParagraphDirection() throws {
        let analyzer = try UnicodeAnalyzer()
        let mixed = Array("abc שלום 12".utf16)
        let ltr = analyzer.bidiLevels(of: mixed, direction: .ltr)
        #expect(ltr.paragraphLevel == 0)
        #expect(ltr.levels[0] == 0 && ltr.levels[4] == 1)
        let rtl = analyzer.bidiLevels(of: mixed, direction: .rtl)
        #expect(rtl.paragraphLevel == 1)
        #expect(rtl.levels[0] == 2 && rtl.levels[4] == 1 && rtl.levels[9] == 2)
        let auto = analyzer.bidiLevels(of: Array("שלום abc".utf16), direction: .auto)
        #expect(auto.paragraphLevel == 1)
        #expect(analyzer.bidiLevels(of: Array("abc שלום".utf16), direction: .auto).paragraphLevel == 0)
    }

    @Test func mixedLineShowsTheHebrewWordReversedBetweenLatinWords() throws {
        let engine = try TextTestSupport.engine()
        let text = "one שלום two"
        let shaped = ShapedText(spans: [TextTestSupport.span(text, family: "sans-serif", size: 20)], whiteSpace: .normal, engine: engine)
        let hebrew = shaped.clusters.filter { $0.level == 1 }
        #expect(hebrew.map(\.character) == Array("שלום"))
        #expect(Set(hebrew.map(\.run)).count == 1)
        let paragraph = engine.layout([TextTestSupport.span(text, family: "sans-serif", size: 20)], style: ParagraphStyle(), maxWidth: .infinity)
        let glyphs = paragraph.lines[0].glyphs
        #expect(glyphs.count == text.count)
        // Visual order left to right: "one", the Hebrew word, "two"; x positions keep increasing.
        #expect(zip(glyphs, glyphs.dropFirst()).allSatisfy { $0.x <= $1.x + 0.001 })
        let inter = glyphs.first!.fontIndex
        #expect(glyphs.first!.fontIndex == glyphs.last!.fontIndex)
        #expect(glyphs[4].fontIndex != inter)
    }

    @Test func rightToLeftParagraphStartsOnTheRight() throws {
        let engine = try TextTestSupport.engine()
        let span = TextTestSupport.span("مرحبا بالعالم", family: "sans-serif", size: 24)
        var style = ParagraphStyle()
        style.direction = .rtl
        style.align = .start
        let paragraph = engine.layout([span], style: style, maxWidth: 600)
        let line = paragraph.lines[0]
        #expect(line.x > 300)
        #expect(abs(line.x + line.width - 600) < 0.01)
        style.align = .end
        #expect(engine.layout([span], style: style, maxWidth: 600).lines[0].x < 0.01)
    }

    @Test func bracketsMirrorInRightToLeftRuns() throws {
        let engine = try TextTestSupport.engine()
        var style = ParagraphStyle()
        style.direction = .rtl
        let font = FontSpec(families: ["Noto Sans Hebrew"], size: 20, weight: 400, italic: false)
        let rtl = engine.layout([TextSpan(text: "(שלום)", font: font, color: .black)], style: style, maxWidth: .infinity)
        let ltr = engine.layout([TextSpan(text: "(abc)", font: font, color: .black)], style: ParagraphStyle(), maxWidth: .infinity)
        // The visually leftmost glyph of the right-to-left text is its logically last character, ")",
        // mirrored: drawn with the glyph of "(", as the left-to-right text starts. Unmirrored, the two
        // would be swapped.
        #expect(rtl.lines[0].glyphs.first!.glyphID == ltr.lines[0].glyphs.first!.glyphID)
        #expect(rtl.lines[0].glyphs.last!.glyphID == ltr.lines[0].glyphs.last!.glyphID)
        #expect(rtl.lines[0].glyphs.first!.glyphID != rtl.lines[0].glyphs.last!.glyphID)
    }

    @Test func arabicLinesBreakInLogicalOrder() throws {
        let engine = try TextTestSupport.engine()
        let words = ["الأول", "الثاني", "الثالث", "الرابع", "الخامس", "السادس"]
        var style = ParagraphStyle()
        style.direction = .rtl
        let span = TextTestSupport.span(words.joined(separator: " "), family: "sans-serif", size: 24)
        let shaped = ShapedText(spans: [span], whiteSpace: .normal, direction: .rtl, engine: engine)
        let breaker = LineBreaker(clusters: shaped.clusters, whiteSpace: .normal)
        let lines = breaker.lines(maxWidth: 200)
        #expect(lines.count >= 2)
        // The first line holds the first words of the text (logical order), whatever its visual order.
        let firstLine = String(shaped.clusters[lines[0]].map(\.character))
        #expect(firstLine.hasPrefix(words[0]))
    }
}
