import Testing
@testable import Render

struct StyleTests {
    /// The computed style of the element with `id`.
    private func style(_ html: String, _ id: String, width: Double = 1000, height: Double = 500) throws -> ComputedStyle {
        let document = try TreeBuilder.parse(html)
        var resolver = StyleResolver(document: document, viewportWidth: width, viewportHeight: height)
        let styles = resolver.resolve()
        let index = try #require(document.nodes.indices.first { document.nodes[$0].id == id })
        return try #require(styles[index])
    }

    private func color(_ value: String) -> ColorValue? { ColorParser.parse(CSSComponent.parse(value)) }

    @Test func selectorsMatch() throws {
        let html = "<div class='card main' id=c><section><p class=t id=p>x</p></section><span id=s class=t>y</span></div>"
        let document = try TreeBuilder.parse(html)
        let p = try #require(document.nodes.indices.first { document.nodes[$0].id == "p" })
        let span = try #require(document.nodes.indices.first { document.nodes[$0].id == "s" })
        for (text, matchesP, matchesSpan) in [
            ("p", true, false), (".t", true, true), ("#p", true, false), ("*", true, true),
            ("p.t", true, false), (".card .t", true, true), (".card > .t", false, true),
            ("div.card.main p", true, false), ("div.other p", false, false), ("section > p#p.t", true, false),
            ("html body .card span", false, true), (":root .t", true, true),
        ] {
            let selector = try #require(Selector(parsing: text), "\(text)")
            #expect(selector.matches(p, in: document) == matchesP, "\(text)")
            #expect(selector.matches(span, in: document) == matchesSpan, "\(text)")
        }
    }

    @Test func unsupportedSelectorsAreRejected() {
        for text in ["a:hover", "p::marker", "> p", ".", "#", "[href", ":nth-child(x)", ":not(a:hover)", "p +"] {
            #expect(Selector(parsing: text) == nil, "\(text)")
        }
    }

    @Test func specificity() throws {
        #expect(try #require(Selector(parsing: "#a .b p")).specificity == 1_001_001)
        #expect(try #require(Selector(parsing: "div.x.y")).specificity == 2_001)
        #expect(try #require(Selector(parsing: "*")).specificity == 0)
    }

    @Test func specificityBeatsSourceOrderAndLaterWinsOnTies() throws {
        let html = "<style>#x{color:red} p{color:blue} .a{color:green} .b{color:lime}</style><p id=x class='a b'>t</p><p id=y class='a b'>t</p>"
        #expect(try style(html, "x").color == Color(red: 1, green: 0, blue: 0))
        #expect(try style(html, "y").color == Color(red: 0, green: 1, blue: 0))
    }

    @Test func importantAndInline() throws {
        let html = """
        <style>#a{width:10px!important} #b{width:10px} #c{width:30px !important}</style>
        <div id=a style="width:20px"></div><div id=b style="width:20px"></div><div id=c style="width:20px!important"></div>
        """
        #expect(try style(html, "a").width == .px(10))
        #expect(try style(html, "b").width == .px(20))
        #expect(try style(html, "c").width == .px(20))
    }

    @Test func inheritance() throws {
        let html = "<div style='color:#123456;font-size:20px;font-family:Inter;padding:5px'><p id=p>t</p></div>"
        let p = try style(html, "p")
        #expect(p.color == Color(red: 0x12 / 255, green: 0x34 / 255, blue: 0x56 / 255))
        #expect(p.fontFamilies == ["Inter"])
        #expect(p.fontSize == 20)
        #expect(p.padding.top == .zero)
    }

    @Test func emRemAndKeywords() throws {
        let html = "<html style='font-size:10px'><div style='font-size:2em'><p id=p style='font-size:1.5em;margin-top:2rem;width:inherit'>t</p><b id=b>x</b></div></html>"
        let p = try style(html, "p")
        #expect(p.fontSize == 30)
        #expect(p.margin.top == .px(20))
        #expect(try style(html, "b").fontWeight == 700)
    }

