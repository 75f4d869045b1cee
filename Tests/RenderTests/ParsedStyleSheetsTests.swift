import Testing
@testable import Render

struct ParsedStyleSheetsTests {
    private func resolve(_ html: String, width: Double) throws -> (StyleResolver, [ComputedStyle?], Document) {
        let document = try TreeBuilder.parse(html)
        var resolver = StyleResolver(document: document, viewportWidth: width, viewportHeight: 630)
        let styles = resolver.resolve()
        return (resolver, styles, document)
    }

    @Test func aReusedParseKeepsItsWarningsAndFontFaces() throws {
        let html = """
        <style>@font-face { font-family: Brand; src: url(brand.woff2) }
        #x { width: 30px; frobnicate: 1 }</style><div id=x></div>
        """
        let first = try resolve(html, width: 1200).0
        let second = try resolve(html + "<p>other data, same style</p>", width: 1200).0
        #expect(first.warnings.messages.contains { $0.contains("frobnicate") })
        #expect(second.warnings.messages == first.warnings.messages)
        #expect(second.fontFaces == first.fontFaces)
        #expect(second.fontFaces.count == 1)
    }

    @Test func mediaQueriesAreEvaluatedPerViewport() throws {
        let html = "<style>#x { width: 10px } @media (min-width: 1000px) { #x { width: 20px } }</style><div id=x></div>"
        for (viewport, expected) in [(1200.0, 20.0), (800.0, 10.0), (1200.0, 20.0), (800.0, 10.0)] {
            let (_, styles, document) = try resolve(html, width: viewport)
            let index = try #require(document.nodes.indices.first { document.nodes[$0].id == "x" })
            #expect(styles[index]?.width == .px(expected), "viewport \(viewport)")
        }
    }

    @Test func theTableStaysBounded() {
        var parses = 0
        for number in 0..<(ParsedStyleSheets.capacity * 2) {
            _ = ParsedStyleSheets.entry(for: "#bounded-\(number) { width: 1px }", width: 1, height: 1) {
                parses += 1
                return ParsedStyleSheets.Entry(sheet: StyleSheet(), warnings: Warnings(), fontFaces: [])
            }
        }
        #expect(parses == ParsedStyleSheets.capacity * 2)
        #expect(ParsedStyleSheets.count <= ParsedStyleSheets.capacity)
        // A text seen moments ago is answered from the table without parsing again.
        _ = ParsedStyleSheets.entry(for: "#bounded-\(ParsedStyleSheets.capacity * 2 - 1) { width: 1px }", width: 1, height: 1) {
            parses += 1
            return ParsedStyleSheets.Entry(sheet: StyleSheet(), warnings: Warnings(), fontFaces: [])
        }
        #expect(parses == ParsedStyleSheets.capacity * 2)
    }
}

struct ParsedInlineStylesTests {
    @Test(arguments: ["color: red; width: 3px", "/* c */ margin: 0 auto !important", "", "bogus", "color: red; width: 3px"])
    func keptDeclarationsMatchAFreshParse(text: String) {
        #expect(ParsedInlineStyles.declarations(in: text) == CSSParser.parseDeclarations(text))
        #expect(ParsedInlineStyles.declarations(in: text) == CSSParser.parseDeclarations(text))
    }
}
