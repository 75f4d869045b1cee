/// Offscreen layers: drawing between `pushLayer()` and `popLayer(_:)` goes to a transparent buffer,
/// which is then filtered, transformed and composited as one group (CSS opacity groups, filters,
/// blend modes and transforms all act on the rendered subtree, not on each shape).
extension Canvas {
    /// Starts a layer; the clip stack carries on inside it.
    func pushLayer() {
        layers.append(pixels)
        pixels = [UInt8](repeating: 0, count: width * height * 4)
    }

    /// Ends the innermost layer and composites it onto what lies below with `effects`.
    ///
    /// Effects visit only the layer's content (its non-transparent pixels), grown by what each
    /// effect can add: the transformed corners, the blur's reach, each shadow's offset and blur.
    func popLayer(_ effects: LayerEffects) {
        guard let below = layers.popLast() else { return }
        var layer = pixels
        pixels = below
        guard var bounds = PixelBounds.content(of: layer, width: width, height: height) else { return }
        if !effects.transform.isIdentity {
            guard let inverse = effects.transform.inverted else { return }
            bounds = bounds.transformed(by: effects.transform).clamped(width: width, height: height)
            guard !bounds.isEmpty else { return }
            layer = resampled(layer, inverse: inverse, within: bounds)
        }
        var shadows: [(mask: AlphaMask, color: Color)] = []
        for shadow in effects.dropShadows where shadow.color.alpha > 0 {
            let sigma = shadow.blur / 2
            let dx = Self.wholePixels(shadow.offsetX), dy = Self.wholePixels(shadow.offsetY)
            let area = bounds.offsetBy(x: dx, y: dy).expanded(by: Self.blurReach(sigma: sigma))
                .clamped(width: width, height: height)
            guard !area.isEmpty else { continue }
            var mask = alphaMask(of: layer, offsetX: dx, offsetY: dy, within: area)
            mask.blur(sigma: sigma)
            shadows.append((mask, shadow.color))
        }
        if effects.blur > 0.01 {
            bounds = bounds.expanded(by: Self.blurReach(sigma: effects.blur)).clamped(width: width, height: height)
            layer = blurred(layer, sigma: effects.blur, within: bounds)
        }
        // Drop shadows sit under the content but are part of the group (its opacity applies).
        if !shadows.isEmpty {
            let content = layer
            pixels = [UInt8](repeating: 0, count: width * height * 4)
            for (mask, color) in shadows {
                draw(mask, color: color)
                bounds = bounds.union(PixelBounds(left: mask.originX, top: mask.originY,
                                                  right: mask.originX + mask.width, bottom: mask.originY + mask.height))
            }
            let shadowPixels = pixels
            pixels = below
            layer = Self.over(content, shadowPixels, width: width, within: bounds)
        }
        composite(layer, opacity: effects.opacity, mode: effects.blendMode, within: bounds)
    }

    /// A shadow offset rounded to whole pixels, bounded so index arithmetic cannot overflow (an
    /// offset beyond any canvas moves the shadow out of view either way).
    private static func wholePixels(_ offset: Double) -> Int {
        Swift.min(1 << 20, Swift.max(-(1 << 20), Int(saturatingFloor: offset.rounded())))
    }

    /// How far the three box passes of `AlphaMask.blur` spread a pixel.
    private static func blurReach(sigma: Double) -> Int {
        guard sigma > 0.01 else { return 0 }
        return AlphaMask.boxWidths(sigma: sigma).filter { $0 > 1 }.reduce(0) { $0 + $1 / 2 }
    }

    /// The alpha channel of `layer` shifted by whole pixels, as a mask covering `area`.
    private func alphaMask(of layer: [UInt8], offsetX dx: Int, offsetY dy: Int, within area: PixelBounds) -> AlphaMask {
        var mask = AlphaMask(originX: area.left, originY: area.top, width: area.width, height: area.height)
        for y in area.top..<area.bottom {
            let sy = y - dy
            guard sy >= 0, sy < height else { continue }
            let row = (y - area.top) * area.width - area.left
            for x in area.left..<area.right {
                let sx = x - dx
                guard sx >= 0, sx < width else { continue }
                mask.values[row + x] = Float(layer[(sy * width + sx) * 4 + 3]) / 255
            }
        }
        return mask
    }

    /// Each premultiplied channel inside `area` blurred with the same Gaussian (`area` already
    /// includes the blur's reach, so nothing outside it changes).
    private func blurred(_ layer: [UInt8], sigma: Double, within area: PixelBounds) -> [UInt8] {
        var output = layer
        guard !area.isEmpty else { return output }
        for channel in 0..<4 {
            var mask = AlphaMask(originX: area.left, originY: area.top, width: area.width, height: area.height)
            for y in area.top..<area.bottom {
                let row = (y - area.top) * area.width - area.left
                for x in area.left..<area.right { mask.values[row + x] = Float(layer[(y * width + x) * 4 + channel]) / 255 }
            }
            mask.blur(sigma: sigma)
            for y in area.top..<area.bottom {
                let row = (y - area.top) * area.width - area.left
                for x in area.left..<area.right {
                    output[(y * width + x) * 4 + channel] = UInt8(Swift.min(255, Swift.max(0, mask.values[row + x] * 255 + 0.5)))
                }
            }
        }
        // Blurring channels separately can leave a color a rounding step above its alpha.
        for y in area.top..<area.bottom {
            for x in area.left..<area.right {
                let index = y * width + x
                let alpha = output[index * 4 + 3]
                for channel in 0..<3 where output[index * 4 + channel] > alpha { output[index * 4 + channel] = alpha }
            }
        }
        return output
    }