    @Test func userAgentDefaults() throws {
        let html = "<h1 id=h>a</h1><p id=p>b</p><span id=s>c</span><code id=c>d</code><em id=e>e</em><div id=d>f</div>"
        let h1 = try style(html, "h")
        #expect(h1.fontSize == 32)
        #expect(h1.fontWeight == 700)
        #expect(h1.display == .block)
        #expect(try style(html, "p").margin.top == .px(16))
        #expect(try style(html, "s").display == .inline)
        #expect(try style(html, "c").fontFamilies == ["monospace"])
        #expect(try style(html, "e").italic)
        #expect(try style(html, "d").display == .block)
    }

    @Test func colorsParse() {
        #expect(color("#f00") == .color(Color(red: 1, green: 0, blue: 0)))
        #expect(color("#ff000080") == .color(Color(red: 1, green: 0, blue: 0, alpha: 128.0 / 255)))
        #expect(color("#0f08") == .color(Color(red: 0, green: 1, blue: 0, alpha: 136.0 / 255)))
        #expect(color("rgb(255, 0, 0)") == .color(Color(red: 1, green: 0, blue: 0)))
        #expect(color("rgba(0,0,255,0.5)") == .color(Color(red: 0, green: 0, blue: 1, alpha: 0.5)))
        #expect(color("rgb(0 255 0 / 50%)") == .color(Color(red: 0, green: 1, blue: 0, alpha: 0.5)))
        #expect(color("hsl(120, 100%, 50%)") == .color(Color(red: 0, green: 1, blue: 0)))
        #expect(color("hsla(0deg 100% 50% / 0.25)") == .color(Color(red: 1, green: 0, blue: 0, alpha: 0.25)))
        #expect(color("RebeccaPurple") == .color(Color(red: 0x66 / 255, green: 0x33 / 255, blue: 0x99 / 255)))
        #expect(color("transparent") == .color(.transparent))
        #expect(color("currentColor") == .currentColor)
        #expect(NamedColors.table.count == 148)
        for bad in ["#12", "rgb(1,2)", "hsl(x, 1%, 2%)", "notacolor", "#ggg"] {
            #expect(color(bad) == nil, "\(bad)")
        }
    }

    @Test func lengthsAndCalc() {
        let context = LengthContext(fontSize: 20, rootFontSize: 16, viewportWidth: 1000, viewportHeight: 500)
        func length(_ text: String) -> Length? { ValueParser.length(CSSComponent.parse(text), context: context) }
        #expect(length("12px") == .px(12))
        #expect(length("2em") == .px(40))
        #expect(length("1.5rem") == .px(24))
        #expect(length("10vw") == .px(100))
        #expect(length("10vh") == .px(50))
        #expect(length("50%") == .percent(50))
        #expect(length("0") == .zero)
        #expect(length("auto") == .auto)
        #expect(length("calc(100% - 2 * 10px)") == .value(px: -20, percent: 100))
        #expect(length("calc((1em + 10px) / 2)") == .px(15))
        #expect(length("calc(50% + 1rem * 2)")?.resolve(200) == 132)
        #expect(length("max(10px, 2em)") == .px(40))
        #expect(length("clamp(10px, 5vw, 30px)") == .px(30))
        for bad in ["12", "calc(10px * 5px)", "calc(10px -5px)", "calc(1px / 0)", "12qq", "calc(1px +)"] {
            #expect(length(bad) == nil, "\(bad)")
        }
    }

    @Test func customPropertiesWithFallbacks() throws {
        let html = """
        <style>:root{--brand:#ff0000;--pad:12px;--loop:var(--loop)} .x{color:var(--brand)}</style>
        <div class=x id=a style="padding:var(--pad) var(--missing, 4px);margin-top:var(--loop, 3px)"><p id=p style="--brand:blue;color:var(--brand)">t</p></div>
        """
        let a = try style(html, "a")
        #expect(a.color == Color(red: 1, green: 0, blue: 0))
        #expect(a.padding.top == .px(12))
        #expect(a.padding.left == .px(4))
        #expect(a.margin.top == .px(3))
        #expect(try style(html, "p").color == Color(red: 0, green: 0, blue: 1))
    }

