import Testing
@testable import Render

struct RasterBorderTests {
    typealias S = RasterTestSupport

    @Test func borderRingLeavesTheInsideUntouched() {
        let canvas = Canvas(width: 20, height: 20)
        canvas.strokeBorder(Rect(x: 0, y: 0, width: 20, height: 20), radii: .zero,
                            widths: EdgeWidths(top: 3, right: 2, bottom: 2, left: 1), color: S.red)
        #expect(S.rgba(canvas, 0, 10) == [255, 0, 0, 255])
        #expect(S.rgba(canvas, 1, 10) == [0, 0, 0, 0])
        #expect(S.rgba(canvas, 10, 2) == [255, 0, 0, 255])
        #expect(S.rgba(canvas, 10, 3) == [0, 0, 0, 0])
        #expect(S.rgba(canvas, 17, 10) == [0, 0, 0, 0])
        #expect(S.rgba(canvas, 18, 10) == [255, 0, 0, 255])
        #expect(S.rgba(canvas, 10, 18) == [255, 0, 0, 255])
        for y in 3..<18 {
            for x in 1..<18 { #expect(S.rgba(canvas, x, y) == [0, 0, 0, 0], "inside pixel \(x),\(y)") }
        }
    }

    @Test func roundedBorderShrinksTheInnerRadius() {
        let canvas = Canvas(width: 40, height: 40)
        canvas.strokeBorder(Rect(x: 0, y: 0, width: 40, height: 40), radii: CornerRadii(all: 16),
                            widths: EdgeWidths(top: 4, right: 4, bottom: 4, left: 4), color: .white)
        #expect(S.rgba(canvas, 0, 0)[3] == 0)
        #expect(S.rgba(canvas, 20, 20)[3] == 0)
        #expect(S.rgba(canvas, 20, 1)[3] == 255)
        // Along the diagonal the ring is the band between radius 12 around (16,16) and 16 around it.
        let ringOuter = S.circleCoverage(x: 5, y: 5, centreX: 16, centreY: 16, radius: 16)
        let ringInner = S.circleCoverage(x: 5, y: 5, centreX: 16, centreY: 16, radius: 12)
        #expect(abs(Double(S.rgba(canvas, 5, 5)[3]) - (ringOuter - ringInner) * 255) <= 6)
        #expect(S.rgba(canvas, 8, 8)[3] == 0)
    }

    @Test func fractionalBorderWidthsGiveExactPartialCoverage() {
        let canvas = Canvas(width: 10, height: 10)
        canvas.strokeBorder(Rect(x: 0, y: 0, width: 10, height: 10), radii: .zero,
                            widths: EdgeWidths(top: 1.5, right: 1.5, bottom: 1.5, left: 1.5), color: .white)
        #expect(S.rgba(canvas, 0, 5)[3] == 255)
        #expect((127...128).contains(S.rgba(canvas, 1, 5)[3]))
        #expect((127...128).contains(S.rgba(canvas, 5, 1)[3]))
        #expect(S.rgba(canvas, 2, 5)[3] == 0)
    }

    @Test func widthsLargerThanTheBoxFillIt() {
        let canvas = Canvas(width: 6, height: 6)
        canvas.strokeBorder(Rect(x: 0, y: 0, width: 6, height: 6), radii: .zero,
                            widths: EdgeWidths(top: 4, right: 4, bottom: 4, left: 4), color: .white)
        #expect(canvas.pixels.allSatisfy { $0 == 255 })
    }
}
