/// Paints laid-out boxes onto a canvas in the stacking order of CSS 2.1 Appendix E, simplified:
/// a box's background and border, then negative z-index positioned descendants, then in-flow block
/// backgrounds, then in-flow content (text and atomic boxes), then positioned descendants by z-index.
struct Painter {
    let boxes: [LayoutBox]
    let viewport: Rect
    let output = DisplayList()
    /// The box whose background was propagated to the canvas (CSS Backgrounds 3 §2.11.2) and is not painted again.
    private(set) var propagatedBackgroundBox: Int?

    init(boxes: [LayoutBox], width: Int, height: Int) {
        self.boxes = boxes
        viewport = Rect(x: 0, y: 0, width: Double(width), height: Double(height))
    }

    /// Records the whole tree into `output`.
    mutating func paint() {
        // A browser's canvas is white under a transparent root background.
        output.append(.fill(viewport, .zero, .solid(.white)))
        guard !boxes.isEmpty else { return }
        if hasBackground(0) {
            propagatedBackgroundBox = 0
        } else if let body = boxes[0].children.first(where: { boxes[$0].element != nil && !boxes[$0].isOutOfFlow }), hasBackground(body) {
            propagatedBackgroundBox = body
        }
        if let source = propagatedBackgroundBox {
            paintBackground(of: source, in: viewport, radii: .zero)
        }
        withOpacity(of: 0) { paintLayer(0) }
    }

    private func hasBackground(_ index: Int) -> Bool {
        let style = boxes[index].style
        return style.resolve(style.backgroundColor).alpha > 0 || !style.backgroundGradients.isEmpty
            || !style.paint.backgroundLayers.isEmpty
    }

    // MARK: Stacking

    /// A positioned descendant waiting to be painted, with the overflow clips between it and its layer.
    private struct Positioned {
        var box: Int
        var zIndex: Int
        var clips: [Int]
    }

    /// Paints a box that forms a layer (the root, a positioned box) with everything inside it.
    private func paintLayer(_ index: Int) {
        paintDecorations(index)
        paintImage(of: index)
        var positioned: [Positioned] = []
        let ownClip = boxes[index].style.overflowHidden ? [index] : []
        collectPositioned(under: index, clips: ownClip, into: &positioned)
        // Stable sort keeps tree order among equal z-indexes.
        let ordered = positioned.enumerated().sorted { a, b in
            a.element.zIndex != b.element.zIndex ? a.element.zIndex < b.element.zIndex : a.offset < b.offset
        }.map(\.element)
        for entry in ordered where entry.zIndex < 0 { paintPositioned(entry) }
        withClip(ownClip) {
            paintBlockBackgrounds(under: index)
            paintInlineContent(under: index)
        }
        for entry in ordered where entry.zIndex >= 0 { paintPositioned(entry) }
    }

    private func paintPositioned(_ entry: Positioned) {
        // Filter, transform and blend mode outside (Painter+Effects.swift), the opacity group inside, so a
        // blend mode composites the faded group with what is behind it.
        withClip(entry.clips) { withEffects(of: entry.box) { withOpacity(of: entry.box) { paintLayer(entry.box) } } }
    }

    /// Whether the box at `index` is painted as its own stacking context: positioned, or with opacity
    /// below 1, a filter, a transform or a blend mode, which CSS 2.1 Appendix E and Compositing 1 §3
    /// paint like a positioned box with `z-index: 0`.
    private func formsLayer(_ index: Int) -> Bool {
        let style = boxes[index].style
        return style.isPositioned || style.opacity < 1 || style.paint.needsLayer
    }

    /// Records `body` in an offscreen layer composited at the box's `opacity` (CSS Color 4 §3.2: the
    /// box and its content fade as one group, so overlapping descendants do not show through each other).
    /// A group of one shape needs no layer: its colors are faded instead (`DisplayList.foldOpacityGroup`).
    private func withOpacity(of index: Int, _ body: () -> Void) {
        let opacity = boxes[index].style.opacity
        guard opacity < 1 else {
            body()
            return
        }
        var effects = LayerEffects()
        effects.opacity = max(0, opacity)
        let start = output.items.count
        output.append(.beginLayer)
        body()
        if output.foldOpacityGroup(beganAt: start, opacity: effects.opacity) { return }
        output.append(.endLayer(effects))
    }

    private func collectPositioned(under index: Int, clips: [Int], into list: inout [Positioned]) {
        for child in boxes[index].children {
            let style = boxes[child].style
            if formsLayer(child) {
                // z-index applies to positioned boxes and flex items (CSS Flexbox 1 §4.3).
                let honoursZIndex = style.isPositioned || boxes[index].kind == .flex
                list.append(Positioned(box: child, zIndex: honoursZIndex ? style.zIndex ?? 0 : 0, clips: clips))
            } else {
                collectPositioned(under: child, clips: style.overflowHidden ? clips + [child] : clips, into: &list)
            }
        }
    }

    /// Whether a box is painted as a unit in the content phase (flex items and inline-blocks, Appendix E step 7).
    private func isAtomic(_ index: Int) -> Bool {
        boxes[index].isAtomicInline || boxes[boxes[index].parent].kind == .flex
    }

    /// Backgrounds and borders of in-flow, non-atomic block descendants, in tree order.
    private func paintBlockBackgrounds(under index: Int) {
        for child in boxes[index].children where !formsLayer(child) && !isAtomic(child) {
            paintDecorations(child)
            withClip(boxes[child].style.overflowHidden ? [child] : []) { paintBlockBackgrounds(under: child) }
        }
    }

    /// Text of in-flow descendants, and atomic boxes painted whole.
    private func paintInlineContent(under index: Int) {
        for child in boxes[index].children where !formsLayer(child) {
            let clip = boxes[child].style.overflowHidden ? [child] : []
            if isAtomic(child) {
                paintDecorations(child)
                paintImage(of: child)
                withClip(clip) {
                    paintBlockBackgrounds(under: child)
                    paintInlineContent(under: child)
                }
                continue
            }
            // A block-level `<img>` is replaced content: painted with the text, after the block backgrounds.
            paintImage(of: child)
            if boxes[child].kind == .paragraph, boxes[child].paragraph != nil {
                let content = boxes[child].contentBox
                paintInlineBoxes(of: child, origin: Point(x: content.x, y: content.y))  // Painter+InlineBoxes.swift
                paintTextShadows(of: child, origin: Point(x: content.x, y: content.y))  // text-shadow: Painter+Shadows.swift
                output.append(.text(box: child, origin: Point(x: content.x, y: content.y)))
            }
            withClip(clip) { paintInlineContent(under: child) }
        }
    }

    /// The picture of an `<img>` box (Painter+Images.swift); nothing for other boxes.
    private func paintImage(of index: Int) {
        guard let image = boxes[index].image else { return }
        paintReplacedImage(of: index, reference: image.reference)
    }

    private func withClip(_ clips: [Int], _ body: () -> Void) {
        for clip in clips {
            let box = boxes[clip]
            output.append(.pushClip(box.paddingBox, innerRadii(of: clip)))
        }
        body()
        for _ in clips { output.append(.popClip) }
    }
}
