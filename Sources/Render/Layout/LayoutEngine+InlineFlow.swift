/// Inline formatting contexts that mix text with atomic inlines (inline-blocks, inline-flex boxes,
/// images), CSS 2.1 §9.4.2 and §10.8. The box tree holds them as sibling paragraph and atomic boxes;
/// here they share line boxes: each text run is broken starting where the previous item ended (its
/// first line indented by that much), then every line box is built from the text lines and atomic
/// boxes on it, aligned on a common baseline (`vertical-align`), and the text lines are moved to it.
extension LayoutEngine {
    /// Something on a line box: one line of a paragraph box, or an atomic box.
    private enum LinePart {
        case text(box: Int, line: Int)
        case atomic(Int)
    }

    private struct LineBox {
        var parts: [LinePart] = []
        /// Where the next item starts, from the line's left edge.
        var end = 0.0
    }

    /// Lays out `group` (paragraph and atomic inline children of `container`, in order) in line boxes
    /// starting at `top` (parent-relative) and returns their total height.
    mutating func layoutInlineFlow(_ group: [Int], in container: Int, top: Double, left: Double, width: Double,
                                   containingHeight: Double?) -> Double {
        let style = boxes[container].style
        let spaceWidth = text.advance(of: [TextSpan(text: " ", font: style.font, color: style.color)])
        var lines: [LineBox] = [LineBox()]
        var isFirstText = true
        for child in group {
            let gap = lines[lines.count - 1].end > 0 && boxes[child].spaceBefore ? spaceWidth : 0
            if boxes[child].kind == .paragraph, !boxes[child].isAtomicInline {
                layoutTextRun(child, lines: &lines, gap: gap, width: width, isFirst: isFirstText)
                isFirstText = false
                continue
            }
            _ = layoutBlockLevel(child, containingWidth: width, containingHeight: containingHeight)
            let outer = boxes[child].frame.width + boxes[child].margin.horizontal
            var start = lines[lines.count - 1].end + gap
            if lines[lines.count - 1].end > 0, start + outer > width + 0.0001 {
                lines.append(LineBox())
                start = 0
            }
            boxes[child].frame.x = start + boxes[child].margin.left
            lines[lines.count - 1].parts.append(.atomic(child))
            lines[lines.count - 1].end = start + outer
        }
        return placeLines(lines, group: group, container: container, top: top, left: left, width: width)
    }

    /// Breaks one paragraph box's text from the current end of the last line box; its later lines open
    /// new line boxes.
    private mutating func layoutTextRun(_ child: Int, lines: inout [LineBox], gap: Double, width: Double, isFirst: Bool) {
        resolveEdges(child, basis: width)
        var paragraphStyle = boxes[child].paragraphStyle
        // Alignment is applied per line box afterwards, over text and boxes together.
        paragraphStyle.align = .left
        let ownIndent = isFirst ? paragraphStyle.textIndent : 0
        var start = lines[lines.count - 1].end + gap
        paragraphStyle.textIndent = ownIndent + start
        var paragraph = text.layout(boxes[child].spans, style: paragraphStyle, maxWidth: max(0, width))
        if start > 0, let first = paragraph.lines.first, first.x + first.width > width + 0.0001 {
            // Not even one word fits after the boxes already on the line: start on a new line.
            lines.append(LineBox())
            start = 0
            paragraphStyle.textIndent = ownIndent
            paragraph = text.layout(boxes[child].spans, style: paragraphStyle, maxWidth: max(0, width))
        }
        boxes[child].paragraph = paragraph
        fragmentInlineBoxes(child, style: paragraphStyle, maxWidth: width)  // LayoutEngine+InlineBoxes.swift
        for (number, line) in paragraph.lines.enumerated() {
            if number > 0 { lines.append(LineBox()) }
            lines[lines.count - 1].parts.append(.text(box: child, line: number))
            lines[lines.count - 1].end = line.x + line.width
        }
    }

