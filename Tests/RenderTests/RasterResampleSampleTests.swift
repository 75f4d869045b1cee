import Testing
@testable import Render

/// The 32-bit four-lane image sampler must give the same bytes as the 64-bit scalar one for
/// every pixel of taps that have no negative weight.
struct RasterResampleSampleTests {
    /// Source lengths drawn onto shrinking, enlarging and fractional destinations.
    static let axes: [(source: Int, origin: Double, length: Double)] = [
        (120, 0.3, 37.2), (120, -4.5, 270), (4, 0.25, 200), (80, 3.6, 30), (7, 0, 7.5), (1, 2.5, 9.25), (33, 1.1, 32.8),
    ]

    @Test(arguments: 0..<axes.count)
    func wideSamplesMatchScalarSamples(axis: Int) {
        let (source, origin, length) = Self.axes[axis]
        let taps = ResampleTaps(sourceLength: source, origin: origin, length: length, visible: -50..<400)
        guard taps.hasNonNegativeWeights else { return }
        // Vertical sums up to their largest possible value, 255 · 4096, with extremes mixed in.
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15 &+ UInt64(axis)
        let vertical: [Int32] = (0..<(source * 4)).map { index in
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            switch index % 7 {
            case 0: return 255 * 4096
            case 1: return 0
            default: return Int32((state >> 33) % UInt64(255 * 4096 + 1))
            }
        }
        var checked = 0
        vertical.withUnsafeBufferPointer { vertical in
            taps.withUnsafeTaps { offsets, indices, weights in
                for column in 0..<taps.count {
                    let wide = ResampleTaps.sampleWide(column: column, offsets: offsets, indices: indices, weights: weights,
                                                       vertical: vertical.baseAddress!)
                    let scalar = ResampleTaps.sampleScalar(column: column, offsets: offsets, indices: indices, weights: weights,
                                                           vertical: vertical.baseAddress!)
                    #expect(wide == scalar, "column \(column)")
                    checked += 1
                }
            }
        }
        #expect(checked > 0)
    }

    /// Full weight on the largest sums: the sums reach 255 · 4096², close to `UInt32.max`.
    @Test func opaqueWhiteSurvivesTheWidePath() {
        let taps = ResampleTaps(sourceLength: 3, origin: 0, length: 3, visible: 0..<3)
        let vertical = [Int32](repeating: 255 * 4096, count: 12)
        vertical.withUnsafeBufferPointer { vertical in
            taps.withUnsafeTaps { offsets, indices, weights in
                #expect(ResampleTaps.sampleWide(column: 1, offsets: offsets, indices: indices, weights: weights,
                                                vertical: vertical.baseAddress!) == 0xFFFF_FFFF)
            }
        }
    }
}
