/// Gaussian blur approximated by three box blurs per axis (the approach Skia and Firefox take for
/// shadows): each pass is a running sum, so the cost does not grow with the radius.
extension AlphaMask {
    /// How far a blur of standard deviation `sigma` reaches, in whole pixels.
    static func extent(sigma: Double) -> Int {
        sigma > 0 ? Int((sigma * 3).rounded(.up)) + 1 : 0
    }

    /// Box widths whose three successive passes have the variance of a Gaussian of `sigma`
    /// (W3C Filter Effects 1 §15.3.4 gives the single-width form; varying the widths, as in
    /// Kovesi's "Fast almost-Gaussian filtering", matches the variance exactly).
    static func boxWidths(sigma: Double) -> [Int] {
        let passes: Double = 3
        let ideal: Double = (12 * sigma * sigma / passes + 1).squareRoot()
        var lower: Int = Int(ideal.rounded(.down))
        if lower % 2 == 0 { lower -= 1 }
        lower = Swift.max(1, lower)
        let upper: Int = lower + 2
        let lowerD: Double = Double(lower)
        let count: Double = (12 * sigma * sigma - passes * lowerD * lowerD - 4 * passes * lowerD - 3 * passes) / (-4 * lowerD - 4)
        let lowerPasses: Int = Int(count.rounded())
        return (0..<3).map { $0 < lowerPasses ? lower : upper }
    }

    /// Blurs the mask in place with a Gaussian of standard deviation `sigma` (CSS blur radius / 2).
    /// Values beyond the mask's edges count as zero.
    mutating func blur(sigma: Double) {
        guard sigma > 0.01, width > 0, height > 0 else { return }
        var scratch = [Float](repeating: 0, count: Swift.max(width, height))
        var line = [Float](repeating: 0, count: Swift.max(width, height))
        for size in Self.boxWidths(sigma: sigma) where size > 1 {
            let radius: Int = size / 2
            for y in 0..<height {
                for x in 0..<width { line[x] = values[y * width + x] }
                Self.boxPass(&line, count: width, radius: radius, into: &scratch)
                for x in 0..<width { values[y * width + x] = scratch[x] }
            }
            for x in 0..<width {
                for y in 0..<height { line[y] = values[y * width + x] }
                Self.boxPass(&line, count: height, radius: radius, into: &scratch)
                for y in 0..<height { values[y * width + x] = scratch[y] }
            }
        }
    }

    /// One centered box average of width `2 * radius + 1` over `count` values, zeros outside.
    private static func boxPass(_ input: inout [Float], count: Int, radius: Int, into output: inout [Float]) {
        let scale: Float = 1 / Float(2 * radius + 1)
        var sum: Float = 0
        for index in 0..<Swift.min(radius, count) { sum += input[index] }
        for index in 0..<count {
            let entering: Int = index + radius
            if entering < count { sum += input[entering] }
            output[index] = Swift.max(0, sum * scale)
            let leaving: Int = index - radius
            if leaving >= 0 { sum -= input[leaving] }
        }
    }
}
