extension Canvas {
    /// Draws a premultiplied BGRA image (a color emoji bitmap) scaled into `destination`, source-over,
    /// multiplied by `opacity`, inside the current clip. Shrinking averages the covered source area
    /// (box filter); enlarging interpolates bilinearly. A buffer shorter than its stated size draws nothing.
    func drawImage(bgra: UnsafeBufferPointer<UInt8>, imageWidth: Int, imageHeight: Int, pitch: Int, into destination: Rect, opacity: Double = 1) {
        guard imageWidth > 0, imageHeight > 0, pitch >= imageWidth * 4,
              let source = bgra.baseAddress, bgra.count >= (imageHeight - 1) * pitch + imageWidth * 4,
              !destination.isEmpty else { return }
        let alpha: UInt32 = Color.byte(opacity)
        let clip: ClipState = currentClip
        guard alpha > 0, !clip.isEmpty else { return }
        if destination.width == Double(imageWidth), destination.height == Double(imageHeight),
           destination.x == destination.x.rounded(.down), destination.y == destination.y.rounded(.down),
           abs(destination.x) < 1e9, abs(destination.y) < 1e9 {
            drawUnscaled(source: source, pitch: pitch, imageWidth: imageWidth, imageHeight: imageHeight,
                         x: Int(destination.x), y: Int(destination.y), alpha: alpha, clip: clip)
            return
        }
        let columns = ResampleTaps(sourceLength: imageWidth, origin: destination.x, length: destination.width, visible: clip.columns)
        let rows = ResampleTaps(sourceLength: imageHeight, origin: destination.y, length: destination.height, visible: clip.rows)
        guard columns.count > 0, rows.count > 0 else { return }
        noteDrawn(rows: rows.start..<(rows.start + rows.count), columns: columns.start..<(columns.start + columns.count))

        // One source row filtered vertically, four Int32 channels per source column (B, G, R, A);
        // only the source columns some visible pixel reads (a clipped tile reads a few).
        var vertical = [Int32](repeating: 0, count: imageWidth * 4)
        let used: Range<Int> = columns.sourceRange
        // With no negative weight the channel sums fit 32 bits and add four at a time.
        let wide: Bool = columns.hasNonNegativeWeights && rows.hasNonNegativeWeights
        // Most scaled images (enlarged, or reduced by up to half) have at most three taps a column.
        let padded: [ResampleTaps.PaddedTap]? = wide ? columns.paddedToThree() : nil
        withPixelWords { words in
            let canvas: UnsafeMutablePointer<UInt32> = words.baseAddress!
            vertical.withUnsafeMutableBufferPointer { vertical in
                columns.withUnsafeTaps { offsets, indices, weights in
                    for row in 0..<rows.count {
                        let y: Int = rows.start + row
                        Self.filterVertically(source: source, pitch: pitch, columns: used, taps: rows, row: row, into: vertical)
                        let filtered: UnsafePointer<Int32> = UnsafePointer(vertical.baseAddress!)
                        let line: UnsafeMutablePointer<UInt32> = canvas + y * width
                        let rowClip: UInt32 = clip.rowCoverage(y)
                        // Columns the clip covers fully take the opacity as their coverage as it is.
                        let unclipped: Range<Int> = clip.mask == nil && rowClip >= 255 ? clip.fullColumns : 0..<0
                        // Those columns in one run, without a clip test per pixel.
                        var fast: Range<Int> = 0..<0
                        if let padded, !unclipped.isEmpty {
                            let first: Int = Swift.max(unclipped.lowerBound, columns.start)
                            let end: Int = Swift.min(unclipped.upperBound, columns.start + columns.count)
                            if end > first {
                                fast = (first - columns.start)..<(end - columns.start)
                                padded.withUnsafeBufferPointer { taps in
                                    Self.blendPadded(taps.baseAddress!, columns: fast, start: columns.start, vertical: UnsafeRawPointer(filtered),
                                                     alpha: alpha, line: line)
                                }
                            }
                        }
                        for column in Self.columns(0..<columns.count, without: fast) {
                            let x: Int = columns.start + column
                            let pixel: UInt32 = wide
                                ? ResampleTaps.sampleWide(column: column, offsets: offsets, indices: indices, weights: weights,
                                                          vertical: filtered)
                                : ResampleTaps.sampleScalar(column: column, offsets: offsets, indices: indices, weights: weights,
                                                            vertical: filtered)
                            if pixel == 0 { continue }
                            let c: UInt32 = unclipped.contains(x) ? alpha : clipCoverage(clip, rowClip: rowClip, x: x, y: y, shape: alpha)
                            line[x] = PixelMath.blend(pixel, coverage: c, onto: line[x])
                        }
                    }
                }
            }
        }
    }

