/// A run of text with one style, one of the pieces of an inline formatting context.
struct TextSpan: Sendable {
    var text: String
    var font: FontSpec
    var color: Color
    /// Extra space after every grapheme, in px (CSS `letter-spacing`).
    var letterSpacing: Double = 0
    /// Extra space after every word separator (U+0020, U+00A0), in px (CSS `word-spacing`).
    var wordSpacing: Double = 0
    /// Lines drawn with the text (CSS `text-decoration`).
    var decoration = TextDecoration()
    /// OpenType features for HarfBuzz (`font-feature-settings`, `font-variant-numeric`).
    var fontFeatures: [FontFeature] = []
    /// How far the text sits above the line's baseline, in px; negative is below (`vertical-align: sub`).
    var baselineShift: Double = 0

    /// Whether `other` is styled exactly like this span, so its text can simply be appended to it.
    func hasSameStyle(as other: TextSpan) -> Bool {
        font == other.font && color == other.color && letterSpacing == other.letterSpacing && wordSpacing == other.wordSpacing
            && decoration == other.decoration && fontFeatures == other.fontFeatures
            && baselineShift == other.baselineShift
    }

    /// Copies the span-level values of `features` (the computed style of the span's element).
    mutating func apply(_ features: TextFeatures) {
        wordSpacing = features.wordSpacing
        decoration = features.decoration
        fontFeatures = features.fontFeatures
    }
}
