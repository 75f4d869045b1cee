/// Horizontal sampling with two channels per 64-bit word. The vertically filtered row holds four
/// `Int32` sums per source column (B, G, R, A); read as two `UInt64`s, the first holds blue in its
/// low half and green in its high half, the second red and alpha (on the little-endian hosts
/// ogpress runs on). One scalar multiply then weights two channels.
///
/// This is only exact when nothing carries from the low half into the high one. On the paths that
/// use it (`hasNonNegativeWeights` on both axes) every vertical sum is at most 255·4096 and every
/// pixel's weights add up to at most 4096, so each half's total, with the rounding half added, is
/// at most 255·4096² + 2²³ < 2³²: each half is exactly the `UInt32` lane sum `sampleWide` adds.
extension ResampleTaps {
    /// A padded pixel's word (`sampleWide` over its taps, the padding adding zeros), with two
    /// channels per multiply.
    @inline(__always)
    static func samplePaddedPairs(_ tap: PaddedTap, vertical: UnsafeRawPointer) -> UInt32 {
        let first = Int(tap.offset0), second = Int(tap.offset1), third = Int(tap.offset2)
        let weight0 = UInt64(tap.weight0), weight1 = UInt64(tap.weight1), weight2 = UInt64(tap.weight2)
        let blueGreen: UInt64 = vertical.loadUnaligned(fromByteOffset: first, as: UInt64.self) &* weight0
            &+ vertical.loadUnaligned(fromByteOffset: second, as: UInt64.self) &* weight1
            &+ vertical.loadUnaligned(fromByteOffset: third, as: UInt64.self) &* weight2
        let redAlpha: UInt64 = vertical.loadUnaligned(fromByteOffset: first &+ 8, as: UInt64.self) &* weight0
            &+ vertical.loadUnaligned(fromByteOffset: second &+ 8, as: UInt64.self) &* weight1
            &+ vertical.loadUnaligned(fromByteOffset: third &+ 8, as: UInt64.self) &* weight2
        return rgbaWord(blueGreen: blueGreen, redAlpha: redAlpha)
    }

    /// Two pairs of 2²⁴-scaled channel sums rounded to bytes, colors kept at or below alpha, packed
    /// as an RGBA word (R in the low byte), as `sampleWide` packs its lanes.
    @inline(__always)
    static func rgbaWord(blueGreen: UInt64, redAlpha: UInt64) -> UInt32 {
        let half: UInt64 = 0x0080_0000_0080_0000, bytes: UInt64 = 0x0000_00FF_0000_00FF
        // Each half is below 2³² with its rounding half, so after the shift the low byte of each
        // half is the rounded channel and the mask drops what the high half shifted down.
        let blueGreenBytes: UInt64 = ((blueGreen &+ half) &>> 24) & bytes
        let redAlphaBytes: UInt64 = ((redAlpha &+ half) &>> 24) & bytes
        let alpha = UInt32(truncatingIfNeeded: redAlphaBytes &>> 32)
        let red: UInt32 = Swift.min(alpha, UInt32(truncatingIfNeeded: redAlphaBytes))
        let green: UInt32 = Swift.min(alpha, UInt32(truncatingIfNeeded: blueGreenBytes &>> 32))
        let blue: UInt32 = Swift.min(alpha, UInt32(truncatingIfNeeded: blueGreenBytes))
        return red | green &<< 8 | blue &<< 16 | alpha &<< 24
    }
}
