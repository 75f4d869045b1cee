/// Shaped paragraphs of the current render with their measured widths and broken lines, so text
/// measured several times (flex items are sized from their min- and max-content, then laid out,
/// sometimes twice at the same width) goes through font choice, ICU, HarfBuzz and line breaking once.
///
/// Shaping depends only on the spans, `white-space`, the direction and the engine's font set, so an
/// entry is found by those alone; widths and lines also depend on the paragraph style (and the width),
/// kept beside them. The engine empties the cache whenever its font set can change and after every
/// layout, so nothing outlives the document it came from.
struct ShapedTextCache {
    private struct Key: Hashable {
        var spans: [TextSpan]
        var whiteSpace: WhiteSpace
        var direction: TextDirection

        static func == (lhs: Key, rhs: Key) -> Bool {
            guard lhs.whiteSpace == rhs.whiteSpace, lhs.direction == rhs.direction,
                  lhs.spans.count == rhs.spans.count else { return false }
            // By index, reading spans in place: iterating copied every span (retaining its strings and arrays).
            for index in lhs.spans.indices {
                guard lhs.spans[index].text == rhs.spans[index].text, lhs.spans[index].hasSameStyle(as: rhs.spans[index]) else {
                    return false
                }
            }
            return true
        }

        // Text and size tell paragraphs apart well enough; equality settles the rest.
        func hash(into hasher: inout Hasher) {
            hasher.combine(whiteSpace)
            hasher.combine(spans.count)
            for index in spans.indices {
                hasher.combine(spans[index].text)
                hasher.combine(spans[index].font.size)
            }
        }
    }

    private struct Entry {
        var shaped: ShapedText
        // A paragraph is measured and broken under a handful of styles and widths at most, so these
        // are searched in order.
        var intrinsicWidths: [(style: ParagraphStyle, widths: (min: Double, max: Double))] = []
        var paragraphs: [(style: ParagraphStyle, maxWidth: Double, paragraph: Paragraph)] = []
    }

    private var entries: [Key: Entry] = [:]

    /// The cached shaping of `spans`, or the result of `shape`, remembered.
    mutating func shaped(_ spans: [TextSpan], whiteSpace: WhiteSpace, direction: TextDirection,
                         shape: () -> ShapedText) -> ShapedText {
        let key = Key(spans: spans, whiteSpace: whiteSpace, direction: direction)
        if let hit = entries[key] { return hit.shaped }
        let result = shape()
        entries[key] = Entry(shaped: result)
        return result
    }

    /// The min- and max-content widths of `spans` under `style`, computed by `measure` from their
    /// shaping the first time.
    mutating func intrinsicWidths(of spans: [TextSpan], style: ParagraphStyle, shape: () -> ShapedText,
                                  measure: (ShapedText) -> (min: Double, max: Double)) -> (min: Double, max: Double) {
        let key = Key(spans: spans, whiteSpace: style.whiteSpace, direction: style.direction)
        var entry = entries[key] ?? Entry(shaped: shape())
        if let hit = entry.intrinsicWidths.first(where: { $0.style == style }) { return hit.widths }
        let widths = measure(entry.shaped)
        entry.intrinsicWidths.append((style, widths))
        entries[key] = entry
        return widths
    }

    /// `spans` broken into lines under `style` at `maxWidth`, built by `build` from their shaping the
    /// first time.
    mutating func paragraph(of spans: [TextSpan], style: ParagraphStyle, maxWidth: Double, shape: () -> ShapedText,
                            build: (ShapedText) -> Paragraph) -> Paragraph {
        let key = Key(spans: spans, whiteSpace: style.whiteSpace, direction: style.direction)
        var entry = entries[key] ?? Entry(shaped: shape())
        // Bit-equal widths only: a width that differs in the last place may break differently.
        if let hit = entry.paragraphs.first(where: { $0.maxWidth.bitPattern == maxWidth.bitPattern && $0.style == style }) {
            return hit.paragraph
        }
        let paragraph = build(entry.shaped)
        entry.paragraphs.append((style, maxWidth, paragraph))
        entries[key] = entry
        return paragraph
    }

    /// Forgets every entry (keeping the table's storage for the next render).
    mutating func removeAll() {
        entries.removeAll(keepingCapacity: true)
    }
}
