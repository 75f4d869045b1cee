/// A run of text with one style, one of the pieces of an inline formatting context.
struct TextSpan: Sendable {
    var text: String
    var font: FontSpec
    var color: Color
    /// Extra space after every grapheme, in px (CSS `letter-spacing`).
    var letterSpacing: Double = 0
}
