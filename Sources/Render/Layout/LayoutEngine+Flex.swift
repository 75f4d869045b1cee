/// Flexbox (CSS Flexbox 1 §9): base sizes, line breaking, flexible lengths, main- and cross-axis alignment.
extension LayoutEngine {
    private struct FlexItem {
        var box: Int
        var base: Double
        var hypothetical: Double
        var minimum: Double
        var maximum: Double
        var target: Double
        var frozen = false
        /// Main-axis margins before and after; nil where `auto`.
        var marginStart: Double?
        var marginEnd: Double?
        var crossSize = 0.0
        var align: ComputedStyle.Align
        var outerMain: Double { target + (marginStart ?? 0) + (marginEnd ?? 0) }
        var hypotheticalOuter: Double { hypothetical + (marginStart ?? 0) + (marginEnd ?? 0) }
    }

    private struct FlexLine {
        var items: [Int]
        var crossSize = 0.0
        var crossPosition = 0.0
    }

    /// Lays out a flex container's items in its content box and returns the content height.
    mutating func layoutFlex(_ index: Int, contentWidth: Double, contentHeight: Double?) -> Double {
        let style = boxes[index].style
        let isRow = style.flexDirection == .row || style.flexDirection == .rowReverse
        let mainAvailable: Double? = isRow ? contentWidth : contentHeight
        let crossAvailable: Double? = isRow ? contentHeight : contentWidth
        let mainGap = (isRow ? style.columnGap : style.rowGap).resolve(mainAvailable) ?? 0
        let crossGap = (isRow ? style.rowGap : style.columnGap).resolve(crossAvailable) ?? 0
        let contentLeft = boxes[index].border.left + boxes[index].padding.left
        let contentTop = boxes[index].border.top + boxes[index].padding.top

        var items: [FlexItem] = []
        for child in boxes[index].children where boxes[child].isOutOfFlow {
            // Static position of absolutely positioned children: the content-box corner.
            boxes[child].frame.x = contentLeft
            boxes[child].frame.y = contentTop
        }
        let ordered = boxes[index].children.filter { !boxes[$0].isOutOfFlow }.enumerated()
            .sorted { a, b in
                let (first, second) = (boxes[a.element].style.order, boxes[b.element].style.order)
                return first != second ? first < second : a.offset < b.offset
            }
            .map(\.element)
        for child in ordered {
            items.append(makeItem(child, isRow: isRow, container: style, contentWidth: contentWidth, contentHeight: contentHeight))
        }

        // Lines (§9.3).
        var lines: [FlexLine] = []
        if style.flexWrap == .nowrap || mainAvailable == nil {
            lines = [FlexLine(items: Array(items.indices))]
        } else {
            var current: [Int] = []
            var used = 0.0
            for (offset, item) in items.enumerated() {
                let size = item.hypotheticalOuter
                if !current.isEmpty, used + mainGap + size > mainAvailable! + 0.0001 {
                    lines.append(FlexLine(items: current))
                    current = []
                    used = 0
                }
                used += (current.isEmpty ? 0 : mainGap) + size
                current.append(offset)
            }
            lines.append(FlexLine(items: current))
        }

        // Flexible lengths (§9.7), then each item's cross size from its own layout.
        for line in lines {
            resolveFlexibleLengths(&items, line: line.items, available: mainAvailable, gap: mainGap)
        }
        for offset in items.indices {
            let child = items[offset].box
            if isRow {
                let height = specifiedContentHeight(boxes[child].style.height, of: child, basis: contentHeight)
                    .map { $0 + boxes[child].border.vertical + boxes[child].padding.vertical }
                layoutItem(child, borderWidth: items[offset].target, borderHeight: height, containerHeight: contentHeight)
                items[offset].crossSize = boxes[child].frame.height + boxes[child].margin.vertical
            } else {
                let width = crossWidth(child, align: items[offset].align, available: contentWidth)
                layoutItem(child, borderWidth: width, borderHeight: items[offset].target, containerHeight: contentHeight)
                items[offset].crossSize = boxes[child].frame.width + boxes[child].margin.horizontal
            }
        }

        // Line cross sizes (§9.4), with baseline alignment in rows.
        for lineIndex in lines.indices {
            var size = 0.0
            var maxAbove = 0.0, maxBelow = 0.0
            for offset in lines[lineIndex].items {
                size = max(size, items[offset].crossSize)
                if isRow, items[offset].align == .baseline {
                    let above = boxes[items[offset].box].margin.top + baseline(of: items[offset].box)
                    maxAbove = max(maxAbove, above)
                    maxBelow = max(maxBelow, items[offset].crossSize - above)
                }
            }
            lines[lineIndex].crossSize = max(size, maxAbove + maxBelow)
        }
        if lines.count == 1, let cross = crossAvailable {
            lines[0].crossSize = cross
        }
        // align-content (§9.4 step 15, §8.4) for multi-line containers with a definite cross size.
        var crossStart = 0.0
        var crossBetween = crossGap
        if let cross = crossAvailable, lines.count > 1 {
            let used = lines.reduce(0) { $0 + $1.crossSize } + crossGap * Double(lines.count - 1)
            let free = cross - used
            let distribution: ComputedStyle.Justify
            switch style.alignContent {
            case .stretch:
                if free > 0 { for lineIndex in lines.indices { lines[lineIndex].crossSize += free / Double(lines.count) } }
                distribution = .start
            case .start: distribution = .start
            case .end: distribution = .end
            case .center: distribution = .center
            case .spaceBetween: distribution = .spaceBetween
            case .spaceAround: distribution = .spaceAround
            case .spaceEvenly: distribution = .spaceEvenly
            }
            let spacing = Self.distribute(free, among: lines.count, as: distribution)
            crossStart = spacing.start
            crossBetween += spacing.between
        }
        var crossCursor = crossStart
        for lineIndex in lines.indices {
            lines[lineIndex].crossPosition = crossCursor
            crossCursor += lines[lineIndex].crossSize + crossBetween
        }
        let totalCross = max(0, crossCursor - crossBetween)
        let containerCross = crossAvailable ?? totalCross

        // Main-axis placement (§9.5) and cross-axis alignment (§9.6).
        var largestMain = 0.0
        for line in lines {
            let used = line.items.reduce(0) { $0 + items[$1].outerMain } + mainGap * Double(max(0, line.items.count - 1))
            largestMain = max(largestMain, used)
            let mainSize = mainAvailable ?? used
            var free = mainSize - used
            var autoMargins = 0
            for offset in line.items {
                if items[offset].marginStart == nil { autoMargins += 1 }
                if items[offset].marginEnd == nil { autoMargins += 1 }
            }
            let autoShare = free > 0 && autoMargins > 0 ? free / Double(autoMargins) : 0
            if autoMargins > 0, free > 0 { free = 0 }
            let spacing = Self.distribute(free, among: line.items.count, as: style.justifyContent)
            let between = mainGap + spacing.between
            var cursor = spacing.start
            let reverse = style.flexDirection == .rowReverse || style.flexDirection == .columnReverse
            for offset in line.items {
                let item = items[offset]
                let before = item.marginStart ?? autoShare
                let after = item.marginEnd ?? autoShare
                let position = cursor + before
                let placed = reverse ? mainSize - position - item.target : position
                let child = item.box
                // Cross axis.
                let lineCross = line.crossSize
                let margins = boxes[child].margin
                let crossStartAuto = isRow ? boxes[child].style.margin.top.isAuto : boxes[child].style.margin.left.isAuto
                let crossEndAuto = isRow ? boxes[child].style.margin.bottom.isAuto : boxes[child].style.margin.right.isAuto
                var crossOffset: Double
                var outerCross = item.crossSize
                if item.align == .stretch, !crossStartAuto, !crossEndAuto, isCrossAuto(child, isRow: isRow) {
                    stretch(child, isRow: isRow, lineCross: lineCross, containerHeight: contentHeight)
                    outerCross = isRow ? boxes[child].frame.height + margins.vertical : boxes[child].frame.width + margins.horizontal
                }
                let slack = lineCross - outerCross
                if crossStartAuto || crossEndAuto {
                    crossOffset = crossStartAuto && crossEndAuto ? max(0, slack / 2) : crossStartAuto ? max(0, slack) : 0
                } else {
                    switch item.align {
                    case .end: crossOffset = slack
                    case .center: crossOffset = slack / 2
                    case .baseline where isRow:
                        let maxAbove = line.items.filter { items[$0].align == .baseline }
                            .map { boxes[items[$0].box].margin.top + baseline(of: items[$0].box) }.max() ?? 0
                        crossOffset = maxAbove - (margins.top + baseline(of: child))
                    default: crossOffset = 0
                    }
                }
                var crossPosition = line.crossPosition + crossOffset
                if style.flexWrap == .wrapReverse {
                    crossPosition = containerCross - crossPosition - outerCross
                }
                if isRow {
                    boxes[child].frame.x = contentLeft + placed
                    boxes[child].frame.y = contentTop + crossPosition + margins.top
                    boxes[child].margin.left = before
                    boxes[child].margin.right = after
                } else {
                    boxes[child].frame.y = contentTop + placed
                    boxes[child].frame.x = contentLeft + crossPosition + margins.left
                    boxes[child].margin.top = before
                    boxes[child].margin.bottom = after
                }
                cursor = position + item.target + after + between
            }
        }
        return isRow ? totalCross : largestMain
    }

