import Testing
@testable import Render

struct TextLayoutTests {
    private func breaker(_ engine: TextEngine, _ spans: [TextSpan], _ whiteSpace: WhiteSpace = .normal) -> LineBreaker {
        let clusters = ShapedText(spans: spans, whiteSpace: whiteSpace, engine: engine).clusters
        return LineBreaker(clusters: clusters, whiteSpace: whiteSpace)
    }

    @Test func titleBreaksAtSpaces() throws {
        let engine = try TextTestSupport.engine()
        let title = "Building a self-hosted Open Graph image server in pure Swift"
        #expect(title.count == 60)
        let span = TextTestSupport.span(title, size: 64, weight: 700)
        let lines = breaker(engine, [span]).lines(maxWidth: 1000)
        #expect(lines.count == 3)
        for line in lines.dropLast() { #expect(breaker(engine, [span]).clusters[line.upperBound - 1].isSpace) }
        let paragraph = engine.layout([span], style: ParagraphStyle(), maxWidth: 1000)
        #expect(paragraph.lines.count == 3)
        #expect(paragraph.lines.allSatisfy { $0.width <= 1000 })
        // Greedy filling: the lines before the last are well filled.
        #expect(paragraph.lines.dropLast().allSatisfy { $0.width > 700 })
        let metrics = engine.metrics(for: span.font)
        #expect(abs(paragraph.height - 3 * (metrics.ascent + metrics.descent + metrics.lineGap)) < 0.01)
        #expect(abs(paragraph.firstBaseline - metrics.ascent - metrics.lineGap / 2) < 0.01)
    }

    @Test func cjkBreaksBetweenIdeographsButNeverBeforeClosingPunctuation() throws {
        let engine = try TextTestSupport.engine()
        let text = "日本語の文章には単語の間に空白がありません。それでも、行は文字の間で折り返されます。"
        let lineBreaker = breaker(engine, [TextTestSupport.span(text, family: "sans-serif", size: 32)])
        for width in stride(from: 100.0, through: 400, by: 10) {
            let lines = lineBreaker.lines(maxWidth: width)
            #expect(lines.count > 1)
            for line in lines {
                let first = lineBreaker.clusters[line.lowerBound].character
                #expect(first != "。" && first != "、")
                #expect(lineBreaker.contentWidth(of: line) <= width + 0.001)
            }
        }
    }

    @Test func longUrlBreaksAnywhere() throws {
        let engine = try TextTestSupport.engine()
        let url = "https://example.com/articles/2024/a-very-long-slug-that-does-not-fit-anywhere?utm_source=og"
        let paragraph = engine.layout([TextTestSupport.span(url, size: 24)], style: ParagraphStyle(), maxWidth: 200)
        #expect(paragraph.lines.count > 3)
        #expect(paragraph.lines.allSatisfy { $0.width <= 200 })
        let glyphCount = paragraph.lines.reduce(0) { $0 + $1.glyphs.count }
        #expect(glyphCount == url.count)
    }

    @Test func maxLinesEndsWithEllipsis() throws {
        let engine = try TextTestSupport.engine()
        let text = String(repeating: "The quick brown fox jumps over the lazy dog. ", count: 6)
        var style = ParagraphStyle()
        style.maxLines = 2
        let paragraph = engine.layout([TextTestSupport.span(text, size: 20)], style: style, maxWidth: 300)
        #expect(paragraph.lines.count == 2)
        #expect(paragraph.lines.allSatisfy { $0.width <= 300 })
        let ellipsis = ShapedText(spans: [TextTestSupport.span("…", size: 20)], whiteSpace: .pre, engine: engine).clusters[0]
        let last = try #require(paragraph.lines.last?.glyphs.last)
        #expect(last.glyphID == ellipsis.glyphs[0].glyphID)
        // Not cut: no ellipsis.
        let short = engine.layout([TextTestSupport.span("Short", size: 20)], style: style, maxWidth: 300)
        #expect(short.lines.count == 1 && short.lines[0].glyphs.last?.glyphID != ellipsis.glyphs[0].glyphID)
    }

    @Test func alignmentOffsetsLines() throws {
        let engine = try TextTestSupport.engine()
        let spans = [TextTestSupport.span("Hi there", size: 30)]
        var style = ParagraphStyle()
        let left = try #require(engine.layout(spans, style: style, maxWidth: 500).lines.first)
        #expect(left.x == 0)
        style.align = .right
        let right = try #require(engine.layout(spans, style: style, maxWidth: 500).lines.first)
        #expect(abs(right.x - (500 - left.width)) < 0.001)
        #expect(abs((right.glyphs.first?.x ?? 0) - right.x - (left.glyphs.first?.x ?? 0)) < 0.001)
        style.align = .center
        let center = try #require(engine.layout(spans, style: style, maxWidth: 500).lines.first)
        #expect(abs(center.x - (500 - left.width) / 2) < 0.001)
    }

    @Test func justifyFillsAllLinesButTheLast() throws {
        let engine = try TextTestSupport.engine()
        var style = ParagraphStyle()
        style.align = .justify
        let text = "Justified text spreads its spaces so that every line but the last one reaches the edge."
        let paragraph = engine.layout([TextTestSupport.span(text, size: 20)], style: style, maxWidth: 260)
        #expect(paragraph.lines.count >= 3)
        for line in paragraph.lines.dropLast() { #expect(abs(line.width - 260) < 0.01) }
        #expect(try #require(paragraph.lines.last).width < 259)
    }

    @Test func intrinsicWidthsAreLongestWordAndWholeLine() throws {
        let engine = try TextTestSupport.engine()
        func width(_ text: String) -> Double {
            engine.intrinsicWidths(of: [TextTestSupport.span(text, size: 24)], style: ParagraphStyle(whiteSpace: .nowrap)).max
        }
        let widths = engine.intrinsicWidths(of: [TextTestSupport.span("Hello wonderful world ", size: 24)], style: ParagraphStyle())
        #expect(abs(widths.min - width("wonderful")) < 0.01)
        #expect(abs(widths.max - width("Hello wonderful world")) < 0.01)
        let nowrap = engine.intrinsicWidths(of: [TextTestSupport.span("Hello wonderful world", size: 24)], style: ParagraphStyle(whiteSpace: .nowrap))
        #expect(nowrap.min == nowrap.max)
        let paragraph = engine.layout([TextTestSupport.span("Hello wonderful world", size: 24)], style: ParagraphStyle(), maxWidth: widths.min)
        #expect(paragraph.lines.count == 3)
    }

    @Test func whiteSpaceModes() throws {
        let engine = try TextTestSupport.engine()
        let source = "  one   two\n three  "
        func text(_ mode: WhiteSpace) -> String {
            String(ShapedText(spans: [TextTestSupport.span(source)], whiteSpace: mode, engine: engine).clusters.map(\.character))
        }
        #expect(text(.normal) == "one two three ")
        #expect(text(.nowrap) == "one two three ")
        #expect(text(.pre) == source)
        #expect(text(.preLine) == "one two\nthree ")
        #expect(engine.layout([TextTestSupport.span(source)], style: ParagraphStyle(whiteSpace: .preLine), maxWidth: 1000).lines.count == 2)
        #expect(engine.layout([TextTestSupport.span("a b c d e f g", size: 40)], style: ParagraphStyle(whiteSpace: .nowrap), maxWidth: 10).lines.count == 1)
        #expect(engine.layout([TextTestSupport.span("")], style: ParagraphStyle(), maxWidth: 100).lines.isEmpty)
    }

    @Test func mixedSpansShareABaseline() throws {
        let engine = try TextTestSupport.engine()
        let small = TextTestSupport.span("small ", size: 16)
        let large = TextTestSupport.span("LARGE", family: "Noto Sans", size: 48, weight: 700, color: .white)
        let paragraph = engine.layout([small, large], style: ParagraphStyle(), maxWidth: 1000)
        let line = try #require(paragraph.lines.first)
        #expect(paragraph.lines.count == 1)
        #expect(Set(line.glyphs.map(\.y)).count == 1)
        let largeMetrics = engine.metrics(for: large.font)
        #expect(line.height >= largeMetrics.ascent + largeMetrics.descent)
        #expect(line.baseline >= largeMetrics.ascent)
        #expect(Set(line.glyphs.map(\.size)) == [16, 48])
        #expect(line.glyphs.last?.color == .white)
        var fixed = ParagraphStyle()
        fixed.lineHeight = .multiple(1.5)
        #expect(abs(engine.layout([large], style: fixed, maxWidth: 1000).height - 72) < 0.01)
    }
}
