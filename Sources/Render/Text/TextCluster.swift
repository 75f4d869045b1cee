/// One grapheme cluster of a paragraph after font selection and shaping: the unit of line breaking,
/// letter spacing and justification.
struct TextCluster: Sendable {
    /// A glyph of the cluster, positioned from the cluster's left edge.
    struct Glyph: Sendable {
        var glyphID: UInt32
        var dx: Double
        /// Downward offset from the baseline.
        var dy: Double
    }

    var character: Character
    /// Index of the span (style) the cluster belongs to.
    var span: Int
    var font: ResolvedFont
    /// Index of the shaping run; clusters of one run share font, span and direction.
    var run: Int
    var rightToLeft: Bool
    /// Horizontal advance in px, letter spacing included.
    var advance: Double
    var glyphs: [Glyph]

    var isNewline: Bool { character == "\n" }
    var isSpace: Bool { TextCharacters.isSpace(character) }
}
