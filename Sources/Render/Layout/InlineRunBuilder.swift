/// Collects the text of one inline formatting context into styled spans, collapsing white space
/// across span boundaries as CSS Text 3 §4.1 describes for `normal`, `nowrap` and `pre-line`.
struct InlineRunBuilder {
    private(set) var spans: [TextSpan] = []
    /// Whether the text so far ends in a collapsible space (or nothing), so a following space is dropped.
    private var afterSpace = true
    private var hasContent = false
    /// Whether collapsible white space came last (it separates atomic inline boxes on a line).
    private(set) var endsWithSpace = false
    /// Whether collapsible white space came before the first text (it separates the run from an atomic
    /// inline before it on the line).
    private(set) var startsWithSpace = false
    /// For `capitalize`: whether the previous character ended a word.
    private var atWordStart = true

    var isEmpty: Bool { !hasContent }

    /// Characters appended so far, over all spans: positions of inline boxes in the run.
    var characterCount: Int { spans.reduce(0) { $0 + $1.text.count } }
    /// Inline elements with their own background, border or padding, by character range.
    var inlineBoxes: [InlineBox] = []

    /// Adds `width` px of space after the last character (its letter spacing, split into a span of
    /// its own), or before the text when there is none yet (a word joiner carrying the space). This is
    /// how an inline box's horizontal margin, border and padding take room on its line.
    mutating func appendSpace(_ width: Double, style: ComputedStyle) {
        guard width != 0 else { return }
        guard let last = spans.indices.last, let character = spans[last].text.last else {
            var span = TextSpan(text: "\u{2060}", font: style.font, color: style.color, letterSpacing: width)
            span.apply(style.textFeatures)
            span.baselineShift = style.baselineShift
            spans.append(span)
            return
        }
        var spaced = spans[last]
        spaced.text = String(character)
        spaced.letterSpacing += width
        spans[last].text.removeLast()
        if spans[last].text.isEmpty { spans[last] = spaced } else { spans.append(spaced) }
    }

    mutating func append(_ text: String, style: ComputedStyle, opacity: Double) {
        var output = ""
        output.reserveCapacity(text.utf8.count)
        let collapses = style.whiteSpace == .normal || style.whiteSpace == .nowrap || style.whiteSpace == .preLine
        for character in text {
            // Tested on `asciiValue` (10 for both "\n" and "\r\n", nil for non-ASCII): `Character ==`
            // falls back to a normalizing string compare for every character that is not the literal.
            let ascii = character.asciiValue
            if collapses, ascii == 0x20 || ascii == 0x09 || ascii == 0x0A || ascii == 0x0D || ascii == 0x0C {
                if style.whiteSpace == .preLine, ascii == 0x0A {
                    if output.last == " " { output.removeLast() }
                    output.append("\n")
                    afterSpace = true
                    continue
                }
                if !afterSpace {
                    output.append(" ")
                    afterSpace = true
                } else if !hasContent {
                    startsWithSpace = true
                }
                endsWithSpace = true
                atWordStart = true
                continue
            }
            afterSpace = false
            endsWithSpace = false
            hasContent = true
            output.append(transform(character, style.textTransform))
            atWordStart = !Self.continuesWord(character)
        }
        guard !output.isEmpty else { return }
        var color = style.color
        color.alpha *= opacity
        var span = TextSpan(text: output, font: style.font, color: color, letterSpacing: style.letterSpacing)
        span.apply(style.textFeatures)
        span.baselineShift = style.baselineShift
        if let last = spans.last, last.hasSameStyle(as: span) {
            spans[spans.count - 1].text += output
        } else {
            spans.append(span)
        }
    }

    /// Appends an invisible formatting character (a bidi embedding) without touching the white-space
    /// state, so spaces on either side collapse as if it were not there.
    mutating func appendFormatting(_ character: Character, style: ComputedStyle, opacity: Double) {
        var color = style.color
        color.alpha *= opacity
        var span = TextSpan(text: String(character), font: style.font, color: color, letterSpacing: style.letterSpacing)
        span.apply(style.textFeatures)
        span.baselineShift = style.baselineShift
        if let last = spans.last, last.hasSameStyle(as: span) {
            spans[spans.count - 1].text.append(character)
        } else {
            spans.append(span)
        }
    }

    /// Whether a `<br>` put a "\n" into the text.
    private(set) var hasForcedBreak = false

    /// The bidi embedding controls `appendFormatting` adds (LRE, RLE, PDF).
    static func isFormatting(_ character: Character) -> Bool {
        character == "\u{202A}" || character == "\u{202B}" || character == "\u{202C}"
    }

    /// A forced line break (`<br>`), written as "\n". White space is already collapsed here, so the
    /// paragraph is laid out in a mode that keeps newlines (see `BoxTreeBuilder.flush`).
    mutating func appendLineBreak(style: ComputedStyle, opacity: Double) {
        hasForcedBreak = true
        if let last = spans.indices.last, spans[last].text.hasSuffix(" "), style.whiteSpace != .pre, style.whiteSpace != .preWrap {
            spans[last].text.removeLast()
            if spans[last].text.isEmpty { spans.removeLast() }
        }
        var color = style.color
        color.alpha *= opacity
        spans.append(TextSpan(text: "\n", font: style.font, color: color, letterSpacing: style.letterSpacing))
        afterSpace = true
        atWordStart = true
        hasContent = true
    }

    /// The spans with the trailing collapsible space removed.
    func finish() -> [TextSpan] {
        var result = spans
        while let last = result.indices.last, result[last].text.hasSuffix(" ") {
            result[last].text.removeLast()
            if result[last].text.isEmpty { result.removeLast() } else { break }
        }
        // Nothing but formatting characters is no text at all.
        if result.allSatisfy({ $0.text.allSatisfy(Self.isFormatting) }) { return [] }
        return result
    }

    /// Whether a word goes on after `character` (letters, digits and apostrophes), for `capitalize`.
    /// ASCII is decided on its byte: `isLetter` and `isNumber` look up Unicode properties, which showed
    /// up in profiles for every character of every text run. (`"\r\n"` has ASCII value 10, a
    /// non-letter, as `isLetter` says too.)
    static func continuesWord(_ character: Character) -> Bool {
        if let byte = character.asciiValue {
            return (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte) || (0x30...0x39).contains(byte) || byte == 0x27
        }
        return character.isLetter || character.isNumber || character == "’"
    }

    private mutating func transform(_ character: Character, _ mode: ComputedStyle.TextTransform) -> String {
        switch mode {
        case .none: return String(character)
        case .uppercase: return character.uppercased()
        case .lowercase: return character.lowercased()
        case .capitalize: return atWordStart ? character.uppercased() : String(character)
        }
    }
}
