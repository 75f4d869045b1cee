import Testing
@testable import Render

/// The eight-lane conversions of mask values to levels and bytes against the scalar expressions
/// they replace, on values chosen around every rounding and clamping edge.
struct RasterFloatLanesTests {
    /// Values near the clamps, near half levels, NaN and infinities, plus a sweep of 0...1;
    /// 8k + 5 of them so the scalar tail runs too.
    static let values: [Float] = {
        var values: [Float] = [0, -0.0, 1, -1, 2, .nan, .infinity, -.infinity, .ulpOfOne, -.ulpOfOne,
                               1e-9, 0.5, 1.0000001, 0.9999999, 3e38, -3e38]
        for level in 0...255 {
            // Half a level above each byte, and the floats beside it.
            let half: Float = (Float(level) + 0.5) / 255
            values += [half, half.nextUp, half.nextDown, Float(level) / 255, (Float(level) / 255).nextUp]
            let fixed: Float = (Float(level) * 256 + 0.5) / (255 * 256)
            values += [fixed, fixed.nextDown]
        }
        for step in 0..<997 { values.append(Float(step) / 996 * 1.1 - 0.05) }
        while values.count % 8 != 5 { values.append(0.37) }
        return values
    }()

    private var mask: AlphaMask {
        var mask = AlphaMask(originX: 0, originY: 0, width: Self.values.count, height: 1)
        mask.values = Self.values
        return mask
    }

    @Test func fixedLevelsMatchTheScalarConversion() {
        let levels = mask.fixedLevels()
        #expect(levels.count == Self.values.count)
        for (index, value) in Self.values.enumerated() {
            let scaled: Float = value * (255 * 256) + 128
            let expected = Int32(scaled > 128 ? Swift.min(255 * 256 + 128, scaled) : 128)
            #expect(levels[index] == expected, "value \(value)")
        }
    }

    @Test func byteLevelsMatchTheScalarConversion() {
        let bytes = mask.byteLevels()
        #expect(bytes.count == Self.values.count)
        for (index, value) in Self.values.enumerated() {
            let expected = UInt8(Swift.min(255, Swift.max(0, value * 255 + 0.5)))
            #expect(bytes[index] == expected, "value \(value)")
        }
    }

    @Test func truncationIsIntegerConversion() {
        var lanes = FloatLanes.Lanes()
        for start in stride(from: Float(0), to: 70_000, by: 0.37) {
            for lane in 0..<8 { lanes[lane] = start + Float(lane) * 0.125 }
            let truncated = FloatLanes.truncate(lanes)
            for lane in 0..<8 { #expect(truncated[lane] == Int32(lanes[lane])) }
        }
    }
}
