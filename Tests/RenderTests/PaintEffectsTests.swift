import Foundation
import Testing
@testable import Render

struct PaintEffectsTests {
    private let context = LengthContext(fontSize: 10, rootFontSize: 16, viewportWidth: 1000, viewportHeight: 500)

    @Test func transformsParseAndCompose() throws {
        let value = try #require(TransformValue.parse(CSSComponent.parse("translate(10px, 50%) rotate(90deg) scale(2)"), context: context))
        #expect(value.functions.count == 3)
        let box = Rect(x: 0, y: 0, width: 100, height: 40)
        let matrix = value.matrix(box: box, origin: Point(x: 0, y: 0))
        let moved = matrix.apply(Point(x: 1, y: 0))
        // Scale, then rotate a quarter turn clockwise, then translate by (10, 20).
        #expect(abs(moved.x - 10) < 1e-9 && abs(moved.y - 22) < 1e-9)
        #expect(TransformValue.parse(CSSComponent.parse("none"), context: context)?.functions.isEmpty == true)
        #expect(TransformValue.parse(CSSComponent.parse("rotate3d(1, 0, 0, 10deg)"), context: context) == nil)
        #expect(TransformValue.parse(CSSComponent.parse("translate(1px, 2px, 3px)"), context: context) == nil)
    }

    @Test func originIsTheFixedPoint() throws {
        let value = try #require(TransformValue.parse(CSSComponent.parse("rotate(45deg) scale(3)"), context: context))
        let origin = Point(x: 30, y: 40)
        let fixed = value.matrix(box: Rect(x: 0, y: 0, width: 60, height: 80), origin: origin).apply(origin)
        #expect(abs(fixed.x - 30) < 1e-9 && abs(fixed.y - 40) < 1e-9)
        #expect(AffineTransform.rotation(0.7).concatenating(.rotation(0.7).inverted!) .apply(Point(x: 3, y: 4)).x - 3 < 1e-9)
    }

    @Test func filtersParse() throws {
        let filter = try #require(FilterValue.parse(CSSComponent.parse("blur(3px) drop-shadow(2px 4px 6px red) opacity(50%)"), context: context))
        #expect(filter.blur == 3 && filter.opacity == 0.5 && filter.dropShadows.count == 1 && filter.dropShadows[0].blur == 6)
        #expect(FilterValue.parse(CSSComponent.parse("grayscale(1)"), context: context) == nil)
        #expect(FilterValue.parse(CSSComponent.parse("blur(-1px)"), context: context) == nil)
        #expect(FilterValue.parse(CSSComponent.parse("none"), context: context)?.isNone == true)
    }

    @Test func positionedBoxesWithEffectsPaintThroughALayer() throws {
        let html = "<div style='position:absolute;left:0;top:0;width:20px;height:20px;background:red;transform:rotate(10deg)'></div>"
        let page = try LaidOut(html, width: 50, height: 50)
        var painter = Painter(boxes: page.scene.boxes, width: 50, height: 50)
        painter.paint()
        let items = painter.output.items
        let begin = try #require(items.firstIndex { if case .beginLayer = $0 { return true } else { return false } })
        let end = try #require(items.firstIndex { if case .endLayer = $0 { return true } else { return false } })
        #expect(begin < end)
        let fillInside = items[begin..<end].contains { if case .fill(_, _, .solid) = $0 { return true } else { return false } }
        #expect(fillInside)
        let output = try LaidOut.renderer.render(html: html, width: 50, height: 50, encoding: .png)
        #expect(output.warnings.isEmpty)
    }

    /// The layer effects a box's `filter` and `transform` give.
    private func effects(_ style: String) throws -> LayerEffects {
        let html = "<div style='position:absolute;left:0;top:0;width:20px;height:20px;background:red;\(style)'></div>"
        var painter = Painter(boxes: try LaidOut(html, width: 50, height: 50).scene.boxes, width: 50, height: 50)
        painter.paint()
        let found: LayerEffects? = painter.output.items.lazy.compactMap { if case .endLayer(let effects) = $0 { return effects } else { return nil } }.first
        return try #require(found)
    }

    /// drop-shadow()'s blur length is a standard deviation, where the raster's shadows take a blur
    /// radius (twice the deviation, as box-shadow's); Chromium draws drop-shadow(… 10px) with σ 10.
    @Test func dropShadowBlurIsAStandardDeviation() throws {
        let shadow = try #require(try effects("filter:drop-shadow(3px 4px 6px black)").dropShadows.first)
        #expect(shadow.blur == 12 && shadow.offsetX == 3 && shadow.offsetY == 4)
    }

    /// Filters act before the transform, so a scaled, rotated box's blur and shadow offset scale and
    /// turn with it.
    @Test func filterLengthsFollowTheTransform() throws {
        let turned = try effects("filter:blur(4px) drop-shadow(10px 0 5px black);transform:rotate(90deg) scale(0.5)")
        #expect(abs(turned.blur - 2) < 1e-9)
        let shadow = try #require(turned.dropShadows.first)
        #expect(abs(shadow.blur - 5) < 1e-9)
        // A quarter turn clockwise takes +x to +y.
        #expect(abs(shadow.offsetX) < 1e-9 && abs(shadow.offsetY - 5) < 1e-9)
    }
}
