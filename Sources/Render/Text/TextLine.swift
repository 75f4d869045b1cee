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
}
