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
