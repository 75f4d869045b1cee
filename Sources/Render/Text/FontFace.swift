/// One face of a font file as found on disk: what matching and metrics need, without an open handle.
struct FontFace: Sendable, Hashable {
    var path: String
    /// Face index inside a collection (.ttc), 0 otherwise.
    var index: Int
    /// Typographic family name as FreeType reports it ("Inter", "Noto Sans CJK JP").
    var family: String
    var style: String
    /// OS/2 `usWeightClass`, 1–1000.
    var weight: Int
    /// OS/2 `usWidthClass`, 1–9; 5 is normal.
    var widthClass: Int
    var italic: Bool
    /// Colour bitmap face (CBDT/sbix, e.g. Noto Color Emoji): drawn from a fixed strike, never hinted or emboldened.
    var isColorBitmap: Bool
    var unitsPerEm: Int
    /// Vertical metrics in font units, already chosen between hhea and OS/2 typo (USE_TYPO_METRICS) as Skia does.
    var ascender: Int
    var descender: Int
    var lineGap: Int

    /// Metrics scaled to `size` px and rounded to whole pixels, as Chromium's `SimpleFontData` does.
    func metrics(size: Double) -> FontMetrics {
        guard unitsPerEm > 0 else { return FontMetrics(ascent: (size * 0.95).rounded(), descent: (size * 0.25).rounded(), lineGap: 0) }
        let scale = size / Double(unitsPerEm)
        return FontMetrics(ascent: (Double(ascender) * scale).rounded(),
                           descent: (Double(-descender) * scale).rounded(),
                           lineGap: max(0, (Double(lineGap) * scale).rounded()))
    }
}
