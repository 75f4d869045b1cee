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
    /// bilinear mix of such cells keeps both properties, so no clamping is needed.
    ///
    /// Along a row a pixel is `(a + ((b − a)·w >> 8)) >> 8` of its two mixed cells a, b and a weight
    /// w in 0...256, which is ⌊(256a + (b − a)·w) / 65536⌋. Every term of that is an integer below
    /// 2²⁴ scaled by a power of two, so `Float` holds it exactly: per pixel one multiply-add of
    /// four lanes from one cell (a / 256 and the step to the next cell, (b − a) / 65536), and a
    /// floor shared by two pixels.
    private static func enlarge(_ planes: [AlphaMask], factor: Int, into layer: inout [UInt8], canvasWidth: Int,
                                within area: PixelBounds) {
        let cellsX = planes[0].width, cellsY = planes[0].height
        let (red, green, blue, alpha) = (planes[0].fixedLevels(), planes[1].fixedLevels(), planes[2].fixedLevels(), planes[3].fixedLevels())
        let fixed: [SIMD4<Int32>] = (0..<cellsX * cellsY).map { index in
            SIMD4(Swift.min(alpha[index], red[index]), Swift.min(alpha[index], green[index]), Swift.min(alpha[index], blue[index]), alpha[index])
        }
        let columns: [ColumnTap] = AlphaMask.taps(count: area.width, cells: cellsX, factor: factor).map(ColumnTap.init)
        let rows = AlphaMask.taps(count: area.height, cells: cellsY, factor: factor)
        var mixed = [SIMD4<Int32>](repeating: .zero, count: cellsX)
        // Per cell of the mixed row: a / 256, and (b − a) / 65536 towards the next cell (zero for the last).
        var bases = [SIMD4<Float>](repeating: .zero, count: cellsX)
        var steps = [SIMD4<Float>](repeating: .zero, count: cellsX)
        layer.withUnsafeMutableBytes { raw in
            let words = raw.bindMemory(to: UInt32.self)
            fixed.withUnsafeBufferPointer { fixed in
                mixed.withUnsafeMutableBufferPointer { mixed in
                    bases.withUnsafeMutableBufferPointer { bases in
                        steps.withUnsafeMutableBufferPointer { steps in
                            columns.withUnsafeBufferPointer { columns in
                                for (row, tap) in rows.enumerated() {
                                    let upper = fixed.baseAddress! + tap.first * cellsX, lower = fixed.baseAddress! + tap.second * cellsX
                                    let weight = SIMD4<Int32>(repeating: Int32((tap.weight * 256).rounded()))
                                    for i in 0..<cellsX { mixed[i] = upper[i] &+ (((lower[i] &- upper[i]) &* weight) &>> 8) }
                                    Self.prepareSampling(UnsafePointer(mixed.baseAddress!), count: cellsX, bases: bases.baseAddress!, steps: steps.baseAddress!)
                                    let line = words.baseAddress! + (area.top + row) * canvasWidth + area.left
                                    Self.sampleRow(bases: bases.baseAddress!, steps: steps.baseAddress!, columns: columns, into: line)
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    /// One column of the enlargement: the cell on its left and the weight of the next one.
    struct ColumnTap {
        var cell: Int
        /// 0...256, a whole number.
        var weight: Float

        /// The tap of `AlphaMask.taps`, its weight in 1/256; a tap whose two cells are one (past
        /// the last centre) mixes nothing in, so its weight is 0.
        init(_ tap: (first: Int, second: Int, weight: Float)) {
            cell = tap.first
            weight = tap.first == tap.second ? 0 : Float(Int32((tap.weight * 256).rounded()))
        }
    }

    /// The `bases` (a / 256) and `steps` ((b − a) / 65536, zero for the last cell) of a row of
    /// `count` mixed cells in 8.8 fixed point, for `sampleRow`.
    static func prepareSampling(_ mixed: UnsafePointer<SIMD4<Int32>>, count: Int, bases: UnsafeMutablePointer<SIMD4<Float>>,
                                steps: UnsafeMutablePointer<SIMD4<Float>>) {
        for i in 0..<count {
            bases[i] = SIMD4<Float>(mixed[i]) * (1 / 256)
            steps[i] = i + 1 < count ? SIMD4<Float>(mixed[i + 1] &- mixed[i]) * (1 / 65536) : .zero
        }
    }

    /// `columns.count` pixels of one row from the mixed row's `bases` (a / 256) and `steps`
    /// ((b − a) / 65536), two at a time.
    static func sampleRow(bases: UnsafePointer<SIMD4<Float>>, steps: UnsafePointer<SIMD4<Float>>,
                          columns: UnsafeBufferPointer<ColumnTap>, into line: UnsafeMutablePointer<UInt32>) {
        @inline(__always) func level(_ tap: ColumnTap) -> SIMD4<Float> { bases[tap.cell] + steps[tap.cell] * tap.weight }
        let count = columns.count
        var x = 0
        while x + 2 <= count {
            let levels = Self.floorOfLevels(SIMD8(lowHalf: level(columns[x]), highHalf: level(columns[x + 1])))
            UnsafeMutableRawPointer(line + x).storeBytes(of: SIMD8<UInt8>(truncatingIfNeeded: levels), as: SIMD8<UInt8>.self)
            x += 2
        }
        if x < count {
            let single = level(columns[x])
            let levels = Self.floorOfLevels(SIMD8(lowHalf: single, highHalf: single))
            line[x] = unsafeBitCast(SIMD8<UInt8>(truncatingIfNeeded: levels).lowHalf, to: UInt32.self)
        }
    }

    /// ⌊value⌋ of each lane, for lanes in 0..<2²²: adding 1.5·2²³ rounds to the nearest integer
    /// (whose low bits are then the integer), and a lane that rounded up steps down by one (a
    /// true comparison is −1 in its lane).
    @inline(__always)
    static func floorOfLevels(_ value: SIMD8<Float>) -> SIMD8<Int32> {
        let magic: Float = 12_582_912  // 1.5·2²³: its ulp is 1.
        let shifted: SIMD8<Float> = value + magic
        let roundedUp: SIMD8<Int32> = unsafeBitCast(shifted - magic .> value, to: SIMD8<Int32>.self)
        return (unsafeBitCast(shifted, to: SIMD8<Int32>.self) &- 0x4B40_0000) &+ roundedUp
    }
}
