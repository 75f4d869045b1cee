import Testing
@testable import Render

struct TextShapingTests {
    private func shaped(_ engine: TextEngine, _ text: String, family: String = "Inter", size: Double = 32) -> [TextCluster] {
        ShapedText(spans: [TextTestSupport.span(text, family: family, size: size)], whiteSpace: .normal,
                   engine: engine).clusters
    }

    @Test func mixedScriptsFallBackToFourFonts() throws {
        let engine = try TextTestSupport.engine()
        let clusters = shaped(engine, "Hello 世界 🚀 مرحبا")
        let files = clusters.filter { !$0.isSpace }.map { TextTestSupport.fileName(engine, $0.font.faceIndex) }
        var distinct: [String] = []
        for file in files where !distinct.contains(file) { distinct.append(file) }
        #expect(distinct == ["Inter-Regular.otf", "NotoSansCJK-Regular.ttc", "NotoColorEmoji.ttf", "NotoSansArabic-Regular.ttf"])
        // Simplified Chinese forms without kana in the paragraph, Japanese forms with it.
        let han = try #require(clusters.first { $0.character == "世" })
        #expect(engine.catalogue.faces[han.font.faceIndex].family == "Noto Sans CJK SC")
        let japanese = try #require(shaped(engine, "世界のテキスト").first)
        #expect(engine.catalogue.faces[japanese.font.faceIndex].family == "Noto Sans CJK JP")
    }

    @Test(arguments: ["👩‍💻", "🇯🇵", "👍🏽", "1️⃣", "❤️"])
    func emojiSequencesStayOneClusterAndOneGlyph(emoji: String) throws {
        let engine = try TextTestSupport.engine()
        let clusters = shaped(engine, "a\(emoji)b")
        #expect(clusters.count == 3)
        let cluster = clusters[1]
        #expect(TextTestSupport.fileName(engine, cluster.font.faceIndex) == "NotoColorEmoji.ttf")
        #expect(cluster.glyphs.count == 1)
        #expect(cluster.glyphs.first?.glyphID != 0)
        #expect(cluster.advance > 20)
    }

    @Test func combiningMarksStayWithTheirBase() throws {
        let engine = try TextTestSupport.engine()
        let clusters = shaped(engine, "cafe\u{301}")
        #expect(clusters.count == 4)
        #expect(clusters[3].character == "e\u{301}")
        #expect(clusters.allSatisfy { TextTestSupport.fileName(engine, $0.font.faceIndex) == "Inter-Regular.otf" })
    }

    @Test func advancesArePositiveAndKerningApplies() throws {
        let engine = try TextTestSupport.engine()
        let word = shaped(engine, "Hello, World", size: 64)
        #expect(word.allSatisfy { $0.advance > 0 })
        #expect(word.allSatisfy { $0.glyphs.allSatisfy { $0.glyphID != 0 } })
        let pair = shaped(engine, "AV", size: 64).reduce(0) { $0 + $1.advance }
        let separate = shaped(engine, "A", size: 64)[0].advance + shaped(engine, "V", size: 64)[0].advance
        #expect(pair < separate - 1)
    }

    @Test func arabicShapesRightToLeftOneRunPerWord() throws {
        let engine = try TextTestSupport.engine()
        let clusters = shaped(engine, "مرحبا بالعالم")
        #expect(clusters.allSatisfy { $0.rightToLeft && $0.level == 1 })
        // Each word is one run in the Arabic fallback font; the space between them is Inter's, the
        // first requested font that has it, as Chromium picks it.
        #expect(Set(clusters.map(\.run)).count == 3)
        #expect(clusters[5].font != clusters[0].font && clusters[6].font == clusters[0].font)
        let paragraph = engine.layout([TextTestSupport.span("مرحبا بالعالم", size: 32)], style: ParagraphStyle(), maxWidth: 1000)
        let glyphs = try #require(paragraph.lines.first?.glyphs)
        // Visual order: the first logical letter (meem) is drawn rightmost.
        let meem = try #require(clusters.first?.glyphs.first?.glyphID)
        let rightmost = try #require(glyphs.max { $0.x < $1.x })
        #expect(rightmost.glyphID == meem)
    }

    @Test func letterSpacingIsAddedPerGrapheme() throws {
        let engine = try TextTestSupport.engine()
        var span = TextTestSupport.span("abc👩‍💻", size: 20)
        let plain = engine.intrinsicWidths(of: [span], style: ParagraphStyle()).max
        span.letterSpacing = 3
        let spaced = engine.intrinsicWidths(of: [span], style: ParagraphStyle()).max
        #expect(abs(spaced - plain - 12) < 0.01)
    }
}

/// Grapheme clusters are the unit nothing splits: not fallback, not breaking, not letter spacing.
struct TextClusterTests {
    @Test func indicConjunctsStayOneCluster() throws {
        let engine = try TextTestSupport.engine()
        let clusters = ShapedText(spans: [TextTestSupport.span("क्षत्र", family: "Noto Sans Devanagari", size: 30)], whiteSpace: .normal,
                                  engine: engine).clusters
        // Unicode 15.1 rule GB9c: consonant + virama + consonant is one extended grapheme cluster.
        #expect(clusters.count == 2)
        #expect(clusters.allSatisfy { !$0.glyphs.isEmpty && $0.advance > 0 })
        var style = ParagraphStyle()
        style.overflowWrap = .anywhere
        let paragraph = engine.layout([TextTestSupport.span("क्षत्र", family: "Noto Sans Devanagari", size: 30)], style: style, maxWidth: 1)
        #expect(paragraph.lines.count == 2)
    }
}
