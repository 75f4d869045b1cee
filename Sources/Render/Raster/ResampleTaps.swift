/// The source samples and weights that make each destination pixel along one axis when an image
/// is scaled: a box filter (area average) when shrinking, so strong reductions such as a 136 px
/// emoji drawn at 40 px stay smooth, and a tent filter (bilinear) when enlarging.
///
/// Weights are 1/4096 fixed point. A destination pixel that the image covers fully gets weights
/// summing to exactly 4096, so flat colors survive scaling unchanged; a pixel the image covers only
/// partly gets proportionally less, which anti-aliases fractional destination edges.
struct ResampleTaps {
    static let one: Int32 = 4096

    /// First destination pixel.
    let start: Int
    /// For destination pixel `start + i`: taps `offsets[i]..<offsets[i + 1]`.
    private(set) var offsets: [Int] = [0]
    private(set) var indices: [Int] = []
    private(set) var weights: [Int32] = []

    var count: Int { offsets.count - 1 }

    /// Taps for `sourceLength` samples drawn onto `origin ..< origin + length`, limited to
    /// destination pixels `visible`.
    init(sourceLength: Int, origin: Double, length: Double, visible: Range<Int>) {
        let first: Int = Swift.max(visible.lowerBound, Int(saturatingFloor: origin))
        let end: Int = Swift.min(visible.upperBound, Int(saturatingCeiling: origin + length))
        start = first
        guard end > first, sourceLength > 0, length > 0 else { return }
        let scale: Double = Double(sourceLength) / length
        var raw: [Double] = []
        for pixel in first..<end {
            raw.removeAll(keepingCapacity: true)
            let low: Double = Swift.max(Double(pixel), origin)
            let high: Double = Swift.min(Double(pixel + 1), origin + length)
            let covered: Double = Swift.max(0, high - low)
            var tapStart: Int = 0
            if scale >= 1 {
                // Average the source interval under the pixel.
                let u0: Double = (low - origin) * scale
                let u1: Double = (high - origin) * scale
                tapStart = Swift.max(0, Int(saturatingFloor: u0))
                let tapEnd: Int = Swift.min(sourceLength, Int(saturatingCeiling: u1))
                let total: Double = Swift.max(u1 - u0, 1e-12)
                for index in tapStart..<Swift.max(tapStart, tapEnd) {
                    let overlap: Double = Swift.min(u1, Double(index + 1)) - Swift.max(u0, Double(index))
                    raw.append(Swift.max(0, overlap) / total * covered)
                }
            } else {
                // Interpolate between the two samples around the pixel centre, clamped at the edges.
                let centre: Double = (Double(pixel) + 0.5 - origin) * scale - 0.5
                let clamped: Double = Swift.min(Double(sourceLength - 1), Swift.max(0, centre))
                tapStart = Int(saturatingFloor: clamped)
                let fraction: Double = clamped - Double(tapStart)
                raw.append((1 - fraction) * covered)
                if tapStart + 1 < sourceLength { raw.append(fraction * covered) }
            }
            append(raw, from: tapStart, covered: covered)
        }
    }

    /// Converts one pixel's weights to fixed point, putting rounding error on the largest tap so a
    /// fully covered pixel sums to exactly `one`.
    private mutating func append(_ raw: [Double], from tapStart: Int, covered: Double) {
        let target: Int32 = Int32((covered * Double(ResampleTaps.one)).rounded())
        var sum: Int32 = 0
        var largest: Int = weights.count
        for (offset, value) in raw.enumerated() {
            let weight: Int32 = Int32((value * Double(ResampleTaps.one)).rounded())
            if weights.count == largest || weight > weights[largest] { largest = weights.count }
            weights.append(weight)
            indices.append(tapStart + offset)
            sum += weight
        }
        if largest < weights.count { weights[largest] += target - sum }
        offsets.append(weights.count)
    }

    /// The source samples the taps reach (empty when there are no taps).
    var sourceRange: Range<Int> {
        guard let low = indices.min(), let high = indices.max() else { return 0..<0 }
        return low..<(high + 1)
    }

    /// Calls `body` with `offsets`, `indices` and `weights` as pointers, for loops that visit every
    /// tap of every pixel and would otherwise check each array access.
    func withUnsafeTaps<R>(_ body: (UnsafePointer<Int>, UnsafePointer<Int>, UnsafePointer<Int32>) -> R) -> R {
        offsets.withUnsafeBufferPointer { offsets in
            indices.withUnsafeBufferPointer { indices in
                weights.withUnsafeBufferPointer { weights in
                    // `offsets` always holds its leading 0; the other two may be empty, and then no
                    // offset range reaches into them.
                    body(offsets.baseAddress!, indices.baseAddress ?? UnsafePointer(bitPattern: 8)!,
                         weights.baseAddress ?? UnsafePointer(bitPattern: 8)!)
                }
            }
        }
    }

    func taps(for index: Int) -> Range<Int> { offsets[index]..<offsets[index + 1] }
    func sourceIndex(_ tap: Int) -> Int { indices[tap] }
    func weight(_ tap: Int) -> Int32 { weights[tap] }
}
