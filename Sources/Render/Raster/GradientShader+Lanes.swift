/// Linear, conic and radial parameters four columns at a time. Each lane performs the same IEEE
/// operations, in the same order, as the one-pixel code in `GradientShader.fill`, so the colors
/// are identical; only the table loads stay scalar. The ramp lookup is taken once per row and
/// passed in as `lanes`, specialized for clamped or repeating ramps.
extension GradientShader {
    typealias Lanes = SIMD4<Double>

    /// Radial colors of columns `start..<end` of a row at squared vertical distance `v2` (in
    /// radii); returns the first column it did not fill (fewer than four remain). The square
    /// roots are correctly rounded whether taken per lane or one at a time, and the ramp lookup
    /// is `GradientRampLanes.store(colorsAt:into:)`, which replaces the per-pixel lookup's checked
    /// conversion and bounds test with lane arithmetic.
    @inline(__always)
    func fillRadialLanes<R: GradientRampLanes>(_ lanes: R, v2: Double, centerX: Double, inverse: Double, from start: Int, to end: Int,
                                               into row: UnsafeMutablePointer<UInt32>) -> Int {
        let steps = Lanes(0, 1, 2, 3)
        var x: Int = start
        while x + 4 <= end {
            let u: Lanes = ((Lanes(repeating: Double(x)) + steps + 0.5) - centerX) * inverse
            // The sum is never negative (or NaN, whose sign does not matter), so clearing its
            // sign bit changes nothing; it lets the compiler see that and take one vector square
            // root per two lanes instead of a checked libm call per lane.
            let sum: Lanes = u * u + v2
            let t: Lanes = unsafeBitCast(unsafeBitCast(sum, to: SIMD4<UInt64>.self) & 0x7FFF_FFFF_FFFF_FFFF, to: Lanes.self).squareRoot()
            lanes.store(colorsAt: t, into: row + x)
            x += 4
        }
        return x
    }

    /// Conic colors of columns `start..<end` of a row at `dy` below the centre; returns the
    /// first column it did not fill (fewer than four remain, or the start angle is too large for
    /// the exact floor below, in which case it fills nothing).
    @inline(__always)
    func fillConicLanes<R: GradientRampLanes>(_ lanes: R, dy: Double, centerX: Double, startAngle: Double, from start: Int, to end: Int,
                                              into row: UnsafeMutablePointer<UInt32>) -> Int {
        // The wrap needs floor(angle / turn). The angle lies within ±(π + 1e-5) of −startAngle (or
        // is NaN, which stays NaN whatever is subtracted), so below this bound its turns are far
        // under 2⁵⁰, where the lane-wise rounding floor is exact.
        guard abs(startAngle) < 1e12 else { return start }
        let turn: Double = 2 * Double.pi
        let perRadian: Double = 1 / turn
        // arctangent(dx, -dy): its `x` argument is the same for the whole row.
        let across: Double = -dy
        let ax: Double = abs(across)
        let steps = Lanes(0, 1, 2, 3)
        // With a finite centre every dx is finite, so `high` ≥ ax > 0 and `arctangent`'s
        // zero-length case cannot occur anywhere on the row.
        let rowHasHeight: Bool = ax > 0 && centerX.isFinite
        var x: Int = start
        while x + 4 <= end {
            let dx: Lanes = (Lanes(repeating: Double(x)) + steps + 0.5) - centerX
            // Columns are never negative, so dx is never −0: its sign bit is set exactly where
            // dx < 0, and clearing it is abs(). (A NaN dx, from a NaN centre, makes the angle 0
            // below whatever its sign.)
            let signs: SIMD4<UInt64> = unsafeBitCast(dx, to: SIMD4<UInt64>.self) & (1 << 63)
            let ay: Lanes = unsafeBitCast(unsafeBitCast(dx, to: SIMD4<UInt64>.self) ^ signs, to: Lanes.self)
            // Swift.max and Swift.min of `arctangent`, as selects (both sides are non-negative numbers).
            let high: Lanes = ay.replacing(with: ax, where: ay .< ax)
            let low: Lanes = ay.replacing(with: ax, where: ax .< ay)
            let z: Lanes = low / high
            let z2: Lanes = z * z
            // `arctangent`'s polynomial, innermost term first, in its order of operations.
            var poly: Lanes = z2 * -0.01172120
            poly = poly + 0.05265332
            poly = z2 * poly + -0.11643287
            poly = z2 * poly + 0.19354346
            poly = z2 * poly + -0.33262347
            poly = z2 * poly + 0.99997726
            var angle: Lanes = z * poly
            angle = angle.replacing(with: Double.pi / 2 - angle, where: ay .> ax)
            if across < 0 { angle = Double.pi - angle }
            // Negated where dx < 0: flipping the sign bit is negation.
            angle = unsafeBitCast(unsafeBitCast(angle, to: SIMD4<UInt64>.self) ^ signs, to: Lanes.self)
            if !rowHasHeight { angle = angle.replacing(with: 0, where: .!(high .> 0)) }
            angle -= startAngle
            let q: Lanes = angle * perRadian
            angle -= turn * GradientRamp.floor(q)
            let t: Lanes = angle * perRadian
            lanes.store(colorsAt: t, into: row + x)
            x += 4
        }
        return x
    }

    /// Linear colors of columns `start..<end` of a row whose `t` is `base + dx·(x + 0.5)`; returns
    /// the first column it did not fill (fewer than four remain).
    @inline(__always)
    func fillLinearLanes<R: GradientRampLanes>(_ lanes: R, base: Double, dx: Double, from start: Int, to end: Int,
                                               into row: UnsafeMutablePointer<UInt32>) -> Int {
        let steps = Lanes(0, 1, 2, 3)
        var x: Int = start
        while x + 4 <= end {
            // Double(x) + step is a whole number, as Double(x + step) is, so adding the half gives
            // the same centre.
            let t: Lanes = base + dx * (Lanes(repeating: Double(x)) + steps + 0.5)
            lanes.store(colorsAt: t, into: row + x)
            x += 4
        }
        return x
    }
}
