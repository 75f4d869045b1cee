import Testing
@testable import Render

/// Span-level text features: OpenType features, word spacing, decorations, presentation selectors,
/// and the CSS parsing of every text property the engine reads.
struct TextFeatureTests {
    private func advances(_ engine: TextEngine, _ span: TextSpan) -> [Double] {
        ShapedText(spans: [span], whiteSpace: .pre, engine: engine).clusters.map(\.advance)
    }

    @Test func tabularNumsGiveEqualDigitAdvances() throws {
        let engine = try TextTestSupport.engine()
        var span = TextTestSupport.span("1111100000", size: 40)
        let proportional = advances(engine, span)
        #expect(proportional[0] < proportional[9])  // Inter's "1" is narrower than its "0".
        span.fontFeatures = [FontFeature(tag: "tnum", value: 1)]
        let tabular = advances(engine, span)
        #expect(abs(tabular[0] - tabular[9]) < 0.001)
    }

    @Test func ligaturesCanBeTurnedOffAndLetterSpacingDoesSo() throws {
        let engine = try TextTestSupport.engine()
        let font = FontSpec(families: ["DejaVu Sans"], size: 30, weight: 400, italic: false)
        let glyphs = { (span: TextSpan) in ShapedText(spans: [span], whiteSpace: .pre, engine: engine).clusters.reduce(0) { $0 + $1.glyphs.count } }
        var span = TextSpan(text: "office", font: font, color: .black)
        let ligated = glyphs(span)
        #expect(ligated < 6)  // DejaVu Sans has an "ffi" ligature.
        span.fontFeatures = [FontFeature(tag: "liga", value: 0)]
        #expect(glyphs(span) == 6)
        span.fontFeatures = []
        span.letterSpacing = 2
        #expect(glyphs(span) == 6)
    }

    @Test func wordSpacingWidensSpacesOnly() throws {
        let engine = try TextTestSupport.engine()
        var span = TextTestSupport.span("a b c", size: 20)
        let plain = advances(engine, span)
        span.wordSpacing = 10
        let spaced = advances(engine, span)
        #expect(abs(spaced[1] - plain[1] - 10) < 0.001)
        #expect(abs(spaced[0] - plain[0]) < 0.001)
    }

    @Test func underlineAndLineThroughComeFromTheFont() throws {
        let engine = try TextTestSupport.engine()
        var span = TextTestSupport.span("Underlined", size: 40)
        span.decoration = TextDecoration(underline: true, lineThrough: true)
        let paragraph = engine.layout([span], style: ParagraphStyle(), maxWidth: .infinity)
        let line = paragraph.lines[0]
        let under = try #require(line.decorations.first { !$0.overGlyphs })
        let through = try #require(line.decorations.first { $0.overGlyphs })
        #expect(under.rect.y > line.baseline && under.rect.y < line.baseline + 8)
        #expect(through.rect.maxY < line.baseline && through.rect.y > line.baseline - 25)
        #expect(under.rect.height >= 1 && under.rect.height <= 4)
        #expect(abs(under.rect.width - line.width) <= 1)
        let sink = PixelSink(width: 400, height: 80)
        engine.draw(paragraph, at: Point(x: 0, y: 0), into: sink)
        // The underline row is inked across the word, including between letters.
        let row = Int(under.rect.y)
        #expect(sink.inkedPixels(x: 0..<Int(under.rect.width), y: row..<row + 1) >= Int(under.rect.width) - 2)
    }

    @Test func variationSelectorsPickTextOrEmojiPresentation() {
        #expect(TextCharacters.isEmoji("\u{2764}\u{FE0F}"))
        #expect(!TextCharacters.isEmoji("\u{2764}"))
        #expect(TextCharacters.isEmoji("\u{1F600}"))
        #expect(!TextCharacters.isEmoji("\u{1F600}\u{FE0E}"))
        #expect(TextCharacters.isEmoji("#\u{FE0F}\u{20E3}"))
    }

    @Test func textPresentationSelectorAvoidsTheColourFont() throws {
        let engine = try TextTestSupport.engine()
        let clusters = ShapedText(spans: [TextTestSupport.span("\u{263A}\u{FE0E} \u{263A}\u{FE0F}", size: 20)], whiteSpace: .pre, engine: engine).clusters
        #expect(clusters.count == 3)
        #expect(!engine.catalogue.faces[clusters[0].font.faceIndex].isColorBitmap)
        #expect(engine.catalogue.faces[clusters[2].font.faceIndex].isColorBitmap)
    }

