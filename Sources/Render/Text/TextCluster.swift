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

    let character: Character
    /// `TextCharacters.onlyScalar(of: character)`, kept because line breaking and layout test it for
    /// every cluster several times (spaces, newlines, soft hyphens).
    let onlyScalar: UInt32?
    /// The first scalar of `character`, for the break rules that look only at it.
    let firstScalar: Unicode.Scalar?
    /// Index of the span (style) the cluster belongs to.
    var span: Int
    var font: ResolvedFont
    /// Index of the shaping run; clusters of one run share font, span, script and bidi level.
    var run: Int
    var rightToLeft: Bool
    /// Horizontal advance in px, letter and word spacing included.
    var advance: Double
    var glyphs: GlyphList
    /// UAX #9 embedding level: odd is right-to-left.
    var level: UInt8 = 0
    /// Whether UAX #14 (ICU) allows a soft line break after this cluster.
    var breakAfter = false

    init(character: Character, span: Int, font: ResolvedFont, run: Int, rightToLeft: Bool, advance: Double,
         glyphs: GlyphList = GlyphList()) {
        self.character = character
        onlyScalar = TextCharacters.onlyScalar(of: character)
        firstScalar = character.unicodeScalars.first
        self.span = span
        self.font = font
        self.run = run
        self.rightToLeft = rightToLeft
        self.advance = advance
        self.glyphs = glyphs
    }

    /// A cluster of one ASCII byte, whose only and first scalar is that byte: the same cluster as
    /// `init(character:…)` makes, without walking the character's scalars.
    init(ascii byte: UInt8, span: Int, font: ResolvedFont) {
        character = Character(Unicode.Scalar(byte))
        onlyScalar = UInt32(byte)
        firstScalar = Unicode.Scalar(byte)
        self.span = span
        self.font = font
        run = 0
        rightToLeft = false
        advance = 0
        glyphs = GlyphList()
    }

    // Scalar tests rather than `Character` equality: see `TextCharacters.onlyScalar(of:)`.
    var isNewline: Bool { onlyScalar == 0x0A }
    /// `TextCharacters.isSpace(character)`.
    var isSpace: Bool { onlyScalar == 0x20 || onlyScalar == 0x3000 || onlyScalar == 0xA0 }
    /// U+00AD: invisible unless a line breaks after it, where it shows as a hyphen.
    var isSoftHyphen: Bool { onlyScalar == 0xAD }
}
