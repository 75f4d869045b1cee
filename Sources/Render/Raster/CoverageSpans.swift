/// The accumulation both coverage rasterizers share, as font rasterizers do it: a pixel partly
/// under a span gets its exact share in `area`, and the run of whole pixels between is one `+w` at
/// its start and one `-w` past its end in `delta`, so a span costs O(1) however long it is.
enum CoverageSpans {
    /// Adds `weight` times the exact overlap of [left, right) with every pixel column.
    @inline(__always)
    static func add(_ left: Double, _ right: Double, _ weight: Float,
                    area: UnsafeMutablePointer<Float>, delta: UnsafeMutablePointer<Float>) {
        let first: Int = Int(saturatingFloor: left)
        let last: Int = Int(saturatingFloor: right)
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
}
