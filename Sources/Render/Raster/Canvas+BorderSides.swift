/// Borders whose sides differ in color or line style. Each side is drawn on its own inside the
/// wedge between the miter lines that join the outer corners of the border box to the inner
/// corners of the padding box, as Chromium joins them; dashes and dots follow Chromium's spacing
/// (`StyledStrokeData`): a dash or dot at both ends of the side, the gap adjusted to fit.
extension Canvas {
    /// Draws the four sides (top, right, bottom, left) of the ring between `rect` rounded by
    /// `radii` and its inset by `widths`.
    func strokeBorder(_ rect: Rect, radii: CornerRadii, widths: EdgeWidths, sides: [BorderSide]) {
        let outer = RoundedBox(rect, radii: radii)
        guard !outer.isEmpty, sides.count == 4 else { return }
        let edges = [widths.top, widths.right, widths.bottom, widths.left]
        for side in 0..<4 where edges[side] > 0 && sides[side].color.alpha > 0 {
            guard let area = sideArea(side, outer: outer, widths: edges) else { continue }
            var mask = lineMask(side, style: sides[side].style, outer: outer, widths: widths, width: edges[side], area: area)
            let neighbours = [(side + 3) % 4, (side + 1) % 4]
            let mitered = neighbours.map { Self.needsMiter(sides[side], next: sides[$0], nextWidth: edges[$0]) }
            applyMiters(to: &mask, side: side, outer: outer, widths: edges, at: mitered)
            draw(mask, color: sides[side].color)
        }
    }

    /// Whole pixels that side `side` (0 top, 1 right, 2 bottom, 3 left) can touch: its strip,
    /// deep enough to hold the adjacent corner arcs, cut to the clip.
    private func sideArea(_ side: Int, outer: RoundedBox, widths: [Double]) -> PixelBounds? {
        var left = outer.left, top = outer.top, right = outer.right, bottom = outer.bottom
        switch side {
        case 0: bottom = top + Swift.max(widths[0], outer.topLeft.y, outer.topRight.y)
        case 1: left = right - Swift.max(widths[1], outer.topRight.x, outer.bottomRight.x)
        case 2: top = bottom - Swift.max(widths[2], outer.bottomLeft.y, outer.bottomRight.y)
        default: right = left + Swift.max(widths[3], outer.topLeft.x, outer.bottomLeft.x)
        }
        let clip = currentClip
        let bounds = PixelBounds(left: Int(saturatingFloor: left), top: Int(saturatingFloor: top),
                                 right: Int(saturatingCeiling: right), bottom: Int(saturatingCeiling: bottom))
        let visible = PixelBounds(left: Swift.max(bounds.left, clip.columns.lowerBound), top: Swift.max(bounds.top, clip.rows.lowerBound),
                                  right: Swift.min(bounds.right, clip.columns.upperBound), bottom: Swift.min(bounds.bottom, clip.rows.upperBound))
        return visible.isEmpty ? nil : visible
    }

    /// The coverage of one side's line before the miters: the ring (two thinner rings for
    /// `double`), cut into dashes, or a row of round dots.
    private func lineMask(_ side: Int, style: BorderSide.LineStyle, outer: RoundedBox, widths: EdgeWidths,
                          width: Double, area: PixelBounds) -> AlphaMask {
        var mask = AlphaMask(originX: area.left, originY: area.top, width: area.width, height: area.height)
        let horizontal = side % 2 == 0
        let start = horizontal ? outer.left : outer.top
        let length = horizontal ? outer.right - outer.left : outer.bottom - outer.top
        if style == .dotted, width > 3, let pattern = BorderDashes(length: length, thickness: width, dotted: true) {
            // Round dots centred on the middle of the side's strip.
            let middle: Double
            switch side {
            case 0: middle = outer.top + width / 2
            case 1: middle = outer.right - width / 2
            case 2: middle = outer.bottom - width / 2
            default: middle = outer.left + width / 2
            }
            let radius = width / 2
            for y in area.top..<area.bottom {
                for x in area.left..<area.right {
                    let along = (horizontal ? Double(x) : Double(y)) + 0.5 - start
                    let across = (horizontal ? Double(y) : Double(x)) + 0.5 - middle
                    let centre = pattern.nearestDotCentre(to: along)
                    let distance = ((along - centre) * (along - centre) + across * across).squareRoot()
                    mask.values[(y - area.top) * area.width + x - area.left] = Float(Swift.min(1, Swift.max(0, radius + 0.5 - distance)))
                }
            }
            return mask
        }
        mask.fill(with: outer)
        if style == .double, width >= 3 {
            // Outer and inner stripes of a third each (rounded to whole pixels), a gap between.
            func stripes(_ w: Double) -> Double { w >= 3 ? (w / 3).rounded() : 0 }
            let first = EdgeWidths(top: stripes(widths.top), right: stripes(widths.right),
                                   bottom: stripes(widths.bottom), left: stripes(widths.left))
            let second = EdgeWidths(top: widths.top - first.top, right: widths.right - first.right,
                                    bottom: widths.bottom - first.bottom, left: widths.left - first.left)
            if let gapStart = outer.inset(by: first) { mask.multiply(by: gapStart, inside: false) }
            if let gapEnd = outer.inset(by: second) {
                var inner = AlphaMask(originX: area.left, originY: area.top, width: area.width, height: area.height)
                inner.fill(with: gapEnd)
                if let hole = outer.inset(by: widths) { inner.multiply(by: hole, inside: false) }
                for index in mask.values.indices { mask.values[index] += inner.values[index] }
            }
        } else if let hole = outer.inset(by: widths) {
            mask.multiply(by: hole, inside: false)
        }
        if style == .dashed || style == .dotted, let pattern = BorderDashes(length: length, thickness: width, dotted: style == .dotted) {
            let span = horizontal ? area.left..<area.right : area.top..<area.bottom
            let cover = span.map { Float(pattern.coverage(from: Double($0) - start, to: Double($0) + 1 - start)) }
            for y in area.top..<area.bottom {
                for x in area.left..<area.right {
                    let index = (y - area.top) * area.width + x - area.left
                    mask.values[index] *= cover[(horizontal ? x : y) - span.lowerBound]
                }
            }
        }
        return mask
    }

