/// Block-averaged copies of a mask and bilinear enlargement back, so wide blurs can run on fewer
/// pixels (Skia's blur does the same for large sigmas).
extension AlphaMask {
    /// The smallest sigma the reduced copy is blurred with: below about 3 pixels three box passes
    /// stop looking Gaussian and the interpolation's corners start to show.
    private static let smallestReducedSigma: Double = 3

    /// Pixels per side of one cell of the reduced copy for a blur of `sigma`: 1 (no reduction) up to 8.
    static func reduction(sigma: Double) -> Int {
        guard sigma.isFinite else { return 1 }
        return Swift.min(8, Swift.max(1, Int(sigma / smallestReducedSigma)))
    }

    /// The sigma, in reduced pixels, that gives `sigma` overall once the averaging into cells of
    /// `factor` pixels (variance (f² − 1)/12) and the bilinear enlargement (variance f²/6) are added.
    static func reducedSigma(_ sigma: Double, factor: Int) -> Double {
        let f = Double(factor)
        let remaining: Double = sigma * sigma - (3 * f * f - 1) / 12
        return Swift.max(0, remaining).squareRoot() / f
    }

    /// The mean of each `factor`×`factor` block (blocks past the edge average in zeros); the copy
    /// stands apart from the canvas, so its origin is zero.
    func reduced(by factor: Int) -> AlphaMask {
        let smallWidth = (width + factor - 1) / factor, smallHeight = (height + factor - 1) / factor
        var small = AlphaMask(originX: 0, originY: 0, width: smallWidth, height: smallHeight)
        let width = self.width, height = self.height
        let scale: Float = 1 / Float(factor * factor)
        var columnSums = [Float](repeating: 0, count: width)
        values.withUnsafeBufferPointer { values in
            small.values.withUnsafeMutableBufferPointer { output in
                columnSums.withUnsafeMutableBufferPointer { sums in
                    for j in 0..<smallHeight {
                        for x in 0..<width { sums[x] = 0 }
                        for y in (j * factor)..<Swift.min(height, (j + 1) * factor) {
                            let row = values.baseAddress! + y * width
                            for x in 0..<width { sums[x] += row[x] }
                        }
                        let line = output.baseAddress! + j * smallWidth
                        for i in 0..<smallWidth {
                            var total: Float = 0
                            for x in (i * factor)..<Swift.min(width, (i + 1) * factor) { total += sums[x] }
                            line[i] = total * scale
                        }
                    }
                }
            }
        }
        return small
    }

    /// Overwrites every value with a bilinear sample of `small`, a copy reduced by `factor`: pixel
    /// centre x + 0.5 lies at (x + 0.5) / factor − 0.5 in cell centres; past the last centre the
    /// edge cell's value holds.
    mutating func enlarge(from small: AlphaMask, factor: Int) {
        guard width > 0, height > 0, small.width > 0, small.height > 0 else { return }
        let columns = Self.taps(count: width, cells: small.width, factor: factor)
        let rows = Self.taps(count: height, cells: small.height, factor: factor)
        let width = self.width
        var mixed = [Float](repeating: 0, count: small.width)
        values.withUnsafeMutableBufferPointer { output in
            for y in 0..<rows.count {
                small.enlargedRow(rows[y], columns: columns, scratch: &mixed, into: output.baseAddress! + y * width)
            }
        }
    }

    /// One row of the enlargement of this (reduced) mask: the two cell rows of `row` mixed into
    /// `scratch` (`width` values), then sampled at every tap of `columns` into `output`.
    func enlargedRow(_ row: (first: Int, second: Int, weight: Float), columns: [(first: Int, second: Int, weight: Float)],
                     scratch: inout [Float], into output: UnsafeMutablePointer<Float>) {
        let width = self.width
        values.withUnsafeBufferPointer { source in
            scratch.withUnsafeMutableBufferPointer { mixed in
                let upper = source.baseAddress! + row.first * width
                let lower = source.baseAddress! + row.second * width
                for i in 0..<width { mixed[i] = upper[i] + (lower[i] - upper[i]) * row.weight }
                columns.withUnsafeBufferPointer { columns in
                    for x in 0..<columns.count {
                        let c = columns[x]
                        let a = mixed[c.first]
                        output[x] = a + (mixed[c.second] - a) * c.weight
                    }
                }
            }
        }
    }

