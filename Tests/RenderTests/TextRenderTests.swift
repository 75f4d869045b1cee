import Foundation
import Testing
@testable import Render

struct TextRenderTests {
    /// Draws a Latin line with an emoji, a Japanese line and an Arabic line, checks ink lands where the
    /// lines are, and writes the image (as PPM) to the temporary directory for a human to look at.
    @Test func rendersLatinEmojiJapaneseAndArabic() throws {
        let engine = try TextTestSupport.engine()
        let sink = PixelSink(width: 900, height: 300)
        let texts = [
            TextTestSupport.span("Hello, World — café 🚀", size: 48, weight: 700),
            TextTestSupport.span("日本語のテキスト、改行も。", family: "sans-serif", size: 40, color: Color(red: 0.1, green: 0.2, blue: 0.7)),
            TextTestSupport.span("مرحبا بالعالم", family: "sans-serif", size: 40, color: Color(red: 0.6, green: 0.1, blue: 0.1)),
        ]
        var top = 10.0
        var regions: [Range<Int>] = []
        for span in texts {
            let paragraph = engine.layout([span], style: ParagraphStyle(), maxWidth: 880)
            engine.draw(paragraph, at: Point(x: 10, y: top), into: sink)
            regions.append(Int(top)..<Int(top + paragraph.height))
            top += paragraph.height + 10
        }
        for region in regions { #expect(sink.inkedPixels(x: 0..<900, y: region) > 500) }
        #expect(sink.imageCount == 1)
        #expect(sink.colouredPixels() > 300)
        #expect(sink.inkedPixels(x: 0..<900, y: Int(top)..<300) == 0)
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("ogpress-text-sample.ppm")
        try sink.ppm().write(to: url)
    }

    @Test func syntheticBoldDrawsMoreInk() throws {
        let engine = try TextTestSupport.engine()
        func ink(weight: Int) -> Int {
            let sink = PixelSink(width: 400, height: 100)
            let paragraph = engine.layout([TextTestSupport.span("𝄞 music", family: "Noto Music", size: 40, weight: weight)], style: ParagraphStyle(), maxWidth: 400)
            engine.draw(paragraph, at: Point(x: 0, y: 0), into: sink)
            return sink.inkedPixels(x: 0..<400, y: 0..<100)
        }
        #expect(ink(weight: 700) > ink(weight: 400) + 50)
    }

    @Test func glyphsAreCachedAcrossEngines() throws {
        let first = try TextTestSupport.engine()
        let paragraph = first.layout([TextTestSupport.span("Cache me 42", size: 37)], style: ParagraphStyle(), maxWidth: 500)
        first.draw(paragraph, at: Point(x: 0.3, y: 0), into: PixelSink(width: 300, height: 60))
        let second = try TextTestSupport.engine()
        #expect(first.catalogue === second.catalogue)
        let glyph = try #require(paragraph.lines.first?.glyphs.first)
        let key = GlyphKey(faceIndex: Int32(glyph.fontIndex), glyphID: glyph.glyphID, size64: 37 * 64, subpixel: 1, synthesis: [])
        #expect(second.catalogue.glyphCache.bitmap(for: key) != nil)
    }
}
