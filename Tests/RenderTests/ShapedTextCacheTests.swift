import Testing
@testable import Render

/// The text engine's per-layout cache must hand back exactly what shaping and breaking afresh gives.
struct ShapedTextCacheTests {
    /// What a paragraph's glyphs are, in a comparable form.
    private func summary(_ paragraph: Paragraph) -> [String] {
        paragraph.lines.map { line in
            "\(line.x) \(line.width) \(line.baseline): " + line.glyphs.map {
                "\($0.fontIndex)/\($0.glyphID)@\($0.x),\($0.y) \($0.color.red),\($0.color.green),\($0.color.blue)"
            }.joined(separator: " ")
        }
    }

    @Test(arguments: [120.0, 200.0, 200.0, 1000.0])
    func aRepeatedLayoutMatchesAFreshEngine(width: Double) throws {
        let cached = try TextTestSupport.engine()
        let fresh = try TextTestSupport.engine()
        let spans = [TextTestSupport.span("Shaped once, broken at many widths "), TextTestSupport.span("and sizes", size: 24)]
        var style = ParagraphStyle()
        style.textIndent = 12
        // Warm the cache with other widths and the intrinsic widths first, as flex sizing does.
        _ = cached.intrinsicWidths(of: spans, style: style)
        _ = cached.layout(spans, style: style, maxWidth: 90)
        let first = cached.layout(spans, style: style, maxWidth: width)
        let again = cached.layout(spans, style: style, maxWidth: width)
        let reference = fresh.layout(spans, style: style, maxWidth: width)
        #expect(summary(first) == summary(reference))
        #expect(summary(again) == summary(reference))
        let widths = cached.intrinsicWidths(of: spans, style: style)
        let referenceWidths = fresh.intrinsicWidths(of: spans, style: style)
        #expect(widths.min == referenceWidths.min && widths.max == referenceWidths.max)
    }

    @Test func spansThatDifferOnlyInStyleAreNotConfused() throws {
        let engine = try TextTestSupport.engine()
        let black = [TextTestSupport.span("Same words")]
        let red = [TextTestSupport.span("Same words", color: Color(red: 1, green: 0, blue: 0, alpha: 1))]
        let bold = [TextTestSupport.span("Same words", weight: 700)]
        let blackGlyphs = engine.layout(black, style: ParagraphStyle(), maxWidth: 500).lines[0].glyphs
        let redGlyphs = engine.layout(red, style: ParagraphStyle(), maxWidth: 500).lines[0].glyphs
        #expect(blackGlyphs.allSatisfy { $0.color == .black })
        #expect(redGlyphs.allSatisfy { $0.color.red == 1 && $0.color.green == 0 })
        let regular = engine.intrinsicWidths(of: black, style: ParagraphStyle())
        let heavier = engine.intrinsicWidths(of: bold, style: ParagraphStyle())
        #expect(heavier.max != regular.max)
        var indented = ParagraphStyle()
        indented.textIndent = 30
        #expect(engine.intrinsicWidths(of: black, style: indented).max == regular.max + 30)
    }

    @Test func forgettingKeepsResultsTheSame() throws {
        let engine = try TextTestSupport.engine()
        let spans = [TextTestSupport.span("Forget me not")]
        let before = summary(engine.layout(spans, style: ParagraphStyle(), maxWidth: 60))
        engine.forgetShapedText()
        #expect(summary(engine.layout(spans, style: ParagraphStyle(), maxWidth: 60)) == before)
    }
}
