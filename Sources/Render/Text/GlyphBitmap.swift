/// A rasterized glyph: 8-bit coverage for outline glyphs, premultiplied BGRA for colour bitmap glyphs.
struct GlyphBitmap: Sendable {
    var width: Int
    var height: Int
    /// Bytes per row of `pixels` (`width` for coverage, `width * 4` for BGRA).
    var pitch: Int
    /// Offset from the pen position to the bitmap's left edge, in bitmap pixels.
    var left: Int
    /// Distance from the baseline up to the bitmap's top row, in bitmap pixels.
    var top: Int
    var isColor: Bool
    /// For colour glyphs, the strike's pixels per em; the bitmap is scaled by size / ppem when drawn.
    var strikePPEM: Double
    var pixels: [UInt8]
}
