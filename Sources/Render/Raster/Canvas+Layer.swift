/// Offscreen layers: drawing between `pushLayer()` and `popLayer(_:)` goes to a transparent buffer,
/// which is then filtered, transformed and composited as one group (CSS opacity groups, filters,
/// blend modes and transforms all act on the rendered subtree, not on each shape).
extension Canvas {
    /// Starts a layer; the clip stack carries on inside it.
    func pushLayer() {
        layers.append(pixels)
        pixels = zeroedBuffer()
        drawnBelow.append(drawn)
        drawn = PixelBounds(left: 0, top: 0, right: 0, bottom: 0)
    }

    /// Ends the innermost layer and composites it onto what lies below with `effects`.
    ///
    /// Effects visit only the layer's content (its non-transparent pixels), grown by what each
    /// effect can add: the transformed corners, the blur's reach, each shadow's offset and blur.
    func popLayer(_ effects: LayerEffects) {
        guard let below = layers.popLast() else { return }
        var layer = pixels
        pixels = below
        let written: PixelBounds = drawn
        drawn = drawnBelow.popLast() ?? PixelBounds(left: 0, top: 0, right: 0, bottom: 0)
        guard var bounds = PixelBounds.content(of: layer, width: width, height: height, within: written) else {
            recycle(&layer, dirty: nil)
            return
        }
        if !effects.transform.isIdentity {
            let target = bounds.transformed(by: effects.transform).clamped(width: width, height: height)
            guard let inverse = effects.transform.inverted, !target.isEmpty else {
                recycle(&layer, dirty: bounds)
                return
            }
            var output = zeroedBuffer()
            resample(layer, content: bounds, inverse: inverse, within: target, into: &output)
            recycle(&layer, dirty: bounds)
            layer = output
            bounds = target
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
            blurChannels(of: &layer, sigma: effects.blur, within: bounds)  // Canvas+LayerBlur.swift
        }
        // Drop shadows sit under the content but are part of the group (its opacity applies).
        if !shadows.isEmpty {
            var group = zeroedBuffer()
            swap(&pixels, &group)
            var shadowBounds: PixelBounds = bounds
            for (mask, color) in shadows {
                draw(mask, color: color)
                shadowBounds = shadowBounds.union(PixelBounds(left: mask.originX, top: mask.originY,
                                                              right: mask.originX + mask.width, bottom: mask.originY + mask.height))
            }
            swap(&pixels, &group)
            Self.draw(&layer, over: &group, width: width, within: bounds)
            recycle(&layer, dirty: nil)  // draw(_:over:) left it clear
            layer = group
            bounds = shadowBounds
        }
        let cleared: Bool = composite(&layer, opacity: effects.opacity, mode: effects.blendMode, within: bounds)
        recycle(&layer, dirty: cleared ? nil : bounds)
    }

    /// A canvas-sized buffer of zeros: a spare one when there is one, else one kept from an
    /// earlier render.
    private func zeroedBuffer() -> [UInt8] {
        let count: Int = width * height * 4
        return spareBuffers.popLast() ?? pool.takeZeroed(count: count) ?? [UInt8](repeating: 0, count: count)
    }

