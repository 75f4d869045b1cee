/// A glyph to draw: which face, which glyph, where (baseline origin, paragraph coordinates), which color.
struct PositionedGlyph: Sendable {
    /// Index of the face in the engine's font catalogue.
    var fontIndex: Int
    var glyphID: UInt32
    var x: Double
    var y: Double
    var size: Double
    var color: Color
    /// Synthetic bold/oblique to apply because the matched face lacks the requested weight or style.
    var synthesis: FontSynthesis = []
}
