/// Paragraph-wide text settings of an inline formatting context.
struct ParagraphStyle: Sendable, Equatable {
    var lineHeight: LineHeight = .normal
    var align: TextAlign = .left
    var whiteSpace: WhiteSpace = .normal
    /// Lines beyond this are dropped; the last kept line ends in "…" if text was cut (`-webkit-line-clamp`).
    var maxLines: Int? = nil
    /// Base direction (HTML `dir`, CSS `direction`): bidi paragraph level and the side `start` means.
    var direction: TextDirection = .ltr
    var wordBreak: WordBreak = .normal
    var overflowWrap: OverflowWrap = .normal
    /// Indent of the first line in px, on the start side (CSS `text-indent`).
    var textIndent: Double = 0
    /// `text-wrap: balance`: lines of nearly equal length instead of a greedy fill.
    var balance = false
    /// `hyphens: manual` (the initial value): soft hyphens are break opportunities; false for `none`.
    var softHyphens = true
    /// `text-overflow: ellipsis` on text that does not wrap: a line wider than the box is cut at a
    /// grapheme and ends in "…".
    var ellipsis = false

    /// Copies the paragraph-level values of `features` (the computed style of the block).
    mutating func apply(_ features: TextFeatures) {
        direction = features.direction
        wordBreak = features.wordBreak
        overflowWrap = features.overflowWrap
        textIndent = features.textIndent
        balance = features.balance
        softHyphens = features.softHyphens
    }
}
