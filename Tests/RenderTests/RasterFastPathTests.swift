import Testing
@testable import Render

/// Shortcuts that must give exactly what the general code gives: fully covered runs of corner
/// rows, images at their natural size, and buffers reused between renders.
struct RasterFastPathTests {
    private typealias S = RasterTestSupport

    /// Every pixel's coverage on row `y`, from a `CoverageRow` and the rasterizer's buffer.
    private func expand(_ row: CoverageRow?, _ rasterizer: CoverageRasterizer, width: Int) -> [Int] {
        var values = [Int](repeating: 0, count: width)
        guard let row else { return values }
        for x in row.start..<row.end {
            let inside = x >= row.interiorStart && x < row.interiorEnd
            values[x] = inside ? Int(row.interiorCoverage) : Int(rasterizer.coverage[x])
        }
        return values
    }

    @Test(arguments: [CornerRadii(all: 40), CornerRadii(all: 12), CornerRadii(all: 7.5)])
    func cornerRowsReportTheirFullyCoveredRunExactly(radii: CornerRadii) {
        let width = 120
        let rasterizer = CoverageRasterizer(width: width)
        // The same rows with the constant-run shortcuts switched off: every row through the plain resolve.
        let reference = CoverageRasterizer(width: width)
        reference.findsConstantRuns = false
        let whole = ClipState(left: 0, top: 0, right: Double(width), bottom: 100, mask: nil)
        let box = RoundedBox(Rect(x: 10.25, y: 10.5, width: 90.5, height: 60), radii: radii)
        var rowsWithRuns = 0
        for y in 10..<71 {
            let row = rasterizer.rasterize(row: y, outer: box, inner: nil, clip: whole)
            let fast = expand(row, rasterizer, width: width)
            if let row, row.interiorEnd > row.interiorStart, !box.isStraight(from: Double(y), to: Double(y + 1)) { rowsWithRuns += 1 }
            let plain = expand(reference.rasterize(row: y, outer: box, inner: nil, clip: whole), reference, width: width)
            #expect(fast == plain, "row \(y)")
        }
        #expect(rowsWithRuns > 0, "some corner rows take the shortcut")
    }

    @Test func roundedClipMaskIsTheShapeCoverage() {
        let canvas = Canvas(width: 80, height: 60)
        canvas.pushClip(Rect(x: 10, y: 10, width: 60, height: 40), radii: CornerRadii(all: 20))
        canvas.fill(Rect(x: 0, y: 0, width: 80, height: 60), paint: .solid(.black))
        canvas.popClip()
        #expect(canvas.pixel(x: 40, y: 30).alpha == 255)
        #expect(canvas.pixel(x: 11, y: 11).alpha == 0, "outside the rounded corner")
        #expect(canvas.pixel(x: 40, y: 5).alpha == 0)
        let corner = S.circleCoverage(x: 14, y: 20, centreX: 30, centreY: 30, radius: 20)
        #expect(abs(Double(canvas.pixel(x: 14, y: 20).alpha) - corner * 255) <= 3)
    }

    @Test func naturalSizeImagesAreCopiedPixelForPixel() {
        // Premultiplied BGRA: opaque blue, half-transparent green, transparent, opaque white, …
        let bgra: [UInt8] = [255, 0, 0, 255, 0, 128, 0, 128, 0, 0, 0, 0,
                             255, 255, 255, 255, 10, 20, 30, 40, 0, 0, 200, 255]
        let canvas = Canvas(width: 10, height: 10)
        canvas.fill(Rect(x: 0, y: 0, width: 10, height: 10), paint: .solid(S.red))
        bgra.withUnsafeBufferPointer { pixels in
            canvas.drawImage(bgra: pixels, imageWidth: 3, imageHeight: 2, pitch: 12, into: Rect(x: 4, y: 5, width: 3, height: 2))
        }
        #expect(S.rgba(canvas, 4, 5) == [0, 0, 255, 255])
        #expect(S.rgba(canvas, 5, 5) == [127, 128, 0, 255], "half green over red")
        #expect(S.rgba(canvas, 6, 5) == [255, 0, 0, 255], "transparent leaves red")
        #expect(S.rgba(canvas, 4, 6) == [255, 255, 255, 255])
        #expect(S.rgba(canvas, 6, 6) == [200, 0, 0, 255])
        #expect(S.rgba(canvas, 3, 5) == [255, 0, 0, 255] && S.rgba(canvas, 7, 6) == [255, 0, 0, 255])
    }

