import Foundation
import Testing
@testable import Render

/// Variable `@font-face` faces: axes read from `fvar`, one instance per weight, used by shaping and
/// rasterizing. The fixture is Inter's roman variable font cut down to ASCII (a `wght` axis, 100–900).
struct TextVariableFontTests {
    private func engine(weight: ClosedRange<Int>) throws -> TextEngine {
        let url = try #require(Bundle.module.resourceURL).appendingPathComponent("Fixtures/text/variable.ttf")
        let uri = "data:font/ttf;base64," + (try Data(contentsOf: url)).base64EncodedString()
        let engine = try TextTestSupport.engine()
        let warnings = engine.loadDocumentFonts([FontFaceRule(family: "Flex", sources: [.url(uri, format: "truetype")], weight: weight)],
                                                assets: ImageLoader())
        #expect(warnings.isEmpty)
        return engine
    }

    private func span(weight: Int) -> TextSpan {
        TextSpan(text: "Hello world", font: FontSpec(families: ["Flex"], size: 40, weight: weight, italic: false), color: .black)
    }

    /// Total ink of the span drawn at `weight`.
    private func ink(_ engine: TextEngine, weight: Int) -> Double {
        let sink = PixelSink(width: 320, height: 60)
        engine.draw(engine.layout([span(weight: weight)], style: ParagraphStyle(), maxWidth: 320), at: Point(x: 0, y: 0), into: sink)
        return sink.rgb.reduce(0) { $0 + (1 - $1) }
    }

    @Test func readsTheWeightAxis() throws {
        let engine = try engine(weight: 100...900)
        let font = try #require(engine.fonts.document.first)
        #expect(font.axes == [VariationAxis(tag: "wght", minimum: 100, defaultValue: 400, maximum: 900)])
    }

    @Test func eachWeightIsAnInstance() throws {
        let engine = try engine(weight: 100...900)
        func primary(_ weight: Int) -> ResolvedFont {
            engine.fonts.primaryFont(for: FontSpec(families: ["Flex"], size: 40, weight: weight, italic: false))
        }
        let light = primary(300)
        let bold = primary(700)
        #expect(light.faceIndex != bold.faceIndex)
        #expect(bold.synthesis.isEmpty)
        #expect(primary(700) == bold)
        #expect(engine.fonts.variation(bold.faceIndex)?.map(\.value) == [700])
        #expect(engine.fonts.variation(light.faceIndex)?.map(\.value) == [300])
        #expect(engine.fonts.face(bold.faceIndex).family == "Inter")
    }

    @Test func weightChangesAdvancesAndInk() throws {
        let engine = try engine(weight: 100...900)
        let thin = engine.layout([span(weight: 200)], style: ParagraphStyle(), maxWidth: 1000).width
        let heavy = engine.layout([span(weight: 800)], style: ParagraphStyle(), maxWidth: 1000).width
        #expect(heavy > thin + 5)
        #expect(ink(engine, weight: 800) > ink(engine, weight: 200) * 1.5)
    }

    @Test func theRuleRangeBoundsTheAxis() throws {
        let engine = try engine(weight: 400...400)
        let bold = engine.fonts.primaryFont(for: FontSpec(families: ["Flex"], size: 40, weight: 700, italic: false))
        #expect(engine.fonts.variation(bold.faceIndex)?.map(\.value) == [400])
        #expect(bold.synthesis == [.bold])
    }
}
