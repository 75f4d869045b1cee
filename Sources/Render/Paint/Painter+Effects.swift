/// Filters, transforms and blend modes: the box and everything painted inside it go through an
/// offscreen layer, composited with the box's effects.
extension Painter {
    /// Records `body` inside a layer when the box at `index` has effects, or plainly otherwise.
    ///
    /// Opacity is not applied here: layout multiplies it into every color of the subtree already
    /// (`LayoutBox.opacity`); `filter: opacity()` is.
    func withEffects(of index: Int, _ body: () -> Void) {
        let box = boxes[index]
        let paint = box.style.paint
        guard paint.needsLayer else {
            body()
            return
        }
        let frame = box.frame
        let origin = Point(x: frame.x + (paint.transformOrigin.x.resolve(frame.width) ?? frame.width / 2),
                           y: frame.y + (paint.transformOrigin.y.resolve(frame.height) ?? frame.height / 2))
        var effects = LayerEffects()
        effects.opacity = paint.filter.opacity
        effects.blendMode = paint.blendMode
        let transform: AffineTransform = paint.transform.matrix(box: frame, origin: origin)
        effects.transform = transform
        // Filters act in the box's own coordinates, before its transform (CSS Transforms 1 §6), but
        // the layer is transformed first: their lengths go through the transform's linear part,
        // exactly for rotations and uniform scales, by the mean scale for skews and uneven scales.
        let scale: Double = abs(transform.a * transform.d - transform.b * transform.c).squareRoot()
        effects.blur = paint.filter.blur * scale
        effects.dropShadows = paint.filter.dropShadows.map { shadow in
            var color = box.style.resolve(shadow.color)
            color.alpha *= box.opacity
            let offsetX: Double = transform.a * shadow.offsetX + transform.c * shadow.offsetY
            let offsetY: Double = transform.b * shadow.offsetX + transform.d * shadow.offsetY
            // drop-shadow()'s third length is the blur's standard deviation (Filter Effects 1
            // §13.1, as Chromium draws it), where box-shadow's is a blur radius of twice that.
            return BoxShadowPaint(offsetX: offsetX, offsetY: offsetY, blur: shadow.blur * 2 * scale, spread: 0, color: color, inset: false)
        }
        output.append(.beginLayer)
        body()
        output.append(.endLayer(effects))
    }
}
