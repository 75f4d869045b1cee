/// Turns shaped clusters into positioned lines: breaking (balanced with `text-wrap: balance`), `maxLines`
/// and `text-overflow` truncation with an ellipsis, soft hyphens, alignment and justification, line boxes
/// from each span's metrics, bidi reordering (UAX #9 L1–L2) and decoration lines.
struct LineBuilder {
    let spans: [TextSpan]
    let style: ParagraphStyle
    let maxWidth: Double
    let shaped: ShapedText
    let engine: TextEngine

    private var clusters: [TextCluster] { shaped.clusters }
    private var rightToLeft: Bool { shaped.paragraphLevel & 1 == 1 }

    /// Chromium balances paragraphs of at most this many lines and leaves longer ones greedy.
    static let maxBalancedLines = 6

    func build() -> Paragraph {
        let (ranges, truncated) = lineRanges()
        var lines: [TextLine] = []
        var top = 0.0
        for number in ranges.indices {
            let line = line(number, of: ranges, truncated: truncated, top: top)
            lines.append(line)
            top += line.height
        }
        return Paragraph(lines: lines, width: lines.map(\.width).max() ?? 0, height: top, firstBaseline: lines.first?.baseline ?? 0)
    }

    /// How many lines `build` makes and the width of its last line, summed as `position` sums it. A line's
    /// width depends on no line before it, so finding where a caret falls (`LayoutEngine.fragmentInlineBoxes`)
    /// needs only this, not every line's glyphs, metrics and decorations.
    func lastLine() -> (count: Int, width: Double)? {
        let (ranges, truncated) = lineRanges()
        guard !ranges.isEmpty else { return nil }
        let last = content(ofLine: ranges.count - 1, of: ranges, truncated: truncated)
        return (ranges.count, width(last.items, indent: last.indent, justify: last.justify))
    }

    /// The clusters of each line (greedy, or balanced under `text-wrap: balance`), cut to `maxLines`;
    /// `truncated` when lines were cut off.
    private func lineRanges() -> (ranges: [Range<Int>], truncated: Bool) {
        var breaker = LineBreaker(clusters: clusters, whiteSpace: style.whiteSpace, wordBreak: style.wordBreak,
                                  overflowWrap: style.overflowWrap, softHyphens: style.softHyphens)
        if clusters.contains(where: \.isSoftHyphen) { breaker.hyphenWidth = hyphen(span: 0).reduce(0) { $0 + $1.advance } }
        var ranges = breaker.lines(maxWidth: maxWidth, firstLineIndent: style.textIndent)
        if style.balance, maxWidth.isFinite, (2...Self.maxBalancedLines).contains(ranges.count), style.maxLines == nil {
            ranges = balanced(breaker, lineCount: ranges.count) ?? ranges
        }
        var truncated = false
        if let maxLines = style.maxLines, maxLines >= 1, ranges.count > maxLines {
            ranges.removeLast(ranges.count - maxLines)
            truncated = true
        }
        return (ranges, truncated)
    }

    /// Line `number` of `ranges`, trimmed, hyphenated or ellipsized and positioned with its top at `top`.
    private func line(_ number: Int, of ranges: [Range<Int>], truncated: Bool, top: Double) -> TextLine {
        let content = content(ofLine: number, of: ranges, truncated: truncated)
        return position(content.items, spanHint: clusters[ranges[number].lowerBound].span, top: top, indent: content.indent,
                        justify: content.justify)
    }

    /// The clusters line `number` shows (trimmed, with the hyphen or ellipsis it ends with), its indent
    /// and whether it is justified.
    private func content(ofLine number: Int, of ranges: [Range<Int>], truncated: Bool)
        -> (items: [TextCluster], indent: Double, justify: Bool) {
        let range = ranges[number]
        let isLast = number == ranges.count - 1
        var items = Self.trimmed(Array(clusters[range]))
        let indent = number == 0 ? style.textIndent : 0
        let available = maxWidth - indent
        if let last = items.last, last.isSoftHyphen, !isLast || truncated { items += hyphen(span: last.span, level: last.level) }
        if truncated && isLast {
            items = ellipsize(items, spanHint: clusters[range.lowerBound].span, available: available)
        } else if style.ellipsis, !style.whiteSpace.wraps, maxWidth.isFinite, items.reduce(0, { $0 + $1.advance }) > available + 0.001 {
            items = ellipsize(items, spanHint: clusters[range.lowerBound].span, available: available)
        }
        let endsParagraph = isLast || clusters[range.upperBound - 1].isNewline
        return (items, indent, style.align == .justify && !endsParagraph)
    }