    private func parse(_ declarations: [(String, String)]) -> (TextFeatures, [PropertyApplier.Outcome]) {
        let applier = PropertyApplier(parent: ComputedStyle(), viewportWidth: 1200, viewportHeight: 630, rootFontSize: 16)
        let context = LengthContext(fontSize: 20, rootFontSize: 16, viewportWidth: 1200, viewportHeight: 630)
        var features = TextFeatures()
        let outcomes = declarations.map { name, value in
            applier.applyTextFeature(name, CSSComponent.parse(value), to: &features, currentColor: .black, context: context)
        }
        return (features, outcomes)
    }

    @Test func parsesTextProperties() {
        let (features, outcomes) = parse([
            ("direction", "rtl"), ("word-break", "keep-all"), ("overflow-wrap", "anywhere"), ("text-indent", "2em"),
            ("text-wrap", "balance"), ("hyphens", "none"), ("word-spacing", "4px"),
            ("text-decoration", "underline line-through red 3px"), ("font-variant-numeric", "tabular-nums slashed-zero"),
            ("font-feature-settings", "\"liga\" off, \"ss01\""),
        ])
        #expect(outcomes.allSatisfy { $0 == .applied })
        #expect(features.direction == .rtl)
        #expect(features.wordBreak == .keepAll)
        #expect(features.overflowWrap == .anywhere)
        #expect(features.textIndent == 40)
        #expect(features.balance)
        #expect(!features.softHyphens)
        #expect(features.wordSpacing == 4)
        #expect(features.decoration == TextDecoration(underline: true, lineThrough: true, color: Color(red: 1, green: 0, blue: 0), thickness: 3))
        #expect(features.fontFeatures == [FontFeature(tag: "tnum", value: 1), FontFeature(tag: "zero", value: 1),
                                         FontFeature(tag: "liga", value: 0), FontFeature(tag: "ss01", value: 1)])
    }

    @Test(arguments: [
        ("direction", "sideways"), ("word-break", "all"), ("text-indent", "10%"), ("text-decoration", "none underline"),
        ("font-feature-settings", "\"toolong\" 1"), ("font-feature-settings", "liga"), ("font-variant-numeric", "tabular-nums tabular-nums"),
        ("word-spacing", "wide"), ("text-decoration-line", "underline red"),
    ])
    func rejectsInvalidValues(name: String, value: String) {
        let (features, outcomes) = parse([(name, value)])
        #expect(outcomes == [.invalid])
        #expect(features == TextFeatures())
    }

    @Test func legacyWordBreakBreakWordMeansOverflowWrapAnywhere() {
        let (features, _) = parse([("word-break", "break-word")])
        #expect(features.wordBreak == .normal && features.overflowWrap == .anywhere)
        #expect(parse([("color", "red")]).1 == [.unknownProperty])
    }

    @Test func featuresReachSpansAndParagraphs() {
        let (features, _) = parse([("direction", "rtl"), ("word-spacing", "3px"), ("text-wrap", "balance")])
        var span = TextTestSupport.span("x")
        span.apply(features)
        #expect(span.wordSpacing == 3)
        var style = ParagraphStyle()
        style.apply(features)
        #expect(style.direction == .rtl && style.balance)
    }
}

/// CJK typesetting details Chromium applies by default.
struct TextCJKSpacingTests {
    @Test func adjacentPunctuationCollapsesToHalfWidth() throws {
        let engine = try TextTestSupport.engine()
        let clusters = ShapedText(spans: [TextTestSupport.span("す。「か", family: "Noto Sans CJK JP", size: 40)], whiteSpace: .normal,
                                  engine: engine).clusters
        // "。" before "「" keeps its width (closing before opening); "「" after "。" is halved.
        #expect(abs(clusters[1].advance - 40) < 0.5)
        #expect(abs(clusters[2].advance - 20) < 0.5)
        let alone = ShapedText(spans: [TextTestSupport.span("す「か", family: "Noto Sans CJK JP", size: 40)], whiteSpace: .normal,
                               engine: engine).clusters
        #expect(abs(alone[1].advance - 40) < 0.5)
        let closing = ShapedText(spans: [TextTestSupport.span("す。）", family: "Noto Sans CJK JP", size: 40)], whiteSpace: .normal,
                                 engine: engine).clusters
        #expect(abs(closing[1].advance - 20) < 0.5)
        #expect(abs(closing[2].advance - 40) < 0.5)
    }
}
