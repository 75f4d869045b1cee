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
        let planeSigma: Double = factor > 1 ? AlphaMask.reducedSigma(sigma, factor: factor) : sigma
        for channel in 0..<4 { planes[channel].blurAtFullResolution(sigma: planeSigma) }
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

    /// Writes bilinear samples of the blurred `planes` (reduced by `factor`) back into `area`, each
    /// color held at or below its alpha (channels blurred apart can round a step above it).
    private static func enlarge(_ planes: [AlphaMask], factor: Int, into layer: inout [UInt8], canvasWidth: Int,
                                within area: PixelBounds) {
        let cellsX = planes[0].width, cellsY = planes[0].height
        let columns = AlphaMask.taps(count: area.width, cells: cellsX, factor: factor)
        let rows = AlphaMask.taps(count: area.height, cells: cellsY, factor: factor)
        var mixed = [SIMD4<Float>](repeating: .zero, count: cellsX)
        let (red, green, blue, alpha) = (planes[0].values, planes[1].values, planes[2].values, planes[3].values)
        layer.withUnsafeMutableBufferPointer { bytes in
            mixed.withUnsafeMutableBufferPointer { mixed in
                for (row, tap) in rows.enumerated() {
                    let upper = tap.first * cellsX, lower = tap.second * cellsX
                    for i in 0..<cellsX {
                        let a = SIMD4<Float>(red[upper + i], green[upper + i], blue[upper + i], alpha[upper + i])
                        let b = SIMD4<Float>(red[lower + i], green[lower + i], blue[lower + i], alpha[lower + i])
                        mixed[i] = a + (b - a) * tap.weight
                    }
                    var pixel = bytes.baseAddress! + ((area.top + row) * canvasWidth + area.left) * 4
                    for column in columns {
                        let a = mixed[column.first]
                        let value = (a + (mixed[column.second] - a) * column.weight) * 255
                        let opacity = Self.byte(value[3])
                        pixel[0] = Swift.min(Self.byte(value[0]), opacity)
                        pixel[1] = Swift.min(Self.byte(value[1]), opacity)
                        pixel[2] = Swift.min(Self.byte(value[2]), opacity)
                        pixel[3] = opacity
                        pixel += 4
                    }
                }
            }
        }
    }

    /// `level` (0...255 scale) rounded to a byte, clamped. Scalar on purpose: the generic SIMD
    /// integer conversion is not specialized and costs a call per lane.
    @inline(__always)
    private static func byte(_ level: Float) -> UInt8 {
        level > 0 ? UInt8(Swift.min(255, level + 0.5)) : 0
    }
}
