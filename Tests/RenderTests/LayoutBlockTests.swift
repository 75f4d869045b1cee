import Testing
@testable import Render

struct LayoutBlockTests {
    @Test func bodyMarginAndBlockWidths() throws {
        let page = try LaidOut("<div id=a style='height:50px'></div><div id=b style='height:20px;width:100px;margin:0 auto'></div>")
        #expect(page.frame("a") == Rect(x: 8, y: 8, width: 784, height: 50))
        #expect(page.frame("b") == Rect(x: 350, y: 58, width: 100, height: 20))
    }

    @Test func siblingMarginsCollapse() throws {
        let page = try LaidOut("""
        <body style="margin:0"><div id=a style="height:10px;margin-bottom:30px"></div>
        <div id=b style="height:10px;margin-top:20px"></div></body>
        """)
        #expect(page.frame("a")?.y == 0)
        #expect(page.frame("b")?.y == 40)
    }

    @Test func firstChildMarginCollapsesThroughParent() throws {
        let page = try LaidOut("""
        <body style="margin:0"><div id=outer><div id=inner style="margin-top:25px;height:10px"></div></div></body>
        """)
        #expect(page.frame("outer")?.y == 25)
        #expect(page.frame("inner")?.y == 25)
        #expect(page.frame("outer")?.height == 10)
    }

    @Test func paddingStopsParentChildCollapsing() throws {
        let page = try LaidOut("""
        <body style="margin:0"><div id=outer style="padding-top:1px"><div id=inner style="margin-top:25px;height:10px"></div></div></body>
        """)
        #expect(page.frame("outer")?.y == 0)
        #expect(page.frame("inner")?.y == 26)
        #expect(page.frame("outer")?.height == 36)
    }

    @Test func headingMarginCollapsesWithBody() throws {
        // Chromium puts an h1's border box at y = 21.44 (its 0.67em margin beats body's 8px).
        let page = try LaidOut("<h1 id=h>Title</h1>")
        let frame = try #require(page.frame("h"))
        #expect(abs(frame.y - 21.44) < 0.001)
        #expect(frame.x == 8)
    }

    @Test func boxSizingAndPadding() throws {
        let page = try LaidOut("""
        <body style="margin:0"><div id=a style="width:200px;padding:10px;border:5px solid red"></div>
        <div id=b style="width:200px;padding:10px;border:5px solid red;box-sizing:border-box"></div></body>
        """)
        #expect(page.frame("a")?.width == 230)
        #expect(page.frame("b")?.width == 200)
        #expect(page.box("b")?.contentBox.width == 170)
    }

    @Test func percentAndCalcWidths() throws {
        let page = try LaidOut("""
        <body style="margin:0"><div style="width:400px"><div id=a style="width:50%;height:calc(10px + 5%)"></div>
        <div id=b style="width:calc(100% - 40px)"></div></div></body>
        """)
        #expect(page.frame("a")?.width == 200)
        #expect(page.frame("b")?.width == 360)
    }

    @Test func textParagraphHeightComesFromTextEngine() throws {
        let page = try LaidOut("<body style='margin:0'><p id=p style='margin:0;font-size:20px'>Hello <b>bold</b> world</p></body>")
        let box = try #require(page.box("p"))
        let paragraph = try #require(page.scene.boxes.first { $0.kind == .paragraph })
        #expect(paragraph.spans.map(\.text).joined() == "Hello bold world")
        #expect(paragraph.spans.contains { $0.font.weight == 700 && $0.text == "bold" })
        #expect(box.frame.height == paragraph.paragraph?.height)
        #expect(box.frame.height > 0)
    }

    @Test func whiteSpaceCollapsesAcrossSpans() throws {
        let page = try LaidOut("<div>  Hello   <span> big </span>\n world  </div>")
        let paragraph = try #require(page.scene.boxes.first { $0.kind == .paragraph })
        #expect(paragraph.spans.map(\.text).joined() == "Hello big world")
    }

    @Test func lineClampReachesTheTextEngine() throws {
        let page = try LaidOut("""
        <div style="display:-webkit-box;-webkit-box-orient:vertical;-webkit-line-clamp:3;overflow:hidden">A long title</div>
        """)
        let paragraph = try #require(page.scene.boxes.first { $0.kind == .paragraph })
        #expect(paragraph.paragraphStyle.maxLines == 3)
        #expect(!page.warnings.contains { $0.contains("-webkit-box") })
    }

    @Test func textTransformAndLetterSpacing() throws {
        let page = try LaidOut("<div style='text-transform:uppercase;letter-spacing:0.1em;font-size:20px'>api docs</div>")
        let paragraph = try #require(page.scene.boxes.first { $0.kind == .paragraph })
        #expect(paragraph.spans.first?.text == "API DOCS")
        #expect(paragraph.spans.first?.letterSpacing == 2)
    }

    @Test func inlineBlockGetsShrinkToFitWidth() throws {
        let page = try LaidOut("<div style='text-align:center;width:600px'><span id=pill style='display:inline-block;padding:0 10px'>Tag</span></div>")
        let frame = try #require(page.frame("pill"))
        #expect(frame.width < 600)
        #expect(frame.width > 20)
        #expect(abs((frame.x - 8) - (600 - frame.width) / 2) < 0.001)
    }

    @Test func inlineBlocksShareLinesAndWrap() throws {
        let page = try LaidOut("""
        <body style="margin:0"><div style="width:250px;font-size:10px;line-height:20px">
        <span id=a style="display:inline-block;width:100px;height:10px"></span>
        <span id=b style="display:inline-block;width:100px;height:10px"></span>
        <span id=c style="display:inline-block;width:100px;height:10px"></span></div><div id=after></div></body>
        """)
        let a = try #require(page.frame("a")), b = try #require(page.frame("b")), c = try #require(page.frame("c"))
        #expect(a.x == 0)
        #expect(b.y == a.y)
        #expect(b.x > a.maxX)
        #expect(c.x == 0)
        #expect(c.y > a.maxY)
        // Each line is at least the strut's 20px tall.
        #expect(page.frame("after")?.y ?? 0 >= 40)
    }

    @Test func emptyInlineBlocksSitOnTheBaselineWithTheirBottomMargin() throws {
        // Chromium: the 10px box with 5px margins ends its margin box on the baseline of the 30px box.
        let page = try LaidOut("""
        <body style="margin:0"><div style="width:400px"><span id=a style="display:inline-block;width:100px;height:30px"></span>
        <span id=b style="display:inline-block;width:150px;height:10px;margin:5px"></span></div></body>
        """)
        let a = try #require(page.frame("a")), b = try #require(page.frame("b"))
        #expect(b.y - a.y == 15)
    }

    @Test func lineBreaksKeepTheirNewline() throws {
        let page = try LaidOut("<p>first line <br>\n  second line</p>")
        let paragraph = try #require(page.scene.boxes.first { $0.kind == .paragraph })
        #expect(paragraph.spans.map(\.text).joined() == "first line\nsecond line")
        #expect(paragraph.paragraphStyle.whiteSpace == .preLine)
    }
}
