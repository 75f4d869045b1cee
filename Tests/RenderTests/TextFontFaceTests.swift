import Foundation
import Testing
@testable import Render

/// `@font-face`: descriptor parsing, loading from data URIs, asset files and installed faces, matching,
/// limits, malformed data, and isolation between renders.
struct TextFontFaceTests {
    private func fixture(_ name: String) throws -> [UInt8] {
        let url = try #require(Bundle.module.resourceURL).appendingPathComponent("Fixtures/text/\(name)")
        return [UInt8](try Data(contentsOf: url))
    }

    private func dataURI(_ bytes: [UInt8], type: String = "font/ttf") -> String {
        "data:\(type);base64,\(Data(bytes).base64EncodedString())"
    }

    private func rule(_ source: FontFaceRule.Source, family: String = "Brand", weight: ClosedRange<Int> = 400...400,
                      italic: Bool = false, ranges: [ClosedRange<UInt32>] = []) -> FontFaceRule {
        FontFaceRule(family: family, sources: [source], weight: weight, italic: italic, unicodeRanges: ranges)
    }

    /// Font indices of each cluster of `text` set in `families`.
    private func faces(_ text: String, families: [String] = ["Brand", "sans-serif"], weight: Int = 400,
                       engine: TextEngine) -> [ResolvedFont] {
        let span = TextSpan(text: text, font: FontSpec(families: families, size: 20, weight: weight, italic: false), color: .black)
        return ShapedText(spans: [span], whiteSpace: .normal, engine: engine).clusters.map(\.font)
    }

