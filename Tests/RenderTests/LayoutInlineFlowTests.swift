import Testing
@testable import Render

/// Atomic inlines sharing line boxes with text (CSS 2.1 §10.8): placement, baselines, vertical-align.
struct LayoutInlineFlowTests {
    private func page(_ body: String) throws -> LaidOut {
        try LaidOut("<body style='margin:0;font:16px/20px sans-serif;width:400px'>\(body)</body>")
    }

    @Test func textAndInlineBlocksShareOneLine() throws {
        let page = try page("<div id=p>Before <span id=a style='display:inline-block;width:50px;height:10px'></span> after</div>")
        let atomic = try #require(page.frame("a"))
        let paragraphs = page.scene.boxes.filter { $0.kind == .paragraph }
        #expect(paragraphs.count == 2)
        let before = try #require(paragraphs.first?.paragraph?.lines.first)
        let after = try #require(paragraphs.last?.paragraph?.lines.first)
        // The box starts after "Before" and a space; "after" starts after the box and a space.
        #expect(atomic.x > before.x + before.width)
        #expect(after.x > atomic.x + atomic.width - 0.001)
        // Both text runs share the one baseline, the box's bottom sits on it.
        #expect(before.baseline == after.baseline)
        #expect(abs(atomic.y + atomic.height - before.baseline) < 1)
        #expect(page.frame("p")?.height == 20)
    }

    @Test func aTallBoxGrowsTheLineAndPushesTextDown() throws {
        let page = try page("<div id=p>x <span style='display:inline-block;width:10px;height:60px'></span></div>")
        let line = try #require(page.scene.boxes.first { $0.kind == .paragraph }?.paragraph?.lines.first)
        #expect(abs(line.baseline - 60) < 1)
        #expect((page.frame("p")?.height ?? 0) > 60)
    }

    @Test func textWrapsAroundBoxesAtTheLineEnd() throws {
        let page = try page("<div style='width:100px'><span id=a style='display:inline-block;width:90px;height:10px'></span> two words</div>")
        let paragraph = try #require(page.scene.boxes.first { $0.kind == .paragraph }?.paragraph)
        #expect(paragraph.lines.count >= 1)
        // No word fits after 90px on the first line, so the text starts on the second line at x 0.
        #expect(paragraph.lines.first?.x == 0)
        #expect((paragraph.lines.first?.y ?? 0) >= 10)
    }

    @Test func verticalAlignTopAndBottom() throws {
        let page = try page("""
        <div>x <span id=t style='display:inline-block;width:10px;height:10px;vertical-align:top'></span>\
        <span id=tall style='display:inline-block;width:10px;height:50px'></span>\
        <span id=b style='display:inline-block;width:10px;height:10px;vertical-align:bottom'></span></div>
        """)
        let tall = try #require(page.frame("tall"))
        #expect(page.frame("t")?.y == 0)
        let bottom = try #require(page.frame("b"))
        #expect(bottom.y + bottom.height > tall.y + tall.height)
    }

    @Test func centredLinesShiftTextAndBoxesTogether() throws {
        let page = try page("<div style='text-align:center'>ab <span id=a style='display:inline-block;width:20px;height:10px'></span></div>")
        let line = try #require(page.scene.boxes.first { $0.kind == .paragraph }?.paragraph?.lines.first)
        let atomic = try #require(page.frame("a"))
        let left = line.x
        let right = 400 - (atomic.x + atomic.width)
        #expect(abs(left - right) < 1)
    }

    @Test func inlineBlockBaselineIsItsLastLine() throws {
        let page = try page("<div>x <span id=a style='display:inline-block;width:30px'>one two three</span></div>")
        let atomic = try #require(page.frame("a"))
        let line = try #require(page.scene.boxes.first { $0.kind == .paragraph && $0.spans.first?.text == "x" }?.paragraph?.lines.first)
        // Three lines of 20px: the outer text's baseline lines up with the last one, near the bottom.
        #expect(atomic.height == 60)
        #expect(line.baseline > atomic.y + 40)
    }

    @Test func shrinkToFitAddsTextAndBoxes() throws {
        let page = try page("<div id=o style='display:inline-block'>abc <span style='display:inline-block;width:100px;height:5px'></span></div>")
        #expect((page.frame("o")?.width ?? 0) > 100)
    }
}

