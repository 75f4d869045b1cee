/// One laid-out line. Glyph positions are relative to the paragraph's origin.
struct TextLine: Sendable {
    /// Left edge of the line's content after alignment.
    var x: Double
    /// Top of the line box.
    var y: Double
    var width: Double
    var height: Double
    /// Baseline position from the paragraph's top.
    var baseline: Double
    /// Opaque glyph data the engine draws; the layout code does not look inside.
    var glyphs: [PositionedGlyph]
    /// Underlines, overlines and strikeouts, drawn by the engine with the glyphs (underlines first).
    var decorations: [DecorationLine] = []
}

/// A text decoration line, a filled rectangle in paragraph coordinates snapped to whole pixels as
/// Chromium draws them.
struct DecorationLine: Sendable, Equatable {
    var rect: Rect
    var color: Color
    /// Line-through is painted over the glyphs, the others under them (CSS Text Decoration 3 §2).
    var overGlyphs: Bool
}
