/// Draws `text-shadow`: the paragraph's glyphs are collected into a coverage mask (through the text
/// engine's glyph sink), blurred, and composited in the shadow color (CSS Text Decoration 3 §4).
enum TextShadowRenderer {
    /// Draws one shadow of `paragraph` laid out at `origin`; `bounds` is the box the text belongs to
    /// (glyphs may overhang it a little, so the mask is padded).
    static func draw(_ paragraph: Paragraph, at origin: Point, bounds: Rect, shadow: BoxShadowPaint, text: TextEngine, on canvas: Canvas) {
        let sigma = Swift.max(0, shadow.blur) / 2
        // Glyph ink can reach outside the line boxes (italic overhang, tall accents, emoji).
        let overhang = 0.5 * (paragraph.lines.first?.glyphs.first?.size ?? 16)
        let margin = Double(AlphaMask.extent(sigma: sigma)) + overhang
        let left = Int(saturatingFloor: Swift.min(bounds.x, origin.x) + shadow.offsetX - margin)
        let top = Int(saturatingFloor: Swift.min(bounds.y, origin.y) + shadow.offsetY - margin)
        let right = Int(saturatingCeiling: Swift.max(bounds.maxX, origin.x + paragraph.width) + shadow.offsetX + margin)
        let bottom = Int(saturatingCeiling: Swift.max(bounds.maxY, origin.y + paragraph.height) + shadow.offsetY + margin)
        // Only what can blur into the canvas matters.
        let reach = AlphaMask.extent(sigma: sigma)
        let x0 = Swift.max(left, -reach), y0 = Swift.max(top, -reach)
        let x1 = Swift.min(right, canvas.width + reach), y1 = Swift.min(bottom, canvas.height + reach)
        guard x1 > x0, y1 > y0 else { return }
        let sink = MaskGlyphSink(mask: AlphaMask(originX: x0, originY: y0, width: x1 - x0, height: y1 - y0))
        text.draw(paragraph, at: Point(x: origin.x + shadow.offsetX, y: origin.y + shadow.offsetY), into: sink)
        sink.mask.blur(sigma: sigma)
        canvas.draw(sink.mask, color: shadow.color)
    }
}

/// A glyph sink that accumulates coverage (glyph masks, and the alpha of color bitmaps) into an
/// `AlphaMask`, ignoring glyph colors: a shadow is one color.
final class MaskGlyphSink: GlyphSink {
    var mask: AlphaMask

    init(mask: AlphaMask) { self.mask = mask }

    func drawMask(_ source: UnsafeBufferPointer<UInt8>, maskWidth: Int, maskHeight: Int, pitch: Int, x: Int, y: Int, color: Color) {
        guard maskWidth > 0, maskHeight > 0, source.count >= (maskHeight - 1) * pitch + maskWidth else { return }
        let alpha = Float(Color.unit(color.alpha)) / 255
        for row in 0..<maskHeight {
            let my = y + row - mask.originY
            guard my >= 0, my < mask.height else { continue }
            for column in 0..<maskWidth {
                let mx = x + column - mask.originX
                guard mx >= 0, mx < mask.width else { continue }
                let coverage = Float(source[row * pitch + column]) * alpha
                guard coverage > 0 else { continue }
                let index = my * mask.width + mx
                mask.values[index] += coverage * (1 - mask.values[index])
            }
        }
    }

    func drawImage(bgra: UnsafeBufferPointer<UInt8>, imageWidth: Int, imageHeight: Int, pitch: Int, into destination: Rect, opacity: Double) {
        guard imageWidth > 0, imageHeight > 0, destination.width > 0, destination.height > 0,
              bgra.count >= (imageHeight - 1) * pitch + imageWidth * 4 else { return }
        let x0 = Swift.max(0, Int(saturatingFloor: destination.x) - mask.originX)
        let y0 = Swift.max(0, Int(saturatingFloor: destination.y) - mask.originY)
        let x1 = Swift.min(mask.width, Int(saturatingCeiling: destination.maxX) - mask.originX)
        let y1 = Swift.min(mask.height, Int(saturatingCeiling: destination.maxY) - mask.originY)
        guard x1 > x0, y1 > y0 else { return }
        let opacity = Float(Color.unit(opacity)) / 255
        // Nearest sample of the bitmap's alpha: the shadow is blurred anyway.
        for my in y0..<y1 {
            let sy = Int((Double(my + mask.originY) + 0.5 - destination.y) / destination.height * Double(imageHeight))
            guard sy >= 0, sy < imageHeight else { continue }
            for mx in x0..<x1 {
                let sx = Int((Double(mx + mask.originX) + 0.5 - destination.x) / destination.width * Double(imageWidth))
                guard sx >= 0, sx < imageWidth else { continue }
                let coverage = Float(bgra[sy * pitch + sx * 4 + 3]) * opacity
                let index = my * mask.width + mx
                mask.values[index] += coverage * (1 - mask.values[index])
            }
        }
    }
}
