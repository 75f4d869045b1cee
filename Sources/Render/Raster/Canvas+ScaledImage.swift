extension Canvas {
    /// Blends an image resampled earlier (see `ScaledImage`) source-over, multiplied by `opacity`,
    /// inside the current clip: the same pixels `drawImage` gives for the image and rectangle it
    /// was resampled from.
    func draw(_ image: ScaledImage, opacity: Double = 1) {
        let alpha: UInt32 = Color.byte(opacity)
        let clip: ClipState = currentClip
        guard alpha > 0, !clip.isEmpty else { return }
        let rows: Range<Int> = clip.rows.clamped(to: image.top..<(image.top + image.height))
        let columns: Range<Int> = clip.columns.clamped(to: image.left..<(image.left + image.width))
        guard !rows.isEmpty, !columns.isEmpty else { return }
        noteDrawn(rows: rows, columns: columns)
        image.words.withUnsafeBufferPointer { words in
            withPixelWords { canvas in
                for y in rows {
                    let line: UnsafeMutablePointer<UInt32> = canvas.baseAddress! + y * width
                    let source: UnsafePointer<UInt32> = words.baseAddress! + (y - image.top) * image.width - image.left
                    let rowClip: UInt32 = clip.rowCoverage(y)
                    // Columns the clip covers fully take the opacity as their coverage, as in `drawImage`.
                    let unclipped: Range<Int> = clip.mask == nil && rowClip >= 255 ? clip.fullColumns.clamped(to: columns) : 0..<0
                    for x in columns.lowerBound..<Swift.max(columns.lowerBound, unclipped.lowerBound) {
                        blendClipped(source[x], at: x, y: y, line: line, clip: clip, rowClip: rowClip, alpha: alpha)
                    }
                    if alpha == 255 {
                        for x in unclipped {
                            let pixel: UInt32 = source[x]
                            // An opaque word replaces the pixel; most of a photo is opaque.
                            line[x] = pixel >> 24 == 255 ? pixel : pixel == 0 ? line[x] : PixelMath.over(pixel, line[x])
                        }
                    } else {
                        for x in unclipped where source[x] != 0 {
                            line[x] = PixelMath.blend(source[x], coverage: alpha, onto: line[x])
                        }
                    }
                    for x in Swift.max(columns.lowerBound, unclipped.upperBound)..<columns.upperBound {
                        blendClipped(source[x], at: x, y: y, line: line, clip: clip, rowClip: rowClip, alpha: alpha)
                    }
                }
            }
        }
    }

    /// One word at a column the clip covers partly or not at all.
    @inline(__always)
    private func blendClipped(_ pixel: UInt32, at x: Int, y: Int, line: UnsafeMutablePointer<UInt32>, clip: ClipState,
                              rowClip: UInt32, alpha: UInt32) {
        guard pixel != 0 else { return }
        line[x] = PixelMath.blend(pixel, coverage: clipCoverage(clip, rowClip: rowClip, x: x, y: y, shape: alpha), onto: line[x])
    }
}