    /// The narrowest width that still breaks into `lineCount` lines (found by bisection to 1/4 px), and
    /// the lines at that width: the shortest last line the greedy breaker allows, which is what
    /// `text-wrap: balance` looks like in Chromium for titles.
    private func balanced(_ breaker: LineBreaker, lineCount: Int) -> [Range<Int>]? {
        var low = 0.0
        var high = maxWidth
        var best: [Range<Int>]?
        while high - low > 0.25 {
            let middle = (low + high) / 2
            let ranges = breaker.lines(maxWidth: middle, firstLineIndent: style.textIndent)
            let fits = ranges.count <= lineCount && ranges.enumerated().allSatisfy { number, range in
                breaker.contentWidth(of: range) + (number == 0 ? style.textIndent : 0) <= middle + 0.001
            }
            if fits { high = middle; best = ranges } else { low = middle }
        }
        return best
    }

    /// The line's clusters without the trailing spaces and newline, which take no room (CSS Text 3 §4.1.3).
    private static func trimmed(_ items: [TextCluster]) -> [TextCluster] {
        var items = items
        while let last = items.last, last.isSpace || last.isNewline { items.removeLast() }
        return items
    }

    /// Shaped clusters of `text` set in span `span`'s style, tagged as a run of their own.
    private func extra(_ text: String, span: Int, level: UInt8) -> [TextCluster] {
        var extraSpan = spans[span]
        extraSpan.text = text
        var result = ShapedText(spans: [extraSpan], whiteSpace: .pre, engine: engine).clusters
        for index in result.indices {
            result[index].span = span
            result[index].level = level
            result[index].run = -1 - index  // Distinct from every run of the paragraph.
        }
        return result
    }

    /// The hyphen shown at a soft hyphen that ends a line: U+2010 as Chromium uses when the font has it.
    private func hyphen(span: Int, level: UInt8 = 0) -> [TextCluster] {
        let font = engine.fonts.primaryFont(for: spans[span].font)
        let character = engine.fonts.covers(font.faceIndex, cluster: "\u{2010}") ? "\u{2010}" : "-"
        return extra(character, span: span, level: level)
    }

    /// Drops clusters from the end until "…" (in the last span's font) fits in `available`, then appends it.
    private func ellipsize(_ items: [TextCluster], spanHint: Int, available: Double) -> [TextCluster] {
        let span = items.last?.span ?? spanHint
        let ellipsis = extra("…", span: span, level: shaped.paragraphLevel)
        let ellipsisWidth = ellipsis.reduce(0) { $0 + $1.advance }
        var items = items
        var width = items.reduce(0) { $0 + $1.advance }
        while !items.isEmpty, width + ellipsisWidth > available + 0.001 {
            width -= items.removeLast().advance
            while let last = items.last, last.isSpace || last.isNewline { width -= items.removeLast().advance }
        }
        return items + ellipsis
    }

    /// The side free space goes to for `start`/`end` alignment and the last line of justified text.
    private var resolvedAlign: TextAlign {
        switch style.align {
        case .start, .justify: return rightToLeft ? .right : .left
        case .end: return rightToLeft ? .left : .right
        default: return style.align
        }
    }

