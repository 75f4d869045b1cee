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
        let colors = [style.borderColor.top, style.borderColor.right, style.borderColor.bottom, style.borderColor.left]
            .map { value -> Color in
                var color = style.resolve(value)
                color.alpha *= box.opacity
                return color
            }
        let sides = zip(colors, style.paint.borderStyles).map { BorderSide(color: $0, style: $1) }
        let visible = zip([widths.top, widths.right, widths.bottom, widths.left], sides).filter { $0.0 > 0 }.map(\.1)
        guard let first = visible.first, visible.contains(where: { $0.color.alpha > 0 }) else { return }
        if visible.allSatisfy({ $0 == first }) && first.style == .solid {
            output.append(.border(box.frame, radii, widths, first.color))
        } else {
            output.append(.borderSides(box.frame, radii, widths, sides))
        }
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

    /// Corner radii resolved against the border box (horizontal radii against its width, vertical
    /// ones against its height, CSS Backgrounds 3 §5.1) and scaled down so adjacent radii never
    /// overlap (§5.5).
    func outerRadii(of index: Int) -> CornerRadii {
        let frame = boxes[index].frame
        let style = boxes[index].style
        let x = style.borderRadius.map { max(0, $0.resolve(frame.width) ?? 0) }
        let y = zip(style.borderRadius, style.paint.borderRadiusVertical).map { horizontal, vertical in
            max(0, (vertical ?? horizontal).resolve(frame.height) ?? 0)
        }
        guard x.contains(where: { $0 > 0 }) && y.contains(where: { $0 > 0 }) else { return .zero }
        var factor = 1.0
        for (sum, side) in [(x[0] + x[1], frame.width), (x[3] + x[2], frame.width),
                            (y[0] + y[3], frame.height), (y[1] + y[2], frame.height)] where sum > 0 {
            factor = min(factor, side / sum)
        }
        let radii = CornerRadii(horizontal: (x[0] * factor, x[1] * factor, x[2] * factor, x[3] * factor),
                                vertical: (y[0] * factor, y[1] * factor, y[2] * factor, y[3] * factor))
        return radii.isZero ? .zero : radii
    }

    /// Radii of the padding box: each outer radius reduced by the border width on its side.
    func innerRadii(of index: Int) -> CornerRadii {
        let outer = outerRadii(of: index)
        let border = boxes[index].border
        return CornerRadii(horizontal: (max(0, outer.topLeft - border.left), max(0, outer.topRight - border.right),
                                        max(0, outer.bottomRight - border.right), max(0, outer.bottomLeft - border.left)),
                           vertical: (max(0, outer.topLeftY - border.top), max(0, outer.topRightY - border.top),
                                      max(0, outer.bottomRightY - border.bottom), max(0, outer.bottomLeftY - border.bottom)))
    }
}
