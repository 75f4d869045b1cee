import Testing
@testable import Render

/// Text features reaching the boxes layout builds: direction, decorations, breaking, ellipsis.
struct WiringTextTests {
    private func paragraphs(_ html: String) throws -> [LayoutBox] {
        try LaidOut(html).scene.boxes.filter { $0.kind == .paragraph }
    }

    @Test func dirAttributeSetsTheParagraphDirection() throws {
        let boxes = try paragraphs("<div dir=rtl><p>שלום עולם</p></div><p>plain</p>")
        #expect(boxes.map(\.paragraphStyle.direction) == [.rtl, .ltr])
    }

    @Test func startAlignFollowsTheDirection() throws {
        let boxes = try paragraphs("<p style='text-align:start'>a</p><p style='text-align:end'>b</p>")
        #expect(boxes.map(\.paragraphStyle.align) == [.start, .end])
    }

    @Test func dirOnAnInlineElementEmbedsItsText() throws {
        let boxes = try paragraphs("<p>see <span dir=rtl>אבג</span> here</p>")
        let text = boxes.flatMap(\.spans).map(\.text).joined()
        #expect(text == "see \u{202B}אבג\u{202C} here")
    }

    @Test func tailwindDecorationClassesDecorateTheirText() throws {
        let boxes = try paragraphs("<p>a <span class='underline'>b</span> <span class='line-through'>c</span></p>")
        let spans = boxes.flatMap(\.spans)
        #expect(spans.first { $0.text == "b" }?.decoration.underline == true)
        #expect(spans.first { $0.text == "c" }?.decoration.lineThrough == true)
        #expect(spans.first { $0.text == "a " }?.decoration.isEmpty == true)
    }

    @Test func linksAndDeletionsAreDecoratedByDefault() throws {
        let spans = try paragraphs("<p><a href='/x'>link</a> <del>gone</del> <a>anchor</a></p>").flatMap(\.spans)
        #expect(spans.first { $0.text == "link" }?.decoration.underline == true)
        #expect(spans.first { $0.text == "gone" }?.decoration.lineThrough == true)
        #expect(spans.first { $0.text.contains("anchor") }?.decoration.underline == false)
    }

    @Test func overflowWrapReachesTheParagraph() throws {
        let boxes = try paragraphs("<p style='overflow-wrap:anywhere'>x</p><p>y</p>")
        #expect(boxes.map(\.paragraphStyle.overflowWrap) == [.anywhere, .normal])
    }
}

/// CSS-wide keywords on custom properties, as Tailwind v4's `@property` fallbacks use them.
struct WiringCustomPropertyTests {
    @Test func initialMakesVarFallBack() throws {
        let page = try LaidOut("""
        <style>* { --stops: initial } .x { --stops: var(--via, red, blue); background-image: linear-gradient(var(--stops)) }</style>
        <div id=d class=x style='height:10px'></div>
        """)
        #expect(page.box("d")?.style.backgroundGradients.count == 1)
        #expect(page.warnings.allSatisfy { !$0.contains("background-image") })
    }

    @Test func registeredInitialValuesAndInherit() throws {
        let page = try LaidOut("""
        <style>@property --w { syntax: "<length>"; inherits: false; initial-value: 30px }
        .p { --w: 50px; --c: 12px } .c { --w: initial; --c: inherit; width: var(--w); height: var(--c) }</style>
        <div class=p><div id=c class=c></div></div>
        """)
        #expect(page.frame("c")?.width == 30)
        #expect(page.frame("c")?.height == 12)
    }
}