    private func position(_ items: [TextCluster], spanHint: Int, top: Double, indent: Double, justify: Bool) -> TextLine {
        let (ascent, descent) = lineExtent(items, spanHint: spanHint)
        let baseline = top + ascent
        let (offset, spaceExtra) = placement(items, indent: indent, justify: justify)
        var glyphs: [PositionedGlyph] = []
        var glyphCount = 0
        for index in items.indices { glyphCount += items[index].glyphs.count }
        glyphs.reserveCapacity(glyphCount)
        var segments: [(span: Int, x: Double, width: Double)] = []
        var pen = offset
        for index in visualOrder(items) {
            // Clusters and spans are read in place: copying each (retaining its strings and arrays) cost
            // more than positioning its glyphs.
            let span = items[index].span
            let font = items[index].font
            let shift = spans[span].baselineShift
            let size = spans[span].font.size
            let color = spans[span].color
            for glyph in items[index].glyphs {
                glyphs.append(PositionedGlyph(fontIndex: font.faceIndex, glyphID: glyph.glyphID, x: pen + glyph.dx,
                                              y: baseline - shift + glyph.dy, size: size, color: color,
                                              synthesis: font.synthesis))
            }
            let advance = items[index].advance + (items[index].isSpace ? spaceExtra : 0)
            if !spans[span].decoration.isEmpty {
                if let last = segments.last, last.span == span, abs(last.x + last.width - pen) < 0.001 {
                    segments[segments.count - 1].width += advance
                } else {
                    segments.append((span, pen, advance))
                }
            }
            pen += advance
        }
        let decorations = segments.flatMap { decorationLines(span: $0.span, x: $0.x, width: $0.width,
                                                                baseline: baseline - spans[$0.span].baselineShift, ascent: ascent) }
        return TextLine(x: offset, y: top, width: pen - offset, height: ascent + descent, baseline: baseline,
                        glyphs: glyphs, decorations: decorations)
    }

    /// Where a line's content starts (indent and alignment) and the extra advance of each space when
    /// it is justified.
    private func placement(_ items: [TextCluster], indent: Double, justify: Bool) -> (offset: Double, spaceExtra: Double) {
        // Index loops rather than `reduce` and `filter`, which copied every cluster (and `filter` an array
        // of them); the sum is taken in the same order.
        var contentWidth = 0.0
        for index in items.indices { contentWidth += items[index].advance }
        var spaceExtra = 0.0
        // The indent sits on the start side: left in left-to-right paragraphs, right otherwise.
        var offset = rightToLeft ? 0 : indent
        if maxWidth.isFinite, contentWidth + indent < maxWidth {
            let free = maxWidth - contentWidth - indent
            var spaces = 0
            for index in items.indices where items[index].isSpace { spaces += 1 }
            if justify && spaces > 0 {
                spaceExtra = free / Double(spaces)
            } else {
                switch resolvedAlign {
                case .right: offset += free
                case .center: offset += free / 2
                default: break
                }
            }
        }
        return (offset, spaceExtra)
    }

    /// The width `position` gives the line: its pen summed in the same visual order from the same
    /// start, so the result is bit-identical (floating-point sums depend on order and start).
    private func width(_ items: [TextCluster], indent: Double, justify: Bool) -> Double {
        let (offset, spaceExtra) = placement(items, indent: indent, justify: justify)
        var pen = offset
        for index in visualOrder(items) {
            let cluster = items[index]
            pen += cluster.advance + (cluster.isSpace ? spaceExtra : 0)
        }
        return pen - offset
    }

    /// Underline, overline and line-through of span `span` under `width` px of its text: offsets and
    /// thickness from the span's primary font (`post` and OS/2 tables), rounded to whole pixels.
    private func decorationLines(span index: Int, x: Double, width: Double, baseline: Double, ascent: Double) -> [DecorationLine] {
        let span = spans[index]
        let size = span.font.size
        let face = engine.fonts.primaryFont(for: span.font).faceIndex
        let metrics = engine.shaper.decorationMetrics(faceIndex: face, size: size)
        let color = span.decoration.color ?? span.color
        let thickness = max(1, (span.decoration.thickness ?? metrics.underlineThickness ?? size / 12).rounded())
        let left = x.rounded()
        let right = (x + width).rounded()
        guard right > left else { return [] }
        var lines: [DecorationLine] = []
        if span.decoration.underline {
            let offset = max(1, (metrics.underlineOffset ?? size / 9).rounded())
            lines.append(DecorationLine(rect: Rect(x: left, y: baseline.rounded() + offset, width: right - left, height: thickness),
                                        color: color, overGlyphs: false))
        }
        if span.decoration.overline {
            lines.append(DecorationLine(rect: Rect(x: left, y: (baseline - ascent).rounded(), width: right - left, height: thickness),
                                        color: color, overGlyphs: false))
        }
        if span.decoration.lineThrough {
            let strikeThickness = max(1, (span.decoration.thickness ?? metrics.strikeoutThickness ?? thickness).rounded())
            let center = baseline + (metrics.strikeoutOffset ?? -size * 0.3) + strikeThickness / 2
            lines.append(DecorationLine(rect: Rect(x: left, y: (center - strikeThickness / 2).rounded(), width: right - left,
                                                   height: strikeThickness), color: color, overGlyphs: true))
        }
        return lines
    }

