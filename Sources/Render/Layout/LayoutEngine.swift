/// Lays out a box tree in a viewport: block flow with margin collapsing, inline formatting contexts
/// through the text engine, flexbox, relative and absolute positioning.
///
/// Frames are computed relative to the parent's border box, then made absolute in `run()`'s last step.
struct LayoutEngine {
    var boxes: [LayoutBox]
    let text: TextEngine
    let viewportWidth: Double
    let viewportHeight: Double
    /// Content-box min-/max-content widths per box, valid for the whole layout (they do not depend on
    /// the available space).
    var intrinsicCache: [Int: (min: Double, max: Double)] = [:]
    /// Box layouts performed so far. Flex items are laid out more than once (measure, then final
    /// size), so nesting multiplies the work; the budget turns hostile nesting into an error.
    private var layoutCount = 0
    static let layoutBudget = 100_000
    /// When set, every box layout polls it; once it passes the remaining boxes are skipped and
    /// `run()` throws.
    var deadline: RenderDeadline?
    private var deadlinePassed = false

    init(boxes: [LayoutBox], text: TextEngine, viewportWidth: Double, viewportHeight: Double) {
        self.boxes = boxes
        self.text = text
        self.viewportWidth = viewportWidth
        self.viewportHeight = viewportHeight
    }

    /// Lays out every box; afterwards each `frame` is in viewport coordinates.
    /// - Throws: `RenderError.invalidInput` when the document needs more than `layoutBudget` box layouts,
    ///   `RenderError.deadlineExceeded` when `deadline` passes during layout.
    mutating func run() throws {
        guard !boxes.isEmpty else { return }
        // The root box is a block in the initial containing block; its margins never collapse.
        _ = layoutBlockLevel(0, containingWidth: viewportWidth, containingHeight: viewportHeight)
        boxes[0].frame.x = boxes[0].margin.left
        boxes[0].frame.y = boxes[0].margin.top
        applyRelativeOffsets()
        layoutAbsolutelyPositioned()
        placeListMarkers()
        if deadlinePassed { throw RenderError.deadlineExceeded }
        if layoutCount > Self.layoutBudget { throw RenderError.invalidInput("document layout is too complex") }
        for index in boxes.indices.dropFirst() {
            let parent = boxes[index].parent
            boxes[index].frame.x += boxes[parent].frame.x
            boxes[index].frame.y += boxes[parent].frame.y
        }
    }

    // MARK: Edges and sizes

    /// Resolves margins (auto as 0), borders and padding; percentages refer to the containing block's width.
    mutating func resolveEdges(_ index: Int, basis: Double?) {
        // Only the members needed are read: copying the whole `ComputedStyle` (dozens of references to
        // retain and release) showed up in layout profiles on every box.
        let margin = boxes[index].style.margin
        let padding = boxes[index].style.padding
        boxes[index].margin = EdgeWidths(top: margin.top.resolveOrZero(basis), right: margin.right.resolveOrZero(basis),
                                         bottom: margin.bottom.resolveOrZero(basis), left: margin.left.resolveOrZero(basis))
        boxes[index].padding = EdgeWidths(top: max(0, padding.top.resolveOrZero(basis)), right: max(0, padding.right.resolveOrZero(basis)),
                                          bottom: max(0, padding.bottom.resolveOrZero(basis)), left: max(0, padding.left.resolveOrZero(basis)))
        boxes[index].border = boxes[index].style.usedBorderWidths
    }

    /// A `width`-like value as a content-box width (box-sizing applied), nil when auto or unresolvable.
    func specifiedContentWidth(_ length: Length?, of index: Int, basis: Double?) -> Double? {
        guard let value = length?.resolve(basis) else { return nil }
        return boxes[index].style.boxSizing == .borderBox
            ? max(0, value - boxes[index].border.horizontal - boxes[index].padding.horizontal) : max(0, value)
    }

    func specifiedContentHeight(_ length: Length?, of index: Int, basis: Double?) -> Double? {
        guard let value = length?.resolve(basis) else { return nil }
        return boxes[index].style.boxSizing == .borderBox
            ? max(0, value - boxes[index].border.vertical - boxes[index].padding.vertical) : max(0, value)
    }

