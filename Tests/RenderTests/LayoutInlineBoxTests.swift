import Testing
@testable import Render

/// Backgrounds, borders and horizontal edges of inline elements, fragmented per line.
struct LayoutInlineBoxTests {
    private func inlineBoxes(_ scene: LaidOut) -> [InlineBox] {
        scene.scene.boxes.flatMap(\.inlineBoxes)
    }

    @Test func markHasYellowBackgroundOnOneLine() throws {
        let scene = try LaidOut("<p style='font: 20px Inter'>A <mark>marked</mark> word</p>")
        let mark = try #require(inlineBoxes(scene).first)
        #expect(mark.style.resolve(mark.style.backgroundColor) == Color(red: 1, green: 1, blue: 0, alpha: 1))
        #expect(mark.fragments.count == 1)
        let fragment = try #require(mark.fragments.first)
        #expect(fragment.isFirst && fragment.isLast)
        // After "A " and about as wide as "marked"; as tall as the font's content area.
        #expect(fragment.rect.x > 10 && fragment.rect.x < 30)
        #expect(fragment.rect.width > 50 && fragment.rect.width < 90)
        #expect(fragment.rect.height > 18 && fragment.rect.height < 30)
        #expect(!scene.warnings.contains { $0.contains("inline") })
    }

    @Test func horizontalPaddingTakesRoomOnTheLine() throws {
        let plain = try LaidOut("<p style='font: 20px Inter'><span>x</span>y</p>")
        let padded = try LaidOut("<p style='font: 20px Inter'><span style='padding: 0 10px; margin-right: 5px'>x</span>y</p>")
        func width(_ scene: LaidOut) -> Double? {
            scene.scene.boxes.first { $0.kind == .paragraph }?.paragraph?.lines.first?.width
        }
        let difference = try #require(width(padded)) - (try #require(width(plain)))
        #expect(abs(difference - 25) < 0.01)
        let fragment = try #require(inlineBoxes(padded).first?.fragments.first)
        // The border box starts at the line start and covers padding, content and padding, not the margin.
        #expect(abs(fragment.rect.x) < 0.01)
        #expect(fragment.rect.width > 20)
        #expect(fragment.rect.maxX <= (try #require(width(padded))) - 5 + 0.01)
    }

    @Test func wrappedSpanIsSlicedPerLine() throws {
        let html = "<p style='font: 20px Inter; width: 200px'>Start <span style='background: red; border: 2px solid blue; border-radius: 4px'>"
            + "one two three four five six seven eight</span> end</p>"
        let scene = try LaidOut(html)
        let span = try #require(inlineBoxes(scene).first)
        #expect(span.fragments.count >= 2)
        let first = try #require(span.fragments.first)
        let last = try #require(span.fragments.last)
        #expect(first.isFirst && !first.isLast)
        #expect(last.isLast && !last.isFirst)
        #expect(first.rect.x > 40)
        #expect(abs(last.rect.x) < 0.01)
        #expect(last.rect.y > first.rect.y)
    }

    @Test func painterDrawsFragmentsBeforeText() throws {
        let html = "<body style='margin:0'><p style='margin:0;font: 20px Inter'>A <mark>marked</mark> word</p></body>"
        let scene = try LaidOut(html)
        var painter = Painter(boxes: scene.scene.boxes, width: 400, height: 100)
        painter.paint()
        let items = painter.output.items
        let yellow = items.firstIndex { item in
            if case .fill(_, _, .solid(let color)) = item { return color == Color(red: 1, green: 1, blue: 0, alpha: 1) }
            return false
        }
        let text = items.firstIndex { item in
            if case .text = item { return true }
            return false
        }
        #expect(try #require(yellow) < (try #require(text)))
    }

    @Test func fragmentsBesideAtomicInlinesMoveWithTheirLine() throws {
        let html = "<body style='margin:0'><p style='margin:0;font: 20px Inter;text-align:right;width:600px'>"
            + "<span style='display:inline-block;width:50px;height:40px'></span> and <mark id=m>marked</mark></p></body>"
        let scene = try LaidOut(html)
        let fragment = try #require(inlineBoxes(scene).first?.fragments.first)
        let paragraph = try #require(scene.scene.boxes.first { !$0.inlineBoxes.isEmpty })
        let line = try #require(paragraph.paragraph?.lines.first)
        // Right-aligned: the mark ends where the line's text ends, past the 50 px box.
        #expect(abs(fragment.rect.maxX - (line.x + line.width)) < 0.5)
        #expect(fragment.rect.x > 300)
    }
}
