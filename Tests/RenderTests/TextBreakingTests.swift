import Testing
@testable import Render

/// UAX #14 through ICU with the CSS tailorings: word-break, overflow-wrap, hyphens, indent, balance.
struct TextBreakingTests {
    private func lines(_ engine: TextEngine, _ text: String, width: Double, family: String = "Inter", size: Double = 20,
                       configure: (inout ParagraphStyle) -> Void = { _ in }) -> [String] {
        var style = ParagraphStyle()
        configure(&style)
        let shaped = ShapedText(spans: [TextTestSupport.span(text, family: family, size: size)], whiteSpace: style.whiteSpace,
                                direction: style.direction, engine: engine)
        let breaker = LineBreaker(clusters: shaped.clusters, whiteSpace: style.whiteSpace, wordBreak: style.wordBreak,
                                  overflowWrap: style.overflowWrap, softHyphens: style.softHyphens)
        return breaker.lines(maxWidth: width, firstLineIndent: style.textIndent).map { range in
            String(shaped.clusters[range].map(\.character)).trimmingCharacters(in: [" "])
        }
    }

    @Test func icuOpportunitiesAtSpacesHyphensAndIdeographs() throws {
        let analyzer = try UnicodeAnalyzer()
        #expect(analyzer.lineBreaks(in: Array("ab cd".utf16)).map(\.offset) == [3, 5])
        #expect(analyzer.lineBreaks(in: Array("well-known".utf16)).map(\.offset) == [5, 10])
        #expect(analyzer.lineBreaks(in: Array("日本語".utf16)).map(\.offset) == [1, 2, 3])
        // No break before the ideographic full stop (kinsoku).
        #expect(analyzer.lineBreaks(in: Array("日本。".utf16)).map(\.offset) == [1, 3])
        let hard = analyzer.lineBreaks(in: Array("a\nb".utf16))
        #expect(hard == [UnicodeAnalyzer.BreakOpportunity(offset: 2, isHard: true), .init(offset: 3, isHard: false)])
    }

    @Test func longWordOverflowsUnlessOverflowWrapAllowsBreaking() throws {
        let engine = try TextTestSupport.engine()
        let text = "Supercalifragilisticexpialidocious word"
        let normal = lines(engine, text, width: 120)
        #expect(normal == ["Supercalifragilisticexpialidocious", "word"])
        let anywhere = lines(engine, text, width: 120) { $0.overflowWrap = .anywhere }
        #expect(anywhere.count > 3)
        #expect(anywhere.joined() == text.replacingOccurrences(of: " ", with: ""))
    }

    @Test func minContentCountsAnywhereBreaksButNotBreakWord() throws {
        let engine = try TextTestSupport.engine()
        let span = TextTestSupport.span("Supercalifragilistic", size: 20)
        var style = ParagraphStyle()
        let normal = engine.intrinsicWidths(of: [span], style: style)
        style.overflowWrap = .breakWord
        #expect(engine.intrinsicWidths(of: [span], style: style).min == normal.min)
        style.overflowWrap = .anywhere
        #expect(engine.intrinsicWidths(of: [span], style: style).min < normal.min / 5)
    }

    @Test func wordBreakBreakAllAndKeepAll() throws {
        let engine = try TextTestSupport.engine()
        let latin = "Internationalization everywhere"
        let breakAll = lines(engine, latin, width: 150) { $0.wordBreak = .breakAll }
        #expect(breakAll.count >= 2)
        #expect(breakAll[0].count > 5 && !breakAll[0].contains(" "))  // Broken inside the first word.
        let korean = "한국어 문장은 띄어쓰기로 단어를 나눕니다"
        let keepAll = lines(engine, korean, width: 160, family: "sans-serif") { $0.wordBreak = .keepAll }
        let words = Set(korean.split(separator: " ").map(String.init))
        for line in keepAll { for word in line.split(separator: " ") { #expect(words.contains(String(word))) } }
        let normal = lines(engine, korean, width: 160, family: "sans-serif")
        #expect(normal.contains { line in line.split(separator: " ").contains { !words.contains(String($0)) } })
    }

    @Test func softHyphenBreaksAndShowsAHyphen() throws {
        let engine = try TextTestSupport.engine()
        let text = "Extra\u{AD}ordinary extra\u{AD}ordinary"
        let span = TextTestSupport.span(text, size: 20)
        let unbroken = engine.layout([span], style: ParagraphStyle(), maxWidth: .infinity)
        let hyphenless = lines(engine, text, width: 80)
        #expect(hyphenless.first?.hasSuffix("\u{AD}") == true)
        let paragraph = engine.layout([span], style: ParagraphStyle(), maxWidth: 80)
        #expect(paragraph.lines.count > unbroken.lines.count)
        // The first line got one extra glyph: the hyphen.
        let firstLineText = hyphenless[0]
        #expect(paragraph.lines[0].glyphs.count == firstLineText.count + 1)
        let none = lines(engine, text, width: 80) { $0.softHyphens = false }
        #expect(none.allSatisfy { !$0.hasSuffix("\u{AD}") })
    }

    @Test func textIndentNarrowsAndShiftsTheFirstLine() throws {
        let engine = try TextTestSupport.engine()
        let span = TextTestSupport.span(String(repeating: "word ", count: 30), size: 20)
        var style = ParagraphStyle()
        let plain = engine.layout([span], style: style, maxWidth: 300)
        style.textIndent = 100
        let indented = engine.layout([span], style: style, maxWidth: 300)
        #expect(abs(indented.lines[0].x - 100) < 0.01)
        #expect(indented.lines[0].width < plain.lines[0].width)
        #expect(indented.lines[0].width + 100 <= 300.001)
        #expect(abs(indented.lines[1].x) < 0.01)
    }

    @Test func balanceEvensOutLinesWithoutAddingOne() throws {
        let engine = try TextTestSupport.engine()
        let span = TextTestSupport.span("Building a self-hosted Open Graph image server in pure Swift", size: 64, weight: 700)
        var style = ParagraphStyle()
        let greedy = engine.layout([span], style: style, maxWidth: 1000)
        style.balance = true
        let balanced = engine.layout([span], style: style, maxWidth: 1000)
        #expect(balanced.lines.count == greedy.lines.count)
        let spread = { (paragraph: Paragraph) in (paragraph.lines.map(\.width).max() ?? 0) - (paragraph.lines.map(\.width).min() ?? 0) }
        #expect(spread(balanced) < spread(greedy))
        #expect(balanced.lines.allSatisfy { $0.width <= 1000 })
    }

    @Test func nowrapEllipsisCutsAtAGrapheme() throws {
        let engine = try TextTestSupport.engine()
        let span = TextTestSupport.span("An extraordinarily long title that cannot fit", size: 20)
        var style = ParagraphStyle()
        style.whiteSpace = .nowrap
        style.ellipsis = true
        let paragraph = engine.layout([span], style: style, maxWidth: 200)
        #expect(paragraph.lines.count == 1)
        #expect(paragraph.lines[0].width <= 200.001)
        #expect(paragraph.lines[0].width > 180)  // Filled up to the edge, not cut at a word.
        style.ellipsis = false
        #expect(engine.layout([span], style: style, maxWidth: 200).lines[0].width > 300)
    }
}
