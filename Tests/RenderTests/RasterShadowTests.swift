import Testing
@testable import Render

struct RasterShadowTests {
    private typealias S = RasterTestSupport

    @Test(arguments: [0.5, 1.0, 2.5, 6.0, 15.0])
    func threeBoxesHaveTheGaussianVariance(sigma: Double) {
        let widths = AlphaMask.boxWidths(sigma: sigma)
        #expect(widths.count == 3)
        #expect(widths.allSatisfy { $0 % 2 == 1 })
        let variance = widths.map { Double($0 * $0 - 1) / 12 }.reduce(0, +)
        // Odd widths only step the variance in coarse increments for small sigmas.
        #expect(abs(variance - sigma * sigma) <= Swift.max(0.7, 0.1 * sigma * sigma))
    }

    @Test func blurKeepsTheMassAndSpreadsIt() {
        var mask = AlphaMask(originX: 0, originY: 0, width: 41, height: 41)
        mask.values[20 * 41 + 20] = 1
        mask.blur(sigma: 3)
        let total = mask.values.reduce(0, +)
        #expect(abs(total - 1) < 0.01)
        #expect(mask.values[20 * 41 + 20] < 0.05)
        #expect(mask.values[20 * 41 + 23] > 0.004)
        #expect(mask.values[20 * 41 + 20] > mask.values[20 * 41 + 23])
        #expect(mask.values[0] == 0)
    }

    @Test func hardOuterShadowIsTheOffsetShapeOutsideTheBox() {
        let canvas = Canvas(width: 60, height: 60)
        let shadow = BoxShadowPaint(offsetX: 10, offsetY: 10, blur: 0, spread: 0, color: S.blue, inset: false)
        let box = Rect(x: 10, y: 10, width: 20, height: 20)
        canvas.drawBoxShadow(shadow, border: box, radii: .zero, padding: box, paddingRadii: .zero)
        #expect(S.rgba(canvas, 35, 35) == [0, 0, 255, 255])
        #expect(S.rgba(canvas, 25, 35) == [0, 0, 255, 255])
        // Under the box itself nothing is drawn: the box's own background goes there.
        #expect(S.rgba(canvas, 25, 25) == [0, 0, 0, 0])
        #expect(S.rgba(canvas, 45, 45) == [0, 0, 0, 0])
    }

    @Test func spreadGrowsTheShadowAndBlurSoftensItsEdge() {
        let canvas = Canvas(width: 100, height: 100)
        let shadow = BoxShadowPaint(offsetX: 0, offsetY: 0, blur: 10, spread: 5, color: S.red, inset: false)
        let box = Rect(x: 30, y: 30, width: 40, height: 40)
        canvas.drawBoxShadow(shadow, border: box, radii: CornerRadii(all: 8), padding: box, paddingRadii: CornerRadii(all: 8))
        let atSpreadEdge = canvas.pixel(x: 24, y: 50).alpha
        #expect(atSpreadEdge > 100 && atSpreadEdge < 160, "half coverage where the spread shape ends")
        #expect(canvas.pixel(x: 28, y: 50).alpha > atSpreadEdge)
        #expect(canvas.pixel(x: 20, y: 50).alpha < atSpreadEdge)
        #expect(canvas.pixel(x: 12, y: 50).alpha == 0)
        #expect(canvas.pixel(x: 50, y: 50).alpha == 0)
    }

    @Test func insetShadowDarkensTheInsideEdges() {
        let canvas = Canvas(width: 60, height: 60)
        let shadow = BoxShadowPaint(offsetX: 0, offsetY: 0, blur: 8, spread: 0, color: .black, inset: true)
        let box = Rect(x: 10, y: 10, width: 40, height: 40)
        canvas.drawBoxShadow(shadow, border: box, radii: .zero, padding: box, paddingRadii: .zero)
        #expect(canvas.pixel(x: 5, y: 30).alpha == 0)
        let edge = canvas.pixel(x: 10, y: 30).alpha
        #expect(edge > 100 && edge < 160)
        #expect(canvas.pixel(x: 30, y: 30).alpha < 5)
        #expect(canvas.pixel(x: 10, y: 10).alpha > edge, "corners get shadow from two sides")
    }

    @Test func spreadRadiusKeepsSquareCornersSquare() {
        #expect(BoxShadowPaint.spreadRadius(0, by: 10) == 0)
        #expect(BoxShadowPaint.spreadRadius(20, by: 10) == 30)
        #expect(BoxShadowPaint.spreadRadius(20, by: -30) == 0)
        let small = BoxShadowPaint.spreadRadius(2, by: 10)
        #expect(small > 2 && small < 12)
    }
}
