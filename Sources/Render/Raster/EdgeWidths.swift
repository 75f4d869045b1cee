/// Border widths per side.
struct EdgeWidths: Sendable, Equatable {
    var top: Double
    var right: Double
    var bottom: Double
    var left: Double
    static let zero = EdgeWidths(top: 0, right: 0, bottom: 0, left: 0)
}
