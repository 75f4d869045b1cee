import Testing
@testable import Render

struct CodecJPEGWebPTests {
    /// A canvas with a left half of `left` and right half of `right`, both opaque.
    private func halves(width: Int = 64, height: Int = 32, left: (UInt8, UInt8, UInt8), right: (UInt8, UInt8, UInt8)) -> Canvas {
        let canvas = Canvas(width: width, height: height)
        for y in 0..<height {
            for x in 0..<width {
                let color = x < width / 2 ? left : right
                let offset = (y * width + x) * 4
                canvas.pixels[offset] = color.0
                canvas.pixels[offset + 1] = color.1
                canvas.pixels[offset + 2] = color.2
                canvas.pixels[offset + 3] = 255
            }
        }
        return canvas
    }

    private func close(_ a: UInt8, _ b: UInt8, within tolerance: Int) -> Bool { abs(Int(a) - Int(b)) <= tolerance }

    @Test func jpegRoundTripsColors() throws {
        let canvas = halves(left: (200, 30, 40), right: (20, 90, 220))
        let bytes = try JPEGEncoder.encode(canvas, quality: 90)
        #expect(bytes.starts(with: [0xFF, 0xD8, 0xFF]))
        let decoded = try JPEGDecoder.decode(bytes, maxPixels: 10_000)
        #expect(decoded.width == 64 && decoded.height == 32)
        let left = 16 * 64 * 4 + 8 * 4
        let right = 16 * 64 * 4 + 56 * 4
        #expect(close(decoded.rgba[left], 200, within: 6) && close(decoded.rgba[left + 2], 40, within: 6))
        #expect(close(decoded.rgba[right + 1], 90, within: 6) && close(decoded.rgba[right + 2], 220, within: 6))
        #expect(decoded.rgba[left + 3] == 255)
    }

    @Test func fullChromaKeepsAColorEdgeSharperThanHalfChroma() throws {
        let canvas = halves(width: 33, height: 16, left: (255, 0, 0), right: (0, 0, 255))
        func errorAtEdge(_ subsampling: JPEGEncoder.Subsampling) throws -> Int {
            let decoded = try JPEGDecoder.decode(try JPEGEncoder.encode(canvas, quality: 95, subsampling: subsampling), maxPixels: 1000)
            var error = 0
            for x in 14..<19 {
                let offset = (8 * 33 + x) * 4
                let expected: (Int, Int) = x < 16 ? (255, 0) : (0, 255)
                error += abs(Int(decoded.rgba[offset]) - expected.0) + abs(Int(decoded.rgba[offset + 2]) - expected.1)
            }
            return error
        }
        #expect(try errorAtEdge(.full) < errorAtEdge(.half))
    }

    @Test func jpegFlattensTransparencyOntoWhite() throws {
        let canvas = Canvas(width: 16, height: 16)
        let decoded = try JPEGDecoder.decode(try JPEGEncoder.encode(canvas, quality: 90), maxPixels: 1000)
        #expect(decoded.rgba[0] > 250 && decoded.rgba[1] > 250 && decoded.rgba[2] > 250)
    }

    @Test func jpegDecoderRejectsGarbageAndTruncation() throws {
        #expect(throws: CodecError.wrongFormat("not a JPEG file")) { try JPEGDecoder.decode([1, 2, 3, 4], maxPixels: 100) }
        let bytes = try JPEGEncoder.encode(halves(left: (1, 2, 3), right: (4, 5, 6)), quality: 80)
        // A header cut short is an error from libjpeg, caught by the shim instead of exiting.
        #expect(throws: CodecError.self) { try JPEGDecoder.decode(Array(bytes.prefix(40)), maxPixels: 10_000) }
        #expect(throws: CodecError.tooLarge(width: 64, height: 32)) { try JPEGDecoder.decode(bytes, maxPixels: 100) }
    }

    @Test func webpLossyAndLosslessRoundTrip() throws {
        let canvas = halves(left: (200, 30, 40), right: (20, 90, 220))
        let lossy = try WebPEncoder.encode(canvas, quality: 90)
        #expect(lossy.starts(with: Array("RIFF".utf8)))
        let decodedLossy = try WebPDecoder.decode(lossy, maxPixels: 10_000)
        let left = 16 * 64 * 4 + 8 * 4
        #expect(close(decodedLossy.rgba[left], 200, within: 8))
        let lossless = try WebPEncoder.encode(canvas, quality: 100)
        let decoded = try WebPDecoder.decode(lossless, maxPixels: 10_000)
        #expect(decoded.rgba == canvas.pixels)
    }

    @Test func webpKeepsAlpha() throws {
        let canvas = Canvas(width: 8, height: 8)
        canvas.pixels[0] = 128; canvas.pixels[3] = 128
        let decoded = try WebPDecoder.decode(try WebPEncoder.encode(canvas, quality: 100), maxPixels: 100)
        #expect(decoded.rgba[0] == 255 && decoded.rgba[3] == 128 && decoded.rgba[7] == 0)
    }

    @Test func webpDecoderRejectsGarbageAndLimits() throws {
        #expect(throws: CodecError.wrongFormat("not a WebP file")) { try WebPDecoder.decode(Array(repeating: 7, count: 40), maxPixels: 100) }
        let bytes = try WebPEncoder.encode(halves(left: (1, 2, 3), right: (4, 5, 6)), quality: 50)
        #expect(throws: CodecError.tooLarge(width: 64, height: 32)) { try WebPDecoder.decode(bytes, maxPixels: 100) }
        #expect(throws: CodecError.self) { try WebPDecoder.decode(Array(bytes.prefix(bytes.count / 2)), maxPixels: 10_000) }
    }
}

struct CodecOpacityScanTests {
    @Test(arguments: [(1, 1), (3, 1), (7, 3), (64, 40)])
    func opaqueScanFindsAnyTranslucentPixel(width: Int, height: Int) {
        let canvas = Canvas(width: width, height: height)
        for index in 0..<(width * height) { canvas.pixels[index * 4 + 3] = 255 }
        #expect(PNGEncoder.isOpaque(canvas))
        for pixel in [0, width * height / 2, width * height - 1] {
            canvas.pixels[pixel * 4 + 3] = 254
            #expect(!PNGEncoder.isOpaque(canvas), "pixel \(pixel)")
            canvas.pixels[pixel * 4 + 3] = 255
        }
    }
}
