/// Identifies one rasterization of a glyph in the shared glyph cache.
struct GlyphKey: Hashable, Sendable {
    var faceIndex: Int32
    var glyphID: UInt32
    /// Size in 1/64 px (FreeType's 26.6); 0 for colour bitmap glyphs, which come from a fixed strike.
    var size64: Int32
    /// Horizontal pen position's fraction in quarters of a pixel (0–3); 0 for colour glyphs.
    var subpixel: UInt8
    var synthesis: FontSynthesis

    /// Subpixel positions per pixel: text is positioned to a quarter pixel, like Skia's default.
    static let subpixelSteps = 4
}