    /// `all` without the run `part` inside it: the columns before it, then those after.
    private static func columns(_ all: Range<Int>, without part: Range<Int>) -> FlattenSequence<[Range<Int>]> {
        [all.lowerBound..<Swift.max(all.lowerBound, part.lowerBound), Swift.min(all.upperBound, part.upperBound)..<all.upperBound]
            .joined()
    }

    /// Samples and blends `columns` (indices into `taps`, drawn at canvas x `start + column`) of one
    /// row that the clip covers fully, each at coverage `alpha`, as the per-pixel loop would.
    private static func blendPadded(_ taps: UnsafePointer<ResampleTaps.PaddedTap>, columns: Range<Int>, start: Int,
                                    vertical: UnsafeRawPointer, alpha: UInt32, line: UnsafeMutablePointer<UInt32>) {
        for column in columns {
            let pixel: UInt32 = ResampleTaps.samplePaddedPairs(taps[column], vertical: vertical)
            if pixel == 0 { continue }
            let x: Int = start &+ column
            line[x] = PixelMath.blend(pixel, coverage: alpha, onto: line[x])
        }
    }

    /// An image at its natural size on whole pixels: every destination pixel is one source pixel
    /// (what the resampling taps would compute, with weights of exactly one), so the pixels are
    /// swizzled from BGRA and blended without filtering.
    private func drawUnscaled(source: UnsafePointer<UInt8>, pitch: Int, imageWidth: Int, imageHeight: Int, x: Int, y: Int,
                              alpha: UInt32, clip: ClipState) {
        let rows: Range<Int> = clip.rows.clamped(to: y..<(y + imageHeight))
        let columns: Range<Int> = clip.columns.clamped(to: x..<(x + imageWidth))
        guard !rows.isEmpty, !columns.isEmpty else { return }
        noteDrawn(rows: rows, columns: columns)
        withPixelWords { words in
            for py in rows {
                let line: UnsafeMutablePointer<UInt32> = words.baseAddress! + py * width
                let sourceLine: UnsafeRawPointer = UnsafeRawPointer(source + (py - y) * pitch)
                let rowClip: UInt32 = clip.rowCoverage(py)
                // Columns the clip covers fully take the opacity as their coverage, as in the scaled path.
                let unclipped: Range<Int> = clip.mask == nil && rowClip >= 255 ? clip.fullColumns : 0..<0
                for px in columns {
                    let bgra: UInt32 = UInt32(littleEndian: sourceLine.loadUnaligned(fromByteOffset: (px - x) * 4, as: UInt32.self))
                    if bgra == 0 { continue }
                    let a: UInt32 = bgra >> 24
                    // Swap blue and red; keep each color at or below alpha, as the filtered path does.
                    let blue: UInt32 = Swift.min(a, bgra & 0xFF), green: UInt32 = Swift.min(a, (bgra >> 8) & 0xFF)
                    let red: UInt32 = Swift.min(a, (bgra >> 16) & 0xFF)
                    let pixel: UInt32 = red | green << 8 | blue << 16 | a << 24
                    let c: UInt32 = unclipped.contains(px) ? alpha : clipCoverage(clip, rowClip: rowClip, x: px, y: py, shape: alpha)
                    line[px] = PixelMath.blend(pixel, coverage: c, onto: line[px])
                }
            }
        }
    }

    /// Weights the source rows of destination row `row` into `vertical` (fixed point, ×4096), for
    /// source `columns` only.
    static func filterVertically(source: UnsafePointer<UInt8>, pitch: Int, columns: Range<Int>, taps: ResampleTaps, row: Int,
                                  into vertical: UnsafeMutableBufferPointer<Int32>) {
        let low: Int = columns.lowerBound * 4, high: Int = columns.upperBound * 4
        guard high > low else { return }
        let range: Range<Int> = taps.taps(for: row)
        guard let first = range.first else {
            (vertical.baseAddress! + low).update(repeating: 0, count: high - low)
            return
        }
        // The first tap sets the sums, so the row needs no clearing pass.
        let firstWeight: Int32 = taps.weight(first)
        let firstLine: UnsafePointer<UInt8> = source + taps.sourceIndex(first) * pitch
        for index in low..<high { vertical[index] = firstWeight &* Int32(firstLine[index]) }
        for tap in range.dropFirst() {
            let weight: Int32 = taps.weight(tap)
            let line: UnsafePointer<UInt8> = source + taps.sourceIndex(tap) * pitch
            for index in low..<high {
                // Weights sum to at most 4096 per row, so 255·4096 bounds each sum: wrapping
                // operations never wrap here, and without overflow checks the loop vectorizes.
                vertical[index] = vertical[index] &+ weight &* Int32(line[index])
            }
        }
    }
}
