/// A color stop of a gradient.
struct GradientStop: Sendable, Equatable {
    var color: Color
    /// Position along the gradient line, 0...1.
    var position: Double
}
