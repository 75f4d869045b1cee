import Testing
@testable import Render

/// The scan loops' shortcuts against straightforward versions of the same algorithms: the path
/// scan with preallocated buffers and merged cuts, the constant runs on both sides of a ring's
/// hole, and the chord shared by equal corners must all give exactly the same bytes.
struct RasterScanShortcutTests {
    private typealias S = RasterTestSupport

    /// A deterministic pseudo-random sequence (xorshift), so failures reproduce.
    private struct Numbers {
        var state: UInt64
        mutating func next(_ range: ClosedRange<Double>) -> Double {
            state ^= state << 13; state ^= state >> 7; state ^= state << 17
            return range.lowerBound + Double(state % 1_000_000) / 1_000_000 * (range.upperBound - range.lowerBound)
        }
    }

    // MARK: Path scan

    /// The band algorithm written plainly: growing arrays, every row's cuts sorted, crossings
    /// sorted by (x, edge), runs swept with the fill rule. Returns coverage per (row, column).
    private static func referenceCoverage(_ polylines: [Path.Polyline], rule: Path.FillRule,
                                          clip: ClipState) -> [Int: [Int: UInt8]] {
        struct Edge { var top, bottom, xAtTop, slope: Double; var winding: Int32 }
        var edges: [Edge] = []
        var minX = Double.infinity, maxX = -Double.infinity, minY = Double.infinity, maxY = -Double.infinity
        for polyline in polylines where polyline.points.count > 1 {
            var previous = polyline.points[polyline.points.count - 1]
            for point in polyline.points {
                let a = previous, b = point
                minX = min(minX, a.x, b.x); maxX = max(maxX, a.x, b.x); minY = min(minY, a.y, b.y); maxY = max(maxY, a.y, b.y)
                if a.y != b.y {
                    let (upper, lower, winding): (Point, Point, Int32) = a.y < b.y ? (a, b, 1) : (b, a, -1)
                    let slope = (lower.x - upper.x) / (lower.y - upper.y)
                    edges.append(Edge(top: upper.y, bottom: lower.y, xAtTop: upper.x, slope: slope.isFinite ? slope : 0, winding: winding))
                }
                previous = point
            }
        }
        edges.sort { $0.top < $1.top }
        let vertexYs: [Double] = edges.flatMap { [$0.top, $0.bottom] }.sorted()
        let left = max(minX, clip.left), right = min(maxX, clip.right)
        let top = max(minY, clip.top), bottom = min(maxY, clip.bottom)
        var result: [Int: [Int: UInt8]] = [:]
        guard !edges.isEmpty, right > left, bottom > top else { return result }
        let firstColumn = Int(left.rounded(.down)), endColumn = Int(right.rounded(.up))
        var area = [Float](repeating: 0, count: endColumn - firstColumn + 2)
        var delta = [Float](repeating: 0, count: endColumn - firstColumn + 2)
        for y in Int(top.rounded(.down))..<Int(bottom.rounded(.up)) {
            let rowTop = Double(y)
            var cuts: [Double] = (0...PathRasterizer.subsamples).map { rowTop + Double($0) * (1 / Double(PathRasterizer.subsamples)) }
            cuts += vertexYs.filter { $0 > rowTop && $0 < rowTop + 1 }
            cuts.sort()
            var touched = false
            for band in 0..<(cuts.count - 1) {
                let bandTop = max(cuts[band], clip.top), bandBottom = min(cuts[band + 1], clip.bottom)
                guard bandBottom - bandTop > 0 else { continue }
                let sampleY = (bandTop + bandBottom) / 2
                var crossings: [(x: Double, winding: Int32, edge: Int)] = []
                for (index, edge) in edges.enumerated() where edge.top <= sampleY && edge.bottom > sampleY {
                    let x = edge.xAtTop + (sampleY - edge.top) * edge.slope
                    crossings.append((min(right, max(left, x.isNaN ? left : x)), edge.winding, index))
                }
                crossings.sort { $0.x < $1.x || ($0.x == $1.x && $0.edge < $1.edge) }
                var winding: Int32 = 0
                var runStart = 0.0
                for crossing in crossings {
                    let was = rule == .nonZero ? winding != 0 : winding & 1 != 0
                    winding += crossing.winding
                    let now = rule == .nonZero ? winding != 0 : winding & 1 != 0
                    if !was && now { runStart = crossing.x }
                    if was && !now && crossing.x > runStart {
                        area.withUnsafeMutableBufferPointer { a in
                            delta.withUnsafeMutableBufferPointer { d in
                                CoverageSpans.add(runStart, crossing.x, Float(bandBottom - bandTop),
                                                  area: a.baseAddress! - firstColumn, delta: d.baseAddress! - firstColumn)
                            }
                        }
                        touched = true
                    }
                }
            }
            guard touched else { continue }
            var run: Float = 0
            var row: [Int: UInt8] = [:]
            for x in firstColumn...endColumn {
                run += delta[x - firstColumn]
                let value = min(1, max(0, run + area[x - firstColumn]))
                if x < endColumn { row[x] = UInt8(value * 255 + 0.5) }
                area[x - firstColumn] = 0; delta[x - firstColumn] = 0
            }
            result[y] = row
        }
        return result
    }

