import Testing
@testable import Render

struct CascadeTests {
    private func style(_ html: String, _ id: String, width: Double = 1200) throws -> ComputedStyle {
        let document = try TreeBuilder.parse(html)
        var resolver = StyleResolver(document: document, viewportWidth: width, viewportHeight: 630)
        let styles = resolver.resolve()
        let index = try #require(document.nodes.indices.first { document.nodes[$0].id == id })
        return try #require(styles[index])
    }

    @Test func laterLayersAndUnlayeredRulesWin() throws {
        let html = """
        <style>@layer base, components; @layer components { #x { width: 20px } } @layer base { #x { width: 10px; height: 5px } }
        .y { height: 7px } @layer base { #x { height: 9px } }</style><div id=x class=y></div>
        """
        #expect(try style(html, "x").width == .px(20))
        #expect(try style(html, "x").height == .px(7))
    }

    @Test func importantReversesLayerOrder() throws {
        let html = "<style>@layer a, b; @layer a { p { width: 1px !important } } @layer b { p { width: 2px !important } }</style><p id=p></p>"
        #expect(try style(html, "p").width == .px(1))
    }

    @Test func mediaQueriesFollowTheViewport() throws {
        let html = """
        <style>p { width: 1px } @media (min-width: 1000px) { p { width: 2px } } @media screen and (max-width: 600px) { p { width: 3px } }
        @media print { p { width: 4px } } @media (800px <= width < 1100px) { p { height: 5px } }</style><p id=p></p>
        """
        #expect(try style(html, "p").width == .px(2))
        #expect(try style(html, "p", width: 500).width == .px(3))
        #expect(try style(html, "p", width: 900).height == .px(5))
    }

    @Test func supportsAndNestedSupportsBlocks() throws {
        let html = """
        <style>@supports (display: flex) { p { width: 2px } } @supports not (display: flex) { p { width: 3px } }
        @supports (frobnicate: yes) { p { height: 9px } }
        div { width: 1px; @supports (display: flex) { width: 4px } @media (max-width: 10px) { width: 5px } height: 6px }</style>
        <p id=p></p><div id=d></div>
        """
        #expect(try style(html, "p").width == .px(2))
        #expect(try style(html, "p").height == .auto)
        #expect(try style(html, "d").width == .px(4))
        #expect(try style(html, "d").height == .px(6))
    }

    @Test func registeredPropertiesProvideInitialValues() throws {
        let html = """
        <style>@property --w { syntax: "<length>"; inherits: false; initial-value: 12px }
        #outer { --w: 30px; width: var(--w) } #inner { width: var(--w) }</style><div id=outer><div id=inner></div></div>
        """
        #expect(try style(html, "outer").width == .px(30))
        #expect(try style(html, "inner").width == .px(12))
    }

    @Test func parserRecoversFromGarbage() throws {
        let html = "<style>p { width: 3px } }}} @unknown foo { p { width: 9px } } ;; p[ { color: red } p { height: 4px }</style><p id=p></p>"
        #expect(try style(html, "p").width == .px(3))
        #expect(try style(html, "p").height == .px(4))
    }

    @Test func modernColors() {
        func color(_ text: String) -> Color? {
            if case .color(let value)? = ColorParser.parse(CSSComponent.parse(text)) { return value }
            return nil
        }
        let blue = color("oklch(62.3% 0.214 259.815)")
        // Tailwind v4's blue-500, which Chromium draws as #2b7fff.
        #expect(blue.map { abs($0.red - 43.0 / 255) < 0.01 && abs($0.green - 127.0 / 255) < 0.01 && $0.blue > 0.99 } == true)
        #expect(color("oklab(1 0 0)").map { abs($0.red - 1) < 0.001 && abs($0.green - 1) < 0.001 } == true)
        #expect(color("color-mix(in srgb, red 30%, blue)").map { abs($0.red - 0.3) < 1e-9 && abs($0.blue - 0.7) < 1e-9 } == true)
        let faded = color("color-mix(in oklab, #000 10%, transparent)")
        #expect(faded.map { abs($0.alpha - 0.1) < 0.001 && $0.red < 0.001 } == true)
        #expect(color("oklch(50% 0.1)") == nil)
    }
}
