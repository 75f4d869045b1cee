/// A ramp lookup for four values of `t` at once, taken for one row: the table address and the
/// scale are read once per row instead of once per lane, and clamped and repeating ramps get
/// separate types, so a row's loop carries no test of which kind it is.
protocol GradientRampLanes {
    /// Stores the colors at four values of `t` at `destination`, each exactly
    /// `GradientRamp.color(at:)`.
    func store(colorsAt t: SIMD4<Double>, into destination: UnsafeMutablePointer<UInt32>)
}

extension GradientRamp {
    /// Calls `clamped` or `repeating` (whichever fits this ramp) with a lane lookup valid during
    /// the call.
    @inline(__always)
    func withLanes<Result>(clamped: (ClampedLanes) -> Result, repeating: (RepeatingLanes) -> Result) -> Result {
        table.withUnsafeBufferPointer { table in
            // The initializer makes at least two entries, so the base address exists.
            let entries: UnsafePointer<UInt32> = table.baseAddress!
            let last = Double(table.count - 1)
            if self.repeating {
                return repeating(RepeatingLanes(entries: entries, last: last, start: start, inverseSpan: inverseSpan))
            }
            return clamped(ClampedLanes(entries: entries, last: last))
        }
    }

    /// The table index of each lane's `scaled` value (`t` in units of one entry, plus one half)
    /// as `color(at:)` picks it: clamped to the table, NaN to the first entry, then rounded down.
    /// The floor is the 1.5·2⁵² rounding trick read straight from the bits of the biased sum:
    /// rounding to nearest can land one above the value, and there the comparison's all-ones
    /// mask subtracts that one. The table has at most 65,536 entries, so the index is in the low
    /// 16 bits of each lane (the trick's constant has none set there).
    @inline(__always)
    static func laneIndices(scaled: SIMD4<Double>, last: Double) -> SIMD4<Int64> {
        var clamped: SIMD4<Double> = scaled.replacing(with: 0, where: .!(scaled .> 0))
        // Truncating the clamped value equals clamping the truncated one: `last` is a whole number.
        clamped = clamped.replacing(with: last, where: clamped .> last)
        let magic: Double = 6_755_399_441_055_744  // 1.5·2⁵²: its ulp is 1.
        let biased: SIMD4<Double> = clamped + magic
        let roundedUp: SIMD4<Int64> = SIMD4<Int64>(repeating: 0).replacing(with: -1, where: (biased - magic) .> clamped)
        return unsafeBitCast(biased, to: SIMD4<Int64>.self) &+ roundedUp
    }

    /// Lanes of a clamped ramp, whose table spans `t` = 0...1: there `(t − start) / span` is `t`
    /// itself, bit for bit, so a lookup only scales, clamps and rounds.
    struct ClampedLanes: GradientRampLanes {
        let entries: UnsafePointer<UInt32>
        /// The index of the last entry, as a `Double`.
        let last: Double

        @inline(__always)
        func store(colorsAt t: SIMD4<Double>, into destination: UnsafeMutablePointer<UInt32>) {
            // `color(at:)` gives the first entry for an infinite `t` (as for NaN, which the clamp
            // already sends there); a finite `t` too large for the product is clamped to the last.
            let scaled: SIMD4<Double> = (t * last + 0.5).replacing(with: 0, where: t .== .infinity)
            let index: SIMD4<Int64> = GradientRamp.laneIndices(scaled: scaled, last: last)
            for lane in 0..<4 { destination[lane] = entries[Int(truncatingIfNeeded: index[lane] & 0xFFFF)] }
        }
    }

    /// Lanes of a repeating ramp: `t` is taken relative to the first stop, in periods, and only
    /// its fraction indexes the table.
    struct RepeatingLanes: GradientRampLanes {
        let entries: UnsafePointer<UInt32>
        let last: Double
        let start: Double
        let inverseSpan: Double

        @inline(__always)
        func store(colorsAt t: SIMD4<Double>, into destination: UnsafeMutablePointer<UInt32>) {
            var f: SIMD4<Double> = (t - start) * inverseSpan
            // Also false for NaN and infinity, which `color(at:)` maps to the first entry.
            let magnitude: SIMD4<Double> = f.replacing(with: -f, where: f .< 0)
            guard all(magnitude .< 1.0e15) else {
                for lane in 0..<4 { destination[lane] = color(at: t[lane]) }
                return
            }
            f -= GradientRamp.floor(f)
            let index: SIMD4<Int64> = GradientRamp.laneIndices(scaled: f * last + 0.5, last: last)
            for lane in 0..<4 { destination[lane] = entries[Int(truncatingIfNeeded: index[lane] & 0xFFFF)] }
        }

        /// `GradientRamp.color(at:)` for a repeating ramp, for the rare lanes too far out for the
        /// lane floor.
        private func color(at t: Double) -> UInt32 {
            var f: Double = (t - start) * inverseSpan
            f -= PixelMath.floor(f)
            guard f.isFinite else { return entries[0] }
            let scaled: Double = f * last + 0.5
            return entries[scaled > 0 ? Int(Swift.min(last, scaled)) : 0]
        }
    }
}
