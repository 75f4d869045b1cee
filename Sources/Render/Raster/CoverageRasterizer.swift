/// Exact-area anti-aliasing for rounded boxes and border rings, one pixel row at a time.
///
/// A row is cut into horizontal bands. Where a band misses every corner, the shape's extent is
/// constant on it, so one evaluation weighted by the band's height is exact (this covers fractional
/// top/bottom edges and the straight sides). Bands that cross a corner are split into
/// `subdivisions` thin bands, each evaluated at its middle line; horizontally every span is
/// integrated exactly, so only the corner arcs are approximated.
///
/// Spans are accumulated the way font rasterizers do it: partial pixels go to `area`, and a run of
/// fully covered pixels is a `+w` / `-w` pair in `delta`, so the cost per band is O(1) and each row
/// ends with one pass over the touched columns.
///
/// A class so a canvas can keep one and reuse its buffers for every fill without copying them.
final class CoverageRasterizer {
    /// Sub-bands per pixel where a corner arc crosses the row.
    static let subdivisions = 16

    private let area: UnsafeMutablePointer<Float>
    private let delta: UnsafeMutablePointer<Float>
    /// Coverage 0...255 per canvas column, valid on the columns a `CoverageRow` says.
    let coverage: UnsafeMutablePointer<UInt8>
    /// Scratch space for the per-column colors of the row being filled (gradients), indexed by x.
    let rowColors: UnsafeMutablePointer<UInt32>
    private let capacity: Int
    /// While a row is scanned: the columns every line so far leaves empty (inside the inner box).
    /// (Kept as the lines' largest hole start and smallest hole end, rounded once per row: rounding
    /// is monotonic. A line without a hole closes it: `holeRight` becomes -infinity.)
    private var holeLeft: Double = 0
    private var holeRight: Double = 0
    /// While a row is scanned: the largest left and smallest right end of its lines, and whether
    /// some line was empty. Between them every line covers whole pixels, which `rasterize` then
    /// reports as a constant run instead of resolving it pixel by pixel.
    private var fullLeft: Double = 0
    private var fullRight: Double = 0
    private var hasEmptyLine: Bool = false
    /// While a row of a ring is scanned: the smallest right end of the lines' pieces left of the
    /// hole and the largest left end of those right of it, which bound the two sides' constant runs.
    private var leftPieceRight: Double = 0
    private var rightPieceLeft: Double = 0
    /// While a row is scanned: whether some line was cut by the hole.
    private var hasHoleLine: Bool = false
    /// Whether rows report their constant runs instead of resolving every column; tests turn it
    /// off to compare the runs with the plain per-column resolve.
    var findsConstantRuns: Bool = true

