/// Anti-aliased coverage of a filled polygon set (flattened path), one pixel row at a time, with
/// the nonzero or even-odd rule.
///
/// Each pixel row is cut into `subsamples` horizontal bands, and cut again at every vertex inside
/// it. On each band's middle line the edges' crossings are sorted and the winding number is swept
/// left to right; each run the fill rule calls inside is added with its exact horizontal overlap of
/// every pixel, weighted by the band's height. A band holds no vertex, so between crossings of two
/// edges the shape's extent on it is linear in y and the middle line gives its exact area: only
/// where edges cross (self-intersections, overlapping stroke pieces) and in how a slanted edge's
/// area spreads over neighbouring pixels is anything approximated, to 1/`subsamples` of a row.
/// Runs are accumulated as font rasterizers do: partial pixels into `area`, full pixels as a
/// `+w`/`-w` pair in `delta`, so a run costs O(1).
///
/// Work and memory are proportional to the path's bounding box inside the clip, not the canvas.
struct PathRasterizer {
    /// Sample lines per pixel row.
    static let subsamples = 16
    /// Coordinates are clamped to this magnitude (2^40 px) so differences of two of them stay
    /// finite; nothing this far away can reach a canvas.
    static let coordinateLimit: Double = 1_099_511_627_776

    /// A non-horizontal segment with `top < bottom`; `winding` is +1 when it went downwards.
    private struct Edge {
        var top: Double
        var bottom: Double
        var xAtTop: Double
        /// dx/dy.
        var slope: Double
        var winding: Int32
    }

    private var edges: [Edge] = []
    /// The y of every edge's ends, sorted: bands are cut there so each holds whole trapezoids.
    private var vertexYs: [Double] = []
    /// The extent of all points, in canvas pixels.
    private(set) var minX: Double = .infinity
    private(set) var maxX: Double = -.infinity
    private(set) var minY: Double = .infinity
    private(set) var maxY: Double = -.infinity

    /// Edges of the polylines, each closed implicitly as a fill closes open subpaths.
    init(polylines: [Path.Polyline]) {
        for polyline in polylines where polyline.points.count > 1 {
            var previous: Point = PathRasterizer.clamped(polyline.points[polyline.points.count - 1])
            for point in polyline.points {
                let current: Point = PathRasterizer.clamped(point)
                addEdge(from: previous, to: current)
                previous = current
            }
        }
        edges.sort { $0.top < $1.top }
        vertexYs.reserveCapacity(edges.count * 2)
        for edge in edges { vertexYs.append(edge.top); vertexYs.append(edge.bottom) }
        vertexYs.sort()
    }

    /// True when no edge can cover anything (no points, or only horizontal segments).
    var isEmpty: Bool { edges.isEmpty }

    private static func clamped(_ p: Point) -> Point {
        let limit: Double = coordinateLimit
        return Point(x: Swift.min(limit, Swift.max(-limit, p.x)), y: Swift.min(limit, Swift.max(-limit, p.y)))
    }

    private mutating func addEdge(from a: Point, to b: Point) {
        minX = Swift.min(minX, a.x, b.x); maxX = Swift.max(maxX, a.x, b.x)
        minY = Swift.min(minY, a.y, b.y); maxY = Swift.max(maxY, a.y, b.y)
        // Horizontal edges never cross a sample line, so they change no winding number.
        guard a.y != b.y else { return }
        let (upper, lower, winding): (Point, Point, Int32) = a.y < b.y ? (a, b, 1) : (b, a, -1)
        let slope: Double = (lower.x - upper.x) / (lower.y - upper.y)
        edges.append(Edge(top: upper.y, bottom: lower.y, xAtTop: upper.x, slope: slope.isFinite ? slope : 0, winding: winding))
    }

