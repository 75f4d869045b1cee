import Testing
@testable import Render

/// An image resampled once and blended later must paint exactly what `drawImage` paints, whatever
/// the clip, opacity and background, since renders that find it kept use it instead.
struct ScaledImageTests {
    private typealias S = RasterTestSupport

    /// Premultiplied BGRA with opaque, translucent and clear pixels.
    private static func pattern(width: Int, height: Int, opaque: Bool) -> [UInt8] {
        var generator = S.PixelGenerator(state: UInt64(width * 31 + height))
        var bytes: [UInt8] = []
        for _ in 0..<(width * height) {
            let word: UInt32 = opaque ? (generator.premultiplied() | 0xFF00_0000) : generator.premultiplied()
            // The generator's words are RGBA; the image rows are BGRA.
            bytes += [UInt8((word >> 16) & 0xFF), UInt8((word >> 8) & 0xFF), UInt8(word & 0xFF), UInt8(word >> 24)]
        }
        return bytes
    }

    struct Case: Sendable, CustomTestStringConvertible {
        var destination: Rect
        var clip: Rect?
        var radius: Double
        var opacity: Double
        var opaque: Bool
        var testDescription: String { "\(destination) clip \(String(describing: clip)) r \(radius) o \(opacity) opaque \(opaque)" }
    }

    static let cases: [Case] = [
        // Cover-style shrink (under two taps), as a background photo.
        Case(destination: Rect(x: -4.5, y: -7.25, width: 150.4, height: 84.6), clip: nil, radius: 0, opacity: 1, opaque: true),
        Case(destination: Rect(x: -4.5, y: -7.25, width: 150.4, height: 84.6), clip: Rect(x: 0, y: 0, width: 140, height: 70), radius: 0,
             opacity: 1, opaque: false),
        // Enlarged, inside a rounded clip (an avatar), at an opacity.
        Case(destination: Rect(x: 10.3, y: 5.6, width: 301.2, height: 190.9), clip: Rect(x: 12.2, y: 8.7, width: 90.5, height: 60.1),
             radius: 20, opacity: 0.6, opaque: true),
        // Strong reduction (many taps a pixel), translucent.
        Case(destination: Rect(x: 3.7, y: 2.2, width: 17.1, height: 11.9), clip: nil, radius: 0, opacity: 0.85, opaque: false),
        // Whole-pixel placement of a scaled image, partly off the canvas.
        Case(destination: Rect(x: 90, y: 40, width: 100, height: 80), clip: Rect(x: 0, y: 0, width: 160, height: 90), radius: 8,
             opacity: 1, opaque: false),
    ]

    @Test(arguments: cases)
    func keptResampleDrawsTheSamePixelsAsDrawImage(_ test: Case) throws {
        let width = 71, height = 43
        let bytes = Self.pattern(width: width, height: height, opaque: test.opaque)
        func canvas(_ draw: (Canvas) -> Void) -> Canvas {
            let canvas = Canvas(width: 160, height: 90)
            canvas.fill(Rect(x: 0, y: 0, width: 160, height: 45), paint: .solid(Color(red: 0.2, green: 0.5, blue: 0.4)))
            if let clip = test.clip { canvas.pushClip(clip, radii: CornerRadii(all: test.radius)) }
            draw(canvas)
            if test.clip != nil { canvas.popClip() }
            return canvas
        }
        let direct = canvas { canvas in
            bytes.withUnsafeBufferPointer {
                canvas.drawImage(bgra: $0, imageWidth: width, imageHeight: height, pitch: width * 4, into: test.destination,
                                 opacity: test.opacity)
            }
        }
        let scaled = try #require(bytes.withUnsafeBufferPointer {
            ScaledImage(bgra: $0, imageWidth: width, imageHeight: height, pitch: width * 4, into: test.destination, maximumPixels: 1 << 20)
        })
        let kept = canvas { canvas in canvas.draw(scaled, opacity: test.opacity) }
        #expect(kept.pixels == direct.pixels)
        #expect(kept.drawn == direct.drawn)
        // The pattern is not flat: a broken resample could not match by accident.
        #expect(Set(scaled.words).count > 50)
    }

    @Test func aResampleOverItsPixelLimitIsNotMade() {
        let bytes = Self.pattern(width: 8, height: 8, opaque: true)
        let made = bytes.withUnsafeBufferPointer {
            ScaledImage(bgra: $0, imageWidth: 8, imageHeight: 8, pitch: 32, into: Rect(x: 0, y: 0, width: 100, height: 100), maximumPixels: 9_999)
        }
        #expect(made == nil)
        let small = bytes.withUnsafeBufferPointer {
            ScaledImage(bgra: $0, imageWidth: 8, imageHeight: 8, pitch: 32, into: Rect(x: 0.5, y: 0, width: 99, height: 100), maximumPixels: 10_000)
        }
        #expect(small?.width == 100 && small?.height == 100 && small?.left == 0)
    }
}
