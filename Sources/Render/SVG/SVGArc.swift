import Foundation

/// SVG's endpoint elliptical arcs, converted to cubic Béziers.
enum SVGArc {
    /// Appends the arc from `start` to `end` (SVG 2 `A` command) as cubics of at most 90° each,
    /// following the endpoint-to-center conversion of SVG 2 Appendix B.2.4, including its
    /// out-of-range corrections: zero radii give a straight line, radii too small to reach are
    /// scaled up until they just do.
    static func append(to path: inout Path, from start: Point, to end: Point, radiusX: Double, radiusY: Double,
                       rotation degrees: Double, largeArc: Bool, sweep: Bool) {
        if start == end { return }
        var rx: Double = abs(radiusX), ry: Double = abs(radiusY)
        guard rx > 0, ry > 0 else { return path.line(to: end) }
        let phi: Double = degrees.truncatingRemainder(dividingBy: 360) * Double.pi / 180
        let cosPhi: Double = cos(phi), sinPhi: Double = sin(phi)
        // Step 1: the midpoint difference in the ellipse's rotated frame.
        let dx: Double = (start.x - end.x) / 2, dy: Double = (start.y - end.y) / 2
        let x1: Double = cosPhi * dx + sinPhi * dy
        let y1: Double = -sinPhi * dx + cosPhi * dy
        let lambda: Double = (x1 * x1) / (rx * rx) + (y1 * y1) / (ry * ry)
        if lambda > 1 {
            let scale: Double = lambda.squareRoot()
            rx *= scale
            ry *= scale
        }
        // Step 2: the center in the rotated frame.
        let numerator: Double = rx * rx * ry * ry - rx * rx * y1 * y1 - ry * ry * x1 * x1
        let denominator: Double = rx * rx * y1 * y1 + ry * ry * x1 * x1
        var factor: Double = denominator > 0 ? Swift.max(0, numerator / denominator).squareRoot() : 0
        if largeArc == sweep { factor = -factor }
        let cx1: Double = factor * rx * y1 / ry
        let cy1: Double = -factor * ry * x1 / rx
        // Step 3: the center in user space.
        let cx: Double = cosPhi * cx1 - sinPhi * cy1 + (start.x + end.x) / 2
        let cy: Double = sinPhi * cx1 + cosPhi * cy1 + (start.y + end.y) / 2
        // Step 4: start angle and sweep on the unit circle.
        let ux: Double = (x1 - cx1) / rx, uy: Double = (y1 - cy1) / ry
        let vx: Double = (-x1 - cx1) / rx, vy: Double = (-y1 - cy1) / ry
        let theta: Double = atan2(uy, ux)
        var delta: Double = atan2(ux * vy - uy * vx, ux * vx + uy * vy)
        if !sweep && delta > 0 { delta -= 2 * Double.pi }
        if sweep && delta < 0 { delta += 2 * Double.pi }
        guard theta.isFinite, delta.isFinite else { return path.line(to: end) }

        let pieces: Int = Swift.max(1, Int((abs(delta) / (Double.pi / 2) - 1e-9).rounded(.up)))
        let step: Double = delta / Double(pieces)
        // A cubic through the ends of a unit arc of angle `step` with tangent handles of this length.
        let handle: Double = 4.0 / 3.0 * tan(step / 4)
        func map(_ x: Double, _ y: Double) -> Point {
            Point(x: cx + rx * x * cosPhi - ry * y * sinPhi, y: cy + rx * x * sinPhi + ry * y * cosPhi)
        }
        var angle: Double = theta
        for piece in 0..<pieces {
            let next: Double = angle + step
            let c0: Double = cos(angle), s0: Double = sin(angle), c1: Double = cos(next), s1: Double = sin(next)
            // The last piece ends exactly on `end`, not on a rounded copy of it.
            let target: Point = piece == pieces - 1 ? end : map(c1, s1)
            path.cubic(to: target, control1: map(c0 - handle * s0, s0 + handle * c0), control2: map(c1 + handle * s1, s1 - handle * c1))
            angle = next
        }
    }
}