/// `display: grid` laid out through flexbox: centring and equal columns.
struct LayoutGridTests {
    @Test func placeItemsCenterCentresTheOnlyItem() throws {
        let page = try LaidOut("""
        <body style='margin:0'><div style='display:grid;place-items:center;width:400px;height:300px'>\
        <div id=i style='width:100px;height:50px'></div></div></body>
        """)
        #expect(page.frame("i") == Rect(x: 150, y: 125, width: 100, height: 50))
        #expect(page.warnings.isEmpty)
    }

    @Test func placeContentCenterPacksRowsInTheMiddle() throws {
        let page = try LaidOut("""
        <body style='margin:0'><div style='display:grid;place-content:center;gap:10px;width:400px;height:300px'>\
        <div id=a style='width:100px;height:50px'></div><div id=b style='width:100px;height:50px'></div></div></body>
        """)
        #expect(page.frame("a")?.y == 95)
        #expect(page.frame("b")?.y == 155)
        #expect(page.frame("a")?.x == 150)
    }

    @Test func equalColumnsWrapIntoRows() throws {
        let page = try LaidOut("""
        <body style='margin:0'><div style='display:grid;grid-template-columns:repeat(2, 1fr);gap:10px;width:410px'>\
        <div id=a style='padding:5px'>1</div><div id=b>2</div><div id=c>3</div></div></body>
        """)
        let a = try #require(page.frame("a")), b = try #require(page.frame("b")), c = try #require(page.frame("c"))
        #expect(abs(a.width - 200) < 0.1 && abs(b.width - 200) < 0.1)
        #expect(abs(b.x - 210) < 0.1)
        #expect(a.y == b.y)
        #expect(c.x == 0 && c.y > a.y)
    }
}

/// `width: min-content | max-content | fit-content`.
struct LayoutIntrinsicWidthTests {
    private func width(_ style: String, in container: String = "width:400px") throws -> Double? {
        let page = try LaidOut("<body style='margin:0;font:16px sans-serif'><div style='\(container)'><div id=b style='\(style)'>aaaa bbbb cccc</div></div></body>")
        return page.frame("b")?.width
    }

    @Test func keywordsPickTheIntrinsicWidths() throws {
        let minimum = try #require(try width("width:min-content"))
        let maximum = try #require(try width("width:max-content"))
        let fit = try #require(try width("width:fit-content"))
        #expect(minimum < maximum && maximum < 400)
        #expect(fit == maximum)
        #expect(try width("width:fit-content", in: "width:60px") == 60)
    }

    @Test func fitContentItemsDoNotStretchInAColumn() throws {
        let fit = try #require(try width("width:fit-content", in: "display:flex;flex-direction:column;width:400px"))
        #expect(fit < 400)
    }
}

/// `aspect-ratio` on boxes without a natural ratio.
struct LayoutAspectRatioTests {
    @Test func heightFollowsTheWidth() throws {
        let page = try LaidOut("""
        <body style='margin:0'><div style='width:320px'><div id=a style='aspect-ratio:16 / 9'></div>\
        <div id=b style='aspect-ratio:2;padding:10px;box-sizing:border-box'></div>\
        <div id=c style='aspect-ratio:1;height:20px'></div><div id=d style='aspect-ratio:1;max-height:50px'></div></div></body>
        """)
        #expect(page.frame("a")?.height == 180)
        #expect(page.frame("b")?.height == 160)
        #expect(page.frame("c")?.height == 20)
        #expect(page.frame("d")?.height == 50)
    }

    @Test func flexItemsKeepTheirRatio() throws {
        let page = try LaidOut("""
        <body style='margin:0'><div style='display:flex;align-items:flex-start'><div id=a style='width:100px;aspect-ratio:1 / 2'></div></div></body>
        """)
        #expect(page.frame("a")?.height == 200)
    }
}

struct LayoutHeightBoundsTests {
    @Test func minAndMaxHeightBoundASpecifiedHeight() throws {
        let page = try LaidOut("""
        <body style='margin:0'><div id=a style='height:20px;min-height:120px'></div>\
        <div id=b style='height:400px;max-height:90px;overflow:hidden'>x</div></body>
        """)
        #expect(page.frame("a")?.height == 120)
        #expect(page.frame("b")?.height == 90)
    }
}
