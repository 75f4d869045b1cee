import Foundation

extension Path {
    /// One subpath turned into straight segments.
    struct Polyline: Sendable, Equatable {
        var points: [Point]
        /// Ends with `close` (strokes join the ends instead of capping them).
        var isClosed: Bool
    }

    /// More segments than this per curve buy nothing visible and would let a curve with huge
    /// control points allocate without bound.
    static let maximumSegmentsPerCurve = 1000

    /// The subpaths with curves replaced by chords that stay within `tolerance` of the curve.
    ///
    /// The chord count comes from Wang's formula: for a Bézier of degree n, uniform steps in t keep
    /// the chords within `n(n-1)/8 · max|Pᵢ - 2Pᵢ₊₁ + Pᵢ₊₂| / segments²` of the curve, so flat
    /// curves get one chord and tight ones as many as they need.
    func flattened(tolerance: Double) -> [Polyline] {
        let tolerance: Double = tolerance > 0 && tolerance.isFinite ? tolerance : 0.1
        var result: [Polyline] = []
        var points: [Point] = []
        var closed = false
        func finish() {
            if !points.isEmpty { result.append(Polyline(points: points, isClosed: closed)) }
            points = []
            closed = false
        }
        for element in elements {
            switch element {
            case .move(let p):
                finish()
                points.append(p)
            case .line(let p):
                if closed, let start = points.first { finish(); points.append(start) }
                points.append(p)
            case .quad(let c, let p):
                if closed, let start = points.first { finish(); points.append(start) }
                guard let p0 = points.last else { continue }
                let count: Int = Path.segmentCount(degreeFactor: 2.0 / 8.0, secondDifference: Path.length(p0, -2, c, p), tolerance: tolerance)
                for index in 1...count {
                    let t: Double = Double(index) / Double(count), u: Double = 1 - t
                    points.append(Point(x: u * u * p0.x + 2 * u * t * c.x + t * t * p.x,
                                        y: u * u * p0.y + 2 * u * t * c.y + t * t * p.y))
                }
            case .cubic(let c1, let c2, let p):
                if closed, let start = points.first { finish(); points.append(start) }
                guard let p0 = points.last else { continue }
                let bend: Double = Swift.max(Path.length(p0, -2, c1, c2), Path.length(c1, -2, c2, p))
                let count: Int = Path.segmentCount(degreeFactor: 6.0 / 8.0, secondDifference: bend, tolerance: tolerance)
                for index in 1...count {
                    let t: Double = Double(index) / Double(count), u: Double = 1 - t
                    let a: Double = u * u * u, b: Double = 3 * u * u * t, d: Double = 3 * u * t * t, e: Double = t * t * t
                    points.append(Point(x: a * p0.x + b * c1.x + d * c2.x + e * p.x,
                                        y: a * p0.y + b * c1.y + d * c2.y + e * p.y))
                }
            case .close:
                closed = true
            }
        }
        finish()
        return result
    }

    /// |a + k·b + c| for the second difference a - 2b + c.
    private static func length(_ a: Point, _ k: Double, _ b: Point, _ c: Point) -> Double {
        let x: Double = a.x + k * b.x + c.x
        let y: Double = a.y + k * b.y + c.y
        return (x * x + y * y).squareRoot()
    }

    private static func segmentCount(degreeFactor: Double, secondDifference: Double, tolerance: Double) -> Int {
        let wanted: Double = (degreeFactor * secondDifference / tolerance).squareRoot().rounded(.up)
        guard wanted < Double(maximumSegmentsPerCurve) else { return maximumSegmentsPerCurve }
        return wanted >= 1 ? Int(wanted) : 1
    }
}
