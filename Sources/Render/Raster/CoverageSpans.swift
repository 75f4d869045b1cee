/// The accumulation both coverage rasterizers share, as font rasterizers do it: a pixel partly
/// under a span gets its exact share in `area`, and the run of whole pixels between is one `+w` at
/// its start and one `-w` past its end in `delta`, so a span costs O(1) however long it is.
enum CoverageSpans {
    /// Adds `weight` times the exact overlap of [left, right) with every pixel column.
    @inline(__always)
    static func add(_ left: Double, _ right: Double, _ weight: Float,
                    area: UnsafeMutablePointer<Float>, delta: UnsafeMutablePointer<Float>) {
        let first: Int = column(left)
        let last: Int = column(right)
        if first == last {
            area[first] += Float(right - left) * weight
            return
        }
        area[first] += Float(Double(first + 1) - left) * weight
        delta[first + 1] += weight
        delta[last] -= weight
        let tail: Double = right - Double(last)
        if tail > 0 { area[last] += Float(tail) * weight }
    }

    /// The column holding `x`: `Int(saturatingFloor:)`, without the libm call it makes on the
    /// baseline x86-64 target wherever `x` is within reach of a canvas (the result is the same).
    @inline(__always)
    static func column(_ x: Double) -> Int {
        guard x.magnitude < 1_099_511_627_776 else { return Int(saturatingFloor: x) }
        let truncated: Int = Int(x)
        return Double(truncated) > x ? truncated - 1 : truncated
    }
}
