/// Lines of an inline formatting context broken to a width.
struct Paragraph: Sendable {
    var lines: [TextLine]
    /// Widest line.
    var width: Double
    /// Sum of line heights.
    var height: Double
    /// Baseline of the first line from the top (for flex baseline alignment); 0 when empty.
    var firstBaseline: Double
}
