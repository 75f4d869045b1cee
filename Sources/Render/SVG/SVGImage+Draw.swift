extension SVGImage {
    /// Draws the picture with its viewport at `viewport` (canvas pixels), clipped to it as the
    /// outer `<svg>`'s `overflow: hidden` does, the whole picture faded by `opacity`.
    func draw(into viewport: Rect, on canvas: Canvas, opacity: Double = 1) {
        guard !viewport.isEmpty, opacity > 0 else { return }
        let base: AffineTransform
        if let viewBox {
            guard let transform = viewBox.transform(into: viewport) else { return }
            base = transform
        } else {
            base = .translation(viewport.x, viewport.y)
        }
        canvas.pushClip(viewport)
        if opacity < 1 {
            SVGImage.draw(.group(opacity: opacity, children: content), base: base, on: canvas)
        } else {
            for node in content { SVGImage.draw(node, base: base, on: canvas) }
        }
        canvas.popClip()
    }

    private static func draw(_ node: SVGNode, base: AffineTransform, on canvas: Canvas) {
        switch node {
        case .shape(let shape):
            let transform: AffineTransform = base.concatenating(shape.transform)
            if let fill = shape.fill {
                canvas.fill(shape.path, rule: shape.fillRule, transform: transform, color: fill)
            }
            if let stroke = shape.stroke {
                canvas.stroke(shape.path, style: shape.strokeStyle, transform: transform, color: stroke)
            }
        case .group(let opacity, let children):
            guard opacity > 0 else { return }
            // The children are painted together first, then faded as one (SVG 2 §13.5, CSS Color 4 §3.2).
            canvas.pushLayer()
            for child in children { draw(child, base: base, on: canvas) }
            var effects = LayerEffects()
            effects.opacity = opacity
            canvas.popLayer(effects)
        }
    }
}
