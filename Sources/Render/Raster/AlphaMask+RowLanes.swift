/// Horizontal box passes on four rows at once.
///
/// A running sum along a row is one long chain of dependent additions, which no compiler can
/// spread over SIMD lanes. Four rows have four independent chains: interleaved so that lane k of
/// column x is row k's value at x, they run as one chain of `SIMD4<Float>` with every lane doing
/// exactly the scalar arithmetic of its row (same operations, same order), so the results are
/// the bits the one-row loops gave.
extension AlphaMask {
    /// One extended-box pass (radius `r`, end weight `alpha`, `scale`) along every row of
    /// `values`, written to `scratch`; values beyond a row's ends count as zero.
    static func extendedBoxPassAlongRows(_ values: UnsafeMutableBufferPointer<Float>, into scratch: UnsafeMutableBufferPointer<Float>,
                                         width: Int, height: Int, r: Int, alpha: Float, scale: Float) {
        guard width > 0 else { return }
        // r + 1 zero columns each side stand for the row's missing ends, so every read is in
        // range and adds the +0 the scalar loop added there.
        let pad: Int = r + 1
        var input = [SIMD4<Float>](repeating: .zero, count: width + 2 * pad)
        var output = [SIMD4<Float>](repeating: .zero, count: width)
        let alphaLanes = SIMD4<Float>(repeating: alpha), scaleLanes = SIMD4<Float>(repeating: scale)
        input.withUnsafeMutableBufferPointer { input in
            output.withUnsafeMutableBufferPointer { output in
                let column = input.baseAddress! + pad
                for y in stride(from: 0, to: height, by: 4) {
                    interleave(rows: y..<Swift.min(height, y + 4), of: UnsafePointer(values.baseAddress!), width: width, into: column)
                    var sum = SIMD4<Float>.zero
                    for x in 0..<Swift.min(r, width) { sum += column[x] }
                    for x in 0..<width {
                        sum += column[x + r]
                        output[x] = nonNegative((sum + alphaLanes * (column[x - r - 1] + column[x + r + 1])) * scaleLanes)
                        sum -= column[x - r]
                    }
                    deinterleave(output.baseAddress!, width: width, into: scratch.baseAddress!, rows: y..<Swift.min(height, y + 4))
                }
            }
        }
    }

    /// One plain box pass of `size` (odd) along every row of `values`, written to `scratch`:
    /// a running sum that takes in and drops only values inside the row.
    static func boxPassAlongRows(_ values: UnsafeMutableBufferPointer<Float>, into scratch: UnsafeMutableBufferPointer<Float>,
                                 width: Int, height: Int, size: Int) {
        guard width > 0 else { return }
        let radius: Int = size / 2
        let scale = SIMD4<Float>(repeating: 1 / Float(size))
        var input = [SIMD4<Float>](repeating: .zero, count: width)
        var output = [SIMD4<Float>](repeating: .zero, count: width)
        input.withUnsafeMutableBufferPointer { input in
            output.withUnsafeMutableBufferPointer { output in
                let column = input.baseAddress!
                for y in stride(from: 0, to: height, by: 4) {
                    interleave(rows: y..<Swift.min(height, y + 4), of: UnsafePointer(values.baseAddress!), width: width, into: column)
                    var sum = SIMD4<Float>.zero
                    for x in 0..<Swift.min(radius, width) { sum += column[x] }
                    // The tests depend on x alone, so they are the same for all four rows; between
                    // the ends both hold.
                    let inner: Int = Swift.min(radius, width)
                    let outer: Int = Swift.max(inner, width - radius)
                    for x in 0..<inner {
                        if x + radius < width { sum += column[x + radius] }
                        output[x] = nonNegative(sum * scale)
                    }
                    for x in inner..<outer {
                        sum += column[x + radius]
                        output[x] = nonNegative(sum * scale)
                        sum -= column[x - radius]
                    }
                    for x in outer..<width {
                        if x + radius < width { sum += column[x + radius] }
                        output[x] = nonNegative(sum * scale)
                        if x - radius >= 0 { sum -= column[x - radius] }
                    }
                    deinterleave(output.baseAddress!, width: width, into: scratch.baseAddress!, rows: y..<Swift.min(height, y + 4))
                }
            }
        }
    }

    /// `Swift.max(0, v)` per lane, which is `v >= 0 ? v : 0` (so −0 stays −0 and NaN becomes 0).
    @inline(__always)
    private static func nonNegative(_ value: SIMD4<Float>) -> SIMD4<Float> {
        SIMD4<Float>.zero.replacing(with: value, where: value .>= 0)
    }

    /// Rows `rows` (at most four) of a `width`-wide buffer as columns of lanes; lanes of missing
    /// rows are zero.
    private static func interleave(rows: Range<Int>, of values: UnsafePointer<Float>, width: Int, into column: UnsafeMutablePointer<SIMD4<Float>>) {
        if rows.count == 4 {
            let r0 = values + rows.lowerBound * width, r1 = r0 + width, r2 = r1 + width, r3 = r2 + width
            for x in 0..<width { column[x] = SIMD4(r0[x], r1[x], r2[x], r3[x]) }
            return
        }
        for x in 0..<width {
            var lanes = SIMD4<Float>.zero
            for (lane, y) in rows.enumerated() { lanes[lane] = values[y * width + x] }
            column[x] = lanes
        }
    }

    /// The first `rows.count` lanes of each column written back as rows `rows`.
    private static func deinterleave(_ column: UnsafePointer<SIMD4<Float>>, width: Int, into values: UnsafeMutablePointer<Float>, rows: Range<Int>) {
        if rows.count == 4 {
            let r0 = values + rows.lowerBound * width, r1 = r0 + width, r2 = r1 + width, r3 = r2 + width
            for x in 0..<width {
                let lanes = column[x]
                r0[x] = lanes[0]; r1[x] = lanes[1]; r2[x] = lanes[2]; r3[x] = lanes[3]
            }
            return
        }
        for x in 0..<width {
            for (lane, y) in rows.enumerated() { values[y * width + x] = column[x][lane] }
        }
    }
}
