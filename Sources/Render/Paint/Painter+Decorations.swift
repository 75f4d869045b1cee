import Foundation

/// Backgrounds, gradients, borders and corner radii of one box.
extension Painter {
    func paintDecorations(_ index: Int) {
        let box = boxes[index]
        guard box.kind != .paragraph, box.frame.width > 0, box.frame.height > 0 else { return }
        let radii = outerRadii(of: index)
        paintBoxShadows(of: index, inset: false)
        if index != propagatedBackgroundBox {
            paintBackground(of: index, in: box.frame, radii: radii)
        }
        paintBoxShadows(of: index, inset: true)
        let widths = box.border
        guard widths != .zero else { return }
        let style = box.style
        // The canvas strokes a ring in one color, so the first visible side's color is used for all
        // (BoxTreeBuilder warns when the sides differ).
        let side = [(widths.top, style.borderColor.top), (widths.right, style.borderColor.right),
                    (widths.bottom, style.borderColor.bottom), (widths.left, style.borderColor.left)]
            .first { $0.0 > 0 }!.1
        var color = style.resolve(side)
        color.alpha *= box.opacity
        guard color.alpha > 0 else { return }
        output.append(.border(box.frame, radii, widths, color))
    }

    func paintBackground(of index: Int, in rect: Rect, radii: CornerRadii) {
        let box = boxes[index]
        let style = box.style
        var color = style.resolve(style.backgroundColor)
        color.alpha *= box.opacity
        if color.alpha > 0 { output.append(.fill(rect, radii, .solid(color))) }
        if !style.paint.backgroundLayers.isEmpty {
            paintBackgroundLayers(style.paint.backgroundLayers, of: index, in: rect, radii: radii)
            return
        }
        // Layers are listed topmost first; paint the bottom one first.
        for gradient in style.backgroundGradients.reversed() {
            let angle = gradient.angle(width: rect.width, height: rect.height)
            let radians = angle * .pi / 180
            let lineLength = abs(rect.width * sin(radians)) + abs(rect.height * cos(radians))
            let stops = gradient.resolvedStops(lineLength: lineLength, currentColor: style.color, opacity: box.opacity)
            output.append(.fill(rect, radii, .linearGradient(angle: angle, stops: stops)))
        }
    }

    /// Corner radii resolved against the border box and scaled down so adjacent radii never overlap
    /// (CSS Backgrounds 3 §5.5).
    func outerRadii(of index: Int) -> CornerRadii {
        let frame = boxes[index].frame
        let reference = min(frame.width, frame.height)
        let values = boxes[index].style.borderRadius.map { max(0, $0.resolve(reference) ?? 0) }
        guard values.contains(where: { $0 > 0 }) else { return .zero }
        var factor = 1.0
        for (sum, side) in [(values[0] + values[1], frame.width), (values[3] + values[2], frame.width),
                            (values[0] + values[3], frame.height), (values[1] + values[2], frame.height)] where sum > 0 {
            factor = min(factor, side / sum)
        }
        return CornerRadii(topLeft: values[0] * factor, topRight: values[1] * factor,
                           bottomRight: values[2] * factor, bottomLeft: values[3] * factor)
    }

    /// Radii of the padding box: the outer radii reduced by the adjacent border widths.
    func innerRadii(of index: Int) -> CornerRadii {
        let outer = outerRadii(of: index)
        let border = boxes[index].border
        return CornerRadii(topLeft: max(0, outer.topLeft - max(border.left, border.top)),
                           topRight: max(0, outer.topRight - max(border.right, border.top)),
                           bottomRight: max(0, outer.bottomRight - max(border.right, border.bottom)),
                           bottomLeft: max(0, outer.bottomLeft - max(border.left, border.bottom)))
    }
}