    /// Zeroes the rows of `dirty` (nothing else was written) and keeps the buffer for a later layer.
    private func recycle(_ buffer: inout [UInt8], dirty: PixelBounds?) {
        guard buffer.count == width * height * 4, spareBuffers.count < 4 else { return }
        if let area = dirty?.clamped(width: width, height: height), !area.isEmpty {
            let width = self.width
            buffer.withUnsafeMutableBytes { raw in
                let words = raw.bindMemory(to: UInt32.self)
                for y in area.top..<area.bottom {
                    (words.baseAddress! + y * width + area.left).update(repeating: 0, count: area.width)
                }
            }
        }
        spareBuffers.append(buffer)
        buffer = []
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

    /// `layer` seen through a transform whose inverse is `inverse`, written into `output` (zeros):
    /// bilinear samples at the centre of each canvas pixel inside `area`, so rotated and skewed
    /// edges come out anti-aliased. The source position steps by the inverse's columns along a row,
    /// and weights are 8-bit fixed point (a 1/256-pixel grid, below what 8-bit channels can show).
    /// `content` holds every non-transparent pixel of `layer`: a sample whose four texels all lie
    /// outside it is clear, and is skipped before any texel is read.
    private func resample(_ layer: [UInt8], content: PixelBounds, inverse: AffineTransform, within area: PixelBounds, into output: inout [UInt8]) {
        let width = self.width, height = self.height
        // Texels x0 and x0 + 1 miss content.left..<content.right exactly when fx < left − 1 or
        // fx ≥ right (x0 = ⌊fx⌋); likewise for rows. The content lies inside the layer, so these
        // bounds also keep a sample inside −1 < fx < width, −1 < fy < height: at left = 0 the low
        // bound is the double just above −1.
        let lowX = Swift.max(Double(content.left - 1), (-1.0).nextUp), highX = Double(Swift.min(content.right, width))
        let lowY = Swift.max(Double(content.top - 1), (-1.0).nextUp), highY = Double(Swift.min(content.bottom, height))
        layer.withUnsafeBytes { raw in
            output.withUnsafeMutableBytes { rawOutput in
                let source = raw.bindMemory(to: UInt32.self)
                let target = rawOutput.bindMemory(to: UInt32.self)
                // A texel outside the layer counts as transparent.
                func texel(_ x: Int, _ y: Int) -> UInt32 {
                    x >= 0 && y >= 0 && x < width && y < height ? source[y * width + x] : 0
                }
                // x in lane 0, y in lane 1: one SSE2 instruction steps, tests or floors both.
                let step = SIMD2<Double>(inverse.a, inverse.b)
                let low = SIMD2<Double>(lowX, lowY), high = SIMD2<Double>(highX, highY)
                for y in area.top..<area.bottom {
                    let start = inverse.apply(Point(x: Double(area.left) + 0.5, y: Double(y) + 0.5))
                    var position = SIMD2<Double>(start.x - 0.5, start.y - 0.5)
                    // The position steps by a constant, so each coordinate moves one way along the
                    // row and the columns that pass the bounds test are one run: after it, the row is done.
                    var entered = false
                    for x in area.left..<area.right {
                        defer { position += step }
                        guard all((position .>= low) .& (position .< high)) else {
                            if entered { break }
                            continue
                        }
                        entered = true
                        // The bounds keep both coordinates inside −1 < · < the layer's size, far
                        // below what `floorLanes` needs; the weights round the fraction to 1/256
                        // as (f − ⌊f⌋)·256 + 0.5, floored.
                        let cell = Self.floorLanes(position)
                        let weight = Self.floorLanes((position - cell.value) * 256 + 0.5).whole
                        let x0 = Int(cell.whole.x), y0 = Int(cell.whole.y)
                        let wx = UInt32(truncatingIfNeeded: weight.x), wy = UInt32(truncatingIfNeeded: weight.y)
                        let interior = x0 >= 0 && y0 >= 0 && x0 + 1 < width && y0 + 1 < height
                        let base = y0 * width + x0
                        let p00 = interior ? source[base] : texel(x0, y0)
                        let p10 = interior ? source[base + 1] : texel(x0 + 1, y0)
                        let p01 = interior ? source[base + width] : texel(x0, y0 + 1)
                        let p11 = interior ? source[base + width + 1] : texel(x0 + 1, y0 + 1)
                        if p00 | p10 | p01 | p11 == 0 { continue }
                        // Inside a flat area the mix is the color itself (the weights sum to one).
                        if p00 == p10 && p00 == p01 && p00 == p11 {
                            target[y * width + x] = p00
                            continue
                        }
                        target[y * width + x] = Self.bilinear(p00, p10, p01, p11, wx: wx, wy: wy)
                    }
                }
            }
        }
    }

    /// ⌊value⌋ of both lanes, as doubles and as integers, for |value| < 2⁵¹: adding 1.5·2⁵²
    /// rounds to the nearest integer, whose two's complement then fills the low bits, and a lane
    /// that rounded up steps down by one (a true comparison is −1 in its lane).
    @inline(__always)
    static func floorLanes(_ value: SIMD2<Double>) -> (value: SIMD2<Double>, whole: SIMD2<Int64>) {
        let magic: Double = 6_755_399_441_055_744  // 1.5·2⁵²: its ulp is 1.
        let shifted: SIMD2<Double> = value + magic
        let nearest: SIMD2<Double> = shifted - magic
        let roundedUp: SIMDMask<SIMD2<Int64>> = nearest .> value
        let whole: SIMD2<Int64> = (unsafeBitCast(shifted, to: SIMD2<Int64>.self) &- 0x4338_0000_0000_0000)
            &+ unsafeBitCast(roundedUp, to: SIMD2<Int64>.self)
        return (nearest.replacing(with: nearest - 1, where: roundedUp), whole)
    }

    /// The four premultiplied texels mixed with weights `wx`, `wy` in 0...256.
    ///
    /// Two channels per multiply: red and blue (then green and alpha) sit in the two 32-bit halves
    /// of a `UInt64`, where a channel times a weight sum of 65536 cannot reach the other half.
    /// Each channel is rounded exactly as a per-channel sum would be.
    @inline(__always)
    private static func bilinear(_ p00: UInt32, _ p10: UInt32, _ p01: UInt32, _ p11: UInt32, wx: UInt32, wy: UInt32) -> UInt32 {
        let w00 = UInt64((256 &- wx) &* (256 &- wy)), w10 = UInt64(wx &* (256 &- wy))
        let w01 = UInt64((256 &- wx) &* wy), w11 = UInt64(wx &* wy)
        @inline(__always) func redBlue(_ p: UInt32) -> UInt64 { UInt64(p & 0xFF) | UInt64(p & 0xFF_0000) << 16 }
        @inline(__always) func greenAlpha(_ p: UInt32) -> UInt64 { UInt64((p >> 8) & 0xFF) | UInt64(p >> 24) << 32 }
        let half: UInt64 = 0x0000_8000_0000_8000
        let rb: UInt64 = redBlue(p00) &* w00 &+ redBlue(p10) &* w10 &+ redBlue(p01) &* w01 &+ redBlue(p11) &* w11 &+ half
        let ga: UInt64 = greenAlpha(p00) &* w00 &+ greenAlpha(p10) &* w10 &+ greenAlpha(p01) &* w01 &+ greenAlpha(p11) &* w11 &+ half
        return UInt32(truncatingIfNeeded: (rb >> 16) & 0xFF) | UInt32(truncatingIfNeeded: (ga >> 16) & 0xFF) << 8
            | UInt32(truncatingIfNeeded: (rb >> 48) & 0xFF) << 16 | UInt32(truncatingIfNeeded: (ga >> 48) & 0xFF) << 24
    }

    /// Premultiplied `top` over `bottom` inside `area`, written into `bottom`; `top` is left clear
    /// inside `area`, so it can be reused without another pass over it.
    private static func draw(_ top: inout [UInt8], over bottom: inout [UInt8], width: Int, within area: PixelBounds) {
        bottom.withUnsafeMutableBytes { out in
            top.withUnsafeMutableBytes { source in
                let o = out.bindMemory(to: UInt32.self), s = source.bindMemory(to: UInt32.self)
                for y in area.top..<area.bottom {
                    for index in (y * width + area.left)..<(y * width + area.right) where s[index] != 0 {
                        o[index] = PixelMath.over(s[index], o[index])
                        s[index] = 0
                    }
                }
            }
        }
    }

    /// Blends a finished layer onto the canvas with group opacity and a blend mode, and clears
    /// each layer pixel it reads, so the layer needs no second pass to be reused. Returns false
    /// when it drew (and cleared) nothing.
    private func composite(_ layer: inout [UInt8], opacity: Double, mode: LayerEffects.BlendMode, within area: PixelBounds) -> Bool {
        let alpha: UInt32 = Color.byte(opacity)
        let area = area.clamped(width: width, height: height)
        guard alpha > 0, !area.isEmpty else { return false }
        noteDrawn(rows: area.top..<area.bottom, columns: area.left..<area.right)
        let width = self.width
        withPixelWords { canvas in
            layer.withUnsafeMutableBytes { raw in
                let source = raw.bindMemory(to: UInt32.self)
                // The last separable blend: a layer over a backdrop is mostly runs of the same
                // two colors, and `blend` works in Double per channel.
                var last: (top: UInt32, backdrop: UInt32, result: UInt32)? = nil
                if mode == .normal {
                    // Clear layer pixels need no test: scale(0) is 0 and over(0, d) is d. So a
                    // block of eight is skipped when all are clear (the hole of a ring, the
                    // corners of a rotated box) and otherwise blended without a branch.
                    @inline(__always) func mix(_ index: Int) {
                        let top = alpha < 255 ? PixelMath.scale(source[index], by: alpha) : source[index]
                        canvas[index] = PixelMath.over(top, canvas[index])
                        source[index] = 0
                    }
                    let lanes = PixelLanes.Pixels(repeating: alpha)
                    let from = UnsafeMutableRawPointer(source.baseAddress!), to = UnsafeMutableRawPointer(canvas.baseAddress!)
                    for y in area.top..<area.bottom {
                        var index = y * width + area.left
                        let end = y * width + area.right
                        while index + 8 <= end {
                            // Both buffers hold width × height words and index + 8 ≤ end ≤ that.
                            var top = from.loadUnaligned(fromByteOffset: index * 4, as: PixelLanes.Pixels.self)
                            if top != .zero {
                                from.storeBytes(of: .zero, toByteOffset: index * 4, as: PixelLanes.Pixels.self)
                                if alpha < 255 { top = PixelLanes.scale(top, by: lanes) }
                                let below = to.loadUnaligned(fromByteOffset: index * 4, as: PixelLanes.Pixels.self)
                                to.storeBytes(of: PixelLanes.over(top, below), toByteOffset: index * 4, as: PixelLanes.Pixels.self)
                            }
                            index += 8
                        }
                        while index < end { mix(index); index += 1 }
                    }
                    return
                }
                for y in area.top..<area.bottom {
                    for index in (y * width + area.left)..<(y * width + area.right) {
                        var top = source[index]
                        if top == 0 { continue }
                        source[index] = 0
                        if alpha < 255 { top = PixelMath.scale(top, by: alpha) }
                        if let last, last.top == top, last.backdrop == canvas[index] {
                            canvas[index] = last.result
                        } else {
                            let result = Self.blend(top, canvas[index], mode)
                            last = (top, canvas[index], result)
                            canvas[index] = result
                        }
                    }
                }
            }
        }
        return true
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
