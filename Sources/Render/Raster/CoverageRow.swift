/// The coverage of one pixel row by a shape, as `CoverageRasterizer` produces it.
///
/// Columns `start..<end` are touched. Columns `interiorStart..<interiorEnd` all have coverage
/// `interiorCoverage` (for most rows of a fill this is nearly the whole row, so the blend can run as
/// a store loop); the others read their coverage from the rasterizer's buffer, except the hole.
struct CoverageRow {
    var start: Int
    var end: Int
    var interiorStart: Int
    var interiorEnd: Int
    var interiorCoverage: UInt32
    /// Columns inside the hole of a border ring: coverage zero, not even computed.
    var holeStart: Int = 0
    var holeEnd: Int = 0

    /// The same coverage restricted to `columns`: every column inside keeps its coverage (its
    /// interior level, its buffered value, or the hole's zero), so blending the result equals
    /// blending those columns of the whole row.
    func clamped(to columns: Range<Int>) -> CoverageRow {
        let low: Int = Swift.max(start, columns.lowerBound)
        let high: Int = Swift.max(low, Swift.min(end, columns.upperBound))
        func inside(_ x: Int) -> Int { Swift.min(high, Swift.max(low, x)) }
        let interiorLow: Int = inside(interiorStart)
        var result = CoverageRow(start: low, end: high, interiorStart: interiorLow,
                                 interiorEnd: Swift.max(interiorLow, inside(interiorEnd)), interiorCoverage: interiorCoverage)
        if holeEnd > holeStart {
            result.holeStart = inside(holeStart)
            result.holeEnd = Swift.max(result.holeStart, inside(holeEnd))
        }
        return result
    }
}
