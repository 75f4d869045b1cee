import Testing
@testable import Render

/// Scaled images read only the source columns their visible pixels need and skip the clip
/// multiply where the clip covers a column fully; neither may change a pixel.
struct RasterImageSpanTests {
    private typealias S = RasterTestSupport

    /// A premultiplied BGRA test pattern with translucent and clear pixels.
    private static func pattern(width: Int, height: Int) -> [UInt8] {
        var bytes: [UInt8] = []
        for y in 0..<height {
            for x in 0..<width {
                let a = UInt8((x * 37 + y * 11) % 256)
                bytes += [UInt8(Int(a) * ((x * 7) % 5) / 4), UInt8(Int(a) * (y % 3) / 2), a / 2, a]
            }
        }
        return bytes
    }

    /// Destinations that shrink, enlarge, and mix both, at fractional positions.
    static let destinations: [Rect] = [
        Rect(x: 10.3, y: 7.6, width: 37.2, height: 21.9),
        Rect(x: -12.5, y: 3.25, width: 140.4, height: 90.2),
        Rect(x: 20, y: 0, width: 15, height: 80.5),
    ]

    @Test(arguments: destinations)
    func clippedPixelsMatchTheUnclippedImage(destination: Rect) {
        let width = 45, height = 33
        let bytes = Self.pattern(width: width, height: height)
        func draw(clip: Rect?) -> Canvas {
            let canvas = Canvas(width: 120, height: 96)
            canvas.fill(Rect(x: 0, y: 0, width: 120, height: 96), paint: .solid(Color(red: 0.2, green: 0.5, blue: 0.4)))
            if let clip { canvas.pushClip(clip) }
            bytes.withUnsafeBufferPointer {
                canvas.drawImage(bgra: $0, imageWidth: width, imageHeight: height, pitch: width * 4, into: destination, opacity: 0.85)
            }
            if clip != nil { canvas.popClip() }
            return canvas
        }
        let whole = draw(clip: nil)
        let clipped = draw(clip: Rect(x: 24.4, y: 12.7, width: 21.3, height: 50.1))
        for y in 0..<96 {
            for x in 0..<120 {
                if x >= 25 && x < 45 && y >= 13 && y < 62 {
                    #expect(S.rgba(clipped, x, y) == S.rgba(whole, x, y), "x \(x) y \(y)")
                } else if x < 24 || x >= 46 || y < 12 || y >= 63 {
                    // Outside the clip nothing of the image is drawn.
                    #expect(S.rgba(clipped, x, y) == [51, 128, 102, 255], "x \(x) y \(y)")
                }
            }
        }
    }

    /// An image at its natural size on whole pixels is copied, not resampled: inside a fractional
    /// clip each pixel is the source pixel, swizzled to RGBA, blended at the opacity.
    @Test func unscaledPixelsInsideAClipAreBlendedSourcePixels() {
        let width = 45, height = 33
        let bytes = Self.pattern(width: width, height: height)
        let canvas = Canvas(width: 120, height: 96)
        canvas.fill(Rect(x: 0, y: 0, width: 120, height: 96), paint: .solid(Color(red: 0.2, green: 0.5, blue: 0.4)))
        canvas.pushClip(Rect(x: 24.4, y: 12.7, width: 21.3, height: 50.1))
        bytes.withUnsafeBufferPointer {
            canvas.drawImage(bgra: $0, imageWidth: width, imageHeight: height, pitch: width * 4,
                             into: Rect(x: 20, y: 10, width: Double(width), height: Double(height)), opacity: 0.85)
        }
        canvas.popClip()
        let background: UInt32 = 51 | 128 << 8 | 102 << 16 | 255 << 24
        let alpha: UInt32 = Color.byte(0.85)
        for y in 13..<43 {
            for x in 25..<45 {
                let i = ((y - 10) * width + (x - 20)) * 4
                let a = UInt32(bytes[i + 3])
                let pixel: UInt32 = min(a, UInt32(bytes[i + 2])) | min(a, UInt32(bytes[i + 1])) << 8 | min(a, UInt32(bytes[i])) << 16 | a << 24
                let expected: UInt32 = pixel == 0 ? background : PixelMath.blend(pixel, coverage: alpha, onto: background)
                let bytes = [expected & 0xFF, (expected >> 8) & 0xFF, (expected >> 16) & 0xFF, expected >> 24].map { Int($0) }
                #expect(S.rgba(canvas, x, y) == bytes, "x \(x) y \(y)")
            }
        }
    }
}
