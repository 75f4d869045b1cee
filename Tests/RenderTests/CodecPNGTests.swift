import Foundation
import Testing
@testable import Render

struct CodecPNGTests {
    typealias S = RasterTestSupport

    private func fixture(_ name: String) throws -> [UInt8] {
        let url = try #require(Bundle.module.resourceURL).appendingPathComponent("Fixtures/raster/\(name)")
        return [UInt8](try Data(contentsOf: url))
    }

    /// The IHDR color type byte: 2 = RGB, 6 = RGBA.
    private func colorType(_ png: [UInt8]) -> UInt8 { png[25] }

    @Test func opaqueCanvasRoundTripsPixelIdenticalAsRGB() throws {
        let canvas = S.card()
        #expect(PNGEncoder.isOpaque(canvas))
        let png = try PNGEncoder.encode(canvas)
        #expect(colorType(png) == 2)
        let decoded = try PNGDecoder.decode(png, maxPixels: 1_000_000)
        #expect(decoded.width == canvas.width && decoded.height == canvas.height)
        #expect(decoded.rgba == canvas.pixels)
    }

    @Test func translucentCanvasIsRGBAWithStraightAlpha() throws {
        let canvas = Canvas(width: 3, height: 1)
        canvas.fill(Rect(x: 0, y: 0, width: 1, height: 1), paint: .solid(Color(red: 1, green: 0.5, blue: 0, alpha: 0.5)))
        canvas.fill(Rect(x: 1, y: 0, width: 1, height: 1), paint: .solid(.white))
        let png = try PNGEncoder.encode(canvas)
        #expect(colorType(png) == 6)
        let decoded = try PNGDecoder.decode(png, maxPixels: 100)
        #expect(Array(decoded.rgba[0..<4]) == [255, 128, 0, 128])
        #expect(Array(decoded.rgba[4..<8]) == [255, 255, 255, 255])
        #expect(Array(decoded.rgba[8..<12]) == [0, 0, 0, 0])
    }

    @Test func encodingIsDeterministic() throws {
        let first = try PNGEncoder.encode(S.card())
        let second = try PNGEncoder.encode(S.card())
        #expect(first == second)
        #expect(Array(first[0..<8]) == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
    }

    @Test func everyEncoderSettingRoundTrips() throws {
        let canvas = S.card(width: 64, height: 40)
        for filters: PNGFilters in [.none, .sub, .up, .average, .paeth, .all] {
            for level in [0, 1, 6, 9] {
                let png = try PNGEncoder.encode(canvas, settings: .init(filters: filters, level: level, strategy: 0))
                #expect(try PNGDecoder.decode(png, maxPixels: 10_000).rgba == canvas.pixels)
            }
        }
    }

    /// A canvas of pseudo-random pixels (premultiplied, so channels never exceed alpha).
    private func noise(width: Int, height: Int, opaque: Bool) -> Canvas {
        let canvas = Canvas(width: width, height: height)
        var state: UInt32 = 0x1234_5678
        for index in stride(from: 0, to: canvas.pixels.count, by: 4) {
            state = state &* 1_664_525 &+ 1_013_904_223
            let alpha: UInt8 = opaque ? 255 : UInt8(truncatingIfNeeded: state >> 24)
            for channel in 0..<3 {
                let value = UInt16(truncatingIfNeeded: state >> (channel * 8)) & 0xFF
                canvas.pixels[index + channel] = UInt8(value % (UInt16(alpha) + 1))
            }
            canvas.pixels[index + 3] = alpha
        }
        return canvas
    }

    /// Unfiltered images bypass libpng; the stream must still be one that libpng reads back exactly,
    /// including the Adler-32 of rows whose length is not a multiple of the SIMD block.
    @Test(arguments: [(1, 1), (5, 3), (17, 9), (1201, 4)])
    func unfilteredWriterRoundTrips(width: Int, height: Int) throws {
        let opaque = noise(width: width, height: height, opaque: true)
        let rgb = try PNGEncoder.encode(opaque)
        #expect(colorType(rgb) == 2)
        #expect(try PNGDecoder.decode(rgb, maxPixels: 100_000).rgba == opaque.pixels)
        #expect(Array(rgb[12..<16]) == Array("IHDR".utf8) && Array(rgb[37..<41]) == Array("IDAT".utf8))
        #expect(Array(rgb[(rgb.count - 8)..<(rgb.count - 4)]) == Array("IEND".utf8))

        let translucent = noise(width: width, height: height, opaque: false)
        let rgba = try PNGEncoder.encode(translucent)
        #expect(colorType(rgba) == 6)
        let straight = PNGEncoder.unpremultiplied(translucent.pixels)
        #expect(try PNGDecoder.decode(rgba, maxPixels: 100_000).rgba == straight)
    }

    @Test func unfilteredWriterChecksumIsVerified() throws {
        var png = try PNGEncoder.encode(noise(width: 33, height: 7, opaque: true))
        // The Adler-32 sits just before the IDAT CRC and the 12-byte IEND chunk.
        png[png.count - 12 - 4 - 1] ^= 0x01
        #expect(throws: (any Error).self) { try PNGDecoder.decode(png, maxPixels: 10_000) }
    }

    @Test func corruptDataThrows() throws {
        let png = try PNGEncoder.encode(S.card(width: 32, height: 32))
        #expect(throws: PNGError.notPNG) { try PNGDecoder.decode([1, 2, 3, 4, 5, 6, 7, 8, 9], maxPixels: 100) }
        #expect(throws: PNGError.notPNG) { try PNGDecoder.decode([], maxPixels: 100) }
        #expect(throws: PNGError.self) { try PNGDecoder.decode(Array(png[0..<(png.count / 2)]), maxPixels: 10_000) }
        var flipped = png
        flipped[png.count / 2] ^= 0xFF
        #expect(throws: PNGError.self) { try PNGDecoder.decode(flipped, maxPixels: 10_000) }
        // Cutting at every offset never crashes.
        for end in stride(from: 0, to: png.count, by: 7) {
            _ = try? PNGDecoder.decode(Array(png[0..<end]), maxPixels: 10_000)
        }
    }

    @Test func oversizedHeaderIsRejectedBeforeDecoding() throws {
        let png = try fixture("huge-dimensions.png")
        #expect(throws: PNGError.tooLarge(width: 50_000, height: 50_000)) { try PNGDecoder.decode(png, maxPixels: 40_000_000) }
        let small = try PNGEncoder.encode(S.card(width: 20, height: 10))
        #expect(throws: PNGError.tooLarge(width: 20, height: 10)) { try PNGDecoder.decode(small, maxPixels: 199) }
        #expect(try PNGDecoder.decode(small, maxPixels: 200).width == 20)
    }

    @Test func otherColorTypesAreConvertedToRGBA() throws {
        let palette = try PNGDecoder.decode(try fixture("palette-trns-2x1.png"), maxPixels: 10)
        #expect(palette.width == 2 && palette.height == 1)
        #expect(palette.rgba == [255, 0, 0, 255, 0, 255, 0, 0])
        let gray = try PNGDecoder.decode(try fixture("gray16-3x1.png"), maxPixels: 10)
        #expect(gray.rgba == [0, 0, 0, 255, 128, 128, 128, 255, 255, 255, 255, 255])
    }
}
