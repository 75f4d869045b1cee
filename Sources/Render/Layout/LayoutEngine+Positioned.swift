/// Relative offsets (CSS 2.1 §9.4.3) and absolutely positioned boxes (§10.3.7, §10.6.4).
extension LayoutEngine {
    /// Moves relatively positioned boxes by their insets; `left` wins over `right`, `top` over `bottom`.
    mutating func applyRelativeOffsets() {
        for index in boxes.indices where boxes[index].style.position == .relative && index > 0 {
            let parent = boxes[index].parent
            let width = boxes[parent].contentBox.width
            let height = boxes[parent].style.height.isAuto ? nil : boxes[parent].contentBox.height
            let inset = boxes[index].style.inset
            if let left = inset.left.resolve(width) {
                boxes[index].frame.x += left
            } else if let right = inset.right.resolve(width) {
                boxes[index].frame.x -= right
            }
            if let top = inset.top.resolve(height) {
                boxes[index].frame.y += top
            } else if let bottom = inset.bottom.resolve(height) {
                boxes[index].frame.y -= bottom
            }
        }
    }

    /// Lays out every absolutely positioned box against its containing block. Boxes are visited in
    /// tree order, so a containing block is always placed before the boxes it contains.
    mutating func layoutAbsolutelyPositioned() {
        for index in boxes.indices where boxes[index].isOutOfFlow && index > 0 {
            let containing = containingBlock(of: index)
            let parent = boxes[index].parent
            let parentOrigin = absoluteOrigin(of: parent)
            // The parent's layout left the static position in the frame (CSS 2.1 §10.3.7).
            let staticX = parentOrigin.x + boxes[index].frame.x
            let staticY = parentOrigin.y + boxes[index].frame.y

            resolveEdges(index, basis: containing.width)
            let box = boxes[index]
            let style = box.style
            let left = style.inset.left.resolve(containing.width)
            let right = style.inset.right.resolve(containing.width)
            let top = style.inset.top.resolve(containing.height)
            let bottom = style.inset.bottom.resolve(containing.height)
            let horizontalExtra = box.border.horizontal + box.padding.horizontal
            let verticalExtra = box.border.vertical + box.padding.vertical

            var width: Double
            if let specified = specifiedContentWidth(style.width, of: index, basis: containing.width) {
                width = specified
            } else if let left, let right {
                width = max(0, containing.width - left - right - box.margin.horizontal - horizontalExtra)
            } else {
                let available = containing.width - (left ?? 0) - (right ?? 0) - box.margin.horizontal - horizontalExtra
                let intrinsic = intrinsicContentWidths(index)
                width = min(max(intrinsic.min, available), intrinsic.max)
            }
            width = clampWidth(index, width, basis: containing.width)
            var marginLeft = box.margin.left
            if let left, let right, style.margin.left.isAuto || style.margin.right.isAuto {
                let free = containing.width - left - right - width - horizontalExtra - box.margin.horizontal
                if style.margin.left.isAuto, style.margin.right.isAuto {
                    marginLeft = max(0, free / 2)
                } else if style.margin.left.isAuto {
                    marginLeft = free
                }
            }

            var definite = specifiedContentHeight(style.height, of: index, basis: containing.height)
            if definite == nil, let top, let bottom {
                definite = max(0, containing.height - top - bottom - box.margin.vertical - verticalExtra)
            }
            let result = layoutContent(index, contentWidth: width, contentHeight: definite)
            let height = definite.map { clampHeight(index, $0, basis: containing.height) } ?? clampHeight(index, result.height, basis: containing.height)
            setContentSize(index, width: width, height: height)
            let frame = boxes[index].frame
            var marginTop = box.margin.top
            if let top, let bottom, !style.height.isAuto, style.margin.top.isAuto || style.margin.bottom.isAuto {
                let free = containing.height - top - bottom - frame.height - box.margin.vertical
                marginTop = style.margin.top.isAuto && style.margin.bottom.isAuto ? max(0, free / 2) : (style.margin.top.isAuto ? free : marginTop)
            }

            let x: Double
            if let left {
                x = containing.x + left + marginLeft
            } else if let right {
                x = containing.maxX - right - box.margin.right - frame.width
            } else {
                x = staticX + marginLeft
            }
            let y: Double
            if let top {
                y = containing.y + top + marginTop
            } else if let bottom {
                y = containing.maxY - bottom - box.margin.bottom - frame.height
            } else {
                y = staticY + marginTop
            }
            boxes[index].frame.x = x - parentOrigin.x
            boxes[index].frame.y = y - parentOrigin.y
        }
    }

    /// The padding box, in viewport coordinates, of the nearest positioned ancestor, or the viewport.
    private func containingBlock(of index: Int) -> Rect {
        var ancestor = boxes[index].parent
        while ancestor >= 0 {
            if boxes[ancestor].style.isPositioned, boxes[ancestor].element != nil {
                let origin = absoluteOrigin(of: ancestor)
                let padding = boxes[ancestor].paddingBox
                return Rect(x: origin.x + padding.x - boxes[ancestor].frame.x, y: origin.y + padding.y - boxes[ancestor].frame.y,
                            width: padding.width, height: padding.height)
            }
            ancestor = boxes[ancestor].parent
        }
        return Rect(x: 0, y: 0, width: viewportWidth, height: viewportHeight)
    }

    /// Viewport position of a box's border-box corner while frames are still parent-relative.
    private func absoluteOrigin(of index: Int) -> Point {
        var point = Point(x: 0, y: 0)
        var current = index
        while current >= 0 {
            point.x += boxes[current].frame.x
            point.y += boxes[current].frame.y
            current = boxes[current].parent
        }
        return point
    }
}
