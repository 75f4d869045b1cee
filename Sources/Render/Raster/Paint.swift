import Foundation

/// How an area is filled.
enum Paint: Sendable, Equatable {
    case solid(Color)
    /// CSS `linear-gradient`: `angle` in degrees with CSS's convention (0 = to top, 90 = to right);
    /// the gradient line is sized to the filled rectangle as CSS Images 3 §3.1 describes.
    case linearGradient(angle: Double, stops: [GradientStop])
    /// Radial, conic or repeating gradients already resolved against their box; stop positions are
    /// in units of the geometry's `t`, and `lineLength` is the pixel length of one unit.
    case gradient(GradientShader.Geometry, stops: [GradientStop], repeating: Bool, lineLength: Double)

    /// Whether a fill with this paint stores an opaque color in every pixel it covers fully, so
    /// nothing below those pixels shows: opaque solid colors and linear gradients with opaque stops.
    /// Radial and conic gradients say no whatever their colors, since their geometry can degenerate
    /// and draw nothing.
    var coversOpaquely: Bool {
        switch self {
        case .solid(let color): return color.alpha >= 1
        case .linearGradient(let angle, let stops): return angle.isFinite && !stops.isEmpty && stops.allSatisfy { $0.color.alpha >= 1 }
        case .gradient: return false
        }
    }

    /// This paint with the alpha of every color multiplied by `opacity`. Gradients interpolate
    /// premultiplied colors, so fading the stops fades every color in between by the same factor.
    func faded(by opacity: Double) -> Paint {
        func fade(_ stops: [GradientStop]) -> [GradientStop] {
            stops.map { GradientStop(color: $0.color.faded(by: opacity), position: $0.position) }
        }
        switch self {
        case .solid(let color):
            return .solid(color.faded(by: opacity))
        case .linearGradient(let angle, let stops):
            return .linearGradient(angle: angle, stops: fade(stops))
        case .gradient(let geometry, let stops, let repeating, let lineLength):
            return .gradient(geometry, stops: fade(stops), repeating: repeating, lineLength: lineLength)
        }
    }

    /// The angle CSS Images 3 §3.1.1 gives a corner keyword (`to bottom right` is `right: true,
    /// bottom: true`) for a box of `width`×`height`: the gradient line is perpendicular to the
    /// diagonal joining the two neighbouring corners, so those corners get the 50% color.
    static func cornerAngle(right: Bool, bottom: Bool, width: Double, height: Double) -> Double {
        // For `to top right` the line points along (h, w) rotated into the top-right quadrant:
        // sin θ = h / d, cos θ = w / d, so θ = atan2(h, w) measured from "to top".
        let base: Double = atan2(height, width) * 180 / Double.pi
        switch (right, bottom) {
        case (true, false): return base
        case (true, true): return 180 - base
        case (false, true): return 180 + base
        case (false, false): return 360 - base
        }
    }
}
