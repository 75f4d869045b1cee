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
    ///
    /// A wide blur leaves nothing finer than a few sigma, so like Skia it runs on a copy reduced
    /// by `reduction(sigma:)` and is interpolated back: the passes then cost 1/factor² as much.
    mutating func blur(sigma: Double) {
        guard sigma > 0.01, width > 0, height > 0 else { return }
        let factor = Self.reduction(sigma: sigma)
        guard factor > 1 else {
            blurAtFullResolution(sigma: sigma)
            return
        }
        var small = reduced(by: factor)
        small.blurOnReducedGrid(sigma: Self.reducedSigma(sigma, factor: factor))
        enlarge(from: small, factor: factor)
    }

    /// Three passes of an extended box (Gwosdek et al., "Theoretical foundations of Gaussian
    /// convolution by extended box filtering", 2011): 2r + 1 cells plus a fractional weight on the
    /// next cell each side, so the variance is exactly sigma² however few cells wide the box is.
    /// Odd whole widths step the variance by 10% or more at the three-cell sigmas of a reduced
    /// grid, which the enlargement would multiply back up.
    mutating func blurOnReducedGrid(sigma: Double) {
        guard sigma > 0.01, width > 0, height > 0 else { return }
        let variance: Double = sigma * sigma / 3
        let r: Int = Swift.max(0, Int(((12 * variance + 1).squareRoot() - 1) / 2))
        let rd = Double(r)
        // Solves (Σ k² over the box + 2α(r + 1)²) / (2r + 1 + 2α) = variance for the end weight α.
        let alphaD: Double = (2 * rd + 1) * (variance - rd * (rd + 1) / 3) / (2 * ((rd + 1) * (rd + 1) - variance))
        let alpha = Float(Swift.min(1, Swift.max(0, alphaD)))
        let scale = Float(1 / (2 * rd + 1 + 2 * Double(alpha)))
        let width = self.width, height = self.height
        var scratch = [Float](repeating: 0, count: values.count)
        var sums = [Float](repeating: 0, count: width)
        let zeroRow = [Float](repeating: 0, count: width)
        values.withUnsafeMutableBufferPointer { values in
            scratch.withUnsafeMutableBufferPointer { scratch in
                sums.withUnsafeMutableBufferPointer { sums in
                    zeroRow.withUnsafeBufferPointer { zeros in
                        for _ in 0..<3 {
                            Self.extendedBoxPassAlongRows(values, into: scratch, width: width, height: height, r: r, alpha: alpha, scale: scale)
                            // Vertical on whole rows, scratch → values. A row beyond the mask reads
                            // as zeros: the sums add +0 there, as a missing row always did.
                            func row(_ y: Int) -> UnsafePointer<Float> {
                                y >= 0 && y < height ? UnsafePointer(scratch.baseAddress! + y * width) : zeros.baseAddress!
                            }
                            for x in 0..<width { sums[x] = 0 }
                            for y in 0..<Swift.min(r, height) {
                                let line = scratch.baseAddress! + y * width
                                for x in 0..<width { sums[x] += line[x] }
                            }
                            for y in 0..<height {
                                if y + r < height { let entering = row(y + r); for x in 0..<width { sums[x] += entering[x] } }
                                let output = values.baseAddress! + y * width
                                let above = row(y - r - 1), below = row(y + r + 1)
                                for x in 0..<width {
                                    let ends: Float = above[x] + below[x]
                                    output[x] = Swift.max(0, (sums[x] + alpha * ends) * scale)
                                }
                                if y - r >= 0 { let leaving = row(y - r); for x in 0..<width { sums[x] -= leaving[x] } }
                            }
                        }
                    }
                }
            }
        }
    }

    /// Three box passes of `boxWidths(sigma:)` at the mask's own resolution.
    mutating func blurAtFullResolution(sigma: Double) {
        guard sigma > 0.01, width > 0, height > 0 else { return }
        let width = self.width, height = self.height
        var scratch = [Float](repeating: 0, count: values.count)
        var sums = [Float](repeating: 0, count: width)
        values.withUnsafeMutableBufferPointer { values in
            scratch.withUnsafeMutableBufferPointer { scratch in
                sums.withUnsafeMutableBufferPointer { sums in
                    for size in Self.boxWidths(sigma: sigma) where size > 1 {
                        let radius: Int = size / 2
                        let scale: Float = 1 / Float(size)
                        // Horizontal: a running sum along each row, values → scratch (AlphaMask+RowLanes.swift).
                        Self.boxPassAlongRows(values, into: scratch, width: width, height: height, size: size)
                        // Vertical: running sums of whole rows, so memory is read row by row; scratch → values.
                        for x in 0..<width { sums[x] = 0 }
                        for y in 0..<Swift.min(radius, height) {
                            let row = scratch.baseAddress! + y * width
                            for x in 0..<width { sums[x] += row[x] }
                        }
                        for y in 0..<height {
                            if y + radius < height {
                                let entering = scratch.baseAddress! + (y + radius) * width
                                for x in 0..<width { sums[x] += entering[x] }
                            }
                            let output = values.baseAddress! + y * width
                            for x in 0..<width { output[x] = Swift.max(0, sums[x] * scale) }
                            if y - radius >= 0 {
                                let leaving = scratch.baseAddress! + (y - radius) * width
                                for x in 0..<width { sums[x] -= leaving[x] }
                            }
                        }
                    }
                }
            }
        }
    }
}