    /// Calls `body` for each pixel row the path touches inside `clip`'s rectangle with the row's
    /// `y`, the touched columns and the coverage (0...255) of each, indexed by canvas x.
    func rasterize(rule: Path.FillRule, clip: ClipState,
                   body: (_ y: Int, _ columns: Range<Int>, _ coverage: UnsafePointer<UInt8>) -> Void) {
        guard !edges.isEmpty, !clip.isEmpty else { return }
        let left: Double = Swift.max(minX, clip.left)
        let right: Double = Swift.min(maxX, clip.right)
        let top: Double = Swift.max(minY, clip.top)
        let bottom: Double = Swift.min(maxY, clip.bottom)
        guard right > left, bottom > top else { return }
        let firstColumn: Int = Int(saturatingFloor: left)
        let endColumn: Int = Int(saturatingCeiling: right)
        let firstRow: Int = Int(saturatingFloor: top)
        let endRow: Int = Int(saturatingCeiling: bottom)

        let scratch = PathScanScratch(columns: firstColumn..<endColumn, edgeCount: edges.count)
        defer { scratch.deallocate() }
        let area: UnsafeMutablePointer<Float> = scratch.area
        let delta: UnsafeMutablePointer<Float> = scratch.delta
        let cover: UnsafeMutablePointer<UInt8> = scratch.coverage
        let active: UnsafeMutablePointer<Int> = scratch.active
        let crossings: UnsafeMutablePointer<Crossing> = scratch.crossings
        var activeCount: Int = 0
        var nextEdge: Int = 0
        var nextVertex: Int = 0
        let vertexCount: Int = vertexYs.count
        let step: Double = 1 / Double(PathRasterizer.subsamples)
        // Inside means a winding number that is not zero (nonzero) or odd (even-odd).
        let insideMask: Int32 = rule == .nonZero ? ~0 : 1

        edges.withUnsafeBufferPointer { edgeBuffer in
            vertexYs.withUnsafeBufferPointer { vertexBuffer in
                let edges: UnsafePointer<Edge> = edgeBuffer.baseAddress!
                let edgeCount: Int = edgeBuffer.count
                let vertexYs: UnsafePointer<Double> = vertexBuffer.baseAddress!
                while nextVertex < vertexCount && vertexYs[nextVertex] <= Double(firstRow) { nextVertex += 1 }
                for y in firstRow..<endRow {
                    var touchedLeft: Double = .infinity
                    var touchedRight: Double = -.infinity
                    let rowTop: Double = Double(y)
                    // The row's cuts are its evenly spaced sample lines merged with the vertices
                    // strictly inside it, both already in order, so merging them gives the sorted cuts.
                    while nextVertex < vertexCount && vertexYs[nextVertex] <= rowTop { nextVertex += 1 }
                    var sample: Int = 1
                    var cutAbove: Double = rowTop
                    while true {
                        let sampleCut: Double = rowTop + Double(sample) * step
                        let cut: Double
                        if nextVertex < vertexCount && vertexYs[nextVertex] < rowTop + 1 && vertexYs[nextVertex] < sampleCut {
                            cut = vertexYs[nextVertex]
                            nextVertex += 1
                        } else if sample <= PathRasterizer.subsamples {
                            cut = sampleCut
                            sample += 1
                        } else {
                            break
                        }
                        let bandTop: Double = Swift.max(cutAbove, clip.top)
                        let bandBottom: Double = Swift.min(cut, clip.bottom)
                        cutAbove = cut
                        let weight: Double = bandBottom - bandTop
                        guard weight > 0 else { continue }
                        let sampleY: Double = (bandTop + bandBottom) / 2
                        while nextEdge < edgeCount && edges[nextEdge].top <= sampleY {
                            active[activeCount] = nextEdge
                            activeCount += 1
                            nextEdge += 1
                        }
                        activeCount = PathRasterizer.sortedCrossings(at: sampleY, active: active, count: activeCount,
                                                                     edges: edges, left: left, right: right, into: crossings)
                        guard activeCount > 1 else { continue }
                        var winding: Int32 = 0
                        var inside: Bool = false
                        var runStart: Double = 0
                        let w: Float = Float(weight)
                        for position in 0..<activeCount {
                            let crossing: Crossing = crossings[position]
                            winding &+= crossing.winding
                            let nowInside: Bool = winding & insideMask != 0
                            guard nowInside != inside else { continue }
                            inside = nowInside
                            if nowInside {
                                runStart = crossing.x
                            } else if crossing.x > runStart {
                                CoverageSpans.add(runStart, crossing.x, w, area: area, delta: delta)
                                touchedLeft = Swift.min(touchedLeft, runStart)
                                touchedRight = Swift.max(touchedRight, crossing.x)
                            }
                        }
                    }
                    // Rounding is monotonic, so the touched columns are the extremes' rounding.
                    guard touchedRight > touchedLeft else { continue }
                    let touchedStart: Int = Int(saturatingFloor: touchedLeft)
                    let touchedEnd: Int = Int(saturatingCeiling: touchedRight)
                    let columns: Range<Int> = Swift.max(firstColumn, touchedStart)..<Swift.min(endColumn, touchedEnd)
                    PathRasterizer.resolve(columns, area: area, delta: delta, into: cover)
                    body(y, columns, UnsafePointer(cover))
                }
            }
        }
    }

