/// Computed values of the text properties the engine reads beyond font, colour and white space, as
/// one inheritable group: the style stage parses them (`PropertyApplier.applyTextFeature`) and the
/// layout stage copies them onto `ParagraphStyle` (block) and `TextSpan` (inline element).
struct TextFeatures: Sendable, Equatable {
    var direction: TextDirection = .ltr
    var wordBreak: WordBreak = .normal
    var overflowWrap: OverflowWrap = .normal
    var textIndent: Double = 0
    var balance = false
    var softHyphens = true
    var wordSpacing: Double = 0
    /// Not inherited in CSS, but propagated to the text of descendants, which copying it with the rest has
    /// the same effect for (except across inline-blocks).
    var decoration = TextDecoration()
    /// `font-variant-numeric`, as OpenType features.
    var numericFeatures: [FontFeature] = []
    /// `font-feature-settings`.
    var featureSettings: [FontFeature] = []

    /// The features HarfBuzz applies: `font-feature-settings` last, so it wins over `font-variant-*`
    /// as CSS Fonts 4 §7.2 orders them.
    var fontFeatures: [FontFeature] { numericFeatures + featureSettings }
}

/// CSS `word-break`.
enum WordBreak: Sendable, Equatable {
    case normal
    /// Breaks between any two letters (typographic letter units), not only at UAX #14 opportunities.
    case breakAll
    /// No breaks between letters, so CJK text breaks only at spaces and punctuation, like Korean prose.
    case keepAll
}

/// CSS `overflow-wrap` (`word-wrap`): what to do with a word longer than the line.
enum OverflowWrap: Sendable, Equatable {
    /// Let it overflow.
    case normal
    /// Break it between graphemes; min-content ignores these breaks.
    case breakWord
    /// Break it between graphemes; min-content counts them.
    case anywhere
}

/// CSS `text-decoration-line` with its colour and thickness.
struct TextDecoration: Sendable, Equatable {
    var underline = false
    var overline = false
    var lineThrough = false
    /// nil: the text's colour (`currentColor`).
    var color: Color? = nil
    /// nil: `auto`, from the font's underline thickness.
    var thickness: Double? = nil

    var isEmpty: Bool { !underline && !overline && !lineThrough }
}

/// One OpenType feature setting, as in `font-feature-settings: "tnum" 1`.
struct FontFeature: Sendable, Equatable, Hashable {
    /// Four ASCII characters.
    var tag: String
    var value: UInt32
}
