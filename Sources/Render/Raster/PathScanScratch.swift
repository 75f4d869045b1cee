/// The working memory of one `PathRasterizer.rasterize` call, allocated once per path instead of
/// grown inside the scan loop, where every array append paid a uniqueness check.
///
/// `area`, `delta` and `coverage` are shifted so canvas x indexes them directly on the columns
/// given (plus one column after, where a run ending on the right edge leaves its delta); the
/// accumulators start zeroed. `active` and `crossings` hold one entry per edge at most. The
/// memory belongs to the caller, who must call `deallocate()` exactly once when done.
struct PathScanScratch {
    let area: UnsafeMutablePointer<Float>
    let delta: UnsafeMutablePointer<Float>
    let coverage: UnsafeMutablePointer<UInt8>
    /// Indices of the edges crossing the current sample line.
    let active: UnsafeMutablePointer<Int>
    /// Where the active edges cross the current sample line.
    let crossings: UnsafeMutablePointer<PathRasterizer.Crossing>
    private let firstColumn: Int

    init(columns: Range<Int>, edgeCount: Int) {
        let count: Int = columns.count + 2
        firstColumn = columns.lowerBound
        let areaBase = UnsafeMutablePointer<Float>.allocate(capacity: count)
        areaBase.initialize(repeating: 0, count: count)
        let deltaBase = UnsafeMutablePointer<Float>.allocate(capacity: count)
        deltaBase.initialize(repeating: 0, count: count)
        let coverageBase = UnsafeMutablePointer<UInt8>.allocate(capacity: count)
        coverageBase.initialize(repeating: 0, count: count)
        area = areaBase - firstColumn
        delta = deltaBase - firstColumn
        coverage = coverageBase - firstColumn
        active = UnsafeMutablePointer<Int>.allocate(capacity: Swift.max(1, edgeCount))
        crossings = UnsafeMutablePointer<PathRasterizer.Crossing>.allocate(capacity: Swift.max(1, edgeCount))
    }

    /// Frees every buffer; nothing may be read through them afterwards.
    func deallocate() {
        (area + firstColumn).deallocate()
        (delta + firstColumn).deallocate()
        (coverage + firstColumn).deallocate()
        active.deallocate()
        crossings.deallocate()
    }
}
