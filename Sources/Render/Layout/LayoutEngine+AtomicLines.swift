/// Inline-blocks placed side by side on line boxes (CSS 2.1 §9.4.2, §10.8) when no text shares their
/// lines: wrapped at the container width, aligned by `text-align`, baselines aligned with the
/// container's strut, which gives the small gap under inline-blocks that browsers show.
extension LayoutEngine {
    /// The container's strut (CSS 2.1 §10.8.1): the room its own font and line height take above and
    /// below the baseline of every line box, even one holding only atomic inlines.
    func strut(of style: ComputedStyle) -> (above: Double, below: Double) {
        let metrics = text.metrics(for: style.font)
        let contentHeight = metrics.ascent + metrics.descent
        let lineHeight: Double
        switch style.lineHeight {
        case .normal: lineHeight = contentHeight + metrics.lineGap
        case .multiple(let factor): lineHeight = factor * style.fontSize
        case .length(let length): lineHeight = length
        }
        let halfLeading = (lineHeight - contentHeight) / 2
        return (metrics.ascent + halfLeading, metrics.descent + halfLeading)
    }

    /// Lays out `group` (consecutive atomic inline children of `container`) in lines starting at `top`
    /// (parent-relative) and returns the total height of the lines.
    mutating func layoutAtomicLines(_ group: [Int], in container: Int, top: Double, left: Double, width: Double,
                                    containingHeight: Double?) -> Double {
        let style = boxes[container].style
        let (strutAbove, strutBelow) = strut(of: style)
        let spaceWidth = text.advance(of: [TextSpan(text: " ", font: style.font, color: style.color)])

        for child in group {
            _ = layoutBlockLevel(child, containingWidth: width, containingHeight: containingHeight)
        }
        var lines: [[Int]] = []
        var current: [Int] = []
        var used = 0.0
        for child in group {
            let outer = boxes[child].frame.width + boxes[child].margin.horizontal
            let gap = current.isEmpty || !boxes[child].spaceBefore ? 0 : spaceWidth
            if !current.isEmpty, used + gap + outer > width + 0.0001 {
                lines.append(current)
                current = []
                used = 0
            }
            used += (current.isEmpty ? 0 : gap) + outer
            current.append(child)
        }
        if !current.isEmpty { lines.append(current) }

        var y = top
        for line in lines {
            var x = 0.0
            var above = strutAbove, below = strutBelow
            var positions: [Double] = []
            for (offset, child) in line.enumerated() {
                if offset > 0, boxes[child].spaceBefore { x += spaceWidth }
                positions.append(x + boxes[child].margin.left)
                x += boxes[child].frame.width + boxes[child].margin.horizontal
                let baseline = boxes[child].margin.top + inlineBaseline(of: child)
                above = max(above, baseline)
                below = max(below, boxes[child].frame.height + boxes[child].margin.vertical - baseline)
            }
            let free = max(0, width - x)
            let shift: Double
            switch style.textAlign {
            case .center: shift = free / 2
            case .right: shift = free
            default: shift = 0
            }
            for (offset, child) in line.enumerated() {
                boxes[child].frame.x = left + shift + positions[offset]
                boxes[child].frame.y = y + above - inlineBaseline(of: child)
            }
            y += above + below
        }
        return y - top
    }

    /// The baseline of an inline-block from its border-box top: its last line of text, or the bottom
    /// margin edge when it has no text or clips its overflow (CSS 2.1 §10.8.1). Inline flex boxes use
    /// their first baseline (CSS Flexbox 1 §8.5).
    func inlineBaseline(of index: Int) -> Double {
        let box = boxes[index]
        guard !box.style.overflowHidden, hasText(index) else { return box.frame.height + box.margin.bottom }
        return box.kind == .flex ? baseline(of: index) : lastBaseline(of: index) ?? baseline(of: index)
    }

    /// The baseline of the last line of text in a block box's normal flow, from its border-box top.
    private func lastBaseline(of index: Int) -> Double? {
        let box = boxes[index]
        if box.kind == .paragraph, let paragraph = box.paragraph {
            return paragraph.lines.last.map(\.baseline) ?? paragraph.firstBaseline
        }
        guard box.kind == .block else { return nil }
        for child in box.children.reversed() where !boxes[child].isOutOfFlow && hasText(child) {
            // Children's frames are still relative to this box while its line is being built.
            return lastBaseline(of: child).map { boxes[child].frame.y + $0 }
        }
        return nil
    }
}
