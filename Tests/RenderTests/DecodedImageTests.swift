import Testing
@testable import Render

/// Straight RGBA to premultiplied BGRA, against the rounding division it replaces.
struct DecodedImageTests {
    @Test func everyChannelAndAlphaPremultipliesAsTheRoundedDivision() {
        for alpha in 0...255 {
            var rgba: [UInt8] = []
            for channel in 0...255 {
                // Red, green and blue differ, so a swapped or shifted channel shows.
                rgba += [UInt8(channel), UInt8(255 - channel), UInt8((channel * 7) % 256), UInt8(alpha)]
            }
            let image = DecodedImage(width: 256, height: 1, straightRGBA: rgba)
            for x in 0..<256 {
                let expected = [rgba[x * 4], rgba[x * 4 + 1], rgba[x * 4 + 2]].map { (Int($0) * alpha + 127) / 255 } + [alpha]
                if image.pixel(x: x, y: 0) != expected {
                    Issue.record("alpha \(alpha), pixel \(x): \(image.pixel(x: x, y: 0)) instead of \(expected)")
                    return
                }
            }
        }
    }

    @Test func bytesAreLaidOutBlueGreenRedAlpha() {
        let image = DecodedImage(width: 2, height: 1, straightRGBA: [10, 20, 30, 255, 200, 100, 50, 128])
        #expect(image.bgra == [30, 20, 10, 255, 25, 50, 100, 128])
    }
}

/// The padded three-tap sampling of scaled images against the general per-tap loop (64-bit sums, clamped).
struct ResamplePaddedTests {
    @Test(arguments: [(1280, 1200.0), (1280, 1111.5), (300, 640.25), (97, 50.0), (64, 63.7)])
    func paddedTapsSampleAsTheLoop(sourceLength: Int, length: Double) throws {
        let taps = ResampleTaps(sourceLength: sourceLength, origin: 3.25, length: length, visible: 0..<2000)
        let padded = try #require(taps.paddedToThree())
        #expect(padded.count == taps.count)
        // A vertically filtered row: four channel sums per source column, within 255·4096.
        var generator = PNGDeflateTests.Generator(seed: UInt64(sourceLength))
        var vertical = [Int32](repeating: 0, count: sourceLength * 4)
        for column in 0..<sourceLength {
            let alpha = Int32(generator.below(4097)) * 255
            vertical[column * 4 + 3] = alpha
            for channel in 0..<3 { vertical[column * 4 + channel] = Int32(generator.below(Int(alpha) + 1)) }
        }
        vertical.withUnsafeBufferPointer { row in
            taps.withUnsafeTaps { offsets, indices, weights in
                for column in 0..<taps.count {
                    let loop = ResampleTaps.sampleScalar(column: column, offsets: offsets, indices: indices, weights: weights, vertical: row.baseAddress!)
                    let fixed = ResampleTaps.samplePaddedPairs(padded[column], vertical: UnsafeRawPointer(row.baseAddress!))
                    #expect(loop == fixed, "column \(column)")
                }
            }
        }
    }

    @Test func reductionsBeyondHalfKeepTheLoop() {
        #expect(ResampleTaps(sourceLength: 1000, origin: 0, length: 300, visible: 0..<2000).paddedToThree() == nil)
    }
}
