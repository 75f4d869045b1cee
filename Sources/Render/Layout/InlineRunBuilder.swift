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
        let collapses = style.whiteSpace == .normal || style.whiteSpace == .nowrap || style.whiteSpace == .preLine
        let output = collapsedASCII(text, style: style, collapses: collapses)
            ?? collapsedCharacters(text, style: style, collapses: collapses)
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

    /// `collapsedCharacters` for text of ASCII bytes without carriage returns, where every byte is one
    /// `Character`: the same steps on bytes, without the per-`Character` iteration and tests that
    /// showed up in box-tree profiles. nil for any other text.
    mutating func collapsedASCII(_ text: String, style: ComputedStyle, collapses: Bool) -> String? {
        // Walked directly rather than in a `withContiguousStorageIfAvailable` closure, which would
        // capture `self` and put its state behind dynamic exclusivity checks.
        guard text.utf8.allSatisfy({ $0 < 0x80 && $0 != 0x0D }) else { return nil }
        var output: [UInt8] = []
        output.reserveCapacity(text.utf8.count)
        for byte in text.utf8 {
            if collapses, byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0C {
                if style.whiteSpace == .preLine, byte == 0x0A {
                    if output.last == 0x20 { output.removeLast() }
                    output.append(0x0A)
                    afterSpace = true
                    continue
                }
                if !afterSpace {
                    output.append(0x20)
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
            output.append(Self.transformASCII(byte, style.textTransform, atWordStart: atWordStart))
            atWordStart = !Self.continuesWord(ascii: byte)
        }
        return String(decoding: output, as: UTF8.self)
    }

    /// `transform` of an ASCII character: only the letters change case.
    static func transformASCII(_ byte: UInt8, _ mode: ComputedStyle.TextTransform, atWordStart: Bool) -> UInt8 {
        let isLower = (0x61...0x7A).contains(byte)
        let isUpper = (0x41...0x5A).contains(byte)
        switch mode {
        case .none: return byte
        case .uppercase: return isLower ? byte - 0x20 : byte
        case .lowercase: return isUpper ? byte + 0x20 : byte
        case .capitalize: return atWordStart && isLower ? byte - 0x20 : byte
        }
    }

    /// Collapses `text` character by character (CSS Text 3 §4.1.1), updating the run's space state.
    mutating func collapsedCharacters(_ text: String, style: ComputedStyle, collapses: Bool) -> String {
        var output = ""
        output.reserveCapacity(text.utf8.count)
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
        return output
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
        if let byte = character.asciiValue { return continuesWord(ascii: byte) }
        return character.isLetter || character.isNumber || character == "’"
    }

    /// `continuesWord` of an ASCII character.
    static func continuesWord(ascii byte: UInt8) -> Bool {
        (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte) || (0x30...0x39).contains(byte) || byte == 0x27
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
