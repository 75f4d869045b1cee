/// `box-shadow` and `text-shadow` of one box.
extension Painter {
    /// Records the box's outer shadows (`inset: false`, painted under its background) or its inset
    /// shadows (`inset: true`, painted over the background and under the border), bottom layer first.
    func paintBoxShadows(of index: Int, inset: Bool) {
        let box = boxes[index]
        let style = box.style
        guard !style.paint.boxShadows.isEmpty else { return }
        let radii = outerRadii(of: index)
        let paddingRadii = innerRadii(of: index)
        for shadow in style.paint.boxShadows.reversed() where shadow.inset == inset {
            var color = style.resolve(shadow.color)
            color.alpha *= box.opacity
            guard color.alpha > 0 else { continue }
            let paint = BoxShadowPaint(offsetX: shadow.offsetX, offsetY: shadow.offsetY, blur: shadow.blur,
                                       spread: shadow.spread, color: color, inset: shadow.inset)
            output.append(.boxShadow(paint, border: box.frame, radii: radii, padding: box.paddingBox, paddingRadii: paddingRadii))
        }
    }

    /// Records the text shadows of a paragraph box drawn at `origin`, bottom layer first. `text-shadow`
    /// is inherited, so the nearest ancestor that sets it decides.
    func paintTextShadows(of index: Int, origin: Point) {
        var current = index
        var shadows: [ShadowValue]?
        while shadows == nil {
            shadows = boxes[current].style.paint.textShadows
            guard current != 0 else { break }
            current = boxes[current].parent
        }
        guard let shadows, !shadows.isEmpty else { return }
        let box = boxes[index]
        for shadow in shadows.reversed() {
            var color = box.style.resolve(shadow.color)
            color.alpha *= box.opacity
            guard color.alpha > 0 else { continue }
            let paint = BoxShadowPaint(offsetX: shadow.offsetX, offsetY: shadow.offsetY, blur: shadow.blur,
                                       spread: 0, color: color, inset: false)
            output.append(.textShadow(box: index, origin: origin, shadow: paint))
        }
    }
}
