import CImageShims
import Foundation
import Testing
@testable import Render

/// The JPEG shim writes a card's whole file itself (jpeg_writer.c): headers, its own color
/// conversion, downsampling and integer DCT (once per one-color 16×16 area where it can), and its
/// own Huffman coder. The file must be the very bytes libjpeg-turbo writes for the same settings,
/// with AVX2 and with the portable loops, so these images check every header byte, every block's
/// arithmetic (noise and gradients included), the padding of the bottom MCU row, and the coder's
/// run lengths, sixteen-zero runs, end-of-block codes, size categories and byte stuffing against
/// the library's.
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

    /// Blocks chosen to reach the corners of the Huffman coder: a checkerboard, whose last zigzag
    /// coefficient is nonzero (so no end-of-block code follows); cosines of a single high frequency,
    /// whose one AC coefficient comes after 19, 34 or 62 zeros (one to three sixteen-zero codes);
    /// black next to white, for DC differences up to 2,040 (the largest size category); and noise,
    /// whose coefficients at quality 100 run to hundreds. Each 8×8 block gets one pattern.
    private static func entropyStress(width: Int, height: Int) -> Canvas {
        var generator = PNGDeflateTests.Generator(seed: 63)
        return PNGDeflateTests.canvas(width: width, height: height) { x, y in
            let (u, v) = (Double(x % 8), Double(y % 8))
            func wave(_ position: Double, _ frequency: Double) -> Double { cos((2 * position + 1) * frequency * .pi / 16) }
            let value: Int
            switch (x / 8 + (y / 8) * 8) % 7 {
            case 0: value = (x ^ y) & 1 == 0 ? 0 : 255
            case 1: value = 128 + Int((120 * wave(v, 5)).rounded())
            case 2: value = 128 + Int((120 * wave(u, 7) * wave(v, 7)).rounded())
            case 3: value = 128 + Int((120 * wave(v, 7)).rounded())
            case 4: value = 0
            case 5: value = 255
            default: value = Int(generator.next() & 0xFF)
            }
            return (UInt8(value), UInt8(value), UInt8(value), 255)
        }
    }

    @Test(arguments: [100, 90, 50, 10])
    func entropyCoderCornersGiveTheLibrarysBytes(quality: Int) throws {
        for (width, height) in [(64, 48), (64, 42), (64, 36), (128, 2)] {
            let (shim, baseline, library) = try Self.bothPaths(Self.entropyStress(width: width, height: height), quality: quality)
            #expect(shim == library, "\(width)×\(height) at quality \(quality)")
            #expect(baseline == library, "\(width)×\(height) at quality \(quality), portable loops")
        }
    }

    /// Colored noise at quality 100 makes many 0xFF bytes in the scan, each of which must be
    /// followed by a stuffed 0; the check that some were stuffed keeps the case from going stale.
    @Test func stuffedBytesGiveTheLibrarysBytes() throws {
        var generator = PNGDeflateTests.Generator(seed: 255)
        let canvas = PNGDeflateTests.canvas(width: 96, height: 64) { _, _ in
            let bits = generator.next()
            return (UInt8(truncatingIfNeeded: bits), UInt8(truncatingIfNeeded: bits >> 8), UInt8(truncatingIfNeeded: bits >> 16), 255)
        }
        let (shim, baseline, library) = try Self.bothPaths(canvas, quality: 100)
        #expect(shim == library)
        #expect(baseline == library)
        let scan = shim.firstRange(of: [0xFF, 0xDA]).map { shim[$0.upperBound...] } ?? []
        #expect(zip(scan, scan.dropFirst()).filter { $0 == 0xFF && $1 == 0 }.count > 10)
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
