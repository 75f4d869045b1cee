/// The colors of a gradient as a lookup table over its parameter `t`: premultiplied pixels sampled
/// at even steps between the first and last stop, repeated with that period for `repeating-*`
/// gradients and clamped to the end colors otherwise.
struct GradientRamp {
    let table: [UInt32]
    /// Every color of the table is opaque.
    let isOpaque: Bool
    /// t of the first table entry and the span the table covers.
    let start: Double
    private let span: Double
    let repeating: Bool
    /// 1 / `span`: a lookup multiplies, because a division's latency dominated radial and conic fills.
    let inverseSpan: Double
    /// For a clamped ramp, a `t` from which on every lookup gives the last table entry (the ramp
    /// is flat past its last color change), so radial fills can store that color without
    /// evaluating the pixels far outside the ending shape; infinity when the ramp repeats.
    let flatFrom: Double

    /// - Parameters:
    ///   - stops: positions in units of `t` (they may lie outside 0...1).
    ///   - size: table entries; more for long gradient lines so steps stay under a pixel.
    init?(stops: [GradientStop], repeating: Bool, size: Int) {
        guard let first = stops.first, let last = stops.last else { return nil }
        let low = first.position.isFinite ? first.position : 0
        let high = Swift.max(low, last.position.isFinite ? last.position : 1)
        // A repeating gradient with no length paints its average color, which CSS Images 3 §3.6
        // approximates; the last color is close enough for a degenerate input.
        self.repeating = repeating && high - low > 1e-6
        if self.repeating {
            start = low
            span = high - low
            let normalized = stops.map { GradientStop(color: $0.color, position: ($0.position - low) / (high - low)) }
            table = LinearGradientShader.makeTable(stops: normalized, size: Swift.max(2, size))
        } else {
            start = 0
            span = 1
            table = LinearGradientShader.makeTable(stops: stops, size: Swift.max(2, size))
        }
        isOpaque = table.allSatisfy { $0 >> 24 == 255 }
        inverseSpan = 1 / span
        if self.repeating {
            flatFrom = .infinity
        } else {
            // The first entry of the final run of equal entries; `color(at:)` picks entry
            // Int(t·(n−1) + 0.5), which reaches it once t ≥ (first − 0.5)/(n−1). The added
            // millionth keeps that bound safely above any rounding of the lookup's arithmetic.
            var first: Int = table.count - 1
            while first > 0 && table[first - 1] == table[first] { first -= 1 }
            flatFrom = first == 0 ? -.infinity : (Double(first) - 0.5) / Double(table.count - 1) + 1e-6
        }
    }

    /// The premultiplied color at `t`.
    @inline(__always)
    func color(at t: Double) -> UInt32 {
        var f: Double = (t - start) * inverseSpan
        if repeating {
            f -= PixelMath.floor(f)
        }
        guard f.isFinite else { return table[0] }
        let scaled: Double = f * Double(table.count - 1) + 0.5
        // Clamped before converting: a far-away t (a radial gradient of a tiny radius) would
        // otherwise overflow `Int` and trap. Truncation commutes with the clamp to a whole number.
        let index: Int = scaled > 0 ? Int(Swift.min(Double(table.count - 1), scaled)) : 0
        return table[index]
    }

    /// Stores the colors at four values of `t` at `destination`, each exactly `color(at:)` (see
    /// `GradientRampLanes`; a row of lanes takes its lookup once instead).
    func store(colorsAt t: SIMD4<Double>, into destination: UnsafeMutablePointer<UInt32>) {
        withLanes(clamped: { $0.store(colorsAt: t, into: destination) },
                  repeating: { $0.store(colorsAt: t, into: destination) })
    }

    /// Lane-wise `rounded(.down)` for magnitudes below 2⁵⁰: adding and removing 1.5·2⁵² rounds
    /// to the nearest integer, and a result above the value steps down by one.
    @inline(__always)
    static func floor(_ value: SIMD4<Double>) -> SIMD4<Double> {
        let magic: Double = 6_755_399_441_055_744
        let nearest: SIMD4<Double> = (value + magic) - magic
        return nearest.replacing(with: nearest - 1, where: nearest .> value)
    }
}
