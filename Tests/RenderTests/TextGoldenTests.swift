import Foundation
import Testing
@testable import Render

/// Golden images of the text engine alone (layout + rasterization onto a white canvas) per script and
/// feature group, compared with PNGs under `Fixtures/text/`. A few pixels may differ (rounding in the
/// blend); a changed break, font or glyph position moves hundreds. `OGPRESS_UPDATE_GOLDENS=<dir>` writes
/// fresh images into that directory instead of comparing, for a human to check and copy in.
struct TextGoldenTests {
    struct Sample: Sendable, CustomStringConvertible {
        var name: String
        var text: String
        var family: String
        var size: Double = 32
        var weight = 400
        var direction: TextDirection = .ltr
        var configure: @Sendable (inout ParagraphStyle, inout TextSpan) -> Void = { _, _ in }
        var description: String { name }
    }

    static let samples: [Sample] = [
        Sample(name: "latin", text: "Office affairs: “Quotes”, kerning (AV, To) and 1,234.56 — fine.", family: "Inter", weight: 600),
        Sample(name: "accented", text: "Ça déménage : l’été à Zürich, Łódź, Đà Nẵng, Ærøskøbing, naïveté.", family: "Inter"),
        Sample(name: "arabic", text: "مرحبا بالعالم: تتصل الحروف العربية حسب موقعها (في الكلمة) ١٢٣", family: "Noto Sans Arabic", direction: .rtl),
        Sample(name: "hebrew", text: "שלום עולם: העברית נכתבת מימין לשמאל, והמספר 2024 נשאר כך.", family: "Noto Sans Hebrew", direction: .rtl),
        Sample(name: "bidi", text: "The word שלום and the word سلام (peace) in version 2.0.", family: "Inter"),
        Sample(name: "japanese", text: "日本語の文章は、文字の間で折り返されます。「かぎ括弧」も正しく。", family: "Noto Sans CJK JP"),
        Sample(name: "chinese", text: "中文文本在汉字之间换行，标点符号“不会”出现在行首。", family: "Noto Sans CJK SC"),
        Sample(name: "korean", text: "한국어 문장은 띄어쓰기로 단어를 나눕니다. 오픈 그래프 이미지.", family: "Noto Sans CJK KR"),
        Sample(name: "thai", text: "ภาษาไทยไม่มีการเว้นวรรคระหว่างคำ น้ำ ที่นี่ ผู้ใหญ่", family: "Noto Sans Thai"),
        Sample(name: "devanagari", text: "नमस्ते दुनिया: संयुक्ताक्षर क्ष, त्र, ज्ञ और श्र बनते हैं।", family: "Noto Sans Devanagari"),
        Sample(name: "emoji", text: "👩‍💻 👨‍👩‍👧‍👦 🏳️‍🌈 👍🏽 🇯🇵 1️⃣ ☺︎ ☺️ ❤ ❤️", family: "Inter", size: 40),
        Sample(name: "features", text: "Tabular 1111.11 8888.88, under and through, balanced title wrap", family: "Inter") { style, span in
            style.balance = true
            style.textIndent = 40
            span.fontFeatures = [FontFeature(tag: "tnum", value: 1)]
            span.wordSpacing = 6
            span.decoration = TextDecoration(underline: true, lineThrough: true, color: Color(red: 0.8, green: 0.1, blue: 0.1))
        },
    ]

    private static func render(_ sample: Sample, engine: TextEngine) -> Canvas {
        let canvas = Canvas(width: 560, height: 200)
        canvas.fill(Rect(x: 0, y: 0, width: 560, height: 200), paint: .solid(.white))
        var style = ParagraphStyle()
        style.direction = sample.direction
        style.align = .start
        var span = TextSpan(text: sample.text, font: FontSpec(families: [sample.family], size: sample.size, weight: sample.weight, italic: false),
                            color: Color(red: 0.07, green: 0.09, blue: 0.15))
        sample.configure(&style, &span)
        let paragraph = engine.layout([span], style: style, maxWidth: 520)
        engine.draw(paragraph, at: Point(x: 20, y: 10), on: canvas)
        return canvas
    }

    @Test(arguments: samples)
    func matchesGolden(_ sample: Sample) throws {
        let engine = try TextTestSupport.engine()
        let canvas = Self.render(sample, engine: engine)
        if let directory = ProcessInfo.processInfo.environment["OGPRESS_UPDATE_GOLDENS"] {
            let url = URL(fileURLWithPath: directory).appendingPathComponent("\(sample.name).png")
            try Data(PNGEncoder.encode(canvas)).write(to: url)
            return
        }
        let url = try #require(Bundle.module.resourceURL).appendingPathComponent("Fixtures/text/\(sample.name).png")
        let golden = try PNGDecoder.decode(Array(try Data(contentsOf: url)), maxPixels: 1 << 20)
        #expect(golden.width == canvas.width && golden.height == canvas.height)
        guard golden.width == canvas.width, golden.height == canvas.height else { return }
        var differing = 0
        var inked = 0
        for y in 0..<canvas.height {
            for x in 0..<canvas.width {
                let pixel = canvas.pixel(x: x, y: y)
                let offset = (y * canvas.width + x) * 4
                let difference = max(abs(Int(pixel.red) - Int(golden.rgba[offset])), abs(Int(pixel.green) - Int(golden.rgba[offset + 1])),
                                     abs(Int(pixel.blue) - Int(golden.rgba[offset + 2])))
                if difference > 24 { differing += 1 }
                if pixel.red < 128 || pixel.green < 128 || pixel.blue < 128 { inked += 1 }
            }
        }
        #expect(inked > 500, "the sample drew almost nothing")
        #expect(differing <= 20, "\(differing) pixels differ from Fixtures/text/\(sample.name).png")
    }
}
