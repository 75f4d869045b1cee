/// Turns shaped clusters into positioned lines: breaking, `maxLines` truncation with an ellipsis,
/// alignment and justification, line boxes from each span's metrics, and glyphs in visual order.
struct LineBuilder {
    let spans: [TextSpan]
    let style: ParagraphStyle
    let maxWidth: Double
    let clusters: [TextCluster]
    let engine: TextEngine

    func build() -> Paragraph {
        let breaker = LineBreaker(clusters: clusters, whiteSpace: style.whiteSpace)
        var ranges = breaker.lines(maxWidth: maxWidth)
        var truncated = false
        if let maxLines = style.maxLines, maxLines >= 1, ranges.count > maxLines {
            ranges.removeLast(ranges.count - maxLines)
            truncated = true
        }
        var lines: [TextLine] = []
        var top = 0.0
        for (number, range) in ranges.enumerated() {
            let isLast = number == ranges.count - 1
            var items = Self.trimmed(Array(clusters[range]))
            if truncated && isLast { items = ellipsize(items, spanHint: clusters[range.lowerBound].span) }
            let endsParagraph = isLast || clusters[range.upperBound - 1].isNewline
            let line = position(items, spanHint: clusters[range.lowerBound].span, top: top, justify: style.align == .justify && !endsParagraph)
            lines.append(line)
            top += line.height
        }
        return Paragraph(lines: lines, width: lines.map(\.width).max() ?? 0, height: top, firstBaseline: lines.first?.baseline ?? 0)
    }

    /// The line's clusters without the trailing spaces and newline, which take no room (CSS Text 3 §4.1.3).
    private static func trimmed(_ items: [TextCluster]) -> [TextCluster] {
        var items = items
        while let last = items.last, last.isSpace || last.isNewline { items.removeLast() }
        return items
    }

    /// Drops clusters from the end until "…" (in the last span's font) fits, then appends it.
    private func ellipsize(_ items: [TextCluster], spanHint: Int) -> [TextCluster] {
        let span = items.last?.span ?? spanHint
        var ellipsisSpan = spans[span]
        ellipsisSpan.text = "…"
        var ellipsis = ShapedText(spans: [ellipsisSpan], whiteSpace: .pre, catalogue: engine.catalogue, shaper: engine.shaper).clusters
        for index in ellipsis.indices {
            ellipsis[index].span = span
            ellipsis[index].run = -1 - index  // Distinct from every run of the paragraph.
        }
        let ellipsisWidth = ellipsis.reduce(0) { $0 + $1.advance }
        var items = items
        while !items.isEmpty, items.reduce(0, { $0 + $1.advance }) + ellipsisWidth > maxWidth + 0.001 {
            items.removeLast()
            items = Self.trimmed(items)
        }
        return items + ellipsis
    }

    private func position(_ items: [TextCluster], spanHint: Int, top: Double, justify: Bool) -> TextLine {
        let (ascent, descent) = lineExtent(items, spanHint: spanHint)
        let baseline = top + ascent
        let contentWidth = items.reduce(0) { $0 + $1.advance }
        var spaceExtra = 0.0
        var offset = 0.0
        if maxWidth.isFinite, contentWidth < maxWidth {
            let free = maxWidth - contentWidth
            switch style.align {
            case .left: break
            case .right: offset = free
            case .center: offset = free / 2
            case .justify:
                let spaces = items.filter(\.isSpace).count
                if justify && spaces > 0 { spaceExtra = free / Double(spaces) }
            }
        }
        var glyphs: [PositionedGlyph] = []
        var pen = offset
        for index in visualOrder(items) {
            let cluster = items[index]
            let span = spans[cluster.span]
            for glyph in cluster.glyphs {
                glyphs.append(PositionedGlyph(fontIndex: cluster.font.faceIndex, glyphID: glyph.glyphID, x: pen + glyph.dx,
                                              y: baseline + glyph.dy, size: span.font.size, color: span.color,
                                              synthesis: cluster.font.synthesis))
            }
            pen += cluster.advance + (cluster.isSpace ? spaceExtra : 0)
        }
        return TextLine(x: offset, y: top, width: pen - offset, height: ascent + descent, baseline: baseline, glyphs: glyphs)
    }

    /// Indices of `items` left to right: clusters of a right-to-left run are reversed (their glyphs are
    /// already in visual order from HarfBuzz). Runs themselves stay in logical order until bidi lands.
    private func visualOrder(_ items: [TextCluster]) -> [Int] {
        var order: [Int] = []
        order.reserveCapacity(items.count)
        var start = 0
        while start < items.count {
            var end = start + 1
            while end < items.count, items[end].run == items[start].run { end += 1 }
            order += items[start].rightToLeft ? Array((start..<end).reversed()) : Array(start..<end)
            start = end
        }
        return order
    }

    /// The line box's extent above and below the baseline: CSS 2 §10.8 roughly, each span's inline box is
    /// its font's ascent + descent with half the leading added on both sides; the first span acts as the
    /// strut. With `line-height: normal` the fallback fonts used on the line count too, as in Chromium.
    private func lineExtent(_ items: [TextCluster], spanHint: Int) -> (ascent: Double, descent: Double) {
        var fonts: [(faceIndex: Int, span: Int)] = [(engine.catalogue.primaryFont(for: spans[0].font).faceIndex, 0)]
        var seen = Set<[Int]>()
        let spanIndices = items.isEmpty ? [spanHint] : items.map(\.span)
        for span in spanIndices where seen.insert([-1, span]).inserted {
            fonts.append((engine.catalogue.primaryFont(for: spans[span].font).faceIndex, span))
        }
        if style.lineHeight == .normal {
            for item in items where !item.glyphs.isEmpty && seen.insert([item.font.faceIndex, item.span]).inserted {
                fonts.append((item.font.faceIndex, item.span))
            }
        }
        var ascent = 0.0
        var descent = 0.0
        for (faceIndex, span) in fonts {
            let size = spans[span].font.size
            let metrics = engine.catalogue.faces[faceIndex].metrics(size: size)
            let lineHeight = style.lineHeight.resolved(size: size, metrics: metrics)
            let halfLeading = (lineHeight - (metrics.ascent + metrics.descent)) / 2
            ascent = max(ascent, metrics.ascent + halfLeading)
            descent = max(descent, metrics.descent + halfLeading)
        }
        return (ascent, descent)
    }
}