    /// Where the first of `count` things starts and the extra space between neighbours when `free`
    /// space is distributed (§9.5 justify-content, §8.4 align-content). Negative free space falls
    /// back to start (space-between) or center (space-around/evenly), as the spec says.
    static func distribute(_ free: Double, among count: Int, as mode: ComputedStyle.Justify) -> (start: Double, between: Double) {
        let n = Double(max(count, 1))
        switch mode {
        case .start: return (0, 0)
        case .end: return (free, 0)
        case .center: return (free / 2, 0)
        case .spaceBetween: return free > 0 && count > 1 ? (0, free / (n - 1)) : (0, 0)
        case .spaceAround: return free > 0 ? (free / n / 2, free / n) : (free / 2, 0)
        case .spaceEvenly: return free > 0 ? (free / (n + 1), free / (n + 1)) : (free / 2, 0)
        }
    }

    // MARK: Items

    private mutating func makeItem(_ child: Int, isRow: Bool, container: ComputedStyle, contentWidth: Double, contentHeight: Double?) -> FlexItem {
        resolveEdges(child, basis: contentWidth)
        // Edges and the style members used are read one by one: copies of the whole box and style
        // (both full of references) were a visible part of flex layout.
        let border = boxes[child].border
        let padding = boxes[child].padding
        let margin = boxes[child].margin
        let alignSelf = boxes[child].style.alignSelf
        let align = alignSelf == .auto ? container.alignItems : alignSelf
        let mainExtra = isRow ? border.horizontal + padding.horizontal : border.vertical + padding.vertical
        let mainBasis = isRow ? contentWidth : contentHeight
        let specified = isRow ? specifiedContentWidth(boxes[child].style.width, of: child, basis: contentWidth) : specifiedContentHeight(boxes[child].style.height, of: child, basis: contentHeight)
        let basisLength = isRow ? specifiedContentWidth(boxes[child].style.flexBasis, of: child, basis: mainBasis) : specifiedContentHeight(boxes[child].style.flexBasis, of: child, basis: mainBasis)

        // The content size in the main axis: max-content width, or the height at the item's cross size.
        var contentMain: Double?
        func measuredContentMain() -> Double {
            if let contentMain { return contentMain }
            let value: Double
            if isRow {
                value = intrinsicContentWidths(child).max
            } else {
                let width = crossWidth(child, align: align, available: contentWidth)
                layoutItem(child, borderWidth: width, borderHeight: nil, containerHeight: contentHeight)
                value = boxes[child].frame.height - mainExtra
            }
            contentMain = value
            return value
        }
        let base = (basisLength ?? specified ?? measuredContentMain()) + mainExtra
        let maxLength = isRow ? boxes[child].style.maxWidth : boxes[child].style.maxHeight
        let minLength = isRow ? boxes[child].style.minWidth : boxes[child].style.minHeight
        let maximum = (isRow ? specifiedContentWidth(maxLength, of: child, basis: mainBasis) : specifiedContentHeight(maxLength, of: child, basis: mainBasis)).map { $0 + mainExtra } ?? .infinity
        var minimum: Double
        if let explicit = isRow ? specifiedContentWidth(minLength, of: child, basis: mainBasis) : specifiedContentHeight(minLength, of: child, basis: mainBasis) {
            minimum = explicit + mainExtra
        } else if boxes[child].style.overflowHidden {
            minimum = mainExtra
        } else {
            // Automatic minimum size (§4.5): the content size suggestion, capped by a specified size.
            let contentMinimum = isRow ? intrinsicContentWidths(child).min : measuredContentMain()
            minimum = min(contentMinimum, specified ?? .infinity) + mainExtra
        }
        minimum = min(minimum, maximum)
        let hypothetical = max(minimum, min(base, maximum))
        let startAuto = isRow ? boxes[child].style.margin.left.isAuto : boxes[child].style.margin.top.isAuto
        let endAuto = isRow ? boxes[child].style.margin.right.isAuto : boxes[child].style.margin.bottom.isAuto
        return FlexItem(box: child, base: base, hypothetical: hypothetical, minimum: minimum, maximum: maximum,
                        target: hypothetical,
                        marginStart: startAuto ? nil : (isRow ? margin.left : margin.top),
                        marginEnd: endAuto ? nil : (isRow ? margin.right : margin.bottom),
                        align: align)
    }

