import Foundation
import Testing
@testable import Render

struct PathFillTests {
    typealias S = RasterTestSupport

    /// The painted area in pixels: alpha summed over the canvas.
    static func coveredArea(_ canvas: Canvas) -> Double {
        var sum: Double = 0
        for y in 0..<canvas.height {
            for x in 0..<canvas.width { sum += Double(canvas.pixel(x: x, y: y).alpha) / 255 }
        }
        return sum
    }

    static func polygon(_ points: [(Double, Double)]) -> Path {
        var path = Path()
        path.move(to: Point(x: points[0].0, y: points[0].1))
        for point in points.dropFirst() { path.line(to: Point(x: point.0, y: point.1)) }
        path.close()
        return path
    }

    @Test func triangleCoversItsArea() {
        let canvas = Canvas(width: 40, height: 40)
        canvas.fill(PathFillTests.polygon([(2.3, 2.7), (35.6, 6.1), (11.2, 33.9)]), color: .white)
        let exact: Double = abs((35.6 - 2.3) * (33.9 - 2.7) - (11.2 - 2.3) * (6.1 - 2.7)) / 2
        #expect(abs(PathFillTests.coveredArea(canvas) - exact) < exact * 0.002)
        #expect(S.rgba(canvas, 12, 12) == [255, 255, 255, 255])
        #expect(S.rgba(canvas, 35, 35) == [0, 0, 0, 0])
    }

    @Test func circleOfCubicsCoversPiRSquared() {
        let canvas = Canvas(width: 60, height: 60)
        var path = Path()
        path.addEllipse(center: Point(x: 29.3, y: 30.6), radiusX: 21.5, radiusY: 21.5)
        canvas.fill(path, color: .white)
        let exact: Double = Double.pi * 21.5 * 21.5
        #expect(abs(PathFillTests.coveredArea(canvas) - exact) < exact * 0.003)
        // Edge pixels match the true circle's area closely, not just the total.
        for (x, y) in [(8, 30), (29, 9), (44, 15), (15, 45), (50, 31)] {
            let expected = S.circleCoverage(x: x, y: y, centreX: 29.3, centreY: 30.6, radius: 21.5) * 255
            #expect(abs(Double(S.rgba(canvas, x, y)[3]) - expected) <= 12, "pixel \(x),\(y)")
        }
    }

    @Test func rectangleAtFractionalPositionsMatchesTheRectFill() {
        let rect = Rect(x: 3.3, y: 2.6, width: 14.5, height: 8.55)
        let viaPath = Canvas(width: 24, height: 16)
        var path = Path()
        path.addRect(rect)
        viaPath.fill(path, color: S.red)
        let viaRect = Canvas(width: 24, height: 16)
        viaRect.fill(rect, paint: .solid(S.red))
        #expect(abs(PathFillTests.coveredArea(viaPath) - rect.width * rect.height) < 0.05)
        for y in 0..<16 {
            for x in 0..<24 {
                // The rectangle fill is exact; sixteen sample lines per row leave at most 1/32 of a
                // pixel of vertical error on the two fractional rows.
                #expect(S.close(S.rgba(viaPath, x, y), S.rgba(viaRect, x, y), within: 9), "pixel \(x),\(y)")
            }
        }
        #expect(S.rgba(viaPath, 10, 6) == [255, 0, 0, 255])
        #expect((168...190).contains(S.rgba(viaPath, 3, 6)[3]))
    }

    /// A five-pointed star drawn as one self-crossing polygon.
    static func star(center: Point, radius: Double) -> Path {
        let points: [(Double, Double)] = (0..<5).map { index in
            let angle: Double = -Double.pi / 2 + Double(index * 2) * 2 * Double.pi / 5
            return (center.x + radius * cos(angle), center.y + radius * sin(angle))
        }
        return polygon(points)
    }