    /// Random polygons with many vertices per row (short edges), self-crossings and shared
    /// vertices, under both fill rules and fractional clips.
    @Test(arguments: [Path.FillRule.nonZero, .evenOdd])
    func pathScanMatchesThePlainBandAlgorithm(rule: Path.FillRule) {
        var numbers = Numbers(state: rule == .nonZero ? 0x9E37_79B9_7F4A_7C15 : 0xD1B5_4A32_D192_ED03)
        let clips = [ClipState(left: 0, top: 0, right: 64, bottom: 48, mask: nil),
                     ClipState(left: 7.3, top: 5.6, right: 51.8, bottom: 40.25, mask: nil)]
        var comparedRows = 0
        for shape in 0..<24 {
            var polylines: [Path.Polyline] = []
            for _ in 0..<(1 + shape % 3) {
                let count = 3 + Int(numbers.next(0...40))
                var points = (0..<count).map { _ in Point(x: numbers.next(-4...68), y: numbers.next(-3...51)) }
                // Whole and repeated coordinates put vertices on row boundaries and sample lines.
                if shape % 4 == 1 { points = points.map { Point(x: $0.x.rounded(), y: ($0.y * 16).rounded() / 16) } }
                if shape % 5 == 2 { points.append(points[0]); points.append(Point(x: points[1].x, y: points[0].y)) }
                polylines.append(Path.Polyline(points: points, isClosed: true))
            }
            for clip in clips {
                let expected = RasterScanShortcutTests.referenceCoverage(polylines, rule: rule, clip: clip)
                var actual: [Int: [Int: UInt8]] = [:]
                PathRasterizer(polylines: polylines).rasterize(rule: rule, clip: clip) { y, columns, coverage in
                    var row: [Int: UInt8] = [:]
                    for x in columns { row[x] = coverage[x] }
                    actual[y] = row
                }
                for (y, row) in expected {
                    // Columns the scan leaves out must be empty in the reference.
                    let got = actual[y] ?? [:]
                    for (x, value) in row where got[x] ?? 0 != value {
                        Issue.record("shape \(shape) row \(y) column \(x): \(got[x] ?? 0) != \(value)")
                        return
                    }
                    comparedRows += 1
                }
                for (y, row) in actual where expected[y] == nil {
                    #expect(row.values.allSatisfy { $0 == 0 }, "shape \(shape) row \(y) has coverage the reference lacks")
                }
            }
        }
        #expect(comparedRows > 500)
    }

    // MARK: Rings

    /// Every column's coverage on a row (zero in the hole), read through the row's runs.
    private static func expand(_ row: CoverageRow?, _ rasterizer: CoverageRasterizer, width: Int) -> [Int] {
        var values = [Int](repeating: 0, count: width)
        guard let row else { return values }
        for x in row.start..<row.end where !row.hasHole || x < row.holeStart || x >= row.holeEnd {
            values[x] = Int(row.coverage(at: x, buffered: rasterizer.coverage))
        }
        return values
    }

    private static let rings: [(Rect, CornerRadii, EdgeWidths)] = [
        (Rect(x: -60.4, y: -20.3, width: 180.7, height: 180.7), CornerRadii(all: 90.35), EdgeWidths(top: 22.5, right: 22.5, bottom: 22.5, left: 22.5)),
        (Rect(x: 10.25, y: 8.5, width: 96.5, height: 70.75), CornerRadii(all: 18), EdgeWidths(top: 6, right: 11.5, bottom: 9.25, left: 4.75)),
        (Rect(x: 3, y: 4, width: 110, height: 90), CornerRadii(topLeft: 40, topRight: 12, bottomRight: 0, bottomLeft: 25), EdgeWidths(top: 14, right: 5, bottom: 8, left: 20)),
        (Rect(x: 20.5, y: 10.5, width: 64, height: 64), CornerRadii(all: 32), EdgeWidths(top: 4, right: 4, bottom: 4, left: 4)),
    ]

    @Test func ringRowsReportBothSidesRunsExactly() {
        let width = 120, height = 100
        let runs = CoverageRasterizer(width: width)
        let plain = CoverageRasterizer(width: width)
        plain.findsConstantRuns = false
        let clips = [ClipState(left: 0, top: 0, right: Double(width), bottom: Double(height), mask: nil),
                     ClipState(left: 12.6, top: 3.3, right: 97.2, bottom: 88.9, mask: nil)]
        var secondRuns = 0
        for (rect, radii, widths) in RasterScanShortcutTests.rings {
            let outer = RoundedBox(rect, radii: radii)
            let inner = outer.inset(by: widths)
            for clip in clips {
                for y in 0..<height {
                    let row = runs.rasterize(row: y, outer: outer, inner: inner, clip: clip)
                    if let row, row.hasHole, row.secondInteriorEnd > row.secondInteriorStart { secondRuns += 1 }
                    let fast = RasterScanShortcutTests.expand(row, runs, width: width)
                    let slow = RasterScanShortcutTests.expand(plain.rasterize(row: y, outer: outer, inner: inner, clip: clip), plain, width: width)
                    #expect(fast == slow, "ring \(rect) row \(y)")
                }
            }
        }
        #expect(secondRuns > 50, "ring rows take the shortcut on the right side")
    }