    /// §9.7 "Resolving Flexible Lengths", with the loop that freezes min/max violators.
    private func resolveFlexibleLengths(_ items: inout [FlexItem], line: [Int], available: Double?, gap: Double) {
        guard let available, !line.isEmpty else { return }
        let gaps = gap * Double(line.count - 1)
        let hypotheticalSum = line.reduce(0) { $0 + items[$1].hypotheticalOuter } + gaps
        let growing = hypotheticalSum < available
        for offset in line {
            let box = items[offset].box
            let factor = growing ? boxes[box].style.flexGrow : boxes[box].style.flexShrink
            items[offset].frozen = false
            items[offset].target = items[offset].hypothetical
            if factor == 0 || (growing && items[offset].base > items[offset].hypothetical)
                || (!growing && items[offset].base < items[offset].hypothetical) {
                items[offset].frozen = true
            }
        }
        for _ in 0...line.count {
            let unfrozen = line.filter { !items[$0].frozen }
            guard !unfrozen.isEmpty else { break }
            let used = line.reduce(0) { sum, offset in
                let item = items[offset]
                let margins = (item.marginStart ?? 0) + (item.marginEnd ?? 0)
                return sum + (item.frozen ? item.target : item.base) + margins
            } + gaps
            var free = available - used
            let factors = unfrozen.map { offset -> Double in
                let box = items[offset].box
                return growing ? boxes[box].style.flexGrow : boxes[box].style.flexShrink * items[offset].base
            }
            let factorSum = factors.reduce(0, +)
            if growing {
                let growSum = unfrozen.reduce(0) { $0 + boxes[items[$1].box].style.flexGrow }
                if growSum < 1 { free = min(free, (available - used + 0) * growSum) }
            }
            var violation = 0.0
            for (position, offset) in unfrozen.enumerated() {
                var target = items[offset].base
                if factorSum > 0 {
                    target += free * factors[position] / factorSum
                }
                let clamped = max(items[offset].minimum, min(target, items[offset].maximum))
                violation += clamped - target
                items[offset].target = clamped
            }
            for offset in unfrozen {
                let item = items[offset]
                let unclampedMin = item.target == item.minimum
                let unclampedMax = item.target == item.maximum
                if violation == 0 || (violation > 0 && unclampedMin) || (violation < 0 && unclampedMax) {
                    items[offset].frozen = true
                }
            }
        }
    }

