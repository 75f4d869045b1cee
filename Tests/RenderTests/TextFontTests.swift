import Foundation
import Testing
@testable import Render

struct TextFontTests {
    @Test(arguments: [
        ("sans-serif", "NotoSans-Regular.ttf"),
        ("system-ui", "NotoSans-Regular.ttf"),
        ("serif", "NotoSerif-Regular.ttf"),
        ("monospace", "DejaVuSansMono.ttf"),
        ("emoji", "NotoColorEmoji.ttf"),
        ("Inter", "Inter-Regular.otf"),
        ("\"JetBrains Mono\"", "JetBrainsMono-Regular.ttf"),
        ("DejaVu Sans", "DejaVuSans.ttf"),
    ])
    func genericAndNamedFamiliesResolve(family: String, file: String) throws {
        let engine = try TextTestSupport.engine()
        let font = engine.catalogue.primaryFont(for: FontSpec(families: [family], size: 16, weight: 400, italic: false))
        #expect(TextTestSupport.fileName(engine, font.faceIndex) == file)
        #expect(font.synthesis.isEmpty)
    }

    @Test func unknownFamilyFallsThroughTheListToSansSerif() throws {
        let engine = try TextTestSupport.engine()
        let listed = engine.catalogue.primaryFont(for: FontSpec(families: ["No Such Font", "Inter"], size: 16, weight: 400, italic: false))
        #expect(TextTestSupport.fileName(engine, listed.faceIndex) == "Inter-Regular.otf")
        let missing = engine.catalogue.primaryFont(for: FontSpec(families: ["No Such Font"], size: 16, weight: 400, italic: false))
        #expect(TextTestSupport.fileName(engine, missing.faceIndex) == "NotoSans-Regular.ttf")
    }

    @Test(arguments: [
        ("Inter", 700, false, "Inter-Bold.otf"),
        ("Inter", 300, false, "Inter-Light.otf"),
        ("Inter", 650, false, "Inter-Bold.otf"),
        ("Inter", 400, true, "Inter-Italic.otf"),
        ("Inter", 700, true, "Inter-BoldItalic.otf"),
        // Noto Sans has only 400 and 700: 300 looks lighter (none) then heavier, 500 looks lighter first.
        ("Noto Sans", 300, false, "NotoSans-Regular.ttf"),
        ("Noto Sans", 500, false, "NotoSans-Regular.ttf"),
        ("Noto Sans", 600, false, "NotoSans-Bold.ttf"),
        ("DejaVu Sans", 100, false, "DejaVuSans-ExtraLight.ttf"),
    ])
    func weightAndStyleMatching(family: String, weight: Int, italic: Bool, file: String) throws {
        let engine = try TextTestSupport.engine()
        let font = engine.catalogue.primaryFont(for: FontSpec(families: [family], size: 16, weight: weight, italic: italic))
        #expect(TextTestSupport.fileName(engine, font.faceIndex) == file)
    }

    @Test func cssWeightMatchingOrder() {
        #expect(FontCatalogue.matchWeight(desired: 400, available: [300, 500, 700]) == 500)
        #expect(FontCatalogue.matchWeight(desired: 450, available: [300, 600]) == 300)
        #expect(FontCatalogue.matchWeight(desired: 300, available: [100, 400]) == 100)
        #expect(FontCatalogue.matchWeight(desired: 300, available: [400, 700]) == 400)
        #expect(FontCatalogue.matchWeight(desired: 600, available: [400, 800]) == 800)
        #expect(FontCatalogue.matchWeight(desired: 900, available: [400, 700]) == 700)
        #expect(FontCatalogue.matchWeight(desired: 400, available: []) == nil)
    }

    @Test func missingBoldAndItalicAreSynthesized() throws {
        let engine = try TextTestSupport.engine()
        let bold = engine.catalogue.primaryFont(for: FontSpec(families: ["Noto Music"], size: 16, weight: 700, italic: true))
        #expect(TextTestSupport.fileName(engine, bold.faceIndex) == "NotoMusic-Regular.ttf")
        #expect(bold.synthesis == [.bold, .oblique])
        let real = engine.catalogue.primaryFont(for: FontSpec(families: ["Inter"], size: 16, weight: 700, italic: true))
        #expect(real.synthesis.isEmpty)
    }

    @Test func interMetricsAreSane() throws {
        let engine = try TextTestSupport.engine()
        let metrics = engine.metrics(for: FontSpec(families: ["Inter"], size: 100, weight: 400, italic: false))
        #expect(abs(metrics.ascent - 97) <= 1)
        #expect(abs(metrics.descent - 24) <= 1)
        #expect(metrics.lineGap >= 0)
    }

    @Test func fingerprintIsStableAndDependsOnTheFiles() throws {
        let first = try TextTestSupport.engine().fontSetFingerprint
        let second = try TextTestSupport.engine().fontSetFingerprint
        #expect(first == second)
        #expect(first.count == 16 && first.allSatisfy(\.isHexDigit))
        let dejaVuOnly = try TextEngine(fonts: FontConfiguration(directories: ["/usr/share/fonts/truetype/dejavu"]))
        #expect(dejaVuOnly.fontSetFingerprint != first)
    }

    @Test func emptyDirectoryThrows() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("ogpress-no-fonts-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        #expect(throws: TextError.noFonts(directories: [directory])) { try TextEngine(fonts: FontConfiguration(directories: [directory])) }
    }
}
