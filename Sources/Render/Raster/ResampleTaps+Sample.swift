extension ResampleTaps {
    /// Whether every weight is zero or more. Then each pixel's weights sum to at most `one`, so a
    /// vertically filtered channel is at most 255·4096 and a fully filtered one at most 255·4096²,
    /// which with the rounding half still fits a `UInt32`: `sampleWide` can add in 32 bits.
    /// (The weight correction in `append` can push a tiny edge tap below zero; such taps take
    /// the scalar path.)
    var hasNonNegativeWeights: Bool { weights.allSatisfy { $0 >= 0 } }

    /// One destination pixel: the taps `offsets[column]..<offsets[column + 1]` applied to
    /// `vertical` (B, G, R, A sums per source column), rounded to a premultiplied RGBA8 word.
    /// The general path: 64-bit sums, clamped at both ends.
    static func sampleScalar(column: Int, offsets: UnsafePointer<Int>, indices: UnsafePointer<Int>, weights: UnsafePointer<Int32>,
                             vertical: UnsafePointer<Int32>) -> UInt32 {
        var b: Int = 0, g: Int = 0, r: Int = 0, a: Int = 0
        for tap in offsets[column]..<offsets[column + 1] {
            let weight: Int = Int(weights[tap])
            let base: Int = indices[tap] * 4
            b = b &+ weight &* Int(vertical[base])
            g = g &+ weight &* Int(vertical[base + 1])
            r = r &+ weight &* Int(vertical[base + 2])
            a = a &+ weight &* Int(vertical[base + 3])
        }
        let half: Int = 1 << 23
        let alpha: Int = Swift.min(255, Swift.max(0, (a + half) >> 24))
        let red: Int = Swift.min(alpha, Swift.max(0, (r + half) >> 24))
        let green: Int = Swift.min(alpha, Swift.max(0, (g + half) >> 24))
        let blue: Int = Swift.min(alpha, Swift.max(0, (b + half) >> 24))
        return UInt32(red) | (UInt32(green) << 8) | (UInt32(blue) << 16) | (UInt32(alpha) << 24)
    }

    /// `sampleScalar` for taps and vertical sums that are all zero or more (`hasNonNegativeWeights`
    /// on both axes): the sums cannot wrap (see `hasNonNegativeWeights`), so two channels add per
    /// 64-bit word (see `samplePaddedPairs`), the bytes are the same and the clamps below zero fall away.
    static func sampleWide(column: Int, offsets: UnsafePointer<Int>, indices: UnsafePointer<Int>, weights: UnsafePointer<Int32>,
                           vertical: UnsafePointer<Int32>) -> UInt32 {
        let lanes: UnsafeRawPointer = UnsafeRawPointer(vertical)
        var blueGreen: UInt64 = 0, redAlpha: UInt64 = 0
        for tap in offsets[column]..<offsets[column + 1] {
            let offset: Int = indices[tap] &* 16
            let weight = UInt64(UInt32(truncatingIfNeeded: weights[tap]))
            blueGreen &+= lanes.loadUnaligned(fromByteOffset: offset, as: UInt64.self) &* weight
            redAlpha &+= lanes.loadUnaligned(fromByteOffset: offset &+ 8, as: UInt64.self) &* weight
        }
        return rgbaWord(blueGreen: blueGreen, redAlpha: redAlpha)
    }
}
