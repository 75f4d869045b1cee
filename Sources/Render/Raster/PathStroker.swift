import Foundation

/// Turns a path's stroke into an outline to be filled with the nonzero rule.
///
/// The outline is a union of simple pieces: a rectangle per segment, a wedge per join on the
/// outer side of the turn, and a cap per open end. Every piece is wound the same way, so where
/// they overlap the winding number only grows and the nonzero fill paints their union exactly once;
/// there is no offset-curve intersection to get wrong.
struct PathStroker {
    /// Width, caps, joins and miter limit.
    var style: PathStrokeStyle
    /// The largest distance between a curve or arc and its chords, in the path's own units.
    var tolerance: Double

    /// The outline of the stroke of `path`, in the same space as `path`.
    func outline(of path: Path) -> Path {
        var result = Path()
        let halfWidth: Double = style.width / 2
        guard halfWidth > 0, halfWidth.isFinite else { return result }
        var polylines: [Path.Polyline] = path.flattened(tolerance: tolerance)
        if let dasher = PathDasher(dashes: style.dashes, offset: style.dashOffset), let dashes = dasher.dashes(of: polylines) {
            polylines = dashes
        }
        for polyline in polylines {
            stroke(polyline, halfWidth: halfWidth, into: &result)
        }
        return result
    }

    private func stroke(_ polyline: Path.Polyline, halfWidth: Double, into result: inout Path) {
        var points: [Point] = []
        for point in polyline.points where points.last.map({ PathStroker.distance($0, point) > 1e-9 }) ?? true {
            points.append(point)
        }
        if polyline.isClosed, points.count > 1, PathStroker.distance(points[0], points[points.count - 1]) <= 1e-9 {
            points.removeLast()
        }
        guard points.count > 1 else {
            // SVG 2 §13.5.2: a zero-length subpath gets its caps, aligned with the x axis.
            guard let dot = points.first else { return }
            switch style.lineCap {
            case .butt: break
            case .round: addPolygon(arc(around: dot, from: Point(x: halfWidth, y: 0), sweep: 2 * .pi, radius: halfWidth), into: &result)
            case .square: addSegment(from: Point(x: dot.x - halfWidth, y: dot.y), to: Point(x: dot.x + halfWidth, y: dot.y), halfWidth: halfWidth, into: &result)
            }
            return
        }
        let closed: Bool = polyline.isClosed && points.count > 2
        let segmentCount: Int = closed ? points.count : points.count - 1
        for index in 0..<segmentCount {
            addSegment(from: points[index], to: points[(index + 1) % points.count], halfWidth: halfWidth, into: &result)
        }
        let joints: Range<Int> = closed ? 0..<points.count : 1..<(points.count - 1)
        for index in joints {
            let previous: Point = points[(index + points.count - 1) % points.count]
            let next: Point = points[(index + 1) % points.count]
            addJoin(at: points[index], incoming: PathStroker.direction(previous, points[index]),
                    outgoing: PathStroker.direction(points[index], next), halfWidth: halfWidth, into: &result)
        }
        if !closed {
            addCap(at: points[0], direction: PathStroker.direction(points[1], points[0]), halfWidth: halfWidth, into: &result)
            let last: Int = points.count - 1
            addCap(at: points[last], direction: PathStroker.direction(points[last - 1], points[last]), halfWidth: halfWidth, into: &result)
        }
    }

    /// A rectangle around the segment, as wide as the stroke.
    private func addSegment(from a: Point, to b: Point, halfWidth: Double, into result: inout Path) {
        let d: Point = PathStroker.direction(a, b)
        let n = Point(x: -d.y * halfWidth, y: d.x * halfWidth)
        addPolygon([Point(x: a.x + n.x, y: a.y + n.y), Point(x: b.x + n.x, y: b.y + n.y),
                    Point(x: b.x - n.x, y: b.y - n.y), Point(x: a.x - n.x, y: a.y - n.y)], into: &result)
    }

    /// The cap at an open end; `direction` points out of the path.
    private func addCap(at point: Point, direction d: Point, halfWidth: Double, into result: inout Path) {
        switch style.lineCap {
        case .butt:
            return
        case .square:
            addSegment(from: point, to: Point(x: point.x + d.x * halfWidth, y: point.y + d.y * halfWidth), halfWidth: halfWidth, into: &result)
        case .round:
            // Half a disc: from one side of the stroke, around the tip, to the other.
            let side = Point(x: d.y * halfWidth, y: -d.x * halfWidth)
            addPolygon(arc(around: point, from: side, sweep: .pi, radius: halfWidth), into: &result)
        }
    }