    /// Buffers for a canvas `width` pixels wide. They are owned by this object, lent out only as
    /// `coverage` and `rowColors` to the canvas that owns it (single-threaded), and freed in `deinit`.
    init(width: Int) {
        capacity = width + 2
        area = UnsafeMutablePointer<Float>.allocate(capacity: capacity)
        area.initialize(repeating: 0, count: capacity)
        delta = UnsafeMutablePointer<Float>.allocate(capacity: capacity)
        delta.initialize(repeating: 0, count: capacity)
        coverage = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity)
        coverage.initialize(repeating: 0, count: capacity)
        rowColors = UnsafeMutablePointer<UInt32>.allocate(capacity: capacity)
        rowColors.initialize(repeating: 0, count: capacity)
    }

    deinit {
        area.deallocate()
        delta.deallocate()
        coverage.deallocate()
        rowColors.deallocate()
    }

    /// Computes the coverage of pixel row `y` by `outer` minus `inner`, intersected with the clip
    /// rectangle. Returns nil when the row is not touched.
    func rasterize(row y: Int, outer: RoundedBox, inner: RoundedBox?, clip: ClipState) -> CoverageRow? {
        let rowTop: Double = Double(y)
        let top: Double = Swift.max(rowTop, Swift.max(outer.top, clip.top))
        let bottom: Double = Swift.min(rowTop + 1, Swift.min(outer.bottom, clip.bottom))
        let clipLeft: Double = Swift.max(outer.left, clip.left)
        let clipRight: Double = Swift.min(outer.right, clip.right)
        guard bottom > top, clipRight > clipLeft else { return nil }
        let start: Int = Int(saturatingFloor: clipLeft)
        let end: Int = Int(saturatingCeiling: clipRight)

        // The common case: one straight band and a plain span, written without the accumulators.
        let innerIsOutside: Bool = inner.map { bottom <= $0.top || top >= $0.bottom } ?? true
        if innerIsOutside && outer.isStraight(from: top, to: bottom) {
            let weight: Double = bottom - top
            return simpleRow(left: clipLeft, right: clipRight, weight: weight, start: start, end: end)
        }

        holeLeft = -Double.infinity
        holeRight = Double.infinity
        fullLeft = -Double.infinity
        fullRight = Double.infinity
        hasEmptyLine = false
        leftPieceRight = Double.infinity
        rightPieceLeft = -Double.infinity
        hasHoleLine = false
        // Cut the row where the inner box starts or ends so each band sees a constant inner span.
        var bandTop: Double = top
        if let inner {
            if inner.top > top && inner.top < bottom {
                addBand(from: bandTop, to: inner.top, outer: outer, inner: inner, clipLeft: clip.left, clipRight: clip.right)
                bandTop = inner.top
            }
            if inner.bottom > bandTop && inner.bottom < bottom {
                addBand(from: bandTop, to: inner.bottom, outer: outer, inner: inner, clipLeft: clip.left, clipRight: clip.right)
                bandTop = inner.bottom
            }
        }
        addBand(from: bandTop, to: bottom, outer: outer, inner: inner, clipLeft: clip.left, clipRight: clip.right)
        // Coverage inside the hole is exactly zero; the column where the hole starts is resolved
        // anyway because a span ending exactly on it leaves its delta there.
        let skipStart: Int = Swift.max(start, Int(saturatingCeiling: holeLeft) + 1)
        let skipEnd: Int = Swift.min(end, Int(saturatingFloor: holeRight))
        if inner != nil && skipEnd > skipStart {
            // Each side of the hole starts its running sum afresh.
            let shortcut: Bool = findsConstantRuns && !hasEmptyLine
            let leftSide = resolve(start: start, end: skipStart, lineLeft: fullLeft, lineRight: leftPieceRight, shortcut: shortcut)
            let rightSide = resolve(start: skipEnd, end: end, lineLeft: rightPieceLeft, lineRight: fullRight, shortcut: shortcut)
            var row = CoverageRow(start: start, end: end, interiorStart: leftSide.lowerBound, interiorEnd: leftSide.upperBound,
                                  interiorCoverage: leftSide.level, holeStart: skipStart, holeEnd: skipEnd)
            row.secondInteriorStart = rightSide.lowerBound
            row.secondInteriorEnd = rightSide.upperBound
            row.secondInteriorCoverage = rightSide.level
            return row
        }
        if findsConstantRuns, !hasEmptyLine, !hasHoleLine, let row = resolveAroundInterior(start: start, end: end) { return row }
        var run: Float = 0
        resolve(start: start, end: end, run: &run)
        return CoverageRow(start: start, end: end, interiorStart: end, interiorEnd: end, interiorCoverage: 0)
    }

    /// Resolves only the two ends of a row whose lines all cover `fullLeft..<fullRight`: every
    /// line's run starts at or before column ⌊fullLeft⌋ + 1 and ends at or after ⌊fullRight⌋, so
    /// between those columns the accumulators hold nothing and the coverage is the running sum.
    /// Nil when that stretch is too short to be worth it.
    private func resolveAroundInterior(start: Int, end: Int) -> CoverageRow? {
        guard let interior = constantRun(start: start, end: end, lineLeft: fullLeft, lineRight: fullRight) else { return nil }
        let side = resolve(start: start, end: end, around: interior)
        return CoverageRow(start: start, end: end, interiorStart: side.lowerBound, interiorEnd: side.upperBound,
                           interiorCoverage: side.level)
    }

    /// The columns of `start..<end` that no line's ends reach when every line covers
    /// `lineLeft..<lineRight` (every run starts at or before column ⌊lineLeft⌋ + 1 and ends at or
    /// after ⌊lineRight⌋), so the accumulators hold nothing there; nil when too short to be worth it.
    private func constantRun(start: Int, end: Int, lineLeft: Double, lineRight: Double) -> Range<Int>? {
        guard lineLeft.isFinite, lineRight.isFinite, lineRight - lineLeft > 3 else { return nil }
        let interiorStart: Int = Swift.max(start, Int(saturatingFloor: lineLeft) + 1)
        let interiorEnd: Int = Swift.min(end, Int(saturatingFloor: lineRight))
        guard interiorEnd - interiorStart >= 2 else { return nil }
        return interiorStart..<interiorEnd
    }

    /// Resolves `start..<end` (one side of a ring's hole, or a whole row) from a running sum of
    /// zero, around the constant run its lines leave when `shortcut` allows and there is one.
    /// Returns the run (empty at `end` when there is none) and its coverage.
    private func resolve(start: Int, end: Int, lineLeft: Double, lineRight: Double,
                         shortcut: Bool) -> (lowerBound: Int, upperBound: Int, level: UInt32) {
        if shortcut, let interior = constantRun(start: start, end: end, lineLeft: lineLeft, lineRight: lineRight) {
            return resolve(start: start, end: end, around: interior)
        }
        var run: Float = 0
        resolve(start: start, end: end, run: &run)
        return (end, end, 0)
    }

    /// Resolves `start..<end` except `interior`, where the coverage is the running sum.
    private func resolve(start: Int, end: Int, around interior: Range<Int>) -> (lowerBound: Int, upperBound: Int, level: UInt32) {
        // A line starting exactly on a pixel boundary leaves its run's start on the first interior
        // column, which the first resolve clears as the column after its range.
        let pending: Float = delta[interior.lowerBound]
        var run: Float = 0
        resolve(start: start, end: interior.lowerBound, run: &run)
        run += pending
        let level: Float = Swift.min(1, Swift.max(0, run))
        resolve(start: interior.upperBound, end: end, run: &run)
        return (interior.lowerBound, interior.upperBound, UInt32(level * 255 + 0.5))
    }

    private func simpleRow(left: Double, right: Double, weight: Double, start: Int, end: Int) -> CoverageRow {
        let level: UInt32 = CoverageRasterizer.byte(weight)
        if end - start == 1 {
            coverage[start] = UInt8(CoverageRasterizer.byte(weight * (right - left)))
            return CoverageRow(start: start, end: end, interiorStart: end, interiorEnd: end, interiorCoverage: level)
        }
        let leftCover: Double = Double(start + 1) - left
        let rightCover: Double = right - Double(end - 1)
        var interiorStart: Int = start + 1
        var interiorEnd: Int = end - 1
        if leftCover >= 1 { interiorStart = start } else { coverage[start] = UInt8(CoverageRasterizer.byte(weight * leftCover)) }
        if rightCover >= 1 { interiorEnd = end } else { coverage[end - 1] = UInt8(CoverageRasterizer.byte(weight * rightCover)) }
        return CoverageRow(start: start, end: end, interiorStart: interiorStart, interiorEnd: interiorEnd, interiorCoverage: level)
    }

    private func addBand(from top: Double, to bottom: Double, outer: RoundedBox, inner: RoundedBox?, clipLeft: Double, clipRight: Double) {
        let innerStraight: Bool = inner.map { bottom <= $0.top || top >= $0.bottom || $0.isStraight(from: top, to: bottom) } ?? true
        if innerStraight && outer.isStraight(from: top, to: bottom) {
            addLine(at: (top + bottom) / 2, weight: bottom - top, outer: outer, inner: inner, clipLeft: clipLeft, clipRight: clipRight)
            return
        }
        let count: Int = Swift.max(1, Int(((bottom - top) * Double(CoverageRasterizer.subdivisions)).rounded(.up)))
        let step: Double = (bottom - top) / Double(count)
        for index in 0..<count {
            let middle: Double = top + (Double(index) + 0.5) * step
            addLine(at: middle, weight: step, outer: outer, inner: inner, clipLeft: clipLeft, clipRight: clipRight)
        }
    }

    /// Adds the shape's extent on the line `y`, as thick as `weight`.
    private func addLine(at y: Double, weight: Double, outer: RoundedBox, inner: RoundedBox?, clipLeft: Double, clipRight: Double) {
        let extent = outer.span(at: y)
        let left: Double = Swift.max(extent.left, clipLeft)
        let right: Double = Swift.min(extent.right, clipRight)
        fullLeft = Swift.max(fullLeft, left)
        fullRight = Swift.min(fullRight, right)
        guard right > left else {
            hasEmptyLine = true
            return
        }
        let w: Float = Float(weight)
        if let inner, y > inner.top, y < inner.bottom {
            let hole = inner.span(at: y)
            if hole.right > hole.left {
                holeLeft = Swift.max(holeLeft, hole.left)
                holeRight = Swift.min(holeRight, hole.right)
                hasHoleLine = true
                let leftPieceEnd: Double = Swift.min(right, hole.left)
                let rightPieceStart: Double = Swift.max(left, hole.right)
                leftPieceRight = Swift.min(leftPieceRight, leftPieceEnd)
                rightPieceLeft = Swift.max(rightPieceLeft, rightPieceStart)
                addSpan(left, leftPieceEnd, w)
                addSpan(rightPieceStart, right, w)
                return
            }
        }
        holeRight = -Double.infinity
        addSpan(left, right, w)
    }

    /// Adds `weight` times the exact horizontal overlap of [left, right) with every pixel.
    @inline(__always)
    private func addSpan(_ left: Double, _ right: Double, _ weight: Float) {
        guard right > left else { return }
        CoverageSpans.add(left, right, weight, area: area, delta: delta)
    }

    /// Turns the accumulators into bytes on `start..<end` and clears them for the next row;
    /// `run` carries the running sum of the deltas from the columns before `start`.
    private func resolve(start: Int, end: Int, run: inout Float) {
        for x in start..<end {
            run += delta[x]
            let value: Float = Swift.min(1, Swift.max(0, run + area[x]))
            coverage[x] = UInt8(value * 255 + 0.5)
            area[x] = 0
            delta[x] = 0
        }
        delta[end] = 0
        area[end] = 0
    }

    private static func byte(_ fraction: Double) -> UInt32 {
        fraction >= 1 ? 255 : (fraction > 0 ? UInt32((fraction * 255).rounded()) : 0)
    }
}
