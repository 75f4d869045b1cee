/// Backgrounds and borders of inline elements, one fragment per line, under the paragraph's text.
extension Painter {
    /// Paints the fragments of paragraph `index`'s inline boxes at `origin` (the paragraph's content
    /// box). A fragment is painted like a block box cut open where the element continues on another
    /// line: no border and no rounded corners on that side (`box-decoration-break: slice`).
    func paintInlineBoxes(of index: Int, origin: Point) {
        for inline in boxes[index].inlineBoxes {
            for fragment in inline.fragments where fragment.rect.width > 0 && fragment.rect.height > 0 {
                var style = inline.style
                var border = style.usedBorderWidths
                if !fragment.isFirst {
                    border.left = 0
                    style.borderRadius[0] = .zero
                    style.borderRadius[3] = .zero
                    style.paint.borderRadiusVertical[0] = nil
                    style.paint.borderRadiusVertical[3] = nil
                }
                if !fragment.isLast {
                    border.right = 0
                    style.borderRadius[1] = .zero
                    style.borderRadius[2] = .zero
                    style.paint.borderRadiusVertical[1] = nil
                    style.paint.borderRadiusVertical[2] = nil
                }
                var box = LayoutBox(kind: .block, element: nil, style: style, parent: -1)
                box.frame = Rect(x: origin.x + fragment.rect.x, y: origin.y + fragment.rect.y,
                                 width: fragment.rect.width, height: fragment.rect.height)
                box.border = border
                // A painter of the one fragment box records the same items a block box would get.
                let single = Painter(boxes: [box], width: Int(viewport.width), height: Int(viewport.height))
                single.paintDecorations(0)
                for item in single.output.items { output.append(item) }
            }
        }
    }
}