    /// Lays out an item at a border-box width (and height when known), sizing its contents.
    mutating func layoutItem(_ child: Int, borderWidth: Double, borderHeight: Double?, containerHeight: Double?) {
        let border = boxes[child].border
        let padding = boxes[child].padding
        let width = max(0, borderWidth - border.horizontal - padding.horizontal)
        let definite = borderHeight.map { max(0, $0 - border.vertical - padding.vertical) }
            ?? ratioHeight(child, contentWidth: width, containingHeight: containerHeight)
        let result = layoutContent(child, contentWidth: width, contentHeight: definite)
        let height = definite ?? clampHeight(child, result.height, basis: containerHeight)
        setContentSize(child, width: width, height: height)
    }

    /// The border-box width of an item in a column container.
    private mutating func crossWidth(_ child: Int, align: ComputedStyle.Align, available: Double) -> Double {
        let extra = boxes[child].border.horizontal + boxes[child].padding.horizontal
        if let specified = specifiedContentWidth(boxes[child].style.width, of: child, basis: available) {
            return clampWidth(child, specified, basis: available) + extra
        }
        let room = available - boxes[child].margin.horizontal - extra
        if let keyword = boxes[child].style.intrinsicWidth {
            // An intrinsic width is not auto, so the item does not stretch (CSS Flexbox 1 §9.4 step 11).
            return clampWidth(child, intrinsicKeywordWidth(child, keyword, available: room), basis: available) + extra
        }
        if align == .stretch, !boxes[child].style.margin.left.isAuto, !boxes[child].style.margin.right.isAuto {
            return clampWidth(child, max(0, room), basis: available) + extra
        }
        let intrinsic = intrinsicContentWidths(child)
        return clampWidth(child, min(max(intrinsic.min, room), intrinsic.max), basis: available) + extra
    }