    @Test func shorthands() throws {
        let html = """
        <div id=a style="margin:1px 2px 3px;padding:4px 5px;border:2px solid red;border-radius:50%;flex:2 1 30px;font:italic 700 20px/1.5 'Inter Display', sans-serif;background:linear-gradient(to right, #000, #fff 80%)"></div>
        """
        let a = try style(html, "a")
        #expect(a.margin == .init(top: .px(1), right: .px(2), bottom: .px(3), left: .px(2)))
        #expect(a.padding == .init(top: .px(4), right: .px(5), bottom: .px(4), left: .px(5)))
        #expect(a.usedBorderWidths == EdgeWidths(top: 2, right: 2, bottom: 2, left: 2))
        #expect(a.borderColor.top == .color(Color(red: 1, green: 0, blue: 0)))
        #expect(a.borderRadius == [.percent(50), .percent(50), .percent(50), .percent(50)])
        #expect(a.flexGrow == 2 && a.flexShrink == 1 && a.flexBasis == .px(30))
        #expect(a.italic && a.fontWeight == 700 && a.fontSize == 20 && a.lineHeight == .multiple(1.5))
        #expect(a.fontFamilies == ["Inter Display", "sans-serif"])
        #expect(a.backgroundGradients.first?.direction == .angle(90))
        #expect(a.backgroundGradients.first?.stops.count == 2)
        #expect(a.backgroundGradients.first?.stops[1].position == .percent(80))
    }

    @Test func gradientGeometry() throws {
        let context = LengthContext(fontSize: 16, rootFontSize: 16, viewportWidth: 100, viewportHeight: 100)
        let gradient = try #require(BackgroundGradient.parse(CSSComponent.parse("to bottom right, red, lime 50%, blue"), context: context))
        #expect(abs(gradient.angle(width: 100, height: 100) - 135) < 1e-9)
        #expect(abs(gradient.angle(width: 200, height: 100) - (180 - 26.565051177077994)) < 1e-6)
        let stops = gradient.resolvedStops(lineLength: 100, currentColor: .black, opacity: 1)
        #expect(stops.map(\.position) == [0, 0.5, 1])
        let even = try #require(BackgroundGradient.parse(CSSComponent.parse("45deg, red, red, red, blue 90px"), context: context))
        #expect(even.resolvedStops(lineLength: 100, currentColor: .black, opacity: 1).map(\.position) == [0, 0.3, 0.6, 0.9])
    }

    @Test func unsupportedThingsBecomeWarnings() throws {
        let page = try LaidOut("""
        <style>@container (max-width: 10px) { p { color: red } } a:hover { color: red }</style>
        <div style="display:table;grid-template-areas:none;color:nonsense;clip-path:circle(50%);transform:rotate(3deg)">x</div>
        <div style="display:table">y</div>
        """)
        let warnings = page.warnings
        #expect(warnings.contains("unsupported at-rule '@container'"))
        #expect(warnings.contains("unsupported selector 'a:hover'"))
        #expect(warnings.contains("unsupported value 'table' for 'display', using block"))
        #expect(warnings.contains("unsupported property 'grid-template-areas'"))
        #expect(warnings.contains("unsupported value 'nonsense' for 'color'"))
        #expect(warnings.contains("unsupported property 'clip-path'"))
        #expect(Set(warnings).count == warnings.count)
    }
}

extension StyleTests {
    @Test func hugeValuesAreRejectedAndHugeCalcResultsClamped() {
        let context = LengthContext(fontSize: 16, rootFontSize: 16, viewportWidth: 100, viewportHeight: 100)
        for text in ["1e300px", "2000000px"] {
            #expect(ValueParser.length(CSSComponent.parse(text), context: context) == nil, "\(text)")
        }
        let largest = Length.value(px: ValueParser.largestMagnitude, percent: 0)
        for text in ["calc(1e200px * 1e200)", "calc(1e6px * 1e6)", "calc(infinity * 1px)", "calc(infinity * 1rem)"] {
            #expect(ValueParser.length(CSSComponent.parse(text), context: context) == largest, "\(text)")
        }
        #expect(ValueParser.length(CSSComponent.parse("calc(-infinity * 1px)"), context: context) == .value(px: -ValueParser.largestMagnitude, percent: 0))
        #expect(ValueParser.number(CSSComponent.parse("1e300")) == nil)
    }
}
