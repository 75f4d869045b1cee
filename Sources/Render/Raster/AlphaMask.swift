/// A single-channel coverage buffer over a pixel rectangle of the canvas, for effects that need a
/// shape before it is composited: shadows are rasterized into one, blurred, then drawn in a color.
struct AlphaMask {
    /// Canvas position of the mask's top-left pixel.
    let originX: Int
    let originY: Int
    let width: Int
    let height: Int
    /// Coverage 0...1, row-major.
    var values: [Float]

    /// A mask over `width`×`height` pixels at (`originX`, `originY`), every value `fill`.
    init(originX: Int, originY: Int, width: Int, height: Int, fill: Float = 0) {
        self.originX = originX
        self.originY = originY
        self.width = Swift.max(0, width)
        self.height = Swift.max(0, height)
        values = [Float](repeating: fill, count: self.width * self.height)
    }

    /// Vertical samples per pixel row when measuring a shape's coverage.
    private static let subrows = 4

    /// Multiplies every value by the shape's coverage (`inside: true`) or by its complement.
    mutating func multiply(by box: RoundedBox, inside: Bool) {
        guard width > 0, height > 0 else { return }
        var row = [Float](repeating: 0, count: width)
        for y in 0..<height {
            coverage(of: box, row: originY + y, into: &row)
            let base: Int = y * width
            for x in 0..<width {
                let c: Float = inside ? row[x] : 1 - row[x]
                values[base + x] *= c
            }
        }
    }

    /// Sets every value to the shape's coverage (anti-aliased with 4 sub-rows per pixel row and exact
    /// horizontal overlap).
    mutating func fill(with box: RoundedBox) {
        guard width > 0, height > 0 else { return }
        var row = [Float](repeating: 0, count: width)
        for y in 0..<height {
            coverage(of: box, row: originY + y, into: &row)
            let base: Int = y * width
            for x in 0..<width { values[base + x] = row[x] }
        }
    }

    /// The coverage of canvas row `canvasY` by `box`, for the mask's columns. Each sub-row adds its
    /// partial edge pixels directly and its fully covered run as two entries of a difference array,
    /// so a row costs one pass whatever the box's width.
    private func coverage(of box: RoundedBox, row canvasY: Int, into row: inout [Float]) {
        let width = self.width
        row.withUnsafeMutableBufferPointer { row in
            for x in 0..<width { row[x] = 0 }
            guard !box.isEmpty, Double(canvasY + 1) > box.top, Double(canvasY) < box.bottom else { return }
            var runs = [Float](repeating: 0, count: width + 1)
            let weight: Double = 1 / Double(Self.subrows)
            for sample in 0..<Self.subrows {
                let y: Double = Double(canvasY) + (Double(sample) + 0.5) * weight
                guard y > box.top, y < box.bottom else { continue }
                let span = box.span(at: y)
                let left: Double = Swift.max(0, span.left - Double(originX))
                let right: Double = Swift.min(Double(width), span.right - Double(originX))
                guard right > left else { continue }
                let first = Int(left), last = Int(right)
                if first == last {
                    row[first] += Float((right - left) * weight)
                    continue
                }
                row[first] += Float((Double(first + 1) - left) * weight)
                if last < width { row[last] += Float((right - Double(last)) * weight) }
                if last > first + 1 {
                    runs[first + 1] += Float(weight)
                    runs[last] -= Float(weight)
                }
            }
            var level: Float = 0
            for x in 0..<width {
                level += runs[x]
                row[x] += level
            }
        }
    }
}