    private func isCrossAuto(_ child: Int, isRow: Bool) -> Bool {
        isRow ? boxes[child].style.height.isAuto : boxes[child].style.width.isAuto && boxes[child].style.intrinsicWidth == nil
    }

    /// `align-self: stretch` (§9.4 step 11): the item fills the line's cross size.
    private mutating func stretch(_ child: Int, isRow: Bool, lineCross: Double, containerHeight: Double?) {
        if isRow {
            let frame = boxes[child].frame
            let extra = boxes[child].border.vertical + boxes[child].padding.vertical
            let content = clampHeight(child, max(0, lineCross - boxes[child].margin.vertical - extra), basis: containerHeight)
            guard abs(content + extra - frame.height) > 0.001 else { return }
            layoutItem(child, borderWidth: frame.width, borderHeight: content + extra, containerHeight: containerHeight)
        }
        // Column items were already laid out at the stretched width by `crossWidth`.
    }

    /// The first baseline of a box from its border-box top (synthesized from the bottom edge when it has no text).
    func baseline(of index: Int) -> Double {
        if boxes[index].kind == .paragraph, let paragraph = boxes[index].paragraph { return paragraph.firstBaseline }
        for child in boxes[index].children where !boxes[child].isOutOfFlow {
            if hasText(child) { return boxes[child].frame.y + baseline(of: child) }
        }
        return boxes[index].frame.height
    }

    func hasText(_ index: Int) -> Bool {
        boxes[index].kind == .paragraph || boxes[index].children.contains { !boxes[$0].isOutOfFlow && hasText($0) }
    }
}
