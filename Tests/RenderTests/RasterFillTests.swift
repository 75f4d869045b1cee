import Testing
@testable import Render

struct RasterFillTests {
    typealias S = RasterTestSupport

    @Test func solidFillCoversExactlyItsIntegerRect() {
        let canvas = Canvas(width: 10, height: 10)
        canvas.fill(Rect(x: 2, y: 3, width: 4, height: 5), paint: .solid(S.red))
        for y in 0..<10 {
            for x in 0..<10 {
                let inside = (2..<6).contains(x) && (3..<8).contains(y)
                #expect(S.rgba(canvas, x, y) == (inside ? [255, 0, 0, 255] : [0, 0, 0, 0]), "pixel \(x),\(y)")
            }
        }
    }

    @Test func halfPixelEdgesGiveHalfCoverage() {
        let canvas = Canvas(width: 8, height: 4)
        canvas.fill(Rect(x: 2.5, y: 0, width: 3, height: 4), paint: .solid(.white))
        let alphas = (0..<8).map { S.rgba(canvas, $0, 1)[3] }
        #expect(alphas[1] == 0 && alphas[6] == 0)
        #expect((127...128).contains(alphas[2]))
        #expect(alphas[3] == 255 && alphas[4] == 255)
        #expect((127...128).contains(alphas[5]))
        // Vertical fractional edge: a quarter-pixel strip.
        let strip = Canvas(width: 2, height: 2)
        strip.fill(Rect(x: 0, y: 0.75, width: 2, height: 1.25), paint: .solid(.white))
        #expect((63...64).contains(S.rgba(strip, 0, 0)[3]))
        #expect(S.rgba(strip, 1, 1)[3] == 255)
    }

    @Test func roundedCornersMatchTheCircleArea() {
        let canvas = Canvas(width: 40, height: 40)
        canvas.fill(Rect(x: 0, y: 0, width: 40, height: 40), radii: CornerRadii(all: 20), paint: .solid(.white))
        #expect(S.rgba(canvas, 0, 0) == [0, 0, 0, 0])
        #expect(S.rgba(canvas, 3, 3) == [0, 0, 0, 0])
        #expect(S.rgba(canvas, 20, 20) == [255, 255, 255, 255])
        #expect(S.rgba(canvas, 20, 5) == [255, 255, 255, 255])
        // Every pixel of the top-left quadrant is within 2% of the exact circle area.
        for y in 0..<20 {
            for x in 0..<20 {
                let expected = S.circleCoverage(x: x, y: y, centreX: 20, centreY: 20, radius: 20) * 255
                let alpha = Double(S.rgba(canvas, x, y)[3])
                #expect(abs(alpha - expected) <= 5, "pixel \(x),\(y): \(alpha) vs \(expected)")
            }
        }
        // The four corners are mirror images.
        for (x, y) in [(2, 7), (5, 1), (10, 0)] {
            let a = S.rgba(canvas, x, y)
            #expect(S.rgba(canvas, 39 - x, y) == a)
            #expect(S.rgba(canvas, x, 39 - y) == a)
            #expect(S.rgba(canvas, 39 - x, 39 - y) == a)
        }
    }

    @Test func oversizedRadiiAreScaledDownTogether() {
        // Radii of 100 on a 40×20 box shrink to 10: a pill, full in the middle of every row.
        let canvas = Canvas(width: 40, height: 20)
        canvas.fill(Rect(x: 0, y: 0, width: 40, height: 20), radii: CornerRadii(all: 100), paint: .solid(.white))
        #expect(S.rgba(canvas, 20, 0)[3] == 255)
        #expect(S.rgba(canvas, 0, 10)[3] > 200)
        #expect(S.rgba(canvas, 0, 0)[3] == 0)
    }

    @Test func translucentFillsBlendSourceOver() {
        let canvas = Canvas(width: 4, height: 4)
        canvas.fill(Rect(x: 0, y: 0, width: 4, height: 4), paint: .solid(.white))
        canvas.fill(Rect(x: 0, y: 0, width: 2, height: 4), paint: .solid(Color(red: 0, green: 0, blue: 0, alpha: 0.5)))
        #expect(S.rgba(canvas, 0, 0) == [127, 127, 127, 255])
        #expect(S.rgba(canvas, 3, 0) == [255, 255, 255, 255])
        // Onto transparent pixels the premultiplied source is stored as is.
        let empty = Canvas(width: 1, height: 1)
        empty.fill(Rect(x: 0, y: 0, width: 1, height: 1), paint: .solid(Color(red: 1, green: 0, blue: 0, alpha: 0.5)))
        #expect(S.rgba(empty, 0, 0) == [128, 0, 0, 128])
    }

    @Test func degenerateGeometryDrawsNothingOrIsClamped() {
        let canvas = Canvas(width: 6, height: 6)
        canvas.fill(Rect(x: .nan, y: 0, width: 3, height: 3), paint: .solid(.white))
        canvas.fill(Rect(x: 0, y: 0, width: -3, height: 3), paint: .solid(.white))
        canvas.fill(Rect(x: 0, y: 0, width: .infinity, height: .nan), paint: .solid(.white))
        #expect(canvas.pixels.allSatisfy { $0 == 0 })
        canvas.fill(Rect(x: -1e30, y: -1e30, width: 2e30, height: 2e30), radii: CornerRadii(all: 1e9),
                    paint: .linearGradient(angle: 45, stops: [GradientStop(color: .white, position: 0)]))
        #expect(S.rgba(canvas, 3, 3) == [255, 255, 255, 255])
        canvas.pushClip(Rect(x: .nan, y: .nan, width: 1, height: 1), radii: CornerRadii(all: 3))
        canvas.fill(Rect(x: 0, y: 0, width: 6, height: 6), paint: .solid(.black))
        canvas.popClip()
        canvas.popClip()
        #expect(S.rgba(canvas, 3, 3) == [255, 255, 255, 255])
    }
}