    func clampWidth(_ index: Int, _ width: Double, basis: Double?) -> Double {
        var result = width
        if let maximum = specifiedContentWidth(boxes[index].style.maxWidth, of: index, basis: basis) { result = min(result, maximum) }
        if let minimum = specifiedContentWidth(boxes[index].style.minWidth, of: index, basis: basis) { result = max(result, minimum) }
        return max(0, result)
    }

    func clampHeight(_ index: Int, _ height: Double, basis: Double?) -> Double {
        var result = height
        if let maximum = specifiedContentHeight(boxes[index].style.maxHeight, of: index, basis: basis) { result = min(result, maximum) }
        if let minimum = specifiedContentHeight(boxes[index].style.minHeight, of: index, basis: basis) { result = max(result, minimum) }
        return max(0, result)
    }

    /// Sets the border-box size from a content size.
    mutating func setContentSize(_ index: Int, width: Double, height: Double) {
        let border = boxes[index].border
        let padding = boxes[index].padding
        boxes[index].frame.width = width + border.horizontal + padding.horizontal
        boxes[index].frame.height = height + border.vertical + padding.vertical
    }

    // MARK: Block-level boxes

    /// The margins a block-level box offers to its parent for collapsing.
    struct CollapsedMargins {
        var top: MarginPair
        var bottom: MarginPair
        /// No content, border, padding or height: top and bottom margins adjoin.
        var collapsesThrough: Bool
    }

    /// Lays out a block-level box in normal flow: width from the containing block (CSS 2.1 §10.3.3),
    /// shrink-to-fit for atomic inlines (§10.3.9), contents, then height (§10.6.3).
    mutating func layoutBlockLevel(_ index: Int, containingWidth: Double, containingHeight: Double?) -> CollapsedMargins {
        resolveEdges(index, basis: containingWidth)
        // The few members used, read before layout changes the box, rather than a copy of the whole box.
        let margins = boxes[index].margin
        let kind = boxes[index].kind
        let isAtomicInline = boxes[index].isAtomicInline
        let extra = boxes[index].border.horizontal + boxes[index].padding.horizontal
        var width: Double
        if let specified = specifiedContentWidth(boxes[index].style.width, of: index, basis: containingWidth) {
            width = specified
        } else if let keyword = boxes[index].style.intrinsicWidth {
            width = intrinsicKeywordWidth(index, keyword, available: containingWidth - margins.horizontal - extra)
        } else if isAtomicInline || boxes[index].image != nil {
            // Replaced boxes use their natural (or ratio-derived) width whatever their display (§10.3.4).
            let available = containingWidth - margins.horizontal - extra
            let intrinsic = intrinsicContentWidths(index)
            width = min(max(intrinsic.min, available), intrinsic.max)
        } else {
            width = max(0, containingWidth - margins.horizontal - extra)
        }
        width = clampWidth(index, width, basis: containingWidth)

        let remaining = containingWidth - width - extra - margins.horizontal
        let leftAuto = boxes[index].style.margin.left.isAuto
        if isAtomicInline {
            // Auto margins of inline-blocks are zero; their line places them (`layoutAtomicLine`).
        } else if leftAuto, boxes[index].style.margin.right.isAuto {
            boxes[index].margin.left = max(0, remaining / 2)
            boxes[index].margin.right = max(0, remaining / 2)
        } else if leftAuto {
            boxes[index].margin.left = max(0, remaining)
        }

        // min-height and max-height bound a specified height too (CSS 2.1 §10.7).
        let definiteHeight = specifiedContentHeight(boxes[index].style.height, of: index, basis: containingHeight)
            .map { clampHeight(index, $0, basis: containingHeight) }
            ?? ratioHeight(index, contentWidth: width, containingHeight: containingHeight)
        let result = layoutContent(index, contentWidth: width, contentHeight: definiteHeight)
        let height = definiteHeight ?? clampHeight(index, result.height, basis: containingHeight)
        setContentSize(index, width: width, height: height)

        let margin = boxes[index].margin
        var top = MarginPair(margin.top)
        var bottom = MarginPair(margin.bottom)
        if let hoisted = result.hoistedTop { top.add(hoisted) }
        if let hoisted = result.hoistedBottom { bottom.add(hoisted) }
        let empty = result.isEmpty && kind == .block && boxes[index].frame.height == 0
        return CollapsedMargins(top: top, bottom: bottom, collapsesThrough: empty)
    }

