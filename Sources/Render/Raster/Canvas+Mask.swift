extension Canvas {
    /// Blends an 8-bit coverage mask (a glyph) of `maskWidth`×`maskHeight` with row stride `pitch`
    /// at integer position (`x`, `y`) in `color`, source-over, inside the current clip.
    /// A mask whose buffer is shorter than its stated size draws nothing.
    func drawMask(_ mask: UnsafeBufferPointer<UInt8>, maskWidth: Int, maskHeight: Int, pitch: Int, x: Int, y: Int, color: Color) {
        guard maskWidth > 0, maskHeight > 0, pitch >= maskWidth,
              let source = mask.baseAddress, mask.count >= (maskHeight - 1) * pitch + maskWidth else { return }
        let pixel: UInt32 = color.premultipliedPixel
        let clip: ClipState = currentClip
        let rows: Range<Int> = clip.rows.clamped(to: y..<(y + maskHeight))
        let columns: Range<Int> = clip.columns.clamped(to: x..<(x + maskWidth))
        guard pixel != 0, !rows.isEmpty, !columns.isEmpty else { return }
        noteDrawn(rows: rows, columns: columns)
        let table: UnsafePointer<UInt32> = scaledColors.table(for: pixel)
        // Whether the clip leaves the mask's coverage as it is on every column: the usual case, a
        // glyph or shadow inside a rectangular clip, whose fully covered rows are then blended
        // eight pixels at a time with no clip arithmetic.
        let fullColumns: Range<Int> = clip.mask == nil ? clip.fullColumns : 0..<0
        let columnsUnclipped: Bool = fullColumns.lowerBound <= columns.lowerBound && columns.upperBound <= fullColumns.upperBound
        withPixelWords { words in
            let canvas: UnsafeMutablePointer<UInt32> = words.baseAddress!
            for py in rows {
                let maskRow: UnsafePointer<UInt8> = source + (py - y) * pitch - x
                let line: UnsafeMutablePointer<UInt32> = canvas + py * width
                let rowClip: UInt32 = clip.rowCoverage(py)
                if columnsUnclipped && rowClip >= 255 {
                    PixelLanes.blend(pixel, byteLevels: maskRow + columns.lowerBound, count: columns.count, onto: line + columns.lowerBound)
                    continue
                }
                for px in columns {
                    let glyph: UInt32 = UInt32(maskRow[px])
                    if glyph == 0 { continue }
                    let c: UInt32 = clipCoverage(clip, rowClip: rowClip, x: px, y: py, shape: glyph)
                    line[px] = ScaledColorTable.blend(table, coverage: c, onto: line[px])
                }
            }
        }
    }

    /// `shape` coverage times the clip's coverage of pixel (`x`, `y`), whose row factor is `rowClip`.
    @inline(__always)
    func clipCoverage(_ clip: ClipState, rowClip: UInt32, x: Int, y: Int, shape: UInt32) -> UInt32 {
        if let mask = clip.mask {
            return PixelMath.multiply(shape, UInt32(mask[y * width + x]))
        }
        let edge: UInt32 = rowClip >= 255 ? clip.columnCoverage(x) : PixelMath.multiply(rowClip, clip.columnCoverage(x))
        return edge >= 255 ? shape : PixelMath.multiply(shape, edge)
    }
}
