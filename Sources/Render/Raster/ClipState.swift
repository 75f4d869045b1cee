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

    var isEmpty: Bool { !(right > left && bottom > top) }

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