    /// Whole fills through the canvas, with a translucent color and under a rounded clip (whose
    /// mask splits rows into masked and unmasked pieces), match the plain resolve pixel for pixel.
    @Test(arguments: [false, true])
    func ringFillsMatchThePlainResolve(roundedClip: Bool) {
        func draw(findsRuns: Bool) -> Canvas {
            let canvas = Canvas(width: 120, height: 100)
            canvas.rasterizer.findsConstantRuns = findsRuns
            if roundedClip { canvas.pushClip(Rect(x: 5.5, y: 6.25, width: 100, height: 80), radii: CornerRadii(all: 30)) }
            for (index, (rect, radii, widths)) in RasterScanShortcutTests.rings.enumerated() {
                let alpha: Double = index % 2 == 0 ? 1 : 0.55
                canvas.strokeBorder(rect, radii: radii, widths: widths, color: Color(red: 0.2, green: 0.4, blue: 0.9, alpha: alpha))
                canvas.fill(Rect(x: rect.x + 12, y: rect.y + 12, width: rect.width - 24, height: rect.height - 24), radii: radii, paint: .solid(Color(red: 0.9, green: 0.3, blue: 0.1, alpha: 1 - alpha / 2)))
            }
            if roundedClip { canvas.popClip() }
            return canvas
        }
        let fast = draw(findsRuns: true), slow = draw(findsRuns: false)
        #expect(fast.pixels == slow.pixels)
        #expect(fast.pixels.contains { $0 != 0 })
    }

    @Test func clampedRingRowsKeepEveryColumnsCoverage() {
        let rasterizer = CoverageRasterizer(width: 120)
        let (rect, radii, widths) = RasterScanShortcutTests.rings[0]
        let outer = RoundedBox(rect, radii: radii)
        let clip = ClipState(left: 0, top: 0, right: 120, bottom: 100, mask: nil)
        guard let row = rasterizer.rasterize(row: 70, outer: outer, inner: outer.inset(by: widths), clip: clip), row.hasHole else {
            Issue.record("row 70 of the ring should cross its hole")
            return
        }
        let whole = RasterScanShortcutTests.expand(row, rasterizer, width: 120)
        for low in stride(from: row.start - 2, through: row.end, by: 3) {
            for high in stride(from: low, through: row.end + 2, by: 5) {
                let part = row.clamped(to: low..<high)
                let values = RasterScanShortcutTests.expand(part, rasterizer, width: 120)
                for x in part.start..<part.end { #expect(values[x] == whole[x], "columns \(low)..<\(high), x \(x)") }
                #expect(part.start >= max(row.start, low) && part.end <= max(part.start, min(row.end, high)))
            }
        }
    }

    // MARK: Corners

    /// Equal corners share one chord: the extent must equal each corner's own formula.
    @Test func sharedChordsGiveEachCornersExtent() {
        func chord(_ rx: Double, _ ry: Double, _ dy: Double) -> Double {
            let ratio = dy / ry, inside = 1 - ratio * ratio
            return inside > 0 ? rx * inside.squareRoot() : 0
        }
        let boxes = [RoundedBox(Rect(x: 3.3, y: 2.1, width: 80.7, height: 60.2), radii: CornerRadii(all: 21.7)),
                     RoundedBox(Rect(x: 0.5, y: 0.5, width: 50, height: 90), radii: CornerRadii(horizontal: (10, 10, 30, 30), vertical: (40, 40, 12, 12))),
                     RoundedBox(Rect(x: 7, y: 9, width: 64, height: 48), radii: CornerRadii(topLeft: 20, topRight: 8, bottomRight: 20, bottomLeft: 3))]
        for box in boxes {
            var y = box.top + 0.01
            while y < box.bottom {
                var l = box.left, r = box.right
                if y < box.top + box.topLeft.y { l = max(l, box.left + box.topLeft.x - chord(box.topLeft.x, box.topLeft.y, box.top + box.topLeft.y - y)) }
                if y > box.bottom - box.bottomLeft.y { l = max(l, box.left + box.bottomLeft.x - chord(box.bottomLeft.x, box.bottomLeft.y, y - (box.bottom - box.bottomLeft.y))) }
                if y < box.top + box.topRight.y { r = min(r, box.right - box.topRight.x + chord(box.topRight.x, box.topRight.y, box.top + box.topRight.y - y)) }
                if y > box.bottom - box.bottomRight.y { r = min(r, box.right - box.bottomRight.x + chord(box.bottomRight.x, box.bottomRight.y, y - (box.bottom - box.bottomRight.y))) }
                let span = box.span(at: y)
                #expect(span.left == l && span.right == r, "y \(y)")
                y += 0.173
            }
        }
    }
}