    @Test func parsesDescriptors() {
        var parser = CSSParser("""
            @font-face {
              font-family: "Brand Sans";
              src: local("Brand Sans Regular"), url(data:font/woff2;base64,AAAA) format("woff2"), url('fonts/brand.ttf');
              font-weight: 100 900; font-style: oblique 10deg; unicode-range: U+0-7F, U+4??, U+1F600-1F64F, bogus;
            }
            @media (min-width: 10px) { @font-face { font-family: Other; src: url(other.otf); font-weight: bold } }
            @font-face { font-family: Missing; }
            p { color: red }
            """)
        let sheet = parser.parseStyleSheet()
        #expect(sheet.rules.count == 1)
        #expect(parser.fontFaces.count == 2)
        let first = parser.fontFaces[0]
        #expect(first.family == "Brand Sans")
        #expect(first.sources == [.local("Brand Sans Regular"), .url("data:font/woff2;base64,AAAA", format: "woff2"),
                                  .url("fonts/brand.ttf", format: nil)])
        #expect(first.weight == 100...900)
        #expect(first.italic)
        #expect(first.unicodeRanges == [0...0x7F, 0x400...0x4FF, 0x1F600...0x1F64F])
        #expect(parser.fontFaces[1] == FontFaceRule(family: "Other", sources: [.url("other.otf", format: nil)], weight: 700...700))
        #expect(parser.warnings.messages.contains { $0.contains("@font-face") })
    }

    @Test(arguments: [("brand.ttf", "font/ttf"), ("brand.woff", "font/woff"), ("brand.woff2", "font/woff2")])
    func loadsDataURI(file: String, type: String) throws {
        let engine = try TextTestSupport.engine()
        let warnings = engine.loadDocumentFonts([rule(.url(dataURI(try fixture(file), type: type), format: nil))], assets: ImageLoader())
        #expect(warnings.isEmpty)
        let span = TextSpan(text: "im", font: FontSpec(families: ["Brand"], size: 20, weight: 400, italic: false), color: .black)
        let clusters = ShapedText(spans: [span], whiteSpace: .normal, engine: engine).clusters
        #expect(clusters.allSatisfy { $0.font.faceIndex >= engine.fonts.documentBase })
        // The subset is JetBrains Mono: every letter has the same advance, unlike any sans-serif.
        #expect(abs(clusters[0].advance - clusters[1].advance) < 0.001)
        #expect(clusters[0].advance > 10)
        let sink = PixelSink(width: 80, height: 40)
        engine.draw(engine.layout([span], style: ParagraphStyle(), maxWidth: 80), at: Point(x: 0, y: 0), into: sink)
        #expect(sink.maskCount == 2)
    }

    @Test(arguments: [
        [UInt8](repeating: 0x41, count: 300),
        Array("wOFF".utf8) + [UInt8](repeating: 0xFF, count: 200),
        Array("wOF2".utf8) + [UInt8](repeating: 0x00, count: 200),
        [0x00, 0x01, 0x00, 0x00] + [UInt8](repeating: 0x7F, count: 100),
    ])
    func malformedDataFallsBack(bytes: [UInt8]) throws {
        let engine = try TextTestSupport.engine()
        let warnings = engine.loadDocumentFonts([rule(.url(dataURI(bytes), format: nil))], assets: ImageLoader())
        #expect(warnings.count == 1)
        #expect(warnings.first?.contains("Brand") == true)
        #expect(engine.fonts.document.isEmpty)
        #expect(faces("Hello", engine: engine).allSatisfy { $0.faceIndex < engine.fonts.documentBase })
    }

    @Test func truncatedAndCorruptedFontsNeverCrash() throws {
        let engine = try TextTestSupport.engine()
        let good = try fixture("brand.ttf")
        var corrupted = good
        for index in stride(from: 300, to: corrupted.count, by: 97) { corrupted[index] ^= 0x5A }
        for bytes in [Array(good.prefix(2_000)), corrupted] {
            engine.loadDocumentFonts([rule(.url(dataURI(bytes), format: nil))], assets: ImageLoader())
            let span = TextSpan(text: "Hello, world", font: FontSpec(families: ["Brand"], size: 20, weight: 400, italic: false), color: .black)
            let paragraph = engine.layout([span], style: ParagraphStyle(), maxWidth: 200)
            engine.draw(paragraph, at: Point(x: 0, y: 0), into: PixelSink(width: 200, height: 40))
            #expect(paragraph.lines.count == 1)
        }
    }

    @Test func laterSourcesAreTriedAndUnsupportedFormatsSkipped() throws {
        let engine = try TextTestSupport.engine()
        let sources: [FontFaceRule.Source] = [.url("data:font/eot;base64,AAAA", format: "embedded-opentype"),
                                              .local("No Such Face"), .url(dataURI(try fixture("brand.ttf")), format: "truetype")]
        let warnings = engine.loadDocumentFonts([FontFaceRule(family: "Brand", sources: sources)], assets: ImageLoader())
        #expect(warnings.isEmpty)
        #expect(engine.fonts.document.count == 1)
    }

    @Test func documentFontsStayInTheirRender() throws {
        let engine = try TextTestSupport.engine()
        let other = try TextTestSupport.engine()
        #expect(engine.catalogue === other.catalogue)
        let faceCount = engine.catalogue.faces.count
        engine.loadDocumentFonts([rule(.url(dataURI(try fixture("brand.ttf")), format: nil))], assets: ImageLoader())
        let span = TextSpan(text: "Brand", font: FontSpec(families: ["Brand"], size: 31, weight: 400, italic: false), color: .black)
        engine.draw(engine.layout([span], style: ParagraphStyle(), maxWidth: 300), at: Point(x: 0, y: 0), into: PixelSink(width: 300, height: 50))
        #expect(faces("Brand", engine: engine).allSatisfy { $0.faceIndex >= faceCount })
        // Another engine on the same catalogue, and the same engine after clearing, never see the face.
        #expect(faces("Brand", engine: other).allSatisfy { $0.faceIndex < faceCount })
        #expect(engine.catalogue.faces.count == faceCount)
        #expect(engine.catalogue.matchedFonts(for: FontSpec(families: ["Brand"], size: 16, weight: 400, italic: false))[0].faceIndex < faceCount)
        engine.clearDocumentFonts()
        #expect(faces("Brand", engine: engine).allSatisfy { $0.faceIndex < faceCount })
        #expect(engine.loadDocumentFonts([], assets: ImageLoader()).isEmpty)
    }

    @Test func assetFilesResolveUnderTheRootOnly() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("fontface-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root.appendingPathComponent("fonts"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: root) }
        try Data(try fixture("brand.woff2")).write(to: root.appendingPathComponent("fonts/brand.woff2"))
        try Data(repeating: 0, count: DocumentFontLoader.maximumBytes + 1).write(to: root.appendingPathComponent("fonts/huge.ttf"))
        let engine = try TextTestSupport.engine()
        let assets = ImageLoader(root: root.path)
        #expect(engine.loadDocumentFonts([rule(.url("fonts/brand.woff2", format: "woff2"))], assets: assets).isEmpty)
        #expect(engine.fonts.document.count == 1)
        for reference in ["../brand.woff2", "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf", "https://example.com/a.woff2", "fonts/huge.ttf"] {
            let warnings = engine.loadDocumentFonts([rule(.url(reference, format: nil))], assets: assets)
            #expect(warnings.count == 1, "\(reference)")
            #expect(engine.fonts.document.isEmpty)
        }
        // Without a root only data: URIs load.
        #expect(engine.loadDocumentFonts([rule(.url("fonts/brand.woff2", format: nil))], assets: ImageLoader()).count == 1)
    }

    @Test func localNamesInstalledFaces() throws {
        let engine = try TextTestSupport.engine()
        #expect(engine.loadDocumentFonts([rule(.local("JetBrains Mono Bold")), rule(.local("DejaVuSans"), family: "Body")],
                                         assets: ImageLoader()).isEmpty)
        let bold = try #require(engine.fonts.documentFont(engine.fonts.documentBase))
        #expect(bold.description.family == "JetBrains Mono" && bold.description.weight == 700)
        let body = try #require(engine.fonts.documentFont(engine.fonts.documentBase + 1))
        #expect(body.description.family == "DejaVu Sans" && body.description.style == "Book")
    }

    @Test func atMostTenFacesLoad() throws {
        let engine = try TextTestSupport.engine()
        let uri = dataURI(try fixture("brand.ttf"))
        let rules = (0..<12).map { rule(.url(uri, format: nil), family: "Brand\($0)") }
        let warnings = engine.loadDocumentFonts(rules, assets: ImageLoader())
        #expect(engine.fonts.document.count == DocumentFontLoader.maximumFaces)
        #expect(warnings.count == 1)
        #expect(faces("a", families: ["Brand11"], engine: engine)[0].faceIndex < engine.fonts.documentBase)
    }

    @Test func weightRangesAndSynthesis() throws {
        let engine = try TextTestSupport.engine()
        let light = dataURI(try fixture("brand.ttf"))
        engine.loadDocumentFonts([rule(.url(light, format: nil), weight: 100...400), rule(.local("JetBrains Mono Bold"), weight: 700...700)],
                                 assets: ImageLoader())
        let base = engine.fonts.documentBase
        func primary(_ weight: Int) -> ResolvedFont {
            engine.fonts.primaryFont(for: FontSpec(families: ["brand"], size: 16, weight: weight, italic: false))
        }
        #expect(primary(300) == ResolvedFont(faceIndex: base, synthesis: []))
        #expect(primary(500) == ResolvedFont(faceIndex: base, synthesis: []))
        #expect(primary(600) == ResolvedFont(faceIndex: base + 1, synthesis: []))
        #expect(primary(900) == ResolvedFont(faceIndex: base + 1, synthesis: []))
        engine.loadDocumentFonts([rule(.url(light, format: nil), weight: 100...400)], assets: ImageLoader())
        #expect(primary(900) == ResolvedFont(faceIndex: base, synthesis: [.bold]))
        #expect(engine.fonts.primaryFont(for: FontSpec(families: ["Brand"], size: 16, weight: 400, italic: true))
            == ResolvedFont(faceIndex: base, synthesis: [.oblique]))
    }

    @Test func unicodeRangeSplitsAFamily() throws {
        let engine = try TextTestSupport.engine()
        let uri = dataURI(try fixture("brand.ttf"))
        engine.loadDocumentFonts([rule(.url(uri, format: nil), ranges: [0x41...0x5A]), rule(.local("DejaVu Sans"), ranges: [0x30...0x39])],
                                 assets: ImageLoader())
        let base = engine.fonts.documentBase
        let fonts = faces("Ab1", engine: engine).map(\.faceIndex)
        #expect(fonts[0] == base)
        #expect(fonts[1] < base)
        #expect(fonts[2] == base + 1)
    }

    @Test func theSameSelfContainedRulesKeepTheirFacesAcrossRenders() throws {
        let engine = try TextTestSupport.engine()
        let broken = FontFaceRule(family: "Broken", sources: [.url(dataURI([UInt8](repeating: 0x41, count: 64)), format: nil)])
        let rules = [rule(.url(dataURI(try fixture("brand.woff2"), type: "font/woff2"), format: nil)), broken,
                     rule(.local("DejaVu Sans"), family: "Local")]
        let first = engine.loadDocumentFonts(rules, assets: ImageLoader())
        let loaded = engine.fonts
        #expect(first.count == 1 && first[0].contains("Broken"))
        // The next document with equal rules keeps the faces (and their glyphs) and repeats the warning.
        #expect(engine.loadDocumentFonts(rules, assets: ImageLoader()) == first)
        #expect(engine.fonts === loaded)
        // Any difference loads afresh, and so does the same rule after the faces were cleared.
        engine.loadDocumentFonts(Array(rules.prefix(2)), assets: ImageLoader())
        #expect(engine.fonts !== loaded)
        let two = engine.fonts
        engine.clearDocumentFonts()
        #expect(engine.fonts.document.isEmpty)
        engine.loadDocumentFonts(Array(rules.prefix(2)), assets: ImageLoader())
        #expect(engine.fonts !== two)
        #expect(engine.fonts.document.count == 1)
    }

    @Test func rulesNamingFilesKeepTheirFacesUntilAFileChanges() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("fontface-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: root) }
        let file = root.appendingPathComponent("brand.ttf")
        try Data(try fixture("brand.ttf")).write(to: file)
        let engine = try TextTestSupport.engine()
        let assets = ImageLoader(root: root.path)
        // A missing file tried first, as a stylesheet's fallback list may have.
        let rules = [rule(.url("brand.ttf", format: nil)),
                     FontFaceRule(family: "Code", sources: [.url("gone.woff2", format: nil), .url(dataURI(try fixture("brand.woff")), format: nil)])]
        #expect(engine.loadDocumentFonts(rules, assets: assets).isEmpty)
        let loaded = engine.fonts
        #expect(engine.loadDocumentFonts(rules, assets: assets).isEmpty)
        #expect(engine.fonts === loaded)
        // The file changed: the same rules must not keep the old face.
        try Data([UInt8](repeating: 0x41, count: 300)).write(to: file)
        #expect(engine.loadDocumentFonts(rules, assets: assets).count == 1)
        #expect(engine.fonts !== loaded)
        #expect(engine.fonts.document.count == 1)
        // Nor when a file that was missing appears.
        let broken = engine.fonts
        try Data(try fixture("brand.woff2")).write(to: root.appendingPathComponent("gone.woff2"))
        #expect(engine.loadDocumentFonts(rules, assets: assets).count == 1)
        #expect(engine.fonts !== broken)
    }

    @Test func fileStampsFollowTheFile() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("stamp-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: root) }
        let assets = ImageLoader(root: root.path)
        #expect(assets.stamp(for: "data:font/ttf;base64,AAAA") == nil)
        #expect(assets.stamp(for: "DATA:font/ttf;base64,AAAA") == nil)
        let missing = try #require(assets.stamp(for: "a.ttf"))
        try Data([1, 2, 3]).write(to: root.appendingPathComponent("a.ttf"))
        let written = try #require(assets.stamp(for: "a.ttf"))
        #expect(written != missing)
        #expect(assets.stamp(for: "a.ttf") == written)
        try Data([1, 2, 3, 4]).write(to: root.appendingPathComponent("a.ttf"))
        #expect(assets.stamp(for: "a.ttf") != written)
        #expect(assets.stamp(for: "../a.ttf") != nil)
        #expect(ImageLoader().stamp(for: "a.ttf") != nil)
    }
}
