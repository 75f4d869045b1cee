import Foundation

/// Radial, conic and repeating linear gradients, resolved against the box they fill: `t` is
/// computed per pixel centre and looked up in a `GradientRamp`. (Plain linear gradients take the
/// faster incremental path of `LinearGradientShader`.)
struct GradientShader {
    enum Geometry: Sendable, Equatable {
        /// t = origin + dx·x + dy·y.
        case linear(origin: Double, dx: Double, dy: Double)
        /// t = distance from the centre in units of the ending shape's radii (CSS Images 3 §3.2).
        case radial(centerX: Double, centerY: Double, radiusX: Double, radiusY: Double)
        /// t = clockwise angle from `startAngle` (radians, 0 pointing up) in turns (CSS Images 4 §3.3).
        case conic(centerX: Double, centerY: Double, startAngle: Double)
    }

    let geometry: Geometry
    let ramp: GradientRamp

    /// - Parameter lineLength: length in pixels of one unit of `t`, to size the table.
    init?(geometry: Geometry, stops: [GradientStop], repeating: Bool, lineLength: Double) {
        if case .radial(_, _, let rx, let ry) = geometry, !(rx > 0 && ry > 0) { return nil }
        let size = Swift.min(4096, Swift.max(256, Int(saturatingFloor: lineLength * 2) + 1))
        guard let ramp = GradientRamp(stops: stops, repeating: repeating, size: size) else { return nil }
        self.geometry = geometry
        self.ramp = ramp
    }

    /// The geometry of a linear gradient at `angle` (CSS degrees) across `box`, as
    /// `LinearGradientShader` lays it out, and the length of its gradient line.
    static func linearGeometry(angle: Double, box: Rect) -> (geometry: Geometry, length: Double)? {
        guard angle.isFinite, !box.isEmpty else { return nil }
        let radians = angle * Double.pi / 180
        let sine = sin(radians), cosine = cos(radians)
        let length = abs(box.width * sine) + abs(box.height * cosine)
        guard length > 0 else { return nil }
        let dx = sine / length, dy = -cosine / length
        let origin = 0.5 - (box.x + box.width / 2) * dx - (box.y + box.height / 2) * dy
        return (.linear(origin: origin, dx: dx, dy: dy), length)
    }

    /// Writes the colors of columns `start..<end` of row `y` into `row` (indexed by canvas x).
    func fill(row y: Int, from start: Int, to end: Int, into row: UnsafeMutablePointer<UInt32>) {
        guard end > start else { return }
        let cy: Double = Double(y) + 0.5
        switch geometry {
        case .linear(let origin, let dx, let dy):
            let base: Double = origin + dy * cy
            let rest: Int = ramp.withLanes(
                clamped: { fillLinearLanes($0, base: base, dx: dx, from: start, to: end, into: row) },
                repeating: { fillLinearLanes($0, base: base, dx: dx, from: start, to: end, into: row) })
            for x in rest..<end { row[x] = ramp.color(at: base + dx * (Double(x) + 0.5)) }
        case .radial(let centerX, let centerY, let radiusX, let radiusY):
            let v: Double = (cy - centerY) / radiusY
            let v2: Double = v * v
            let inverse: Double = 1 / radiusX
            // Columns outside `near` are past the ramp's last color change: one stored color.
            let near: Range<Int> = radialColumnsBeforeFlat(v2: v2, centerX: centerX, radiusX: radiusX, from: start, to: end)
            if near.count < end - start {
                let flat: UInt32 = ramp.table[ramp.table.count - 1]
                (row + start).update(repeating: flat, count: near.lowerBound - start)
                (row + near.upperBound).update(repeating: flat, count: end - near.upperBound)
            }
            let (first, last): (Int, Int) = (near.lowerBound, near.upperBound)
            let rest: Int = ramp.withLanes(
                clamped: { fillRadialLanes($0, v2: v2, centerX: centerX, inverse: inverse, from: first, to: last, into: row) },
                repeating: { fillRadialLanes($0, v2: v2, centerX: centerX, inverse: inverse, from: first, to: last, into: row) })
            for x in rest..<near.upperBound {
                let u: Double = (Double(x) + 0.5 - centerX) * inverse
                row[x] = ramp.color(at: (u * u + v2).squareRoot())
            }
        case .conic(let centerX, let centerY, let startAngle):
            let dy: Double = cy - centerY
            let turn: Double = 2 * Double.pi
            let perRadian: Double = 1 / turn
            let rest: Int = ramp.withLanes(
                clamped: { fillConicLanes($0, dy: dy, centerX: centerX, startAngle: startAngle, from: start, to: end, into: row) },
                repeating: { fillConicLanes($0, dy: dy, centerX: centerX, startAngle: startAngle, from: start, to: end, into: row) })
            for x in rest..<end {
                let dx: Double = Double(x) + 0.5 - centerX
                // atan2(dx, -dy) is the clockwise angle from "up".
                var angle: Double = Self.arctangent(dx, -dy) - startAngle
                angle -= turn * PixelMath.floor(angle * perRadian)
                row[x] = ramp.color(at: angle * perRadian)
            }
        }
    }

    /// The columns of `start..<end` on a row at squared vertical distance `v2` (in radii) where a
    /// radial ramp may still change; every column outside has t ≥ `ramp.flatFrom`. The bound is
    /// widened by two pixels each side so rounding in this estimate never cuts a changing pixel.
    func radialColumnsBeforeFlat(v2: Double, centerX: Double, radiusX: Double, from start: Int, to end: Int) -> Range<Int> {
        let flat: Double = ramp.flatFrom
        guard flat.isFinite else { return flat < 0 ? start..<start : start..<end }
        let reach: Double = flat * flat - v2
        guard reach > 0 else { return start..<start }
        let half: Double = reach.squareRoot() * radiusX
        let low: Double = (centerX - half - 0.5).rounded(.down) - 2
        let high: Double = (centerX + half - 0.5).rounded(.up) + 3
        guard low.isFinite, high.isFinite else { return start..<end }
        let first: Int = Int(Swift.min(Double(end), Swift.max(Double(start), low)))
        let last: Int = Int(Swift.min(Double(end), Swift.max(Double(first), high)))
        return first..<last
    }

    /// atan2(`y`, `x`) within 1e-5 radians (a 1/600,000 turn, far below one step of the largest
    /// 4096-entry ramp), without the libm call that dominated conic fills: the argument is folded
    /// into 0...1 and an odd degree-11 minimax polynomial gives atan there.
    @inline(__always)
    static func arctangent(_ y: Double, _ x: Double) -> Double {
        let ax: Double = abs(x), ay: Double = abs(y)
        let high: Double = Swift.max(ax, ay)
        guard high > 0 else { return 0 }
        let z: Double = Swift.min(ax, ay) / high
        let z2: Double = z * z
        var angle: Double = z * (0.99997726 + z2 * (-0.33262347 + z2 * (0.19354346
            + z2 * (-0.11643287 + z2 * (0.05265332 + z2 * -0.01172120)))))
        if ay > ax { angle = Double.pi / 2 - angle }
        if x < 0 { angle = Double.pi - angle }
        return y < 0 ? -angle : angle
    }
}
