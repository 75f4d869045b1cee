import Testing
@testable import Render

struct RasterClipTests {
    typealias S = RasterTestSupport

    @Test func rectangularClipRestrictsFillsAndIsRestoredByPop() {
        let canvas = Canvas(width: 10, height: 10)
        canvas.pushClip(Rect(x: 2, y: 2, width: 4, height: 3))
        canvas.fill(Rect(x: 0, y: 0, width: 10, height: 10), paint: .solid(S.red))
        for y in 0..<10 {
            for x in 0..<10 {
                let inside = (2..<6).contains(x) && (2..<5).contains(y)
                #expect(S.rgba(canvas, x, y)[3] == (inside ? 255 : 0), "pixel \(x),\(y)")
            }
        }
        canvas.popClip()
        canvas.fill(Rect(x: 0, y: 0, width: 10, height: 10), paint: .solid(S.blue))
        #expect(S.rgba(canvas, 0, 0) == [0, 0, 255, 255])
        #expect(S.rgba(canvas, 9, 9) == [0, 0, 255, 255])
    }

    @Test func nestedClipsIntersect() {
        let canvas = Canvas(width: 10, height: 10)
        canvas.pushClip(Rect(x: 0, y: 0, width: 6, height: 6))
        canvas.pushClip(Rect(x: 4, y: 4, width: 6, height: 6))
        canvas.fill(Rect(x: 0, y: 0, width: 10, height: 10), paint: .solid(.white))
        #expect(S.rgba(canvas, 4, 4)[3] == 255 && S.rgba(canvas, 5, 5)[3] == 255)
        #expect(S.rgba(canvas, 3, 4)[3] == 0 && S.rgba(canvas, 6, 5)[3] == 0 && S.rgba(canvas, 8, 8)[3] == 0)
        canvas.popClip()
        canvas.fill(Rect(x: 0, y: 0, width: 10, height: 10), paint: .solid(S.red))
        #expect(S.rgba(canvas, 1, 1) == [255, 0, 0, 255])
        #expect(S.rgba(canvas, 8, 8)[3] == 0)
    }

    @Test func fractionalClipEdgeGivesPartialCoverage() {
        let canvas = Canvas(width: 4, height: 1)
        canvas.pushClip(Rect(x: 0, y: 0, width: 2.5, height: 1))
        canvas.fill(Rect(x: 0, y: 0, width: 4, height: 1), paint: .solid(.white))
        #expect(S.rgba(canvas, 1, 0)[3] == 255)
        #expect((127...128).contains(S.rgba(canvas, 2, 0)[3]))
        #expect(S.rgba(canvas, 3, 0)[3] == 0)
    }

    @Test func roundedClipMasksCornersAndPopsBack() {
        let canvas = Canvas(width: 40, height: 40)
        canvas.pushClip(Rect(x: 0, y: 0, width: 40, height: 40), radii: CornerRadii(all: 20))
        canvas.fill(Rect(x: 0, y: 0, width: 40, height: 40), paint: .solid(.white))
        #expect(S.rgba(canvas, 0, 0)[3] == 0)
        #expect(S.rgba(canvas, 20, 20)[3] == 255)
        let edge = S.circleCoverage(x: 6, y: 6, centreX: 20, centreY: 20, radius: 20) * 255
        #expect(abs(Double(S.rgba(canvas, 6, 6)[3]) - edge) <= 5)
        // A rectangle clip inside the rounded one keeps the mask.
        canvas.pushClip(Rect(x: 0, y: 0, width: 10, height: 40))
        canvas.fill(Rect(x: 0, y: 0, width: 40, height: 40), paint: .solid(S.red))
        #expect(S.rgba(canvas, 0, 0)[3] == 0)
        #expect(S.rgba(canvas, 9, 20) == [255, 0, 0, 255])
        #expect(S.rgba(canvas, 10, 20) == [255, 255, 255, 255])
        canvas.popClip()
        canvas.popClip()
        canvas.fill(Rect(x: 0, y: 0, width: 1, height: 1), paint: .solid(S.blue))
        #expect(S.rgba(canvas, 0, 0) == [0, 0, 255, 255])
    }

    @Test func glyphMasksAndImagesRespectTheClip() {
        let canvas = Canvas(width: 8, height: 8)
        let mask = [UInt8](repeating: 255, count: 64)
        canvas.pushClip(Rect(x: 2, y: 2, width: 3, height: 3))
        mask.withUnsafeBufferPointer { canvas.drawMask($0, maskWidth: 8, maskHeight: 8, pitch: 8, x: 0, y: 0, color: .white) }
        #expect(S.rgba(canvas, 2, 2)[3] == 255 && S.rgba(canvas, 4, 4)[3] == 255)
        #expect(S.rgba(canvas, 1, 2)[3] == 0 && S.rgba(canvas, 5, 4)[3] == 0)
        canvas.popClip()
        canvas.pushClip(Rect(x: 0, y: 0, width: 8, height: 8), radii: CornerRadii(all: 4))
        let image = [UInt8](repeating: 255, count: 8 * 8 * 4)
        image.withUnsafeBufferPointer {
            canvas.drawImage(bgra: $0, imageWidth: 8, imageHeight: 8, pitch: 32, into: Rect(x: 0, y: 0, width: 8, height: 8))
        }
        #expect(S.rgba(canvas, 0, 0)[3] == 0)
        #expect(S.rgba(canvas, 4, 4)[3] == 255 && S.rgba(canvas, 4, 0)[3] > 200)
    }
}
