/// `filter: blur()` on a finished layer: the four premultiplied channels blurred with one Gaussian.
extension Canvas {
    /// Blurs every channel of `layer` inside `area` in place (`area` already includes the blur's
    /// reach, so nothing outside it changes).
    ///
    /// The pixels are read once into four planes, reduced as `AlphaMask.blur` would reduce one
    /// (a factor of 1 for narrow blurs), and written back once, instead of one pass per channel.
    func blurChannels(of layer: inout [UInt8], sigma: Double, within area: PixelBounds) {
        guard sigma > 0.01, !area.isEmpty else { return }
        let factor = AlphaMask.reduction(sigma: sigma)
        let cellsX = (area.width + factor - 1) / factor, cellsY = (area.height + factor - 1) / factor
        let cells = Self.reducedChannels(of: layer, canvasWidth: width, within: area, factor: factor, cellsX: cellsX, cellsY: cellsY)
        var planes: [AlphaMask] = (0..<4).map { channel in
            var plane = AlphaMask(originX: 0, originY: 0, width: cellsX, height: cellsY)
            for index in 0..<cells.count { plane.values[index] = cells[index][channel] }
            return plane
        }
        for channel in 0..<4 {
            if factor > 1 {
                planes[channel].blurOnReducedGrid(sigma: AlphaMask.reducedSigma(sigma, factor: factor))
            } else {
                planes[channel].blurAtFullResolution(sigma: sigma)
            }
        }
        Self.enlarge(planes, factor: factor, into: &layer, canvasWidth: width, within: area)
    }

    /// The mean of each `factor`×`factor` block of `area`, per channel, in 0...1 (blocks past the
    /// area's edge average in zeros).
    private static func reducedChannels(of layer: [UInt8], canvasWidth: Int, within area: PixelBounds, factor: Int,
                                        cellsX: Int, cellsY: Int) -> [SIMD4<Float>] {
        var cells = [SIMD4<Float>](repeating: .zero, count: cellsX * cellsY)
        let scale = SIMD4<Float>(repeating: 1 / (255 * Float(factor * factor)))
        layer.withUnsafeBufferPointer { bytes in
            cells.withUnsafeMutableBufferPointer { cells in
                for y in area.top..<area.bottom {
                    let line = cells.baseAddress! + ((y - area.top) / factor) * cellsX
                    var pixel = bytes.baseAddress! + (y * canvasWidth + area.left) * 4
                    var x = area.left
                    for cell in 0..<cellsX {
                        var sum = SIMD4<Float>.zero
                        let blockEnd = Swift.min(area.right, x + factor)
                        while x < blockEnd {
                            sum += SIMD4<Float>(Float(pixel[0]), Float(pixel[1]), Float(pixel[2]), Float(pixel[3]))
                            pixel += 4
                            x += 1
                        }
                        line[cell] += sum * scale
                    }
                }
            }
        }
        return cells
    }

    /// Writes bilinear samples of the blurred `planes` (reduced by `factor`) back into `area`.
    ///
    /// Cells become 16-bit fixed point (8 fractional bits, the rounding offset built in) with each
    /// color held at or below its alpha (channels blurred apart can drift a step above it); a
    /// bilinear mix of such cells keeps both properties, so the per-pixel work is integer
    /// interpolation and a shift, with no clamping.
    private static func enlarge(_ planes: [AlphaMask], factor: Int, into layer: inout [UInt8], canvasWidth: Int,
                                within area: PixelBounds) {
        let cellsX = planes[0].width, cellsY = planes[0].height
        let (red, green, blue, alpha) = (planes[0].fixedLevels(), planes[1].fixedLevels(), planes[2].fixedLevels(), planes[3].fixedLevels())
        let fixed: [SIMD4<Int32>] = (0..<cellsX * cellsY).map { index in
            SIMD4(Swift.min(alpha[index], red[index]), Swift.min(alpha[index], green[index]), Swift.min(alpha[index], blue[index]), alpha[index])
        }
        let columns = AlphaMask.taps(count: area.width, cells: cellsX, factor: factor).map { tap in
            (first: tap.first, second: tap.second, weight: SIMD4<Int32>(repeating: Int32((tap.weight * 256).rounded())))
        }
        let rows = AlphaMask.taps(count: area.height, cells: cellsY, factor: factor)
        var mixed = [SIMD4<Int32>](repeating: .zero, count: cellsX)
        layer.withUnsafeMutableBytes { raw in
            let words = raw.bindMemory(to: UInt32.self)
            fixed.withUnsafeBufferPointer { fixed in
                mixed.withUnsafeMutableBufferPointer { mixed in
                    columns.withUnsafeBufferPointer { columns in
                        for (row, tap) in rows.enumerated() {
                            let upper = fixed.baseAddress! + tap.first * cellsX, lower = fixed.baseAddress! + tap.second * cellsX
                            let weight = SIMD4<Int32>(repeating: Int32((tap.weight * 256).rounded()))
                            for i in 0..<cellsX { mixed[i] = upper[i] &+ (((lower[i] &- upper[i]) &* weight) &>> 8) }
                            let line = words.baseAddress! + (area.top + row) * canvasWidth + area.left
                            for x in 0..<columns.count {
                                let c = columns[x]
                                let a = mixed[c.first]
                                let level = (a &+ (((mixed[c.second] &- a) &* c.weight) &>> 8)) &>> 8
                                line[x] = UInt32(truncatingIfNeeded: level[0]) | UInt32(truncatingIfNeeded: level[1]) << 8
                                    | UInt32(truncatingIfNeeded: level[2]) << 16 | UInt32(truncatingIfNeeded: level[3]) << 24
                            }
                        }
                    }
                }
            }
        }
    }
}
