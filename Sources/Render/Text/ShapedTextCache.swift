/// Shaped paragraphs of the current render, so text measured several times (flex items are sized from
/// their min- and max-content, then laid out, sometimes twice) goes through font choice, ICU and
/// HarfBuzz once.
///
/// Shaping depends only on the spans, `white-space`, the direction and the engine's font set, so an
/// entry is found by those alone; the engine empties the cache whenever its font set can change and
/// after every layout, so nothing outlives the document it came from.
struct ShapedTextCache {
    private struct Key: Hashable {
        var spans: [TextSpan]
        var whiteSpace: WhiteSpace
        var direction: TextDirection

        static func == (lhs: Key, rhs: Key) -> Bool {
            guard lhs.whiteSpace == rhs.whiteSpace, lhs.direction == rhs.direction,
                  lhs.spans.count == rhs.spans.count else { return false }
            for (left, right) in zip(lhs.spans, rhs.spans) {
                guard left.text == right.text, left.hasSameStyle(as: right) else { return false }
            }
            return true
        }

        // Text and size tell paragraphs apart well enough; equality settles the rest.
        func hash(into hasher: inout Hasher) {
            hasher.combine(whiteSpace)
            hasher.combine(spans.count)
            for span in spans {
                hasher.combine(span.text)
                hasher.combine(span.font.size)
            }
        }
    }

    private var entries: [Key: ShapedText] = [:]

    /// The cached shaping of `spans`, or the result of `shape`, remembered.
    mutating func shaped(_ spans: [TextSpan], whiteSpace: WhiteSpace, direction: TextDirection,
                         shape: () -> ShapedText) -> ShapedText {
        let key = Key(spans: spans, whiteSpace: whiteSpace, direction: direction)
        if let hit = entries[key] { return hit }
        let result = shape()
        entries[key] = result
        return result
    }

    /// Forgets every entry (keeping the table's storage for the next render).
    mutating func removeAll() {
        entries.removeAll(keepingCapacity: true)
    }
}
