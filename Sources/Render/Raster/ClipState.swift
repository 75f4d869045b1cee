/// One level of a canvas's clip stack: a rectangle with fractional edges, plus a coverage mask
/// when some clip on the stack had rounded corners (or was pushed on top of such a clip).
///
/// With a mask, `bounds` is the mask's support rounded out to whole pixels, so applying both never
/// attenuates an edge twice: the mask already holds the fractional coverage.
struct ClipState {
    /// Left, top, right, bottom in canvas pixels, inside the canvas.
    var left: Double
    var top: Double
    var right: Double
    var bottom: Double
    /// Per-pixel coverage 0...255 of the whole canvas (row stride = canvas width); only read
    /// inside `bounds`.
    var mask: [UInt8]?
    /// With a mask: for each canvas row y, entries 2y and 2y + 1 bound a run of columns where the
    /// mask is exactly 255 (empty when the second is not above the first). Blends take the
    /// unmasked path there, since multiplying by 255 changes nothing. Some 255s may lie outside.
    var maskFullRuns: [Int32] = []

    var isEmpty: Bool { !(right > left && bottom > top) }

    /// Columns of row `y` where the mask is known to be 255 (empty without a mask).
    func maskFullColumns(_ y: Int) -> Range<Int> {
        guard mask != nil, y >= 0, 2 * y + 1 < maskFullRuns.count else { return 0..<0 }
        let low = Int(maskFullRuns[2 * y]), high = Int(maskFullRuns[2 * y + 1])
        return low..<Swift.max(low, high)
    }

    /// Pixel rows with any coverage.
    var rows: Range<Int> {
        guard !isEmpty else { return 0..<0 }
        return Int(saturatingFloor: top)..<Int(saturatingCeiling: bottom)
    }

    /// Pixel columns with any coverage.
    var columns: Range<Int> {
        guard !isEmpty else { return 0..<0 }
        return Int(saturatingFloor: left)..<Int(saturatingCeiling: right)
    }

    /// Pixel columns the rectangle covers fully (`columnCoverage` is 255 on each).
    var fullColumns: Range<Int> {
        guard !isEmpty else { return 0..<0 }
        let low: Int = Int(saturatingCeiling: left), high: Int = Int(saturatingFloor: right)
        return low..<Swift.max(low, high)
    }

    /// Coverage 0...255 of the rectangle on pixel row `y` (ignoring the mask).
    func rowCoverage(_ y: Int) -> UInt32 {
        ClipState.overlap(Double(y), top, bottom)
    }

    /// Coverage 0...255 of the rectangle on pixel column `x` (ignoring the mask).
    func columnCoverage(_ x: Int) -> UInt32 {
        ClipState.overlap(Double(x), left, right)
    }

    private static func overlap(_ start: Double, _ low: Double, _ high: Double) -> UInt32 {
        let covered: Double = Swift.min(start + 1, high) - Swift.max(start, low)
        if covered >= 1 { return 255 }
        if !(covered > 0) { return 0 }
        return UInt32((covered * 255).rounded())
    }
}