    /// Indices of `items` left to right by UAX #9 rule L2 over the clusters' levels. Glyphs inside a
    /// right-to-left cluster are already in visual order from HarfBuzz. Trailing spaces were trimmed,
    /// which is rule L1's reset of line-end white space.
    private func visualOrder(_ items: [TextCluster]) -> [Int] {
        UnicodeAnalyzer.visualOrder(levels: items.map(\.level))
    }

    /// The line box's extent above and below the baseline: CSS 2 §10.8 roughly, each span's inline box is
    /// its font's ascent + descent with half the leading added on both sides; the first span acts as the
    /// strut. A span shifted off the baseline (`vertical-align`) moves its box, which can grow the line.
    /// With `line-height: normal` the fallback fonts used on the line count too, as in Chromium.
    private func lineExtent(_ items: [TextCluster], spanHint: Int) -> (ascent: Double, descent: Double) {
        var fonts: [(faceIndex: Int, span: Int)] = [(engine.fonts.primaryFont(for: spans[0].font).faceIndex, 0)]
        // Neighbouring clusters nearly always share span and font, so each is checked against the one
        // before it before the set is asked; keys were once `[Int]` arrays, an allocation per cluster.
        var seen = Set<FontSlot>()
        if items.isEmpty {
            seen.insert(FontSlot(faceIndex: -1, span: spanHint))
            fonts.append((engine.fonts.primaryFont(for: spans[spanHint].font).faceIndex, spanHint))
        }
        var previousSpan = -1
        for item in items where item.span != previousSpan {
            previousSpan = item.span
            if seen.insert(FontSlot(faceIndex: -1, span: item.span)).inserted {
                fonts.append((engine.fonts.primaryFont(for: spans[item.span].font).faceIndex, item.span))
            }
        }
        if style.lineHeight == .normal {
            var previous = FontSlot(faceIndex: -1, span: -1)
            for item in items where !item.glyphs.isEmpty {
                let slot = FontSlot(faceIndex: item.font.faceIndex, span: item.span)
                guard slot != previous else { continue }
                previous = slot
                if seen.insert(slot).inserted { fonts.append((item.font.faceIndex, item.span)) }
            }
        }
        var ascent = 0.0
        var descent = 0.0
        for (number, (faceIndex, span)) in fonts.enumerated() {
            let size = spans[span].font.size
            let metrics = engine.fonts.face(faceIndex).metrics(size: size)
            let lineHeight = style.lineHeight.resolved(size: size, metrics: metrics)
            // Blink floors the leading above the baseline and gives the remainder to the part below
            // (NGInlineBoxState's CalculateLeadingSpace), so baselines sit on whole pixels.
            let leading = lineHeight - (metrics.ascent + metrics.descent)
            let above = (leading / 2).rounded(.down)
            // The strut (entry 0) stands for the block's own font, which sits on the baseline.
            let shift = number == 0 ? 0 : spans[span].baselineShift
            ascent = max(ascent, metrics.ascent + above + shift)
            descent = max(descent, metrics.descent + leading - above - shift)
        }
        return (ascent, descent)
    }

    /// A font of a line (`faceIndex` -1 for a span's primary font) in `lineExtent`'s set of seen fonts.
    private struct FontSlot: Hashable {
        var faceIndex: Int
        var span: Int
    }
}
