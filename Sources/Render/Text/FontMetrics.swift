/// Ascent and descent of a font at a size, in px (ascent positive up, descent positive down).
struct FontMetrics: Sendable, Equatable {
    var ascent: Double
    var descent: Double
    var lineGap: Double
}
