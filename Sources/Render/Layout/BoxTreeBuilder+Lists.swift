/// List item markers (CSS Lists 3 §2): an inside marker is text at the start of the item's first
/// line; an outside one is a box of its own that layout hangs before the item's content.
extension BoxTreeBuilder {
    mutating func addListMarker(of element: Int, into container: Int, run: inout InlineRunBuilder) {
        let itemStyle = boxes[container].style
        guard itemStyle.list.isListItem, let text = itemStyle.list.markerText(ordinal: ordinal(of: element)) else { return }
        // `::marker` takes the item's font and colour; numbers use tabular figures in Chromium's UA sheet.
        var style = ComputedStyle.inheriting(from: itemStyle)
        style.textFeatures.numericFeatures = [FontFeature(tag: "tnum", value: 1)]
        style.textTransform = .none
        switch itemStyle.list.position {
        case .inside:
            run.append(text, style: style, opacity: 1)
        case .outside:
            style.display = .block
            style.position = .absolute
            style.whiteSpace = .pre
            style.textAlign = .left
            let isSymbol = style.list.type != .decimal
            if isSymbol {
                // Chromium draws outside disc, circle and square markers as shapes, not glyphs; layout
                // sizes the box from the font's ascent and the painter draws its background or border.
                style.backgroundColor = style.list.type == .circle ? .color(.transparent) : .currentColor
                if style.list.type == .circle {
                    style.borderWidth = ComputedStyle.Sides(1)
                    style.borderSolid = ComputedStyle.Sides(true)
                    style.borderColor = ComputedStyle.Sides(ColorValue.currentColor)
                }
                if style.list.type != .square { style.borderRadius = [Length](repeating: .percent(50), count: 4) }
            }
            let marker = makeGeneratedBox(style, text: isSymbol ? "" : text, parent: container)
            boxes[marker].isListMarker = true
        }
    }

    /// The item's number: `value` on the item, else one more than the previous item's, starting at the
    /// list's `start` (HTML §4.4.8).
    private func ordinal(of element: Int) -> Int {
        if let value = document.nodes[element].attribute("value").flatMap({ Int($0.trimmed) }) { return value }
        let parent = document.nodes[element].parent
        guard parent >= 0 else { return 1 }
        var number = document.nodes[parent].attribute("start").flatMap { Int($0.trimmed) } ?? 1
        for sibling in document.nodes[parent].children {
            if sibling == element { return number }
            guard let style = styles[sibling], style.list.isListItem, style.display != .none else { continue }
            number = document.nodes[sibling].attribute("value").flatMap { Int($0.trimmed) }.map { $0 + 1 } ?? number + 1
        }
        return number
    }
}
