/// Min-content and max-content widths (CSS Sizing 3 §5), used for shrink-to-fit boxes and flex base sizes.
extension LayoutEngine {
    /// Content-box widths of a box's contents.
    mutating func intrinsicContentWidths(_ index: Int) -> (min: Double, max: Double) {
        if let cached = intrinsicCache[index] { return cached }
        // Members are read in place rather than from a copy of the box, whose style, spans and children
        // would all be retained and released.
        var result: (min: Double, max: Double) = (0, 0)
        switch boxes[index].kind {
        case .paragraph:
            let widths = text.intrinsicWidths(of: boxes[index].spans, style: boxes[index].paragraphStyle)
            let whiteSpace = boxes[index].paragraphStyle.whiteSpace
            let unbreakable = whiteSpace == .nowrap || whiteSpace == .pre
            // Rounded up to 1/64 px (Chromium's LayoutUnit) so that laying the text out again at its
            // own max-content width never wraps the last word over a rounding difference.
            let maximum = (widths.max * 64).rounded(.up) / 64
            result = (unbreakable ? maximum : (widths.min * 64).rounded(.up) / 64, maximum)
        case .block where boxes[index].image != nil:
            let width = replacedContentWidth(index)
            result = (width, width)
        case .block:
            let children = boxes[index].children
            var position = 0
            while position < children.count {
                let child = children[position]
                if boxes[child].isOutOfFlow {
                    position += 1
                    continue
                }
                if let group = inlineGroup(startingAt: position, of: children) {
                    // Items sharing line boxes add up for max-content; min-content breaks between them.
                    let contributions = group.members.map { intrinsicContribution($0) }
                    result.min = max(result.min, contributions.map(\.min).max() ?? 0)
                    let spaces = group.members.dropFirst().filter { boxes[$0].spaceBefore }.count
                    let spaceWidth = text.advance(of: [TextSpan(text: " ", font: boxes[index].style.font, color: boxes[index].style.color)])
                    result.max = max(result.max, contributions.reduce(0) { $0 + $1.max } + Double(spaces) * spaceWidth)
                    position = group.end
                    continue
                }
                let contribution = intrinsicContribution(child)
                result = (max(result.min, contribution.min), max(result.max, contribution.max))
                position += 1
            }
        case .flex:
            let direction = boxes[index].style.flexDirection
            let isRow = direction == .row || direction == .rowReverse
            let gap = (isRow ? boxes[index].style.columnGap : boxes[index].style.rowGap).resolve(nil) ?? 0
            let contributions = boxes[index].children.filter { !boxes[$0].isOutOfFlow }.map { intrinsicContribution($0) }
            if isRow {
                let gaps = gap * Double(max(0, contributions.count - 1))
                let sumMax = contributions.reduce(0) { $0 + $1.max } + gaps
                let mins = boxes[index].style.flexWrap == .nowrap ? contributions.reduce(0) { $0 + $1.min } + gaps : contributions.map(\.min).max() ?? 0
                result = (mins, sumMax)
            } else {
                result = (contributions.map(\.min).max() ?? 0, contributions.map(\.max).max() ?? 0)
            }
        }
        result.max = max(result.max, result.min)
        intrinsicCache[index] = result
        return result
    }

    /// The content width `width: min-content | max-content | fit-content` asks for in `available` room.
    mutating func intrinsicKeywordWidth(_ index: Int, _ keyword: ComputedStyle.IntrinsicWidth, available: Double) -> Double {
        let intrinsic = intrinsicContentWidths(index)
        switch keyword {
        case .minContent: return intrinsic.min
        case .maxContent: return intrinsic.max
        case .fitContent: return min(max(intrinsic.min, available), intrinsic.max)
        }
    }

    /// The content width of an `<img>` box whose CSS width is auto: its definite height times the
    /// picture's aspect ratio, or else the natural width (CSS 2.1 §10.3.2).
    func replacedContentWidth(_ index: Int) -> Double {
        guard let image = boxes[index].image else { return 0 }
        let style = boxes[index].style
        guard let ratio = image.ratio, let height = style.height.resolve(nil) else { return image.naturalWidth }
        let extra = style.usedBorderWidths.vertical + style.padding.top.resolveOrZero(nil) + style.padding.bottom.resolveOrZero(nil)
        let content = style.boxSizing == .borderBox ? max(0, height - extra) : height
        return content / ratio
    }

    /// The outer (margin-box) widths a child contributes to its container's intrinsic widths.
    mutating func intrinsicContribution(_ index: Int) -> (min: Double, max: Double) {
        // Style members are read in place: a copy of the whole style cost more than this function's arithmetic.
        let border = boxes[index].style.usedBorderWidths
        let extra = border.horizontal + boxes[index].style.padding.left.resolveOrZero(nil) + boxes[index].style.padding.right.resolveOrZero(nil)
        let margins = boxes[index].style.margin.left.resolveOrZero(nil) + boxes[index].style.margin.right.resolveOrZero(nil)
        var widths: (min: Double, max: Double)
        if let width = boxes[index].style.width.resolve(nil) {
            let borderBox = boxes[index].style.boxSizing == .borderBox ? max(width, extra) : width + extra
            widths = (borderBox, borderBox)
        } else {
            let content = intrinsicContentWidths(index)
            switch boxes[index].style.intrinsicWidth {
            case .minContent: widths = (content.min + extra, content.min + extra)
            case .maxContent: widths = (content.max + extra, content.max + extra)
            default: widths = (content.min + extra, content.max + extra)
            }
        }
        if let maximum = boxes[index].style.maxWidth?.resolve(nil) {
            let limit = boxes[index].style.boxSizing == .borderBox ? maximum : maximum + extra
            widths = (min(widths.min, limit), min(widths.max, limit))
        }
        if let minimum = boxes[index].style.minWidth.resolve(nil) {
            let limit = boxes[index].style.boxSizing == .borderBox ? minimum : minimum + extra
            widths = (max(widths.min, limit), max(widths.max, limit))
        }
        return (max(0, widths.min + margins), max(0, widths.max + margins))
    }
}