    @Test func selfCrossingStarFollowsTheFillRule() {
        let star: Path = PathFillTests.star(center: Point(x: 30, y: 30), radius: 28)
        let nonZero = Canvas(width: 60, height: 60)
        nonZero.fill(star, rule: .nonZero, color: .white)
        let evenOdd = Canvas(width: 60, height: 60)
        evenOdd.fill(star, rule: .evenOdd, color: .white)
        // The pentagon in the middle winds twice: filled by nonzero, a hole for even-odd.
        #expect(S.rgba(nonZero, 30, 31)[3] == 255)
        #expect(S.rgba(evenOdd, 30, 31)[3] == 0)
        // The points wind once and are filled either way.
        #expect(S.rgba(nonZero, 30, 6)[3] == 255)
        #expect(S.rgba(evenOdd, 30, 6)[3] == 255)
        // The difference is the inner pentagon: area of the star minus its points.
        let pentagonRadius: Double = 28 * cos(2 * Double.pi / 5) / cos(Double.pi / 5)
        let pentagonArea: Double = 2.5 * pentagonRadius * pentagonRadius * sin(2 * Double.pi / 5)
        let difference: Double = PathFillTests.coveredArea(nonZero) - PathFillTests.coveredArea(evenOdd)
        #expect(abs(difference - pentagonArea) < pentagonArea * 0.01)
    }

    @Test func oppositeWindingCutsAHoleUnderNonZero() {
        var path = Path()
        path.addRect(Rect(x: 2, y: 2, width: 16, height: 16))
        // Counter-clockwise inner square: winding 0 inside it.
        path.append(PathFillTests.polygon([(6, 6), (6, 14), (14, 14), (14, 6)]))
        let canvas = Canvas(width: 20, height: 20)
        canvas.fill(path, color: .white)
        #expect(S.rgba(canvas, 10, 10)[3] == 0)
        #expect(S.rgba(canvas, 3, 10)[3] == 255)
        #expect(abs(PathFillTests.coveredArea(canvas) - (256 - 64)) < 0.01)
    }

    @Test func transformScalesTheFilledArea() {
        let canvas = Canvas(width: 50, height: 50)
        var path = Path()
        path.addRect(Rect(x: 1, y: 1, width: 5, height: 3))
        let transform = AffineTransform.translation(10, 10).concatenating(.rotation(0.3)).concatenating(.scale(3, 2))
        canvas.fill(path, transform: transform, color: .white)
        #expect(abs(PathFillTests.coveredArea(canvas) - 15 * 6) < 0.5)
    }

    @Test func fillStaysInsideTheClip() {
        let canvas = Canvas(width: 30, height: 30)
        canvas.pushClip(Rect(x: 10, y: 10, width: 10, height: 10), radii: CornerRadii(all: 3))
        var path = Path()
        path.addEllipse(center: Point(x: 15, y: 15), radiusX: 14, radiusY: 14)
        canvas.fill(path, color: .white)
        canvas.popClip()
        #expect(S.rgba(canvas, 9, 15)[3] == 0)
        #expect(S.rgba(canvas, 20, 15)[3] == 0)
        #expect(S.rgba(canvas, 15, 15)[3] == 255)
        // The rounded clip corner is anti-aliased, not square.
        #expect(S.rgba(canvas, 10, 10)[3] < 128)

        let square = Canvas(width: 30, height: 30)
        square.pushClip(Rect(x: 10.5, y: 10, width: 10, height: 10))
        square.fill(path, color: .white)
        #expect((127...128).contains(S.rgba(square, 10, 15)[3]))
        #expect(abs(PathFillTests.coveredArea(square) - 100) < 0.05)
    }

    @Test func opacityScalesTheColor() {
        let canvas = Canvas(width: 10, height: 10)
        var path = Path()
        path.addRect(Rect(x: 0, y: 0, width: 10, height: 10))
        canvas.fill(path, color: S.red, opacity: 0.5)
        #expect(S.close(S.rgba(canvas, 5, 5), [128, 0, 0, 128], within: 1))
    }

