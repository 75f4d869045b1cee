import Foundation
import Testing
@testable import Render

struct RasterLayerTests {
    private typealias S = RasterTestSupport

    @Test func opacityAppliesToTheGroupNotEachShape() {
        let canvas = Canvas(width: 20, height: 10)
        canvas.pushLayer()
        canvas.fill(Rect(x: 0, y: 0, width: 15, height: 10), paint: .solid(S.red))
        canvas.fill(Rect(x: 5, y: 0, width: 15, height: 10), paint: .solid(S.blue))
        canvas.popLayer(LayerEffects(opacity: 0.5))
        // Where the shapes overlap only the top one shows, at half opacity: no red shows through.
        #expect(S.close(S.rgba(canvas, 10, 5), [0, 0, 128, 128], within: 1))
        #expect(S.close(S.rgba(canvas, 2, 5), [128, 0, 0, 128], within: 1))
        #expect(canvas.layers.isEmpty)
    }

    /// Layer buffers are reused: every effect path must leave them transparent for the next layer.
    @Test(arguments: [LayerEffects(), LayerEffects(blur: 2), LayerEffects(transform: .translation(12, 3)),
                      LayerEffects(dropShadows: [BoxShadowPaint(offsetX: 4, offsetY: 4, blur: 4, spread: 0, color: .black, inset: false)])])
    func reusedLayerStartsTransparent(effects: LayerEffects) {
        let canvas = Canvas(width: 40, height: 20)
        canvas.pushLayer()
        canvas.fill(Rect(x: 2, y: 2, width: 8, height: 8), paint: .solid(S.red))
        canvas.popLayer(effects)
        let first = canvas.pixels
        canvas.pushLayer()
        #expect(canvas.pixels.allSatisfy { $0 == 0 })
        canvas.popLayer(effects)
        #expect(canvas.pixels == first)
    }

    @Test func effectsReachPastTheContentButNoFurther() {
        let canvas = Canvas(width: 60, height: 60)
        canvas.pushLayer()
        canvas.fill(Rect(x: 20, y: 20, width: 10, height: 10), paint: .solid(S.red))
        canvas.popLayer(LayerEffects(dropShadows: [BoxShadowPaint(offsetX: 10, offsetY: 0, blur: 6, spread: 0, color: .black, inset: false)]))
        // The shadow's blur spreads beyond the content's own bounds, to the right of the offset copy.
        #expect(S.rgba(canvas, 42, 25)[3] > 0)
        #expect(S.rgba(canvas, 59, 25)[3] == 0)
        #expect(S.rgba(canvas, 25, 5)[3] == 0)
    }

    @Test func translationMovesPixelsExactly() {
        let canvas = Canvas(width: 20, height: 20)
        canvas.pushLayer()
        canvas.fill(Rect(x: 0, y: 0, width: 5, height: 5), paint: .solid(S.red))
        canvas.popLayer(LayerEffects(transform: .translation(10, 10)))
        #expect(S.rgba(canvas, 12, 12) == [255, 0, 0, 255])
        #expect(S.rgba(canvas, 2, 2) == [0, 0, 0, 0])
    }

    @Test func rotationTurnsClockwiseWithSoftEdges() {
        let canvas = Canvas(width: 40, height: 40)
        canvas.pushLayer()
        // A horizontal bar right of the centre…
        canvas.fill(Rect(x: 20, y: 18, width: 15, height: 4), paint: .solid(S.red))
        let quarter = AffineTransform.translation(20, 20).concatenating(.rotation(Double.pi / 2)).concatenating(.translation(-20, -20))
        canvas.popLayer(LayerEffects(transform: quarter))
        // …ends up below it after a clockwise quarter turn.
        #expect(canvas.pixel(x: 20, y: 30).alpha > 200)
        #expect(canvas.pixel(x: 30, y: 20).alpha == 0)
        let tilted = Canvas(width: 40, height: 40)
        tilted.pushLayer()
        tilted.fill(Rect(x: 10, y: 10, width: 20, height: 20), paint: .solid(S.red))
        tilted.popLayer(LayerEffects(transform: AffineTransform.translation(20, 20).concatenating(.rotation(0.3)).concatenating(.translation(-20, -20))))
        let partial = (0..<40).flatMap { y in (0..<40).map { x in tilted.pixel(x: x, y: y).alpha } }.filter { $0 > 0 && $0 < 255 }
        #expect(partial.count > 20, "rotated edges are anti-aliased")
    }

    @Test func singularTransformDrawsNothing() {
        let canvas = Canvas(width: 10, height: 10)
        canvas.pushLayer()
        canvas.fill(Rect(x: 0, y: 0, width: 10, height: 10), paint: .solid(S.red))
        canvas.popLayer(LayerEffects(transform: .scale(0, 1)))
        #expect(S.rgba(canvas, 5, 5) == [0, 0, 0, 0])
    }

    @Test func blurAndDropShadow() {
        let canvas = Canvas(width: 40, height: 40)
        canvas.pushLayer()
        canvas.fill(Rect(x: 10, y: 10, width: 10, height: 10), paint: .solid(.black))
        let shadow = BoxShadowPaint(offsetX: 10, offsetY: 10, blur: 0, spread: 0, color: S.red, inset: false)
        canvas.popLayer(LayerEffects(dropShadows: [shadow]))
        #expect(S.rgba(canvas, 25, 25) == [255, 0, 0, 255])
        #expect(S.rgba(canvas, 15, 15) == [0, 0, 0, 255])
        let blurred = Canvas(width: 40, height: 40)
        blurred.pushLayer()
        blurred.fill(Rect(x: 10, y: 10, width: 10, height: 10), paint: .solid(.black))
        blurred.popLayer(LayerEffects(blur: 3))
        #expect(blurred.pixel(x: 8, y: 15).alpha > 0 && blurred.pixel(x: 15, y: 15).alpha < 255)
    }

    @Test func multiplyDarkens() {
        let canvas = Canvas(width: 4, height: 4)
        canvas.fill(Rect(x: 0, y: 0, width: 4, height: 4), paint: .solid(Color(red: 1, green: 1, blue: 0)))
        canvas.pushLayer()
        canvas.fill(Rect(x: 0, y: 0, width: 4, height: 4), paint: .solid(Color(red: 0, green: 1, blue: 1)))
        canvas.popLayer(LayerEffects(blendMode: .multiply))
        #expect(S.rgba(canvas, 1, 1) == [0, 255, 0, 255])
    }
}
