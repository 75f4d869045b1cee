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
        effects.blur = paint.filter.blur
        effects.blendMode = paint.blendMode
        effects.transform = paint.transform.matrix(box: frame, origin: origin)
        effects.dropShadows = paint.filter.dropShadows.map { shadow in
            var color = box.style.resolve(shadow.color)
            color.alpha *= box.opacity
            return BoxShadowPaint(offsetX: shadow.offsetX, offsetY: shadow.offsetY, blur: shadow.blur, spread: 0, color: color, inset: false)
        }
        output.append(.beginLayer)
        body()
        output.append(.endLayer(effects))
    }
}
