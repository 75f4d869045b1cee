/// A position in CSS pixels; y grows downwards.
struct Point: Sendable, Equatable { var x: Double; var y: Double }
