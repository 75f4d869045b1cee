/// One glyph out of HarfBuzz, in px.
struct ShapedGlyph: Sendable {
    var glyphID: UInt32
    /// UTF-8 offset of the cluster the glyph belongs to, in the full paragraph text.
    var cluster: Int
    var advance: Double
    var offsetX: Double
    /// Upward offset from the baseline (HarfBuzz's y axis points up).
    var offsetY: Double
}
