/// Fragments of decorated inline elements (`<mark>`, padded or bordered spans) on the lines of a
/// laid-out paragraph, painted behind its text as Chromium paints inline boxes.
extension LayoutEngine {
    /// Finds where each inline box of paragraph `index` starts and ends and cuts it into one fragment
    /// per line (`box-decoration-break: slice`). The text engine reports no character positions, so a
    /// caret is found by laying out the text before it (see `caret`). `style` is the paragraph style the
    /// paragraph was laid out with when it differs from the box's own (text beside atomic inlines).
    mutating func fragmentInlineBoxes(_ index: Int, style: ParagraphStyle? = nil, maxWidth: Double) {
        guard !boxes[index].inlineBoxes.isEmpty, let paragraph = boxes[index].paragraph, !paragraph.lines.isEmpty else { return }
        let used = style ?? boxes[index].paragraphStyle
        // Right-to-left lines run the other way; their inline boxes are left unpainted.
        guard used.direction == .ltr else { return }
        let characters = CharacterBoundaries(boxes[index].spans)
        let total = characters.count
        var measuring = used
        measuring.align = .left
        measuring.maxLines = nil
        measuring.ellipsis = false
        measuring.balance = false
        for item in boxes[index].inlineBoxes.indices {
            let inline = boxes[index].inlineBoxes[item]
            let start = min(inline.start, total)
            let end = min(inline.end, total)
            guard start < end,
                  let first = caret(at: start, in: index, characters: characters, style: measuring, maxWidth: maxWidth),
                  let last = caret(at: end, in: index, characters: characters, style: measuring, maxWidth: maxWidth),
                  first.line <= last.line, last.line < paragraph.lines.count else { continue }
            boxes[index].inlineBoxes[item].fragments = fragments(of: inline.style, from: first, to: last, lines: paragraph.lines)
        }
    }

    private func fragments(of style: ComputedStyle, from first: (line: Int, x: Double), to last: (line: Int, x: Double),
                           lines: [TextLine]) -> [InlineBox.Fragment] {
        let border = style.usedBorderWidths
        let padding = EdgeWidths(top: max(0, style.padding.top.resolveOrZero(nil)), right: max(0, style.padding.right.resolveOrZero(nil)),
                                 bottom: max(0, style.padding.bottom.resolveOrZero(nil)), left: max(0, style.padding.left.resolveOrZero(nil)))
        // The content area is the font's ascent and descent around the baseline (CSS 2.1 §10.6.1);
        // vertical padding and borders extend it without moving the line.
        let metrics = text.metrics(for: style.font)
        let ascent = metrics.ascent.rounded()
        let descent = metrics.descent.rounded()
        return (first.line...last.line).map { number in
            let line = lines[number]
            let isFirst = number == first.line
            let isLast = number == last.line
            // The start caret follows the left margin, border and padding (letter spacing of the
            // character before); the end caret follows the right ones.
            let left = isFirst ? line.x + first.x - padding.left - border.left : line.x
            let right = isLast ? line.x + last.x - max(0, style.margin.right.resolveOrZero(nil)) : line.x + line.width
            let top = line.baseline - ascent - padding.top - border.top
            let height = ascent + descent + padding.vertical + border.vertical
            return InlineBox.Fragment(rect: Rect(x: left, y: top, width: max(0, right - left), height: height),
                                      line: number, isFirst: isFirst, isLast: isLast)
        }
    }

    /// The line and the x (from the line's left edge) of the caret before character `offset`. The text
    /// before it is laid out together with the rest of the word it is in, so that word wraps as it
    /// does in the whole paragraph; the caret is that word's advance back from the end of the last line.
    private func caret(at offset: Int, in index: Int, characters: CharacterBoundaries, style: ParagraphStyle,
                       maxWidth: Double) -> (line: Int, x: Double)? {
        var wordEnd = offset
        while wordEnd < characters.count {
            let character = characters[wordEnd]
            if character == " " || character == "\n" || character == "\u{200B}" { break }
            wordEnd += 1
            // East Asian text breaks between any two characters.
            if let scalar = character.unicodeScalars.first, scalar.value >= 0x2E80 { break }
        }
        let before = characters.slice(from: 0, to: offset)
        let word = characters.slice(from: offset, to: wordEnd)
        // Only the last line's width and the line count matter, so the lines before are not positioned.
        guard let last = text.lastLine(of: before + word, style: style, maxWidth: max(0, maxWidth)) else { return (0, 0) }
        return (last.count - 1, last.width - text.advance(of: word))
    }
}

/// Where each character (grapheme cluster) of a paragraph's spans starts, so that cutting the spans at
/// character offsets takes substrings of their text instead of rebuilding strings character by character.
struct CharacterBoundaries {
    let spans: [TextSpan]
    /// Per span, the index of each of its characters' start, then its text's end index.
    private let starts: [[String.Index]]
    /// Characters in all spans.
    let count: Int

    init(_ spans: [TextSpan]) {
        self.spans = spans
        starts = spans.map { span in Array(span.text.indices) + [span.text.endIndex] }
        count = starts.reduce(0) { $0 + $1.count - 1 }
    }

    /// Character `offset` of the spans' text joined.
    subscript(offset: Int) -> Character {
        var offset = offset
        // By index, reading spans in place: `zip` copied every span (retaining its strings and arrays).
        for index in spans.indices {
            let length = starts[index].count - 1
            if offset < length { return spans[index].text[starts[index][offset]] }
            offset -= length
        }
        preconditionFailure("character offset out of range")
    }

    /// The spans cut to characters `from..<to` of their concatenated text; spans left empty are dropped.
    func slice(from: Int, to: Int) -> [TextSpan] {
        var result: [TextSpan] = []
        var offset = 0
        for index in spans.indices {
            let length = starts[index].count - 1
            let lower = max(from, offset) - offset
            let upper = min(to, offset + length) - offset
            if lower < upper {
                var piece = spans[index]
                piece.text = String(spans[index].text[starts[index][lower]..<starts[index][upper]])
                result.append(piece)
            }
            offset += length
        }
        return result
    }
}
