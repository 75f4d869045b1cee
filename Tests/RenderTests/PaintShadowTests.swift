import Testing
@testable import Render

struct PaintShadowTests {
    private func parse(_ value: String, text: Bool = false) -> [ShadowValue]? {
        let context = LengthContext(fontSize: 10, rootFontSize: 16, viewportWidth: 1000, viewportHeight: 500)
        return ShadowValue.parseList(CSSComponent.parse(value), context: context, allowInsetAndSpread: !text)
    }

    @Test func boxShadowListsParse() throws {
        let shadows = try #require(parse("0 10px 30px rgba(0,0,0,.5), inset 1em 2px #fff, 3px 4px 5px 6px red"))
        #expect(shadows.count == 3)
        #expect(shadows[0].offsetY == 10 && shadows[0].blur == 30 && !shadows[0].inset)
        #expect(shadows[1].inset && shadows[1].offsetX == 10 && shadows[1].color == .color(.white))
        #expect(shadows[2].spread == 6)
        #expect(parse("none") == [])
        #expect(parse("2px 2px")?.first?.color == .currentColor)
        #expect(parse("red 2px 2px inset")?.first?.inset == true)
    }

    @Test(arguments: ["1px", "1px 2px 3px 4px 5px", "1px 2px -3px", "inset inset 1px 1px", "1px 2px red blue", "10% 2px", "1px red 2px"])
    func invalidBoxShadowsAreRejected(value: String) {
        #expect(parse(value) == nil)
    }

    @Test func textShadowHasNoSpreadOrInset() {
        #expect(parse("1px 2px 3px red", text: true)?.first?.blur == 3)
        #expect(parse("1px 2px 3px 4px", text: true) == nil)
        #expect(parse("inset 1px 2px", text: true) == nil)
    }

    @Test func boxShadowsAreRecordedAroundTheBackground() throws {
        let html = "<div style='width:50px;height:50px;background:red;box-shadow:inset 0 0 4px blue, 3px 3px black'></div>"
        let page = try LaidOut(html, width: 100, height: 100)
        var painter = Painter(boxes: page.scene.boxes, width: 100, height: 100)
        painter.paint()
        let kinds: [String] = painter.output.items.compactMap { item in
            switch item {
            case .boxShadow(let shadow, _, _, _, _): return shadow.inset ? "inset" : "outer"
            case .fill(_, _, .solid(let color)) where color == Color(red: 1, green: 0, blue: 0): return "background"
            default: return nil
            }
        }
        #expect(kinds == ["outer", "background", "inset"])
    }

    @Test func textShadowIsInheritedAndDrawnUnderTheText() throws {
        let html = "<div style='text-shadow: 2px 2px 0 red; font-size: 40px; color: white'><p>Hi</p></div>"
        let output = try LaidOut.renderer.render(html: html, width: 200, height: 120, encoding: .png)
        #expect(output.warnings.isEmpty)
        let page = try LaidOut(html, width: 200, height: 120)
        var painter = Painter(boxes: page.scene.boxes, width: 200, height: 120)
        painter.paint()
        let order: [String] = painter.output.items.compactMap { item in
            switch item {
            case .textShadow: return "shadow"
            case .text: return "text"
            default: return nil
            }
        }
        #expect(order == ["shadow", "text"])
    }
}
