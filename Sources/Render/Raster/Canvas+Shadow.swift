extension Canvas {
    /// Draws one box shadow of a box whose border box is `border` (rounded by `radii`) and whose
    /// padding box is `padding` (rounded by `paddingRadii`). Outer shadows show only outside the
    /// border box, inset shadows only inside the padding box, as CSS Backgrounds 3 §7.1 requires.
    func drawBoxShadow(_ shadow: BoxShadowPaint, border: Rect, radii: CornerRadii, padding: Rect, paddingRadii: CornerRadii) {
        guard shadow.color.alpha > 0, !border.isEmpty else { return }
        let sigma: Double = Swift.max(0, shadow.blur) / 2
        let reach: Int = AlphaMask.extent(sigma: sigma)
        var mask: AlphaMask
        if shadow.inset {
            guard !padding.isEmpty else { return }
            let hole = Rect(x: padding.x + shadow.offsetX + shadow.spread, y: padding.y + shadow.offsetY + shadow.spread,
                            width: padding.width - 2 * shadow.spread, height: padding.height - 2 * shadow.spread)
            let holeRadii = paddingRadii.mapped { Swift.max(0, $0 - shadow.spread) }
            // Twice the blur's reach around the padding box, so the zeros beyond the mask's edge
            // never bleed into the part that is drawn.
            guard let area = maskArea(around: padding, margin: 2 * reach) else { return }
            mask = AlphaMask(originX: area.x, originY: area.y, width: area.width, height: area.height, fill: 1)
            if !hole.isEmpty { mask.multiply(by: RoundedBox(hole, radii: holeRadii), inside: false) }
            mask.blur(sigma: sigma)
            mask.multiply(by: RoundedBox(padding, radii: paddingRadii), inside: true)
        } else {
            let shape = Rect(x: border.x + shadow.offsetX - shadow.spread, y: border.y + shadow.offsetY - shadow.spread,
                             width: border.width + 2 * shadow.spread, height: border.height + 2 * shadow.spread)
            guard !shape.isEmpty, let area = maskArea(around: shape, margin: reach) else { return }
            let shapeRadii = radii.mapped { BoxShadowPaint.spreadRadius($0, by: shadow.spread) }
            mask = AlphaMask(originX: area.x, originY: area.y, width: area.width, height: area.height)
            mask.fill(with: RoundedBox(shape, radii: shapeRadii))
            mask.blur(sigma: sigma)
            mask.multiply(by: RoundedBox(border, radii: radii), inside: false)
        }
        draw(mask, color: shadow.color)
    }

    /// Composites a coverage mask in `color`, source-over, inside the current clip.
    func draw(_ mask: AlphaMask, color: Color) {
        guard mask.width > 0, mask.height > 0 else { return }
        let bytes = [UInt8](unsafeUninitializedCapacity: mask.values.count) { buffer, initialized in
            for index in mask.values.indices {
                buffer[index] = UInt8(Swift.min(255, Swift.max(0, mask.values[index] * 255 + 0.5)))
            }
            initialized = mask.values.count
        }
        bytes.withUnsafeBufferPointer { buffer in
            drawMask(buffer, maskWidth: mask.width, maskHeight: mask.height, pitch: mask.width,
                     x: mask.originX, y: mask.originY, color: color)
        }
    }

    private struct MaskArea {
        var x: Int, y: Int, width: Int, height: Int
    }

    /// Whole pixels covering `rect` grown by `margin`, cut to the visible clip grown by `margin`
    /// (what lies further out cannot blur into view); nil when nothing is left.
    private func maskArea(around rect: Rect, margin: Int) -> MaskArea? {
        let clip: ClipState = currentClip
        let left: Int = Swift.max(Int(saturatingFloor: rect.x) - margin, clip.columns.lowerBound - margin)
        let top: Int = Swift.max(Int(saturatingFloor: rect.y) - margin, clip.rows.lowerBound - margin)
        let right: Int = Swift.min(Int(saturatingCeiling: rect.maxX) + margin, clip.columns.upperBound + margin)
        let bottom: Int = Swift.min(Int(saturatingCeiling: rect.maxY) + margin, clip.rows.upperBound + margin)
        guard right > left, bottom > top, !clip.isEmpty else { return nil }
        return MaskArea(x: left, y: top, width: right - left, height: bottom - top)
    }
}