    /// The content height `aspect-ratio` gives a box of this content width whose height is auto (CSS
    /// Sizing 4 §5.1): the ratio holds for the box-sizing box, and min/max heights still apply.
    func ratioHeight(_ index: Int, contentWidth: Double, containingHeight: Double?) -> Double? {
        guard let ratio = boxes[index].style.aspectRatio, boxes[index].image == nil, boxes[index].style.height.isAuto else { return nil }
        if boxes[index].style.boxSizing == .borderBox {
            let border = boxes[index].border
            let padding = boxes[index].padding
            let borderWidth = contentWidth + border.horizontal + padding.horizontal
            return clampHeight(index, max(0, borderWidth / ratio - border.vertical - padding.vertical), basis: containingHeight)
        }
        return clampHeight(index, contentWidth / ratio, basis: containingHeight)
    }

    /// A box whose margins never collapse with its children's (it establishes a formatting context).
    func establishesFormattingContext(_ index: Int) -> Bool {
        let parent = boxes[index].parent
        return index == 0 || boxes[index].kind == .flex || boxes[index].style.overflowHidden || boxes[index].isAtomicInline
            || boxes[index].isOutOfFlow || (parent >= 0 && boxes[parent].kind == .flex)
    }

    struct ContentResult {
        var height: Double
        /// Margins of first/last children that collapse through this box's top/bottom edge.
        var hoistedTop: MarginPair?
        var hoistedBottom: MarginPair?
        /// No in-flow child had any height.
        var isEmpty = false
    }

    /// Lays out a box's contents in a content box of `contentWidth` (and `contentHeight` when definite).
    mutating func layoutContent(_ index: Int, contentWidth: Double, contentHeight: Double?) -> ContentResult {
        layoutCount += 1
        // Past the budget the result is discarded (run() throws), so stop descending.
        guard layoutCount <= Self.layoutBudget else { return ContentResult(height: 0) }
        // Likewise once the deadline has passed: the rest of the tree is never painted.
        if !deadlinePassed, deadline?.hasPassed == true { deadlinePassed = true }
        guard !deadlinePassed else { return ContentResult(height: 0) }
        switch boxes[index].kind {
        case .paragraph:
            let paragraph = text.layout(boxes[index].spans, style: boxes[index].paragraphStyle, maxWidth: max(0, contentWidth))
            boxes[index].paragraph = paragraph
            fragmentInlineBoxes(index, maxWidth: contentWidth)  // LayoutEngine+InlineBoxes.swift
            return ContentResult(height: paragraph.height)
        case .flex:
            return ContentResult(height: layoutFlex(index, contentWidth: contentWidth, contentHeight: contentHeight))
        case .block:
            if let image = boxes[index].image {
                // The height that keeps the picture's aspect ratio at this width (CSS 2.1 §10.6.2).
                return ContentResult(height: image.ratio.map { contentWidth * $0 } ?? image.naturalHeight)
            }
            return layoutBlockChildren(index, contentWidth: contentWidth, contentHeight: contentHeight)
        }
    }

    /// The inline-level children from `start` that share line boxes: a run of atomic inlines and the
    /// paragraphs between them (out-of-flow boxes skipped); nil when `start` begins no such run.
    /// `end` is the position after the run.
    func inlineGroup(startingAt start: Int, of children: [Int]) -> (members: [Int], end: Int, hasText: Bool)? {
        var members: [Int] = []
        var position = start
        var hasAtomic = false
        while position < children.count {
            let child = children[position]
            if boxes[child].isOutOfFlow {
                position += 1
                continue
            }
            guard boxes[child].isAtomicInline || boxes[child].kind == .paragraph else { break }
            // Only text next to an atomic inline joins; a lone paragraph is laid out on its own.
            hasAtomic = hasAtomic || boxes[child].isAtomicInline
            members.append(child)
            position += 1
        }
        guard hasAtomic, boxes[children[start]].isAtomicInline || boxes[children[start]].kind == .paragraph else { return nil }
        return (members, position, members.contains { boxes[$0].kind == .paragraph && !boxes[$0].isAtomicInline })
    }

