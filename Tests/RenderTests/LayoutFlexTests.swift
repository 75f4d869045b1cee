import Testing
@testable import Render

struct LayoutFlexTests {
    private func page(_ body: String) throws -> LaidOut {
        try LaidOut("<body style='margin:0'>\(body)</body>", width: 1000, height: 500)
    }

    @Test func growSharesFreeSpaceByFactor() throws {
        let page = try page("""
        <div style="display:flex;width:600px"><div id=a style="flex-grow:1;width:100px"></div>
        <div id=b style="flex-grow:3;width:100px"></div></div>
        """)
        #expect(page.frame("a")?.width == 200)
        #expect(page.frame("b")?.width == 400)
        #expect(page.frame("b")?.x == 200)
    }

    @Test func flexShorthandWithZeroBasis() throws {
        let page = try page("<div style='display:flex;width:300px'><div id=a style='flex:1'></div><div id=b style='flex:2'></div></div>")
        #expect(page.frame("a")?.width == 100)
        #expect(page.frame("b")?.width == 200)
    }

    @Test func shrinkRespectsBasisWeights() throws {
        let page = try page("""
        <div style="display:flex;width:300px"><div id=a style="width:200px;min-width:0"></div><div id=b style="width:200px;min-width:0"></div></div>
        """)
        #expect(page.frame("a")?.width == 150)
        #expect(page.frame("b")?.width == 150)
    }

    @Test func justifySpaceBetweenAndGap() throws {
        let page = try page("""
        <div style="display:flex;justify-content:space-between;width:500px"><div id=a style="width:100px"></div>
        <div id=b style="width:100px"></div><div id=c style="width:100px"></div></div>
        <div style="display:flex;gap:20px;width:500px"><div id=d style="width:50px"></div><div id=e style="width:50px"></div></div>
        """)
        #expect(page.frame("a")?.x == 0)
        #expect(page.frame("b")?.x == 200)
        #expect(page.frame("c")?.x == 400)
        #expect(page.frame("e")?.x == 70)
    }

    @Test func justifyAroundAndEvenly() throws {
        let page = try page("""
        <div style="display:flex;justify-content:space-around;width:400px"><div id=a style="width:100px"></div><div id=b style="width:100px"></div></div>
        <div style="display:flex;justify-content:space-evenly;width:400px"><div id=c style="width:100px"></div><div id=d style="width:100px"></div></div>
        """)
        #expect(page.frame("a")?.x == 50)
        #expect(page.frame("b")?.x == 250)
        #expect(abs((page.frame("c")?.x ?? 0) - 200.0 / 3) < 0.001)
        #expect(abs((page.frame("d")?.x ?? 0) - (100 + 400.0 / 3)) < 0.001)
    }

    @Test func alignItemsCenterAndStretch() throws {
        let page = try page("""
        <div style="display:flex;align-items:center;height:200px"><div id=a style="width:10px;height:50px"></div></div>
        <div style="display:flex;height:100px"><div id=b style="width:10px"></div></div>
        """)
        #expect(page.frame("a")?.y == 75)
        #expect(page.frame("b")?.height == 100)
    }

    @Test func centeredCardLikeTheSeedExample() throws {
        let page = try LaidOut("""
        <html><body style="width:1200px;height:630px;margin:0;display:flex;align-items:center;justify-content:center">
        <div id=t style="width:400px;height:100px"></div></body></html>
        """, width: 1200, height: 630)
        #expect(page.frame("t") == Rect(x: 400, y: 265, width: 400, height: 100))
    }

    @Test func wrapMovesItemsToNewLines() throws {
        let page = try page("""
        <div style="display:flex;flex-wrap:wrap;width:250px;row-gap:10px"><div id=a style="width:100px;height:20px"></div>
        <div id=b style="width:100px;height:30px"></div><div id=c style="width:100px;height:20px"></div></div>
        """)
        #expect(page.frame("b")?.x == 100)
        #expect(page.frame("c")?.x == 0)
        #expect(page.frame("c")?.y == 40)
    }

    @Test func columnDirectionStacksAndGrows() throws {
        let page = try page("""
        <div style="display:flex;flex-direction:column;height:300px;width:200px"><div id=a style="height:50px"></div>
        <div id=b style="flex-grow:1"></div><div id=c style="height:50px;align-self:flex-end;width:20px"></div></div>
        """)
        #expect(page.frame("a")?.width == 200)
        #expect(page.frame("b")?.y == 50)
        #expect(page.frame("b")?.height == 200)
        #expect(page.frame("c")?.y == 250)
        #expect(page.frame("c")?.x == 180)
    }

    @Test func autoMarginPushesItemToTheEnd() throws {
        let page = try page("""
        <div style="display:flex;width:500px"><div id=a style="width:50px"></div><div id=b style="width:50px;margin-left:auto"></div></div>
        """)
        #expect(page.frame("b")?.x == 450)
    }

    @Test func textItemsGetContentWidths() throws {
        let page = try page("<div style='display:flex;width:900px'><span id=a>Hello</span><span id=b>World</span></div>")
        let a = try #require(page.frame("a"))
        let b = try #require(page.frame("b"))
        #expect(a.width > 0)
        #expect(b.x == a.width)
    }

    @Test func rowReverseMirrorsPositions() throws {
        let page = try page("<div style='display:flex;flex-direction:row-reverse;width:300px'><div id=a style='width:100px'></div></div>")
        #expect(page.frame("a")?.x == 200)
    }

    @Test func alignContentAndOrder() throws {
        let page = try page("""
        <div style="display:flex;flex-wrap:wrap;align-content:center;width:100px;height:100px">
        <div id=a style="width:60px;height:10px;order:2"></div><div id=b style="width:60px;height:20px"></div></div>
        """)
        // b comes first (order 0), lines of 20 and 10 centred in 100: start at 35.
        #expect(page.frame("b")?.y == 35)
        #expect(page.frame("a")?.y == 55)
    }

    @Test func singleLineEllipsisTruncatesTheUnwrappedLine() throws {
        let page = try page("<div style='white-space:nowrap;overflow:hidden;text-overflow:ellipsis;width:100px'>A long line of text</div>")
        let paragraph = try #require(page.scene.boxes.first { $0.kind == .paragraph })
        #expect(paragraph.paragraphStyle.ellipsis)
        #expect(paragraph.paragraphStyle.whiteSpace == .nowrap)
        #expect(paragraph.paragraphStyle.maxLines == nil)
        #expect(page.warnings.isEmpty)
    }

    @Test func seedCustomHTMLExampleCentresItsText() throws {
        let html = #"<!DOCTYPE html><html><body style="width:1200px;height:630px;display:flex;align-items:center;justify-content:center;background:#000;color:#fff;font-size:48px;font-family:sans-serif">Hello OGPipe</body></html>"#
        let page = try LaidOut(html, width: 1200, height: 630)
        let paragraph = try #require(page.scene.boxes.first { $0.kind == .paragraph })
        let item = page.scene.boxes[paragraph.parent]
        #expect(paragraph.spans.first?.text == "Hello OGPipe")
        #expect(paragraph.spans.first?.font.size == 48)
        // body keeps its 8px margin: the 1200×630 box starts at (8, 8).
        #expect(abs(item.frame.x + item.frame.width / 2 - 608) < 0.001)
        #expect(abs(item.frame.y + item.frame.height / 2 - 323) < 0.001)
    }
}
