import Testing
@testable import Render

/// `ul`/`ol`/`li` markers: UA styles, numbering and the place of outside markers.
struct LayoutListTests {
    private func markers(_ scene: LaidOut) -> [LayoutBox] { scene.scene.boxes.filter(\.isListMarker) }

    @Test func nestedListsCycleDiscCircleSquare() throws {
        let scene = try LaidOut("<ul><li id=a>A<ul><li id=b>B<ul><li id=c>C</li></ul></li></ul></li></ul>")
        #expect(markers(scene).map(\.style.list.type) == [.disc, .circle, .square])
        #expect(scene.box("a")?.style.list.isListItem == true)
    }

    @Test func outsideDiscHangsBeforeTheContent() throws {
        let scene = try LaidOut("<body style='margin:0;font:20px Inter'><ul style='margin:0'><li id=a>Item</li></ul></body>")
        let item = try #require(scene.frame("a"))
        let marker = try #require(markers(scene).first)
        #expect(item.x == 40)
        // A square of about a third of the ascent, ending before the content start and inside the first line.
        #expect(marker.frame.width == marker.frame.height)
        #expect(marker.frame.width > 3 && marker.frame.width < 10)
        #expect(marker.frame.maxX < item.x - 4)
        #expect(marker.frame.x > 0)
        #expect(marker.frame.y > item.y && marker.frame.maxY < item.y + 24)
    }

    @Test func orderedListsNumberFromStartAndValue() throws {
        let scene = try LaidOut("<ol start=3><li>a</li><li value=9>b</li><li>c</li></ol>")
        let texts = markers(scene).map { marker in
            marker.children.flatMap { scene.scene.boxes[$0].spans.map(\.text) }.joined()
        }
        #expect(texts == ["3.\u{00A0}", "9.\u{00A0}", "10.\u{00A0}"])
    }

    @Test func decimalMarkerEndsAtTheContentStart() throws {
        let scene = try LaidOut("<body style='margin:0'><ol style='margin:0'><li id=a>Item</li></ol></body>")
        let item = try #require(scene.frame("a"))
        let marker = try #require(markers(scene).first)
        #expect(abs(marker.frame.x + marker.frame.width - item.x) < 0.5)
    }

    @Test func listStyleNoneAndInside() throws {
        #expect(markers(try LaidOut("<ul style='list-style: none'><li>a</li></ul>")).isEmpty)
        let inside = try LaidOut("<ul style='list-style: inside square'><li id=a>a</li></ul>")
        #expect(markers(inside).isEmpty)
        let text = inside.scene.boxes.filter { $0.kind == .paragraph }.flatMap { $0.spans.map(\.text) }.joined()
        #expect(text.hasPrefix("\u{25AA}"))
    }

    @Test func listStyleParsing() throws {
        let scene = try LaidOut("<ul id=a style='list-style: square inside'></ul><ol id=b style='list-style-type: upper-roman'></ol>")
        #expect(scene.box("a")?.style.list == ListStyle(type: .square, position: .inside, isListItem: false))
        #expect(scene.box("b")?.style.list.type == .decimal)
        #expect(scene.warnings.contains { $0.contains("upper-roman") })
    }
}