    /// For each of `count` pixels, the two cells around its centre and the weight of the second.
    static func taps(count: Int, cells: Int, factor: Int) -> [(first: Int, second: Int, weight: Float)] {
        (0..<count).map { x in
            let position: Double = (Double(x) + 0.5) / Double(factor) - 0.5
            let below = Int(position.rounded(.down))
            let weight = Float(position - Double(below))
            let first = Swift.min(cells - 1, Swift.max(0, below)), second = Swift.min(cells - 1, Swift.max(0, below + 1))
            return (first, second, weight)
        }
    }

    /// Every value as a byte level with 8 fractional bits plus half a level (so an arithmetic
    /// shift by 8 rounds it), clamped to 0...255: integer bilinear mixes of these stay in range.
    func fixedLevels() -> [Int32] {
        [Int32](unsafeUninitializedCapacity: values.count) { levels, initialized in
            values.withUnsafeBufferPointer { values in
                // Eight at a time while eight remain; the lanes compute the scalar expression below.
                var start: Int = 0
                while start + 8 <= values.count {
                    // `start + 8 <= count` keeps the eight-value load and store inside both buffers.
                    let lanes = UnsafeRawPointer(values.baseAddress! + start).loadUnaligned(as: FloatLanes.Lanes.self)
                    let scaled: FloatLanes.Lanes = lanes * (255 * 256) + 128
                    // `scaled > 128 ? min(65408, scaled) : 128`: NaN and everything up to 128 give 128.
                    var bounded: FloatLanes.Lanes = FloatLanes.Lanes(repeating: 255 * 256 + 128)
                        .replacing(with: scaled, where: scaled .< 255 * 256 + 128)
                    bounded = bounded.replacing(with: 128, where: .!(scaled .> 128))
                    let levelLanes: SIMD8<Int32> = FloatLanes.truncate(bounded)
                    UnsafeMutableRawPointer(levels.baseAddress! + start).storeBytes(of: levelLanes, as: SIMD8<Int32>.self)
                    start += 8
                }
                for index in start..<values.count {
                    let scaled: Float = values[index] * (255 * 256) + 128
                    // Clamped (NaN included) to 128...65408 first, so the conversion never traps
                    // and can go through an Int32 directly.
                    let bounded: Float = scaled > 128 ? Swift.min(255 * 256 + 128, scaled) : 128
                    levels[index] = Int32(bounded)
                }
            }
            initialized = values.count
        }
    }

    /// Every value as a byte, rounded half up and clamped to 0...255 (NaN to 0), for drawing.
    func byteLevels() -> [UInt8] {
        [UInt8](unsafeUninitializedCapacity: values.count) { buffer, initialized in
            values.withUnsafeBufferPointer { values in
                // Eight at a time while eight remain (`start + 8 <= count` keeps the load inside
                // the values), each lane exactly the scalar expression of the tail loop.
                var start: Int = 0
                while start + 8 <= values.count {
                    let lanes = UnsafeRawPointer(values.baseAddress! + start).loadUnaligned(as: FloatLanes.Lanes.self)
                    let levels = FloatLanes.truncate(FloatLanes.clamp(lanes * 255 + 0.5, low: 0, high: 255))
                    for lane in 0..<8 { buffer[start + lane] = UInt8(truncatingIfNeeded: levels[lane]) }
                    start += 8
                }
                for index in start..<values.count {
                    buffer[index] = UInt8(Swift.min(255, Swift.max(0, values[index] * 255 + 0.5)))
                }
            }
            initialized = values.count
        }
    }
}
