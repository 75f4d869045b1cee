/// The coverage of one pixel row by a shape, as `CoverageRasterizer` produces it.
///
/// Columns `start..<end` are touched. Columns `interiorStart..<interiorEnd` all have coverage
/// `interiorCoverage` (for most rows of a fill this is nearly the whole row, so the blend can run as
/// a store loop); the others read their coverage from the rasterizer's buffer, except the hole.
///
/// A ring's row has a hole, and a constant run on each side of it: the first interior lies in
/// `start...holeStart`, the second in `holeEnd...end`. Without a hole the second is empty.
struct CoverageRow {
    var start: Int
    var end: Int
    var interiorStart: Int
    var interiorEnd: Int
    var interiorCoverage: UInt32
    /// Columns inside the hole of a border ring: coverage zero, not even computed.
    var holeStart: Int = 0
    var holeEnd: Int = 0
    /// The constant run right of the hole.
    var secondInteriorStart: Int = 0
    var secondInteriorEnd: Int = 0
    var secondInteriorCoverage: UInt32 = 0

    var hasHole: Bool { holeEnd > holeStart }

    /// The coverage of column `x` (inside `start..<end`, outside the hole), reading the columns
    /// outside the constant runs from `buffered`.
    @inline(__always)
    func coverage(at x: Int, buffered: UnsafePointer<UInt8>) -> UInt32 {
        if x >= interiorStart && x < interiorEnd { return interiorCoverage }
        if x >= secondInteriorStart && x < secondInteriorEnd { return secondInteriorCoverage }
        return UInt32(buffered[x])
    }

    /// The same coverage restricted to `columns`: every column inside keeps its coverage (its
    /// interior level, its buffered value, or the hole's zero), so blending the result equals
    /// blending those columns of the whole row.
    func clamped(to columns: Range<Int>) -> CoverageRow {
        let low: Int = Swift.max(start, columns.lowerBound)
        let high: Int = Swift.max(low, Swift.min(end, columns.upperBound))
        func inside(_ x: Int) -> Int { Swift.min(high, Swift.max(low, x)) }
        func row(interior: Range<Int>, level: UInt32) -> CoverageRow {
            let interiorLow: Int = inside(interior.lowerBound)
            return CoverageRow(start: low, end: high, interiorStart: interiorLow,
                               interiorEnd: Swift.max(interiorLow, inside(interior.upperBound)), interiorCoverage: level)
        }
        let first: Range<Int> = interiorStart..<Swift.max(interiorStart, interiorEnd)
        guard hasHole else { return row(interior: first, level: interiorCoverage) }
        // Columns wholly on one side of the hole are a row without one.
        if high <= holeStart { return row(interior: first, level: interiorCoverage) }
        let second: Range<Int> = secondInteriorStart..<Swift.max(secondInteriorStart, secondInteriorEnd)
        if low >= holeEnd { return row(interior: second, level: secondInteriorCoverage) }
        var result: CoverageRow = row(interior: first, level: interiorCoverage)
        result.holeStart = inside(holeStart)
        result.holeEnd = Swift.max(result.holeStart, inside(holeEnd))
        result.secondInteriorStart = inside(second.lowerBound)
        result.secondInteriorEnd = Swift.max(result.secondInteriorStart, inside(second.upperBound))
        result.secondInteriorCoverage = secondInteriorCoverage
        return result
    }
}