    /// Where an edge crosses a band's middle line.
    struct Crossing {
        var x: Double
        var winding: Int32
        /// The edge's index: crossings at the same x keep the order of their edges, so runs come
        /// out the same whatever order the crossings were listed in.
        var edge: Int

        /// Before `other` on the sample line: by x, then by edge.
        @inline(__always)
        func precedes(_ other: Crossing) -> Bool {
            x < other.x || (x == other.x && edge < other.edge)
        }
    }

    /// Drops the active edges that end above `y` and writes where the others cross the line at
    /// `y`, sorted, into `crossings`; the active list is rewritten in that order and the new count
    /// returned. The crossings are inserted one by one as they are computed: the next line's come
    /// in nearly the same order, so each insertion moves little (the sorted result does not
    /// depend on the order they arrive in, as `Crossing.precedes` is a total order).
    @inline(__always)
    private static func sortedCrossings(at y: Double, active: UnsafeMutablePointer<Int>, count: Int,
                                        edges: UnsafePointer<Edge>, left: Double, right: Double,
                                        into crossings: UnsafeMutablePointer<Crossing>) -> Int {
        var sorted: Int = 0
        for position in 0..<count {
            let index: Int = active[position]
            let edge: Edge = edges[index]
            guard edge.bottom > y else { continue }
            var x: Double = edge.xAtTop + (y - edge.top) * edge.slope
            // Crossings left or right of the clip act on its edge: the winding number inside the
            // clip is unchanged.
            x = Swift.min(right, Swift.max(left, x.isNaN ? left : x))
            let crossing = Crossing(x: x, winding: edge.winding, edge: index)
            var hole: Int = sorted
            while hole > 0 && crossing.precedes(crossings[hole - 1]) {
                crossings[hole] = crossings[hole - 1]
                hole -= 1
            }
            crossings[hole] = crossing
            sorted += 1
        }
        for position in 0..<sorted { active[position] = crossings[position].edge }
        return sorted
    }

    /// Turns the accumulators into bytes on `columns` and clears them (and the column after, where
    /// a run ending on the box's right edge leaves its delta) for the next row.
    private static func resolve(_ columns: Range<Int>, area: UnsafeMutablePointer<Float>,
                                delta: UnsafeMutablePointer<Float>, into coverage: UnsafeMutablePointer<UInt8>) {
        var run: Float = 0
        for x in columns {
            run += delta[x]
            let value: Float = Swift.min(1, Swift.max(0, run + area[x]))
            coverage[x] = UInt8(value * 255 + 0.5)
            area[x] = 0
            delta[x] = 0
        }
        area[columns.upperBound] = 0
        delta[columns.upperBound] = 0
    }
}
