/// A color stop of a gradient.
struct GradientStop: Sendable, Hashable {
    var color: Color
    /// Position along the gradient line, 0...1.
    var position: Double
}
