/// A font request as CSS states it.
struct FontSpec: Hashable, Sendable {
    /// CSS family names in order; generic names (`sans-serif`, `serif`, `monospace`, `system-ui`,
    /// `emoji`, `cursive`, `fantasy`) allowed. Fallback for missing glyphs goes beyond this list.
    var families: [String]
    /// Font size in CSS px.
    var size: Double
    /// 1–1000; 400 normal, 700 bold.
    var weight: Int
    var italic: Bool
}
