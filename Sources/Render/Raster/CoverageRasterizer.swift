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
    private var holeStart: Int = 0
    private var holeEnd: Int = 0
    /// While a row is scanned: the largest left and smallest right end of its lines, and whether
    /// some line was empty. Between them every line covers whole pixels, which `rasterize` then
    /// reports as a constant run instead of resolving it pixel by pixel.
    private var fullLeft: Double = 0
    private var fullRight: Double = 0
    private var hasEmptyLine: Bool = false

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

        holeStart = Int.min
        holeEnd = Int.max
        fullLeft = -Double.infinity
        fullRight = Double.infinity
        hasEmptyLine = false
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
        let skipStart: Int = Swift.max(start, holeStart + 1)
        let skipEnd: Int = Swift.min(end, holeEnd)
        if inner != nil && skipEnd > skipStart {
            var run: Float = 0
            resolve(start: start, end: skipStart, run: &run)
            run = 0
            resolve(start: skipEnd, end: end, run: &run)
            return CoverageRow(start: start, end: end, interiorStart: end, interiorEnd: end, interiorCoverage: 0,
                               holeStart: skipStart, holeEnd: skipEnd)
        }
        if inner == nil, !hasEmptyLine, let row = resolveAroundInterior(start: start, end: end) { return row }
        var run: Float = 0
        resolve(start: start, end: end, run: &run)
        return CoverageRow(start: start, end: end, interiorStart: end, interiorEnd: end, interiorCoverage: 0)
    }

    /// Resolves only the two ends of a row whose lines all cover `fullLeft..<fullRight`: every
    /// line's run starts at or before column ⌊fullLeft⌋ + 1 and ends at or after ⌊fullRight⌋, so
    /// between those columns the accumulators hold nothing and the coverage is the running sum.
    /// Nil when that stretch is too short to be worth it.
    private func resolveAroundInterior(start: Int, end: Int) -> CoverageRow? {
        guard fullLeft.isFinite, fullRight.isFinite, fullRight - fullLeft > 3 else { return nil }
        let interiorStart: Int = Swift.max(start, Int(saturatingFloor: fullLeft) + 1)
        let interiorEnd: Int = Swift.min(end, Int(saturatingFloor: fullRight))
        guard interiorEnd - interiorStart >= 2 else { return nil }
        // A line starting exactly on a pixel boundary leaves its run's start on the first interior
        // column, which the first resolve clears as the column after its range.
        let pending: Float = delta[interiorStart]
        var run: Float = 0
        resolve(start: start, end: interiorStart, run: &run)
        run += pending
        let level: Float = Swift.min(1, Swift.max(0, run))
        resolve(start: interiorEnd, end: end, run: &run)
        return CoverageRow(start: start, end: end, interiorStart: interiorStart, interiorEnd: interiorEnd,
                           interiorCoverage: UInt32(level * 255 + 0.5))
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
                holeStart = Swift.max(holeStart, Int(saturatingCeiling: hole.left))
                holeEnd = Swift.min(holeEnd, Int(saturatingFloor: hole.right))
                addSpan(left, Swift.min(right, hole.left), w)
                addSpan(Swift.max(left, hole.right), right, w)
                return
            }
        }
        holeEnd = Int.min
        addSpan(left, right, w)
    }

    /// Adds `weight` times the exact horizontal overlap of [left, right) with every pixel.
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
