import Testing
@testable import Render

/// The eight-pixel premultiplication of decoded images against the one-pixel formula, and the
/// two-channels-per-word image samplers against the four-lane ones they replace.
struct ImageConversionLanesTests {
    /// Straight RGBA words with opaque runs, translucent pixels at every position of a chunk,
    /// fully transparent ones and odd tails.
    static func pixels(count: Int, seed: UInt64) -> [UInt8] {
        var generator = PNGDeflateTests.Generator(seed: seed)
        var bytes: [UInt8] = []
        for index in 0..<count {
            let alpha: UInt8
            switch generator.below(6) {
            case 0: alpha = UInt8(generator.below(256))
            case 1: alpha = index % 3 == 0 ? 0 : 255
            default: alpha = 255
            }
            bytes += [UInt8(generator.below(256)), UInt8(generator.below(256)), UInt8(generator.below(256)), alpha]
        }
        return bytes
    }

    @Test(arguments: [0, 1, 7, 8, 9, 15, 16, 17, 63, 1001])
    func eightPixelPremultiplyMatchesTheOnePixelFormula(count: Int) {
        for seed in 1...4 {
            let rgba = Self.pixels(count: count, seed: UInt64(seed * 1000 + count))
            let image = DecodedImage(width: count, height: 1, straightRGBA: rgba)
            var expected: [UInt8] = []
            for index in 0..<count {
                let word = UInt32(rgba[index * 4]) | UInt32(rgba[index * 4 + 1]) << 8 | UInt32(rgba[index * 4 + 2]) << 16
                    | UInt32(rgba[index * 4 + 3]) << 24
                let bgra = DecodedImage.premultipliedBGRA(word)
                expected += [UInt8(bgra & 0xFF), UInt8((bgra >> 8) & 0xFF), UInt8((bgra >> 16) & 0xFF), UInt8(bgra >> 24)]
            }
            #expect(image.bgra == expected, "count \(count), seed \(seed)")
        }
    }

    @Test func everyAlphaTimesEveryChannelInChunksOfEight() {
        // 256 × 256 pixels, one chunk of eight sharing an alpha, so every chunk takes the scaling path
        // (alpha 255 the opaque one).
        var rgba: [UInt8] = []
        for alpha in 0...255 {
            for channel in 0...255 { rgba += [UInt8(channel), UInt8(255 - channel), UInt8((channel * 37) % 256), UInt8(alpha)] }
        }
        let image = DecodedImage(width: 256, height: 256, straightRGBA: rgba)
        for alpha in 0...255 {
            for channel in 0...255 {
                let offset = (alpha * 256 + channel) * 4
                let expected = [Int(rgba[offset + 2]), Int(rgba[offset + 1]), Int(rgba[offset])].map { ($0 * alpha + 127) / 255 }
                let actual = image.bgra[offset..<(offset + 4)].map { Int($0) }
                guard actual == expected + [alpha] else {
                    Issue.record("alpha \(alpha), channel \(channel): \(actual) instead of \(expected + [alpha])")
                    return
                }
            }
        }
    }

    @Test func aSharedBufferIsNotConvertedUnderItsOtherOwner() {
        let rgba = Self.pixels(count: 20, seed: 9)
        let kept = rgba
        let image = DecodedImage(width: 20, height: 1, straightRGBA: rgba)
        #expect(rgba == kept)
        #expect(image.bgra != rgba)
    }

    @Test func aTrailingPartialPixelIsKept() {
        let image = DecodedImage(width: 2, height: 1, straightRGBA: [10, 20, 30, 255, 200, 100, 50, 128, 7, 8])
        #expect(image.bgra == [30, 20, 10, 255, 25, 50, 100, 128, 7, 8])
    }

    /// Axes that reduce and enlarge, with fractional origins and lengths; all have at most three taps.
    static let axes: [(source: Int, origin: Double, length: Double)] = [
        (1280, 3.25, 1200), (1600, 0, 1200), (1601, -7.4, 1001.4), (300, 0.5, 640.25), (97, 0, 50), (5, 1.5, 333.3), (1, 0, 3),
    ]

    /// Vertical sums at their extremes (0 and 255·4096) and in between, colors at most alpha or not.
    static func vertical(columns: Int, seed: UInt64) -> [Int32] {
        var generator = PNGDeflateTests.Generator(seed: seed)
        return (0..<(columns * 4)).map { _ in
            switch generator.below(4) {
            case 0: return 255 * 4096
            case 1: return 0
            default: return Int32(generator.below(255 * 4096 + 1))
            }
        }
    }

    @Test(arguments: 0..<axes.count)
    func pairedPaddedSamplesMatchTheGeneralLoop(axis: Int) throws {
        let (source, origin, length) = Self.axes[axis]
        let taps = ResampleTaps(sourceLength: source, origin: origin, length: length, visible: -20..<2000)
        let padded = try #require(taps.paddedToThree())
        let vertical = Self.vertical(columns: source, seed: UInt64(axis + 11))
        vertical.withUnsafeBufferPointer { row in
            taps.withUnsafeTaps { offsets, indices, weights in
                for column in 0..<padded.count {
                    let loop = ResampleTaps.sampleScalar(column: column, offsets: offsets, indices: indices, weights: weights,
                                                         vertical: row.baseAddress!)
                    let pairs = ResampleTaps.samplePaddedPairs(padded[column], vertical: UnsafeRawPointer(row.baseAddress!))
                    if loop != pairs {
                        Issue.record("axis \(axis), column \(column): \(pairs) instead of \(loop)")
                        return
                    }
                }
            }
        }
    }

    @Test func pairedSamplesOfTheLargestSumsAreOpaqueWhite() {
        let taps = ResampleTaps(sourceLength: 4, origin: 0, length: 3, visible: 0..<3)
        let padded = taps.paddedToThree()!
        let vertical = [Int32](repeating: 255 * 4096, count: 16)
        vertical.withUnsafeBytes { row in
            for tap in padded { #expect(ResampleTaps.samplePaddedPairs(tap, vertical: row.baseAddress!) == 0xFFFF_FFFF) }
        }
    }
}
