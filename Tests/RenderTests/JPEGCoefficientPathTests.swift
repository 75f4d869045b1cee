import CImageShims
import Foundation
import Testing
@testable import Render

/// The JPEG shim computes a card's DCT coefficients itself (once per one-color 16×16 area, with its
/// own color conversion, downsampling and integer DCT elsewhere) and has libjpeg only entropy-code
/// them; the file must be the very bytes libjpeg's own pipeline writes, so every block of these
/// images, noise and gradients included, checks the shim's arithmetic against the library's.
struct JPEGCoefficientPathTests {
    private static func card(_ path: String) throws -> Canvas {
        let html = try String(contentsOf: PNGDeflateTests.root.appendingPathComponent("Tests/\(path)"), encoding: .utf8)
        return try PNGDeflateTests.rendered(html)
    }

    /// The shim's bytes (AVX2 transform where the CPU has it, and portable loops) and libjpeg's.
    private static func bothPaths(_ canvas: Canvas, quality: Int = 90) throws -> (shim: [UInt8], baseline: [UInt8], library: [UInt8]) {
        (try JPEGEncoder.encode(canvas, quality: quality, coefficients: CIMAGE_JPEG_COEFFICIENTS_ALWAYS),
         try JPEGEncoder.encode(canvas, quality: quality, coefficients: CIMAGE_JPEG_COEFFICIENTS_ALWAYS_BASELINE),
         try JPEGEncoder.encode(canvas, quality: quality, coefficients: CIMAGE_JPEG_LIBRARY_ONLY))
    }

    @Test(arguments: ["Fidelity/cases/card-hello.html", "Fidelity/cases/card-event.html", "Fidelity/cases/text-latin.html",
                      "Fidelity/cases/tw-gradient-card.html", "Fidelity/cases/card-photo.html", "Fidelity/cases/text-emoji.html",
                      "RenderTests/Fixtures/paint/gradients.html", "RenderTests/Fixtures/paint/effects.html"])
    func renderedCardsGiveTheLibrarysBytes(path: String) throws {
        let canvas = try Self.card(path)
        for quality in [90, 40, 100, 1] {
            let (shim, baseline, library) = try Self.bothPaths(canvas, quality: quality)
            #expect(shim == library, "\(path) at quality \(quality)")
            #expect(baseline == library, "\(path) at quality \(quality), portable loops")
        }
        // The default picks either path; the bytes are the same.
        #expect(try JPEGEncoder.encode(canvas, quality: 90) == Self.bothPaths(canvas).library)
    }

    /// Every shape the shim accepts: one MCU, heights that leave a partial MCU row or a partial
    /// block row at the bottom, flat areas next to noise and gradients, translucent pixels
    /// flattened onto white; and shapes it leaves to the library.
    @Test(arguments: [(16, 2), (16, 16), (32, 18), (48, 30), (64, 8), (80, 46), (1200, 630), (160, 100), (1201, 630), (48, 31)])
    func syntheticImagesGiveTheLibrarysBytes(width: Int, height: Int) throws {
        var generator = PNGDeflateTests.Generator(seed: UInt64(width * 7 + height))
        let canvas = PNGDeflateTests.canvas(width: width, height: height) { x, y in
            switch (x / 16 + y / 16) % 4 {
            case 0: return (200, 40, 90, 255)
            case 1:
                let bits = generator.next()
                return (UInt8(truncatingIfNeeded: bits), UInt8(truncatingIfNeeded: bits >> 8), UInt8(truncatingIfNeeded: bits >> 16), 255)
            case 2: return (UInt8(x * 255 / width), UInt8(y * 255 / Swift.max(1, height)), 128, 255)
            default: return (30, 30, 30, UInt8(truncatingIfNeeded: 60 + x))
            }
        }
        let (shim, baseline, library) = try Self.bothPaths(canvas)
        #expect(shim == library, "\(width)×\(height)")
        #expect(baseline == library, "\(width)×\(height), portable loops")
        let decoded = try JPEGDecoder.decode(shim, maxPixels: width * height)
        #expect(decoded.width == width && decoded.height == height)
    }

    @Test func flatShareCountsWholeOneColorAreas() {
        let canvas = PNGDeflateTests.canvas(width: 64, height: 32) { x, y in
            // Five areas flat, one with a single odd pixel, two with a gradient.
            if x == 20 && y == 5 { return (1, 2, 3, 255) }
            return x < 32 || y < 16 ? (9, 9, 9, 255) : (UInt8(x), 0, 0, 255)
        }
        let share = canvas.pixels.withUnsafeBufferPointer { cimage_jpeg_flat_share($0.baseAddress, 64, 32, 64 * 4) }
        #expect(share == 5 * 256 / 8)
    }
}
