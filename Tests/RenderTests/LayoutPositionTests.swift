import Testing
@testable import Render

struct LayoutPositionTests {
    @Test func absoluteInsideRelativeAncestor() throws {
        let page = try LaidOut("""
        <body style="margin:0"><div style="height:100px"></div>
        <div id=card style="position:relative;margin-left:50px;width:400px;height:300px">
        <div><div id=badge style="position:absolute;right:10px;bottom:20px;width:30px;height:40px"></div></div></div></body>
        """)
        #expect(page.frame("card") == Rect(x: 50, y: 100, width: 400, height: 300))
        #expect(page.frame("badge") == Rect(x: 410, y: 340, width: 30, height: 40))
    }

    @Test func absoluteWidthFromLeftAndRight() throws {
        let page = try LaidOut("<div id=a style='position:absolute;left:10px;right:30px;top:5px;height:10px'></div>", width: 500)
        #expect(page.frame("a") == Rect(x: 10, y: 5, width: 460, height: 10))
    }

    @Test func absoluteWithoutPositionedAncestorUsesViewport() throws {
        let page = try LaidOut("<div style='margin:40px'><div id=a style='position:absolute;bottom:0;left:0;width:10px;height:10px'></div></div>", width: 300, height: 200)
        #expect(page.frame("a") == Rect(x: 0, y: 190, width: 10, height: 10))
    }

    @Test func absoluteCenteredWithAutoMargins() throws {
        let page = try LaidOut("<div id=a style='position:absolute;inset:0;margin:auto;width:100px;height:50px'></div>", width: 300, height: 200)
        #expect(page.frame("a") == Rect(x: 100, y: 75, width: 100, height: 50))
    }

    @Test func absoluteBoxesDoNotTakeSpaceInFlow() throws {
        let page = try LaidOut("<body style='margin:0'><div style='position:absolute;height:100px;width:10px'></div><div id=b style='height:5px'></div></body>")
        #expect(page.frame("b")?.y == 0)
    }

    @Test func relativeOffsetsMoveTheBox() throws {
        let page = try LaidOut("<body style='margin:0'><div id=a style='position:relative;top:10px;left:-5px;height:10px'></div><div id=b style='height:5px'></div></body>")
        #expect(page.frame("a")?.y == 10)
        #expect(page.frame("a")?.x == -5)
        #expect(page.frame("b")?.y == 10)
    }

    @Test func autoInsetsUseTheStaticPosition() throws {
        // Values checked against Chromium: the box sits where it would have been in flow.
        let page = try LaidOut("""
        <body style="margin:0"><div style="position:relative;padding:10px"><div style="height:7px"></div>
        <div id=a style="position:absolute;width:10px;height:10px"></div></div></body>
        """)
        #expect(page.frame("a") == Rect(x: 10, y: 17, width: 10, height: 10))
    }
}