    /// The wedge that fills the gap on the outer side of the turn between two unit directions.
    private func addJoin(at v: Point, incoming d0: Point, outgoing d1: Point, halfWidth: Double, into result: inout Path) {
        let cross: Double = d0.x * d1.y - d0.y * d1.x
        let dot: Double = d0.x * d1.x + d0.y * d1.y
        // Straight on: the segments' rectangles already meet edge to edge.
        if abs(cross) < 1e-12 && dot > 0 { return }
        // The rectangles gap apart on the side away from the turn.
        let side: Double = cross > 0 ? -1 : 1
        let n0 = Point(x: -d0.y * halfWidth * side, y: d0.x * halfWidth * side)
        let n1 = Point(x: -d1.y * halfWidth * side, y: d1.x * halfWidth * side)
        let a = Point(x: v.x + n0.x, y: v.y + n0.y)
        let b = Point(x: v.x + n1.x, y: v.y + n1.y)
        switch style.lineJoin {
        case .bevel:
            addPolygon([v, a, b], into: &result)
        case .round:
            addPolygon([v] + arc(around: v, from: n0, sweep: atan2(cross, dot), radius: halfWidth), into: &result)
        case .miter:
            // SVG 2 §13.5.4: miter length / stroke width = 1 / sin(θ/2) for the angle θ between the
            // segments, and sin(θ/2) = cos(φ/2) for the turning angle φ.
            let cosHalfTurn: Double = ((1 + dot) / 2).squareRoot()
            guard cosHalfTurn > 0, 1 / cosHalfTurn <= style.miterLimit else {
                addPolygon([v, a, b], into: &result)
                return
            }
            let bisector = Point(x: n0.x + n1.x, y: n0.y + n1.y)
            let length: Double = (bisector.x * bisector.x + bisector.y * bisector.y).squareRoot()
            guard length > 0 else { return addPolygon([v, a, b], into: &result) }
            let reach: Double = halfWidth / cosHalfTurn / length
            addPolygon([v, a, Point(x: v.x + bisector.x * reach, y: v.y + bisector.y * reach), b], into: &result)
        }
    }

    /// Points on the circle around `center` through `center + from`, turning by `sweep` radians.
    private func arc(around center: Point, from: Point, sweep: Double, radius: Double) -> [Point] {
        // A chord of angle α is within r(1 - cos(α/2)) of its arc.
        let ratio: Double = Swift.max(-1, Swift.min(1, 1 - tolerance / radius))
        let stepLimit: Double = Swift.max(2 * acos(ratio), 0.05)
        let count: Int = Swift.min(720, Swift.max(2, Int((abs(sweep) / stepLimit).rounded(.up))))
        // Inner points move out to sqrt(α / sin α) of the radius, which gives each chord's wedge
        // the area of its circular sector, so round caps and joins are not systematically thin.
        let step: Double = abs(sweep) / Double(count)
        let outward: Double = step > 1e-9 ? (step / sin(step)).squareRoot() : 1
        var points: [Point] = []
        points.reserveCapacity(count + 1)
        for index in 0...count {
            let angle: Double = sweep * Double(index) / Double(count)
            let reach: Double = index == 0 || index == count ? 1 : outward
            let c: Double = cos(angle) * reach, s: Double = sin(angle) * reach
            points.append(Point(x: center.x + from.x * c - from.y * s, y: center.y + from.x * s + from.y * c))
        }
        return points
    }

    /// Adds a closed polygon wound the same way as every other piece (positive shoelace area).
    private func addPolygon(_ points: [Point], into result: inout Path) {
        guard points.count > 2 else { return }
        var twiceArea: Double = 0
        for index in 0..<points.count {
            let p: Point = points[index], q: Point = points[(index + 1) % points.count]
            twiceArea += p.x * q.y - q.x * p.y
        }
        guard twiceArea != 0, twiceArea.isFinite else { return }
        let ordered: [Point] = twiceArea > 0 ? points : points.reversed()
        result.move(to: ordered[0])
        for point in ordered.dropFirst() { result.line(to: point) }
        result.close()
    }

    private static func distance(_ a: Point, _ b: Point) -> Double {
        ((b.x - a.x) * (b.x - a.x) + (b.y - a.y) * (b.y - a.y)).squareRoot()
    }

    /// The unit vector from `a` to `b` (the points differ).
    private static func direction(_ a: Point, _ b: Point) -> Point {
        let length: Double = distance(a, b)
        return Point(x: (b.x - a.x) / length, y: (b.y - a.y) / length)
    }
}