    /// Stacks the line boxes: baselines from the strut, the text lines and the atomic boxes' alignment;
    /// then moves every part to its place and applies `text-align`.
    private mutating func placeLines(_ lines: [LineBox], group: [Int], container: Int, top: Double, left: Double, width: Double) -> Double {
        let style = boxes[container].style
        let metrics = text.metrics(for: style.font)
        let strut = strut(of: style)
        // Shifts per paragraph line, applied once all lines are known.
        var textShifts: [Int: [(dx: Double, dy: Double)]] = [:]
        var y = 0.0
        for line in lines where !line.parts.isEmpty {
            var above = strut.above, below = strut.below
            var edgeAligned = 0.0
            for part in line.parts {
                switch part {
                case .text(let box, let number):
                    guard let textLine = boxes[box].paragraph?.lines[number] else { continue }
                    above = max(above, textLine.baseline - textLine.y)
                    below = max(below, textLine.y + textLine.height - textLine.baseline)
                case .atomic(let box):
                    let outer = boxes[box].frame.height + boxes[box].margin.vertical
                    switch boxes[box].style.verticalAlign {
                    case .top, .bottom:
                        edgeAligned = max(edgeAligned, outer)
                    default:
                        let raised = atomicAscent(box, metrics: metrics, fontSize: style.fontSize)
                        above = max(above, raised)
                        below = max(below, outer - raised)
                    }
                }
            }
            // A box aligned to the line's top or bottom that is taller than the rest extends it downwards.
            below += max(0, edgeAligned - above - below)
            let baseline = y + above
            let lineBottom = y + above + below
            let shift: Double
            let free = max(0, width - line.end)
            switch (style.textAlign, style.textFeatures.direction) {
            case (.center, _): shift = free / 2
            case (.right, _), (.end, .ltr), (.end, .auto), (.start, .rtl): shift = free
            default: shift = 0
            }
            for part in line.parts {
                switch part {
                case .text(let box, let number):
                    guard let textLine = boxes[box].paragraph?.lines[number] else { continue }
                    textShifts[box, default: []].append((dx: shift, dy: (baseline - textLine.baseline).rounded()))
                case .atomic(let box):
                    let outer = boxes[box].frame.height + boxes[box].margin.vertical
                    let marginTop: Double
                    switch boxes[box].style.verticalAlign {
                    case .top: marginTop = y
                    case .bottom: marginTop = lineBottom - outer
                    default: marginTop = baseline - atomicAscent(box, metrics: metrics, fontSize: style.fontSize)
                    }
                    boxes[box].frame.x += left + shift
                    boxes[box].frame.y = top + marginTop.rounded() + boxes[box].margin.top
                }
            }
            y = lineBottom
        }
        for child in group where boxes[child].kind == .paragraph && !boxes[child].isAtomicInline {
            guard var paragraph = boxes[child].paragraph else { continue }
            for (number, offset) in (textShifts[child] ?? []).enumerated() where number < paragraph.lines.count {
                paragraph.lines[number].translate(dx: offset.dx, dy: offset.dy)
                // Inline box fragments move with their line.
                for item in boxes[child].inlineBoxes.indices {
                    for fragment in boxes[child].inlineBoxes[item].fragments.indices where boxes[child].inlineBoxes[item].fragments[fragment].line == number {
                        boxes[child].inlineBoxes[item].fragments[fragment].rect.x += offset.dx
                        boxes[child].inlineBoxes[item].fragments[fragment].rect.y += offset.dy
                    }
                }
            }
            paragraph.height = y
            paragraph.width = width
            paragraph.firstBaseline = paragraph.lines.first?.baseline ?? 0
            boxes[child].paragraph = paragraph
            // Every text run's box covers the whole group; its lines sit where their line boxes are.
            boxes[child].frame = Rect(x: left, y: top, width: width, height: y)
        }
        return y
    }

    /// How far an atomic box's margin box reaches above the baseline of its line.
    private func atomicAscent(_ box: Int, metrics: FontMetrics, fontSize: Double) -> Double {
        let outer = boxes[box].frame.height + boxes[box].margin.vertical
        switch boxes[box].style.verticalAlign {
        case .middle:
            // The box's middle sits half an x-height (taken as 0.5em) above the baseline.
            return outer / 2 + fontSize / 4
        case .textTop:
            return metrics.ascent
        case .textBottom:
            return outer - metrics.descent
        default:
            return boxes[box].margin.top + inlineBaseline(of: box)
        }
    }
}

extension TextLine {
    /// Moves the line, its glyphs and its decorations by an offset in paragraph coordinates.
    mutating func translate(dx: Double, dy: Double) {
        guard dx != 0 || dy != 0 else { return }
        x += dx
        y += dy
        baseline += dy
        for index in glyphs.indices {
            glyphs[index].x += dx
            glyphs[index].y += dy
        }
        for index in decorations.indices {
            decorations[index].rect.x += dx
            decorations[index].rect.y += dy
        }
    }
}
