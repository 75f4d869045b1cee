import Foundation
import Testing
@testable import Render

struct PathStrokeTests {
    typealias S = RasterTestSupport

    static func line(_ points: [(Double, Double)], closed: Bool = false) -> Path {
        var path = Path()
        path.move(to: Point(x: points[0].0, y: points[0].1))
        for point in points.dropFirst() { path.line(to: Point(x: point.0, y: point.1)) }
        if closed { path.close() }
        return path
    }

    @Test(arguments: [(PathStrokeStyle.LineCap.butt, 0.0), (.square, 2.0)])
    func horizontalLineStrokeEqualsARectangle(cap: PathStrokeStyle.LineCap, extension: Double) {
        let stroked = Canvas(width: 32, height: 20)
        stroked.stroke(PathStrokeTests.line([(5.5, 10.25), (25.75, 10.25)]), style: PathStrokeStyle(width: 4, lineCap: cap), color: S.blue)
        let filled = Canvas(width: 32, height: 20)
        filled.fill(Rect(x: 5.5 - `extension`, y: 8.25, width: 20.25 + 2 * `extension`, height: 4), paint: .solid(S.blue))
        for y in 0..<20 {
            for x in 0..<32 {
                #expect(S.close(S.rgba(stroked, x, y), S.rgba(filled, x, y), within: 1), "pixel \(x),\(y)")
            }
        }
    }

    @Test func roundCapsAddHalfDiscs() {
        let canvas = Canvas(width: 40, height: 20)
        canvas.stroke(PathStrokeTests.line([(10, 10), (30, 10)]), style: PathStrokeStyle(width: 6, lineCap: .round), color: .white)
        let exact: Double = 20 * 6 + Double.pi * 9
        #expect(abs(PathFillTests.coveredArea(canvas) - exact) < exact * 0.005)
        #expect(S.rgba(canvas, 8, 10)[3] == 255)
        #expect(S.rgba(canvas, 7, 7)[3] < 64)
    }

    @Test func zeroLengthSubpathWithRoundCapIsADot() {
        let canvas = Canvas(width: 20, height: 20)
        var path = Path()
        path.move(to: Point(x: 10, y: 10))
        path.line(to: Point(x: 10, y: 10))
        canvas.stroke(path, style: PathStrokeStyle(width: 8, lineCap: .round), color: .white)
        #expect(abs(PathFillTests.coveredArea(canvas) - Double.pi * 16) < 0.3)
        let butt = Canvas(width: 20, height: 20)
        butt.stroke(path, style: PathStrokeStyle(width: 8, lineCap: .butt), color: .white)
        #expect(PathFillTests.coveredArea(butt) == 0)
    }

    /// An L-shaped corner at (20, 20) turning from rightwards to downwards, stroked 8 wide.
    static func corner(_ join: PathStrokeStyle.LineJoin, miterLimit: Double = 4) -> Canvas {
        let canvas = Canvas(width: 40, height: 40)
        let style = PathStrokeStyle(width: 8, lineCap: .butt, lineJoin: join, miterLimit: miterLimit)
        canvas.stroke(PathStrokeTests.line([(4, 20), (20, 20), (20, 36)]), style: style, color: .white)
        return canvas
    }

    @Test func joinsFillTheOuterCorner() {
        let miter = PathStrokeTests.corner(.miter)
        let round = PathStrokeTests.corner(.round)
        let bevel = PathStrokeTests.corner(.bevel)
        // Without a join the outer 4×4 square of the corner would be empty: the miter fills it all,
        // the bevel half of it, the round join a quarter disc.
        let base: Double = 16 * 8 + 16 * 8 - 16
        #expect(abs(PathFillTests.coveredArea(miter) - (base + 16)) < 0.2)
        #expect(abs(PathFillTests.coveredArea(bevel) - (base + 8)) < 0.2)
        #expect(abs(PathFillTests.coveredArea(round) - (base + 4 * Double.pi)) < 0.2)
        #expect(S.rgba(miter, 23, 16)[3] == 255)
        #expect(S.rgba(bevel, 23, 16)[3] == 0)
        #expect(S.rgba(round, 23, 16)[3] < S.rgba(miter, 23, 16)[3])
        // A right angle's miter is √2 stroke widths long: a lower limit turns it into a bevel.
        #expect(PathStrokeTests.corner(.miter, miterLimit: 1.4).pixels == bevel.pixels)
        #expect(PathStrokeTests.corner(.miter, miterLimit: 1.5).pixels == miter.pixels)
    }

    @Test func closedSquareOutlineHasNoCapsAndAHole() {
        let canvas = Canvas(width: 40, height: 40)
        let square = PathStrokeTests.line([(10, 10), (30, 10), (30, 30), (10, 30)], closed: true)
        canvas.stroke(square, style: PathStrokeStyle(width: 2, lineCap: .square), color: .white)
        #expect(abs(PathFillTests.coveredArea(canvas) - (22 * 22 - 18 * 18)) < 0.1)
        #expect(S.rgba(canvas, 20, 20)[3] == 0)
        #expect(S.rgba(canvas, 9, 9)[3] == 255)
        // Overlapping pieces are painted once: a translucent stroke has one alpha everywhere.
        let translucent = Canvas(width: 40, height: 40)
        translucent.stroke(square, style: PathStrokeStyle(width: 2), color: .white, opacity: 0.5)
        #expect(S.rgba(translucent, 9, 9)[3] == S.rgba(translucent, 20, 10)[3])
    }

    @Test func strokeFollowsANonUniformTransform() {
        let canvas = Canvas(width: 60, height: 30)
        canvas.stroke(PathStrokeTests.line([(5, 5), (25, 5)]), style: PathStrokeStyle(width: 2),
                      transform: .scale(2, 3), color: .white)
        // The user-space 20×2 stroke becomes 40×6 pixels.
        #expect(abs(PathFillTests.coveredArea(canvas) - 240) < 0.2)
        #expect(S.rgba(canvas, 30, 12)[3] == 255)
        #expect(S.rgba(canvas, 30, 18)[3] == 0)
    }

    @Test func curvedStrokeHasTheExpectedArea() {
        // A circle of radius 15 stroked 4 wide: the ring between radii 13 and 17.
        var path = Path()
        path.addEllipse(center: Point(x: 25, y: 25), radiusX: 15, radiusY: 15)
        for join in [PathStrokeStyle.LineJoin.miter, .round, .bevel] {
            let canvas = Canvas(width: 50, height: 50)
            canvas.stroke(path, style: PathStrokeStyle(width: 4, lineJoin: join), color: .white)
            let exact: Double = Double.pi * (17 * 17 - 13 * 13)
            #expect(abs(PathFillTests.coveredArea(canvas) - exact) < exact * 0.01, "\(join)")
            #expect(S.rgba(canvas, 25, 25)[3] == 0)
            #expect(S.rgba(canvas, 25, 10)[3] == 255)
        }
    }
}