    @Test func naturalSizeImagesRespectOpacityAndClip() {
        let bgra = [UInt8](repeating: 255, count: 4 * 4 * 4)
        let canvas = Canvas(width: 10, height: 10)
        canvas.pushClip(Rect(x: 0, y: 0, width: 4.5, height: 10))
        bgra.withUnsafeBufferPointer { pixels in
            canvas.drawImage(bgra: pixels, imageWidth: 4, imageHeight: 4, pitch: 16, into: Rect(x: 2, y: 2, width: 4, height: 4), opacity: 0.5)
        }
        canvas.popClip()
        #expect(S.rgba(canvas, 3, 3) == [128, 128, 128, 128])
        #expect(S.rgba(canvas, 4, 3) == [64, 64, 64, 64], "half the column is clipped")
        #expect(S.rgba(canvas, 5, 3) == [0, 0, 0, 0])
    }

    @Test func pooledBuffersComeBackZeroedWithinTheLimit() {
        let pool = PixelBufferPool(byteLimit: 16)
        #expect(pool.takeZeroed(count: 4) == nil)
        pool.give([1, 2, 3, 4], isZeroed: false)
        pool.give([UInt8](repeating: 9, count: 20), isZeroed: false)
        #expect(pool.takeZeroed(count: 20) == nil, "over the byte limit, not kept")
        #expect(pool.takeZeroed(count: 4) == [0, 0, 0, 0])
        #expect(pool.takeZeroed(count: 4) == nil, "each buffer is handed out once")
    }

    @Test func canvasesAfterALayeredRenderStartTransparent() {
        // A finished canvas hands its dirty pixels and its spare layer buffer to the pool.
        func paintAndDrop() {
            let first = RasterTestSupport.card()
            first.pushLayer()
            first.fill(Rect(x: 5, y: 5, width: 50, height: 50), paint: .solid(.white))
            first.popLayer(LayerEffects(opacity: 0.5))
            #expect(first.pixel(x: 20, y: 20).alpha == 255)
        }
        paintAndDrop()
        let second = Canvas(width: 240, height: 126)
        #expect(second.pixels.allSatisfy { $0 == 0 })
        second.pushLayer()
        #expect(second.pixels.allSatisfy { $0 == 0 }, "a layer buffer starts clear")
        second.popLayer(LayerEffects())
    }

    @Test func layersFindContentFromEveryKindOfDrawing() {
        // Each drawing call records where it wrote; a layer is searched only there, so content
        // from any of them must still be composited.
        let glyph = [UInt8](repeating: 255, count: 4 * 4)
        let image = [UInt8](repeating: 255, count: 3 * 3 * 4)
        let canvas = Canvas(width: 120, height: 60)
        canvas.pushLayer()
        canvas.fill(Rect(x: 5, y: 5, width: 10, height: 10), paint: .solid(S.red))
        glyph.withUnsafeBufferPointer { canvas.drawMask($0, maskWidth: 4, maskHeight: 4, pitch: 4, x: 30, y: 5, color: S.blue) }
        image.withUnsafeBufferPointer { pixels in
            canvas.drawImage(bgra: pixels, imageWidth: 3, imageHeight: 3, pitch: 12, into: Rect(x: 50, y: 5, width: 3, height: 3))
            canvas.drawImage(bgra: pixels, imageWidth: 3, imageHeight: 3, pitch: 12, into: Rect(x: 60, y: 5, width: 6, height: 6))
        }
        let shadow = BoxShadowPaint(offsetX: 0, offsetY: 30, blur: 0, spread: 0, color: .black, inset: false)
        canvas.drawBoxShadow(shadow, border: Rect(x: 80, y: 5, width: 10, height: 10), radii: .zero,
                             padding: Rect(x: 80, y: 5, width: 10, height: 10), paddingRadii: .zero)
        canvas.pushLayer()
        canvas.fill(Rect(x: 100, y: 40, width: 10, height: 10), paint: .solid(.black))
        canvas.popLayer(LayerEffects(opacity: 0.5))
        canvas.popLayer(LayerEffects(opacity: 0.5))
        #expect(canvas.pixel(x: 10, y: 10).alpha == 128)
        #expect(canvas.pixel(x: 31, y: 6).alpha == 128)
        #expect(canvas.pixel(x: 51, y: 6).alpha == 128)
        #expect(canvas.pixel(x: 63, y: 8).alpha == 128)
        #expect(canvas.pixel(x: 85, y: 40).alpha == 128)
        #expect(canvas.pixel(x: 105, y: 45).alpha == 64)
        #expect(canvas.pixel(x: 20, y: 30).alpha == 0)
    }

    @Test func shapesBesideTheClipDrawNothing() {
        let canvas = Canvas(width: 40, height: 40)
        canvas.pushClip(Rect(x: 20, y: 0, width: 20, height: 40))
        canvas.fill(Rect(x: 2, y: 5, width: 10, height: 10), paint: .solid(S.red))
        canvas.pushLayer()
        canvas.fill(Rect(x: 2, y: 20, width: 10, height: 10), paint: .solid(S.red))
        canvas.popLayer(LayerEffects(opacity: 0.5))
        canvas.popClip()
        #expect(canvas.pixels.allSatisfy { $0 == 0 })
    }
}