    /// Stacks in-flow children vertically, collapsing adjoining margins (CSS 2.1 §8.3.1).
    private mutating func layoutBlockChildren(_ index: Int, contentWidth: Double, contentHeight: Double?) -> ContentResult {
        // Members read one by one: a copy of the whole box (style, spans, children) costs more than the loop.
        let border = boxes[index].border
        let padding = boxes[index].padding
        let lineClamp = boxes[index].style.lineClamp
        let separate = establishesFormattingContext(index)
        let collapseTop = !separate && border.top == 0 && padding.top == 0
        let collapseBottom = !separate && border.bottom == 0 && padding.bottom == 0
            && boxes[index].style.height.isAuto && (boxes[index].style.minHeight.resolve(contentHeight) ?? 0) == 0
        let contentTop = border.top + padding.top
        let contentLeft = border.left + padding.left
        var cursor = 0.0
        var pending = MarginPair()
        var atTop = true
        var hoistedTop = MarginPair()
        let children = boxes[index].children
        var position = 0
        while position < children.count {
            let child = children[position]
            position += 1
            if boxes[child].isOutOfFlow {
                // Remember the static position (where the box would have been in flow) for
                // `layoutAbsolutelyPositioned`, which uses it when insets are auto.
                boxes[child].frame.x = contentLeft
                boxes[child].frame.y = contentTop + cursor + (atTop && collapseTop ? 0 : pending.value)
                continue
            }
            if let group = inlineGroup(startingAt: position - 1, of: children) {
                // Inline-blocks share line boxes with each other and with the text around them.
                position = group.end
                let offset = atTop && collapseTop ? 0 : pending.value
                if atTop, collapseTop { hoistedTop.add(pending) }
                let top = contentTop + cursor + offset
                let height = group.hasText
                    ? layoutInlineFlow(group.members, in: index, top: top, left: contentLeft, width: contentWidth, containingHeight: contentHeight)
                    : layoutAtomicLines(group.members, in: index, top: top, left: contentLeft, width: contentWidth, containingHeight: contentHeight)
                cursor += offset + height
                pending = MarginPair()
                atTop = false
                continue
            }
            // The container's line clamp limits its paragraphs (`-webkit-line-clamp`).
            if boxes[child].kind == .paragraph, let clamp = lineClamp {
                boxes[child].paragraphStyle.maxLines = clamp
            }
            let margins = layoutBlockLevel(child, containingWidth: contentWidth, containingHeight: contentHeight)
            boxes[child].frame.x = contentLeft + boxes[child].margin.left
            if margins.collapsesThrough {
                pending.add(margins.top)
                pending.add(margins.bottom)
                boxes[child].frame.y = contentTop + cursor + (atTop && collapseTop ? 0 : pending.value)
                continue
            }
            pending.add(margins.top)
            let offset: Double
            if atTop, collapseTop {
                hoistedTop.add(pending)
                offset = 0
            } else {
                offset = pending.value
            }
            boxes[child].frame.y = contentTop + cursor + offset
            cursor += offset + boxes[child].frame.height
            pending = margins.bottom
            atTop = false
        }
        if atTop {
            // No in-flow content: the children's margins pass through when the top edge allows it.
            if collapseTop {
                hoistedTop.add(pending)
                return ContentResult(height: 0, hoistedTop: hoistedTop, hoistedBottom: nil, isEmpty: true)
            }
            return ContentResult(height: max(0, pending.value), isEmpty: true)
        }
        if collapseBottom {
            return ContentResult(height: cursor, hoistedTop: collapseTop ? hoistedTop : nil, hoistedBottom: pending)
        }
        return ContentResult(height: cursor + max(pending.value, -cursor), hoistedTop: collapseTop ? hoistedTop : nil)
    }
}