    /// Whether a side is cut along the diagonal where it meets `next`. Chromium leaves the corner
    /// uncut between sides of one color and one line style (`ComputeMiter`): both then run through
    /// the corner, so two dotted sides each put their whole end square there. Only opaque colors
    /// skip the cut here, since the two sides are composited one after the other and a translucent
    /// corner would be covered twice.
    static func needsMiter(_ side: BorderSide, next: BorderSide, nextWidth: Double) -> Bool {
        guard nextWidth > 0 else { return true }
        return !(side.color == next.color && side.color.alpha >= 1 && side.style == next.style && side.style != .double)
    }

    /// Keeps the part of the mask on this side of the miter lines (outer corner to inner corner)
    /// at the ends `mitered` picks (start, end), anti-aliased across each line.
    private func applyMiters(to mask: inout AlphaMask, side: Int, outer: RoundedBox, widths: [Double], at mitered: [Bool]) {
        let (l, t, r, b) = (outer.left, outer.top, outer.right, outer.bottom)
        let (wt, wr, wb, wl) = (widths[0], widths[1], widths[2], widths[3])
        // Corners: outer point, inner point.
        let corners: [(Point, Point)] = [
            (Point(x: l, y: t), Point(x: l + wl, y: t + wt)), (Point(x: r, y: t), Point(x: r - wr, y: t + wt)),
            (Point(x: r, y: b), Point(x: r - wr, y: b - wb)), (Point(x: l, y: b), Point(x: l + wl, y: b - wb)),
        ]
        // A point inside each side, to orient the lines.
        let inside: [Point] = [Point(x: (l + r) / 2, y: t), Point(x: r, y: (t + b) / 2),
                               Point(x: (l + r) / 2, y: b), Point(x: l, y: (t + b) / 2)]
        // The side's ends in the order of `mitered`: the corner it shares with the previous side, then the next.
        let ends = [corners[side], corners[(side + 1) % 4]].enumerated().filter { mitered[$0.offset] }.map(\.element)
        guard !ends.isEmpty else { return }
        let lines = ends.map { outerPoint, innerPoint -> (Point, Double, Double) in
            var dx = innerPoint.x - outerPoint.x, dy = innerPoint.y - outerPoint.y
            if dx == 0 && dy == 0 { (dx, dy) = (inside[side].x < outerPoint.x ? -1 : 1, inside[side].y < outerPoint.y ? -1 : 1) }
            let norm = (dx * dx + dy * dy).squareRoot()
            // Unit normal pointing towards this side.
            var nx = -dy / norm, ny = dx / norm
            if nx * (inside[side].x - outerPoint.x) + ny * (inside[side].y - outerPoint.y) < 0 { (nx, ny) = (-nx, -ny) }
            return (outerPoint, nx, ny)
        }
        for y in 0..<mask.height {
            let py = Double(mask.originY + y) + 0.5
            for x in 0..<mask.width {
                let index = y * mask.width + x
                guard mask.values[index] > 0 else { continue }
                let px = Double(mask.originX + x) + 0.5
                var cover: Float = 1
                for (point, nx, ny) in lines {
                    let distance = (px - point.x) * nx + (py - point.y) * ny
                    cover *= Float(Swift.min(1, Swift.max(0, distance + 0.5)))
                }
                mask.values[index] *= cover
            }
        }
    }
}
