/// Paragraph-wide text settings of an inline formatting context.
struct ParagraphStyle: Sendable {
    var lineHeight: LineHeight = .normal
    var align: TextAlign = .left
    var whiteSpace: WhiteSpace = .normal
    /// Lines beyond this are dropped; the last kept line ends in "…" if text was cut (`-webkit-line-clamp`).
    var maxLines: Int? = nil
}
