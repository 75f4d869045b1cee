import Foundation
import Testing
@testable import Render

/// `@font-face` through the whole renderer: the rule reaches the text engine, and does not outlive its document.
@Suite(.serialized)
struct RendererFontFaceTests {
    static func brandDataURI() throws -> String {
        let url = try #require(Bundle.module.resourceURL).appendingPathComponent("Fixtures/text/brand.ttf")
        return "data:font/ttf;base64," + (try Data(contentsOf: url)).base64EncodedString()
    }

    static func width(family: String, rules: String) throws -> Double {
        let page = try LaidOut("""
            <style>\(rules)</style>
            <span id=t style="display:inline-block;font:40px \(family)">iiiiiiii</span>
            """)
        return try #require(page.frame("t")).width
    }

    @Test func documentFontIsUsedAndThenForgotten() throws {
        let rule = "@font-face { font-family: Brand; src: url(\"\(try Self.brandDataURI())\") format(\"truetype\") }"
        // The fixture is a monospaced cut, so eight narrow i's take eight full cells.
        let branded = try Self.width(family: "Brand, sans-serif", rules: rule)
        let fallback = try Self.width(family: "Brand, sans-serif", rules: "")
        #expect(branded > fallback * 1.5, "branded \(branded), fallback \(fallback)")
        // The same pooled engine renders the next document without the rule: back to the fallback.
        #expect(try Self.width(family: "Brand, sans-serif", rules: "") == fallback)
    }

    @Test func brokenFontIsAWarningNotAFailure() throws {
        let page = try LaidOut("""
            <style>@font-face { font-family: Bad; src: url(data:font/ttf;base64,AAAAAAAA) }</style>
            <p style="font-family: Bad, sans-serif">text</p>
            """)
        #expect(!page.warnings.isEmpty)
        #expect(page.scene.boxes.contains { $0.paragraph != nil })
    }
}
