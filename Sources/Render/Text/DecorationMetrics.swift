/// Where a font puts its underline and strikeout, in px at one size; offsets point down from the baseline
/// (a strikeout offset is negative: above the baseline).
struct DecorationMetrics: Sendable, Equatable {
    var underlineOffset: Double? = nil
    var underlineThickness: Double? = nil
    var strikeoutOffset: Double? = nil
    var strikeoutThickness: Double? = nil
}
