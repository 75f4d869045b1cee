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
}
