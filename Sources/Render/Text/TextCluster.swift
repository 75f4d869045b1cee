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
    /// Index of the shaping run; clusters of one run share font, span, script and bidi level.
    var run: Int
    var rightToLeft: Bool
    /// Horizontal advance in px, letter and word spacing included.
    var advance: Double
    var glyphs: [Glyph]
    /// UAX #9 embedding level: odd is right-to-left.
    var level: UInt8 = 0
    /// Whether UAX #14 (ICU) allows a soft line break after this cluster.
    var breakAfter = false

    // Scalar tests rather than `Character` equality: see `TextCharacters.onlyScalar(of:)`.
    var isNewline: Bool { TextCharacters.onlyScalar(of: character) == 0x0A }
    var isSpace: Bool { TextCharacters.isSpace(character) }
    /// U+00AD: invisible unless a line breaks after it, where it shows as a hyphen.
    var isSoftHyphen: Bool { TextCharacters.onlyScalar(of: character) == 0xAD }
}