    @Test func hugeAndFarAwayCoordinatesAreSafe() {
        let canvas = Canvas(width: 10, height: 10)
        // Entirely outside: nothing drawn.
        canvas.fill(PathFillTests.polygon([(-500, -500), (-100, -500), (-300, -100)]), color: .white)
        canvas.fill(PathFillTests.polygon([(1e300, 5), (2e300, 5), (1.5e300, 1e300)]), color: .white)
        #expect(PathFillTests.coveredArea(canvas) == 0)
        // A rectangle far larger than the canvas covers all of it.
        var huge = Path()
        huge.addRect(Rect(x: -1e200, y: -1e200, width: 2e200, height: 2e200))
        canvas.fill(huge, color: .white)
        #expect(PathFillTests.coveredArea(canvas) == 100)
        // A curve with enormous control points is cut into a bounded number of chords.
        var curve = Path()
        curve.move(to: Point(x: 0, y: 0))
        curve.cubic(to: Point(x: 10, y: 10), control1: Point(x: 1e150, y: -1e150), control2: Point(x: -1e150, y: 1e150))
        let points = curve.flattened(tolerance: 0.1).reduce(0) { $0 + $1.points.count }
        #expect(points <= Path.maximumSegmentsPerCurve + 1)
        Canvas(width: 10, height: 10).fill(curve, color: .white)
        Canvas(width: 10, height: 10).stroke(curve, style: PathStrokeStyle(width: 2), color: .white)
    }

    @Test func nonFinitePointsAreIgnored() {
        var clean = PathFillTests.polygon([(1, 1), (9, 1), (9, 9)])
        var dirty = Path()
        dirty.move(to: Point(x: .nan, y: 0))
        dirty.move(to: Point(x: 1, y: 1))
        dirty.line(to: Point(x: .infinity, y: 4))
        dirty.line(to: Point(x: 9, y: 1))
        dirty.quad(to: Point(x: 3, y: 3), control: Point(x: 2, y: -.infinity))
        dirty.cubic(to: Point(x: .nan, y: .nan), control1: Point(x: 1, y: 1), control2: Point(x: 2, y: 2))
        dirty.line(to: Point(x: 9, y: 9))
        dirty.close()
        #expect(dirty == clean)
        let a = Canvas(width: 10, height: 10)
        a.fill(dirty, color: .white)
        let b = Canvas(width: 10, height: 10)
        b.fill(clean, color: .white)
        #expect(a.pixels == b.pixels)
        // A transform that produces NaN draws nothing rather than garbage.
        let nan = AffineTransform(a: .nan, b: 0, c: 0, d: 1, tx: 0, ty: 0)
        clean = clean.transformed(by: nan)
        #expect(clean.isEmpty)
        let c = Canvas(width: 10, height: 10)
        c.fill(PathFillTests.polygon([(1, 1), (9, 1), (9, 9)]), transform: nan, color: .white)
        c.stroke(PathFillTests.polygon([(1, 1), (9, 1), (9, 9)]), style: PathStrokeStyle(width: .nan), color: .white)
        #expect(PathFillTests.coveredArea(c) == 0)
    }

    @Test func flatteningStaysWithinTolerance() {
        var path = Path()
        path.addEllipse(center: Point(x: 0, y: 0), radiusX: 100, radiusY: 100)
        for tolerance in [0.5, 0.1, 0.02] {
            let points: [Point] = path.flattened(tolerance: tolerance)[0].points
            for index in 1..<points.count {
                let a: Point = points[index - 1], b: Point = points[index]
                let middle = Point(x: (a.x + b.x) / 2, y: (a.y + b.y) / 2)
                // The chord's middle is the farthest point from the arc; the arc itself is within
                // 0.03% of the radius of the true circle.
                let gap: Double = 100 - (middle.x * middle.x + middle.y * middle.y).squareRoot()
                #expect(gap <= tolerance + 0.03, "tolerance \(tolerance)")
            }
            #expect(points.count < Int(4 * (100 / tolerance).squareRoot()))
        }
    }
}
