import Testing
@testable import Render

/// `::before`/`::after` boxes with `content`.
struct StyleGeneratedContentTests {
    @Test func contentParsesStringsEscapesAndAttr() {
        #expect(ContentPart.parse(CSSComponent.parse(#""\201C" attr(data-x) "!""#)) == [.text("\u{201C}"), .attribute("data-x"), .text("!")])
        #expect(ContentPart.unescape(#"a\"b\41 c"#) == "a\"bAc")
        #expect(ContentPart.parse(CSSComponent.parse("counter(x)")) == nil)
    }

    @Test func inlineGeneratedTextJoinsTheParagraph() throws {
        let page = try LaidOut("""
        <style>p::before { content: "» " } p::after { content: " (" attr(data-n) ")"; color: red }</style>
        <p data-n="3">text</p>
        """)
        let spans = page.scene.boxes.filter { $0.kind == .paragraph }.flatMap(\.spans)
        #expect(spans.map(\.text).joined() == "» text (3)")
        #expect(spans.last?.color == Color(red: 1, green: 0, blue: 0))
    }

    @Test func decoratedInlineAndBlockAndAbsoluteBoxes() throws {
        let page = try LaidOut("""
        <style>.b::before { content: "NEW"; background: red; padding: 2px } .b::after { content: ""; display: block; height: 7px }
        .d { position: relative } .d::before { content: ""; position: absolute; width: 5px; height: 5px; top: 0; left: 0 }</style>
        <div class=b>x</div><div class=d>y</div>
        """)
        let generated = page.scene.boxes.filter { $0.element == nil && $0.kind != .paragraph }
        #expect(generated.contains { $0.isAtomicInline && $0.style.paint.backgroundLayers.isEmpty })
        #expect(generated.contains { $0.frame.height == 7 })
        #expect(generated.contains { $0.style.position == .absolute && $0.frame.width == 5 })
    }

    @Test func noContentNoBox() throws {
        let page = try LaidOut("<style>p::before { color: red } p::after { content: none }</style><p>x</p>")
        #expect(page.scene.boxes.filter { $0.element == nil && $0.kind != .paragraph }.isEmpty)
    }
}

struct StyleLineHeightCalcTests {
    @Test func unitlessCalcIsAMultiple() throws {
        let page = try LaidOut("<p id=p style='font-size:20px;line-height:calc(1.75 / 1.25)'>x</p>")
        #expect(page.box("p")?.style.lineHeight == .multiple(1.4))
        #expect(page.warnings.isEmpty)
    }
}

struct StyleBorderKeywordTests {
    @Test func unsetBorderColorKeepsWidthAndStyle() throws {
        let page = try LaidOut("""
        <div style='color:red'><div id=d style='border:2px solid blue;border-color:unset;border-left-width:initial'>x</div></div>
        """)
        let style = try #require(page.box("d")?.style)
        #expect(style.usedBorderWidths == EdgeWidths(top: 2, right: 2, bottom: 2, left: 3))
        #expect(style.borderColor.top == .currentColor)
    }
}

struct StyleUserAgentListTests {
    @Test func nestedListsHaveNoVerticalMargins() throws {
        let page = try LaidOut("<ul id=o><li>a<ul id=n><li>b</li></ul></li></ul>")
        #expect(page.box("o")?.style.margin.top != .zero)
        #expect(page.box("n")?.style.margin.top == .zero)
        #expect(page.box("n")?.style.margin.bottom == .zero)
    }
}
