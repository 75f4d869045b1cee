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
        let columnCount: Int = endColumn - firstColumn

        // Buffers hold the bounding box's columns; the pointers handed out are shifted so canvas x
        // indexes them directly.
        var area = [Float](repeating: 0, count: columnCount + 2)
        var delta = [Float](repeating: 0, count: columnCount + 2)
        var coverage = [UInt8](repeating: 0, count: columnCount + 1)
        var crossings: [Crossing] = []
        crossings.reserveCapacity(16)
        var active: [Int] = []
        var nextEdge: Int = 0
        var cuts: [Double] = []
        cuts.reserveCapacity(PathRasterizer.subsamples + 8)
        var nextVertex: Int = 0
        while nextVertex < vertexYs.count && vertexYs[nextVertex] <= Double(firstRow) { nextVertex += 1 }
        let step: Double = 1 / Double(PathRasterizer.subsamples)

        area.withUnsafeMutableBufferPointer { areaBuffer in
            delta.withUnsafeMutableBufferPointer { deltaBuffer in
                coverage.withUnsafeMutableBufferPointer { coverageBuffer in
                    let area: UnsafeMutablePointer<Float> = areaBuffer.baseAddress! - firstColumn
                    let delta: UnsafeMutablePointer<Float> = deltaBuffer.baseAddress! - firstColumn
                    let cover: UnsafeMutablePointer<UInt8> = coverageBuffer.baseAddress! - firstColumn
                    for y in firstRow..<endRow {
                        var touchedStart: Int = Int.max
                        var touchedEnd: Int = Int.min
                        let rowTop: Double = Double(y)
                        cuts.removeAll(keepingCapacity: true)
                        for sample in 0...PathRasterizer.subsamples { cuts.append(rowTop + Double(sample) * step) }
                        var extraCuts = false
                        while nextVertex < vertexYs.count && vertexYs[nextVertex] < rowTop + 1 {
                            if vertexYs[nextVertex] > rowTop { cuts.append(vertexYs[nextVertex]); extraCuts = true }
                            nextVertex += 1
                        }
                        if extraCuts { cuts.sort() }
                        for band in 0..<(cuts.count - 1) {
                            let bandTop: Double = Swift.max(cuts[band], clip.top)
                            let bandBottom: Double = Swift.min(cuts[band + 1], clip.bottom)
                            let weight: Double = bandBottom - bandTop
                            guard weight > 0 else { continue }
                            let sampleY: Double = (bandTop + bandBottom) / 2
                            while nextEdge < edges.count && edges[nextEdge].top <= sampleY {
                                active.append(nextEdge)
                                nextEdge += 1
                            }
                            if active.contains(where: { edges[$0].bottom <= sampleY }) {
                                active.removeAll { edges[$0].bottom <= sampleY }
                            }
                            crossings.removeAll(keepingCapacity: true)
                            for index in active {
                                let edge: Edge = edges[index]
                                var x: Double = edge.xAtTop + (sampleY - edge.top) * edge.slope
                                // Crossings left or right of the clip act on its edge: the winding
                                // number inside the clip is unchanged.
                                x = Swift.min(right, Swift.max(left, x.isNaN ? left : x))
                                crossings.append(Crossing(x: x, winding: edge.winding, edge: index))
                            }
                            guard crossings.count > 1 else { continue }
                            PathRasterizer.insertionSort(&crossings)
                            // The next band's crossings then come in nearly this order, so its sort
                            // moves little (the sort's result does not depend on its input order).
                            for position in crossings.indices { active[position] = crossings[position].edge }
                            var winding: Int32 = 0
                            var runStart: Double = 0
                            let w: Float = Float(weight)
                            for crossing in crossings {
                                let wasInside: Bool = PathRasterizer.isInside(winding, rule)
                                winding &+= crossing.winding
                                let isInside: Bool = PathRasterizer.isInside(winding, rule)
                                if !wasInside && isInside {
                                    runStart = crossing.x
                                } else if wasInside && !isInside && crossing.x > runStart {
                                    CoverageSpans.add(runStart, crossing.x, w, area: area, delta: delta)
                                    touchedStart = Swift.min(touchedStart, Int(saturatingFloor: runStart))
                                    touchedEnd = Swift.max(touchedEnd, Int(saturatingCeiling: crossing.x))
                                }
                            }
                        }
                        guard touchedEnd > touchedStart else { continue }
                        let columns: Range<Int> = Swift.max(firstColumn, touchedStart)..<Swift.min(endColumn, touchedEnd)
                        PathRasterizer.resolve(columns, area: area, delta: delta, into: cover)
                        body(y, columns, UnsafePointer(cover))
                    }
                }
            }
        }
    }

    @inline(__always)
    private static func isInside(_ winding: Int32, _ rule: Path.FillRule) -> Bool {
        rule == .nonZero ? winding != 0 : winding & 1 != 0
    }

    /// Where an edge crosses a band's middle line.
    private struct Crossing {
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

    /// Crossings come nearly sorted from one line to the next (the active edges are kept in the
    /// last band's order), so insertion sort is close to linear.
    private static func insertionSort(_ items: inout [Crossing]) {
        guard items.count > 1 else { return }
        for index in 1..<items.count {
            let item = items[index]
            var hole: Int = index
            while hole > 0 && item.precedes(items[hole - 1]) {
                items[hole] = items[hole - 1]
                hole -= 1
            }
            items[hole] = item
        }
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
