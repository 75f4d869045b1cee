import Testing
@testable import Render

struct RasterMaskImageTests {
    typealias S = RasterTestSupport

    @Test func glyphMaskBlendsCoverageSourceOver() {
        let canvas = Canvas(width: 6, height: 4)
        canvas.fill(Rect(x: 0, y: 0, width: 6, height: 4), paint: .solid(.white))
        // 3×2 mask with a row stride of 4 (the fourth byte of each row is padding).
        let mask: [UInt8] = [0, 128, 255, 99, 255, 0, 64, 99]
        mask.withUnsafeBufferPointer { canvas.drawMask($0, maskWidth: 3, maskHeight: 2, pitch: 4, x: 1, y: 1, color: S.red) }
        #expect(S.rgba(canvas, 1, 1) == [255, 255, 255, 255])
        #expect(S.rgba(canvas, 2, 1) == [255, 127, 127, 255])
        #expect(S.rgba(canvas, 3, 1) == [255, 0, 0, 255])
        #expect(S.rgba(canvas, 4, 1) == [255, 255, 255, 255], "padding is not drawn")
        #expect(S.rgba(canvas, 1, 2) == [255, 0, 0, 255])
        #expect(S.rgba(canvas, 3, 2) == [255, 191, 191, 255])
    }

    /// Rows the clip covers fully are blended eight pixels at a time; drawn whole, a mask must give
    /// what drawing it one pixel at a time gives, with no clip, a fractional clip and a rounded one.
    @Test(arguments: [nil, Rect(x: 10.25, y: 3.5, width: 31.5, height: 9.75), Rect(x: 4, y: 2, width: 52, height: 16)] as [Rect?])
    func aWholeMaskBlendsAsItsPixelsDo(clip: Rect?) {
        var random = S.PixelGenerator(state: 11)
        let (width, height, pitch) = (45, 13, 48)
        let mask: [UInt8] = (0..<(pitch * height)).map { index in
            switch (index / 7) % 3 {
            case 0: return 0
            case 1: return 255
            default: return UInt8(random.byte())
            }
        }
        let color = Color(red: 0.9, green: 0.4, blue: 0.2, alpha: 0.85)
        let whole = S.card(width: 60, height: 20), pieces = S.card(width: 60, height: 20)
        for canvas in [whole, pieces] {
            if let clip { canvas.pushClip(clip, radii: clip.x == 4 ? CornerRadii(all: 6) : .zero) }
        }
        mask.withUnsafeBufferPointer { whole.drawMask($0, maskWidth: width, maskHeight: height, pitch: pitch, x: 7, y: 3, color: color) }
        for row in 0..<height {
            for column in 0..<width {
                let level = [mask[row * pitch + column]]
                level.withUnsafeBufferPointer { pieces.drawMask($0, maskWidth: 1, maskHeight: 1, pitch: 1, x: 7 + column, y: 3 + row, color: color) }
            }
        }
        #expect(whole.pixels == pieces.pixels)
    }

    @Test func masksPartlyOffCanvasOrTooShortAreSafe() {
        let canvas = Canvas(width: 4, height: 4)
        let mask = [UInt8](repeating: 255, count: 16)
        mask.withUnsafeBufferPointer { canvas.drawMask($0, maskWidth: 4, maskHeight: 4, pitch: 4, x: -2, y: 3, color: .white) }
        #expect(S.rgba(canvas, 0, 3)[3] == 255 && S.rgba(canvas, 1, 3)[3] == 255 && S.rgba(canvas, 2, 3)[3] == 0)
        mask.withUnsafeBufferPointer { canvas.drawMask($0, maskWidth: 4, maskHeight: 8, pitch: 4, x: 0, y: 0, color: .white) }
        #expect(S.rgba(canvas, 0, 0)[3] == 0)
    }

    /// A flat premultiplied BGRA image.
    private func flatImage(width: Int, height: Int, bgra: [UInt8]) -> [UInt8] {
        (0..<(width * height)).flatMap { _ in bgra }
    }

    @Test func strongDownscaleKeepsTheColor() {
        let image = flatImage(width: 136, height: 128, bgra: [40, 120, 200, 255])
        let canvas = Canvas(width: 50, height: 50)
        image.withUnsafeBufferPointer {
            canvas.drawImage(bgra: $0, imageWidth: 136, imageHeight: 128, pitch: 136 * 4, into: Rect(x: 5, y: 5, width: 40, height: 40))
        }
        for (x, y) in [(5, 5), (20, 30), (44, 44)] { #expect(S.rgba(canvas, x, y) == [200, 120, 40, 255]) }
        #expect(S.rgba(canvas, 4, 20) == [0, 0, 0, 0])
        #expect(S.rgba(canvas, 45, 20) == [0, 0, 0, 0])
    }

    @Test func upscaleKeepsTheColorAndHalfCoveredEdgesAreHalfTransparent() {
        let image = flatImage(width: 4, height: 4, bgra: [0, 64, 128, 128])
        let canvas = Canvas(width: 20, height: 20)
        image.withUnsafeBufferPointer {
            canvas.drawImage(bgra: $0, imageWidth: 4, imageHeight: 4, pitch: 16, into: Rect(x: 2.5, y: 2, width: 16, height: 16))
        }
        #expect(S.rgba(canvas, 10, 10) == [128, 64, 0, 128])
        #expect(S.close(S.rgba(canvas, 2, 10), [64, 32, 0, 64], within: 1))
    }

    @Test func channelsAreSwappedAndOpacityApplied() {
        // Left pixel blue, right pixel red, in BGRA order.
        let image: [UInt8] = [255, 0, 0, 255, 0, 0, 255, 255]
        let canvas = Canvas(width: 2, height: 1)
        image.withUnsafeBufferPointer {
            canvas.drawImage(bgra: $0, imageWidth: 2, imageHeight: 1, pitch: 8, into: Rect(x: 0, y: 0, width: 2, height: 1), opacity: 0.5)
        }
        #expect(S.rgba(canvas, 0, 0) == [0, 0, 128, 128])
        #expect(S.rgba(canvas, 1, 0) == [128, 0, 0, 128])
    }

    @Test func downscaleAveragesTheCoveredArea() {
        // A 4×4 checkerboard of opaque black and white shrunk to one pixel is mid gray.
        var image = [UInt8]()
        for y in 0..<4 { for x in 0..<4 { let v: UInt8 = (x + y) % 2 == 0 ? 255 : 0; image += [v, v, v, 255] } }
        let canvas = Canvas(width: 1, height: 1)
        image.withUnsafeBufferPointer {
            canvas.drawImage(bgra: $0, imageWidth: 4, imageHeight: 4, pitch: 16, into: Rect(x: 0, y: 0, width: 1, height: 1))
        }
        #expect(S.close(S.rgba(canvas, 0, 0), [128, 128, 128, 255], within: 1))
    }
}