    /// `layer` seen through a transform whose inverse is `inverse`: bilinear samples at the centre
    /// of each canvas pixel inside `area`, so rotated and skewed edges come out anti-aliased.
    private func resampled(_ layer: [UInt8], inverse: AffineTransform, within area: PixelBounds) -> [UInt8] {
        var output = [UInt8](repeating: 0, count: layer.count)
        for y in area.top..<area.bottom {
            for x in area.left..<area.right {
                let source = inverse.apply(Point(x: Double(x) + 0.5, y: Double(y) + 0.5))
                let fx = source.x - 0.5, fy = source.y - 0.5
                guard fx > -1, fy > -1, fx < Double(width), fy < Double(height) else { continue }
                let x0 = Int(fx.rounded(.down)), y0 = Int(fy.rounded(.down))
                let wx = fx - Double(x0), wy = fy - Double(y0)
                var sums = (0.0, 0.0, 0.0, 0.0)
                func add(_ sx: Int, _ sy: Int, _ weight: Double) {
                    guard sx >= 0, sy >= 0, sx < width, sy < height, weight > 0 else { return }
                    let offset = (sy * width + sx) * 4
                    sums.0 += weight * Double(layer[offset])
                    sums.1 += weight * Double(layer[offset + 1])
                    sums.2 += weight * Double(layer[offset + 2])
                    sums.3 += weight * Double(layer[offset + 3])
                }
                add(x0, y0, (1 - wx) * (1 - wy))
                add(x0 + 1, y0, wx * (1 - wy))
                add(x0, y0 + 1, (1 - wx) * wy)
                add(x0 + 1, y0 + 1, wx * wy)
                let offset = (y * width + x) * 4
                output[offset] = UInt8(Swift.min(255, sums.0 + 0.5))
                output[offset + 1] = UInt8(Swift.min(255, sums.1 + 0.5))
                output[offset + 2] = UInt8(Swift.min(255, sums.2 + 0.5))
                output[offset + 3] = UInt8(Swift.min(255, sums.3 + 0.5))
            }
        }
        return output
    }

    /// Premultiplied `top` over `bottom`, pixel by pixel.
    private static func over(_ top: [UInt8], _ bottom: [UInt8], width: Int, within area: PixelBounds) -> [UInt8] {
        var output = bottom
        output.withUnsafeMutableBytes { out in
            top.withUnsafeBytes { source in
                let o = out.bindMemory(to: UInt32.self), s = source.bindMemory(to: UInt32.self)
                for y in area.top..<area.bottom {
                    for index in (y * width + area.left)..<(y * width + area.right) { o[index] = PixelMath.over(s[index], o[index]) }
                }
            }
        }
        return output
    }

    /// Blends a finished layer onto the canvas with group opacity and a blend mode.
    private func composite(_ layer: [UInt8], opacity: Double, mode: LayerEffects.BlendMode, within area: PixelBounds) {
        let alpha: UInt32 = Color.byte(opacity)
        let area = area.clamped(width: width, height: height)
        guard alpha > 0, !area.isEmpty else { return }
        let width = self.width
        withPixelWords { canvas in
            layer.withUnsafeBytes { raw in
                let source = raw.bindMemory(to: UInt32.self)
                for y in area.top..<area.bottom {
                    for index in (y * width + area.left)..<(y * width + area.right) {
                        var top = source[index]
                        if top == 0 { continue }
                        if alpha < 255 { top = PixelMath.scale(top, by: alpha) }
                        canvas[index] = mode == .normal ? PixelMath.over(top, canvas[index]) : Self.blend(top, canvas[index], mode)
                    }
                }
            }
        }
    }

    /// Separable blend modes in premultiplied form: B(cb, cs) mixed by the two alphas (Compositing 1 §5.2).
    private static func blend(_ source: UInt32, _ backdrop: UInt32, _ mode: LayerEffects.BlendMode) -> UInt32 {
        let sa = Double(source >> 24) / 255, ba = Double(backdrop >> 24) / 255
        var result: UInt32 = 0
        for shift in stride(from: 0, to: 24, by: 8) {
            let s = Double((source >> UInt32(shift)) & 255) / 255, b = Double((backdrop >> UInt32(shift)) & 255) / 255
            let mixed: Double
            switch mode {
            case .normal: mixed = s * ba
            case .multiply: mixed = s * b
            case .screen: mixed = s * ba + b * sa - s * b
            case .darken: mixed = Swift.min(s * ba, b * sa)
            case .lighten: mixed = Swift.max(s * ba, b * sa)
            }
            let value = mixed + s * (1 - ba) + b * (1 - sa)
            result |= Color.byte(value) << UInt32(shift)
        }
        return result | (Color.byte(sa + ba - sa * ba) << 24)
    }
}
