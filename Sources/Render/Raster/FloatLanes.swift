/// Eight-lane `Float` helpers for the mask conversions that turn blurred coverage into integers.
///
/// `Float` lanes are 32 bits wide, which the baseline x86-64 target (SSE2) compares, selects and
/// converts natively, unlike 64-bit lanes; each helper gives exactly what the scalar expression
/// named in its comment gives, so the masks' bytes do not change.
enum FloatLanes {
    typealias Lanes = SIMD8<Float>

    /// `Int32(value)` (truncation) of each lane, for lanes in 0...2²² (all mask levels are):
    /// adding and removing 1.5·2²³ rounds to the nearest integer, a result above the value steps
    /// down by one, and the integer is read from the low bits of the rounded sum.
    @inline(__always)
    static func truncate(_ value: Lanes) -> SIMD8<Int32> {
        let magic: Float = 12_582_912  // 1.5·2²³: its ulp is 1.
        let nearest: Lanes = (value + magic) - magic
        let floor: Lanes = nearest.replacing(with: nearest - 1, where: nearest .> value)
        return unsafeBitCast(floor + magic, to: SIMD8<Int32>.self) &- 0x4B40_0000
    }

    /// `Swift.min(high, Swift.max(low, value))` of each lane; NaN becomes `low`, as there.
    @inline(__always)
    static func clamp(_ value: Lanes, low: Float, high: Float) -> Lanes {
        // Swift.max(low, v) is `v >= low ? v : low`; Swift.min(high, m) is `m < high ? m : high`.
        let raised: Lanes = Lanes(repeating: low).replacing(with: value, where: value .>= low)
        return Lanes(repeating: high).replacing(with: raised, where: raised .< high)
    }
}
