import Testing
@testable import Render

/// `TextCluster.GlyphList` (first glyph inline) replaced a plain `[Glyph]`: it must read back exactly
/// what an array given the same appends would.
struct GlyphListTests {
    @Test(arguments: 0...4)
    func matchesAnArrayOfTheSameAppends(count: Int) {
        let glyphs = (0..<count).map { TextCluster.Glyph(glyphID: UInt32(10 + $0), dx: Double($0) * 1.5, dy: -Double($0)) }
        var list = TextCluster.GlyphList()
        for glyph in glyphs { list.append(glyph) }
        let built = TextCluster.GlyphList(glyphs)
        for candidate in [list, built] {
            #expect(candidate.count == glyphs.count)
            #expect(candidate.isEmpty == glyphs.isEmpty)
            #expect(candidate.first?.glyphID == glyphs.first?.glyphID)
            #expect(candidate.map(\.glyphID) == glyphs.map(\.glyphID))
            #expect(candidate.map(\.dx) == glyphs.map(\.dx))
            #expect(candidate.map(\.dy) == glyphs.map(\.dy))
        }
    }

    @Test func shapedClustersKeepEveryGlyphHarfBuzzGives() throws {
        let engine = try TextTestSupport.engine()
        // KA + vowel sign I is one cluster of two glyphs (the sign, reordered before KA); both must survive.
        let clusters = ShapedText(spans: [TextTestSupport.span("कि कि", family: "Noto Sans Devanagari", size: 30)],
                                  whiteSpace: .normal, engine: engine).clusters
        #expect(clusters.filter { $0.glyphs.count == 2 }.count == 2)
        #expect(clusters.allSatisfy { $0.glyphs.allSatisfy { $0.glyphID != 0 } })
    }
}

/// `TextCluster(ascii:span:font:)`, ShapedText's fast path for one-byte clusters, against the general
/// initializer it stands in for.
struct TextClusterASCIITests {
    @Test func everyASCIIByteMakesTheClusterTheGeneralInitializerMakes() {
        let font = ResolvedFont(faceIndex: 3, synthesis: FontSynthesis())
        for byte in UInt8(0)..<128 {
            let character = Character(Unicode.Scalar(byte))
            let fast = TextCluster(ascii: byte, span: 2, font: font)
            let general = TextCluster(character: character, span: 2, font: font, run: 0, rightToLeft: false, advance: 0)
            #expect(fast.character == general.character)
            #expect(fast.onlyScalar == general.onlyScalar)
            #expect(fast.firstScalar == general.firstScalar)
            #expect(fast.span == general.span && fast.font == general.font && fast.run == general.run)
            #expect(fast.rightToLeft == general.rightToLeft && fast.advance == general.advance)
            #expect(fast.glyphs.isEmpty && general.glyphs.isEmpty)
            #expect(fast.level == general.level && fast.breakAfter == general.breakAfter)
        }
    }
}
