extension Canvas {
    /// Draws one box shadow of a box whose border box is `border` (rounded by `radii`) and whose
    /// padding box is `padding` (rounded by `paddingRadii`). Outer shadows show only outside the
    /// border box, inset shadows only inside the padding box, as CSS Backgrounds 3 §7.1 requires.
    ///
    /// The shape is rasterized straight onto the grid `AlphaMask.blur` would reduce it to (the
    /// mean of a block is the coverage of the shape scaled down), blurred there, and enlarged row
    /// by row while it is cut and blended, so no full-resolution mask is ever stored.
    func drawBoxShadow(_ shadow: BoxShadowPaint, border: Rect, radii: CornerRadii, padding: Rect, paddingRadii: CornerRadii) {
        guard shadow.color.alpha > 0, !border.isEmpty else { return }
        let sigma: Double = Swift.max(0, shadow.blur) / 2
        let reach: Int = AlphaMask.extent(sigma: sigma)
        let factor: Int = sigma > 0.01 ? AlphaMask.reduction(sigma: sigma) : 1
        let area: MaskArea
        var mask: AlphaMask
        let cut: RoundedBox
        if shadow.inset {
            guard !padding.isEmpty else { return }
            let hole = Rect(x: padding.x + shadow.offsetX + shadow.spread, y: padding.y + shadow.offsetY + shadow.spread,
                            width: padding.width - 2 * shadow.spread, height: padding.height - 2 * shadow.spread)
            let holeRadii = paddingRadii.mapped { Swift.max(0, $0 - shadow.spread) }
            // Twice the blur's reach around the padding box, so the zeros beyond the mask's edge
            // never bleed into the part that is drawn.
            guard let found = maskArea(around: padding, margin: 2 * reach) else { return }
            area = found
            mask = area.reducedMask(factor: factor, fill: 1)
            if !hole.isEmpty { mask.multiply(by: area.map(RoundedBox(hole, radii: holeRadii), factor: factor), inside: false) }
            cut = RoundedBox(padding, radii: paddingRadii)
        } else {
            let shape = Rect(x: border.x + shadow.offsetX - shadow.spread, y: border.y + shadow.offsetY - shadow.spread,
                             width: border.width + 2 * shadow.spread, height: border.height + 2 * shadow.spread)
            guard !shape.isEmpty, let found = maskArea(around: shape, margin: reach) else { return }
            area = found
            let shapeRadii = radii.mapped { BoxShadowPaint.spreadRadius($0, by: shadow.spread) }
            mask = area.reducedMask(factor: factor, fill: 0)
            mask.fill(with: area.map(RoundedBox(shape, radii: shapeRadii), factor: factor))
            cut = RoundedBox(border, radii: radii)
        }
        if factor > 1 {
            mask.blurOnReducedGrid(sigma: AlphaMask.reducedSigma(sigma, factor: factor))
        } else {
            mask.blurAtFullResolution(sigma: sigma)
        }
        drawEnlarged(mask, factor: factor, over: area, cutBy: cut, keepInside: shadow.inset, color: shadow.color)
    }

    /// Blends `small` (the shadow over `area` reduced by `factor`) in `color`, enlarged bilinearly,
    /// times the coverage of `cut` (`keepInside`) or of its complement, inside the current clip.
    /// Rows are cut with the same exact-area coverage as fills, so the shadow meets the box's
    /// anti-aliased edge without a seam; where an outer shadow's cut covers a run fully the run
    /// is skipped (the inside of the box, most of a large card).
    private func drawEnlarged(_ small: AlphaMask, factor: Int, over area: MaskArea, cutBy cut: RoundedBox, keepInside: Bool, color: Color) {
        let pixel: UInt32 = color.premultipliedPixel
        let clip: ClipState = currentClip
        let rows: Range<Int> = clip.rows.clamped(to: area.y..<(area.y + area.height))
        let columns: Range<Int> = clip.columns.clamped(to: area.x..<(area.x + area.width))
        guard pixel != 0, !rows.isEmpty, !columns.isEmpty, small.width > 0, small.height > 0 else { return }
        noteDrawn(rows: rows, columns: columns)
        let rowTaps = AlphaMask.taps(count: area.height, cells: small.height, factor: factor)
        let columnTaps: [ShadowTap] = AlphaMask.taps(count: area.width, cells: small.width, factor: factor)[(columns.lowerBound - area.x)...]
            .prefix(columns.count).map(ShadowTap.init)
        let cells: [Int32] = small.fixedLevels()
        var mixed = [Int32](repeating: 0, count: small.width)
        var steps = [Int32](repeating: 0, count: small.width)
        var levels = [UInt32](repeating: 0, count: columns.count)
        // Columns all at cell centres (no reduction) mix in nothing of the next cell, so the
        // steps between cells are never read and stay zero.
        let columnsAtCentres: Bool = columnTaps.allSatisfy { $0.weight == 0 }
        let whole = ClipState(left: 0, top: 0, right: Double(width), bottom: Double(height), mask: nil)
        let rasterizer: CoverageRasterizer = self.rasterizer
        let coverage: UnsafeMutablePointer<UInt8> = rasterizer.coverage
        let first: Int = columns.lowerBound, cellsX: Int = small.width
        let table: UnsafePointer<UInt32> = scaledColors.table(for: pixel)
        withPixelWords { words in
            cells.withUnsafeBufferPointer { cells in
                mixed.withUnsafeMutableBufferPointer { mixed in
                    steps.withUnsafeMutableBufferPointer { steps in
                        levels.withUnsafeMutableBufferPointer { levels in
                            columnTaps.withUnsafeBufferPointer { taps in
                                for y in rows {
                                    let line: UnsafeMutablePointer<UInt32> = words.baseAddress! + y * width
                                    let tap = rowTaps[y - area.y]
                                    let upper = cells.baseAddress! + tap.first * cellsX, lower = cells.baseAddress! + tap.second * cellsX
                                    let weight = Int32((tap.weight * 256).rounded())
                                    // A row at a cell centre (every row when nothing is reduced) is that cell row.
                                    let cellRow: UnsafePointer<Int32> = weight == 0 ? upper : UnsafePointer(mixed.baseAddress!)
                                    if weight != 0 {
                                        for i in 0..<cellsX { mixed[i] = upper[i] &+ (((lower[i] &- upper[i]) &* weight) &>> 8) }
                                    }
                                    // Every pixel mixes two of these cells (all at least 128), so when
                                    // all are below one level (256 in 8.8) the whole row is clear.
                                    var bits: Int32 = 0
                                    for i in 0..<cellsX { bits |= cellRow[i] }
                                    if bits < 256 { continue }
                                    if !columnsAtCentres { ShadowTap.steps(of: cellRow, count: cellsX, into: steps.baseAddress!) }
                                    let rowClip: UInt32 = clip.rowCoverage(y)
                                    let row: CoverageRow? = rasterizer.rasterize(row: y, outer: cut, inner: nil, clip: whole)
                                    // Columns whose cut coverage is full: nothing of an outer shadow shows there.
                                    var skip: Range<Int> = 0..<0
                                    if !keepInside, let row, row.interiorCoverage >= 255 {
                                        skip = row.interiorStart..<Swift.max(row.interiorStart, row.interiorEnd)
                                    }
                                    if keepInside && row == nil { continue }
                                    if skip.lowerBound <= first && skip.upperBound >= columns.upperBound { continue }
                                    let cut: Range<Int> = row.map { $0.start..<$0.end } ?? 0..<0
                                    let inside: Range<Int> = row.map { $0.interiorStart..<Swift.max($0.interiorStart, $0.interiorEnd) } ?? 0..<0
                                    let span = ShadowSpan(line: line, mixed: cellRow, steps: UnsafePointer(steps.baseAddress!),
                                                          taps: taps.baseAddress!, first: first, levels: levels.baseAddress!,
                                                          cut: cut, inside: inside, insideCoverage: row?.interiorCoverage ?? 0,
                                                          coverage: coverage, keepInside: keepInside, pixel: pixel, table: table,
                                                          unclipped: clip.mask == nil && rowClip >= 255 ? clip.fullColumns : 0..<0,
                                                          splitsRuns: takesShortcuts)
                                    if skip.isEmpty {
                                        span.blend(columns, clip: clip, rowClip: rowClip, y: y, on: self)
                                    } else {
                                        span.blend(columns.lowerBound..<Swift.max(columns.lowerBound, Swift.min(skip.lowerBound, columns.upperBound)),
                                                   clip: clip, rowClip: rowClip, y: y, on: self)
                                        span.blend(Swift.min(columns.upperBound, Swift.max(skip.upperBound, columns.lowerBound))..<columns.upperBound,
                                                   clip: clip, rowClip: rowClip, y: y, on: self)
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    /// One column of an enlarged shadow: the reduced cell on its left and the weight (0...256) of
    /// the next one.
    struct ShadowTap {
        var cell: Int32
        var weight: Int32

        /// The tap of `AlphaMask.taps`, its weight in 1/256; a tap whose two cells are one (past
        /// the last centre) mixes nothing in, so its weight is 0 and `steps` never matter there.
        init(_ tap: (first: Int, second: Int, weight: Float)) {
            cell = Int32(tap.first)
            weight = tap.first == tap.second ? 0 : Int32((tap.weight * 256).rounded())
        }

        /// `row[i + 1] − row[i]` for each of `count` cells, 0 for the last: with it a tap's mix of
        /// its two cells reads one cell.
        static func steps(of row: UnsafePointer<Int32>, count: Int, into steps: UnsafeMutablePointer<Int32>) {
            for i in 0..<(count - 1) { steps[i] = row[i + 1] &- row[i] }
            steps[count - 1] = 0
        }

        /// The byte coverage of each of `count` columns from `taps`: the two cells of each tap
        /// mixed, `(a + ((b − a)·weight >> 8)) >> 8` in the 8.8 levels of `row`.
        static func levels(row: UnsafePointer<Int32>, steps: UnsafePointer<Int32>, taps: UnsafePointer<ShadowTap>, count: Int,
                           into levels: UnsafeMutablePointer<UInt32>) {
            for i in 0..<count {
                let t = taps[i]
                let cell = Int(t.cell)
                levels[i] = UInt32(truncatingIfNeeded: (row[cell] &+ ((steps[cell] &* t.weight) &>> 8)) &>> 8)
            }
        }
    }

    /// One row of an enlarged shadow between two column bounds, with everything that is constant
    /// along the row worked out once, so the per-pixel loop is a lookup, a mix and a blend.
    private struct ShadowSpan {
        let line: UnsafeMutablePointer<UInt32>
        /// The row of reduced cells mixed vertically, in 8.8 fixed point.
        let mixed: UnsafePointer<Int32>
        /// `mixed[i + 1] − mixed[i]`, zero for the last cell.
        let steps: UnsafePointer<Int32>
        let taps: UnsafePointer<ShadowTap>
        /// The canvas column of `taps[0]`.
        let first: Int
        /// Room for the shape coverage of every column from `first` on.
        let levels: UnsafeMutablePointer<UInt32>
        /// Columns the cut box's row touches, and the run among them at `insideCoverage`.
        let cut: Range<Int>
        let inside: Range<Int>
        let insideCoverage: UInt32
        let coverage: UnsafeMutablePointer<UInt8>
        let keepInside: Bool
        /// The shadow color, premultiplied.
        let pixel: UInt32
        /// The shadow color scaled by each coverage (`ScaledColorTable`).
        let table: UnsafePointer<UInt32>
        /// Columns where the clip covers the pixel fully, so its coverage needs no multiply.
        let unclipped: Range<Int>
        /// False to send every column through `blendChecked` (tests compare the two).
        let splitsRuns: Bool

        /// Blends columns `range`, exactly as the per-pixel cut and clip rules give.
        ///
        /// The range is cut into runs on which the cut and the clip leave the shape unchanged
        /// (outside an outer shadow's box, or inside an inset shadow's fully covered run, with the
        /// clip full): those take `blendPlain`, shapes first and then eight pixels per step. Everything
        /// else, short runs at the edges, goes through `blendChecked`.
        func blend(_ range: Range<Int>, clip: ClipState, rowClip: UInt32, y: Int, on canvas: Canvas) {
            guard splitsRuns else { return blendChecked(range, clip: clip, rowClip: rowClip, y: y, on: canvas) }
            var x: Int = range.lowerBound
            let end: Int = range.upperBound
            let plainInside: Bool = keepInside && insideCoverage >= 255
            while x < end {
                // The next column at which any per-pixel test can change.
                var next: Int = end
                func limit(_ bound: Int) { if bound > x && bound < next { next = bound } }
                limit(cut.lowerBound); limit(cut.upperBound)
                limit(inside.lowerBound); limit(inside.upperBound)
                limit(unclipped.lowerBound); limit(unclipped.upperBound)
                let inCut: Bool = x >= cut.lowerBound && x < cut.upperBound
                let plainCut: Bool = inCut ? plainInside && x >= inside.lowerBound && x < inside.upperBound : !keepInside
                if !inCut && keepInside {
                    // Outside the cut box nothing of an inset shadow shows.
                } else if plainCut && x >= unclipped.lowerBound && x < unclipped.upperBound {
                    blendPlain(x..<next)
                } else {
                    blendChecked(x..<next, clip: clip, rowClip: rowClip, y: y, on: canvas)
                }
                x = next
            }
        }

        /// The shadow's own coverage of column `x`: the two cells of its tap mixed, as a byte.
        @inline(__always)
        private func shape(at x: Int) -> UInt32 {
            let t = taps[x - first]
            let cell = Int(t.cell)
            return UInt32(truncatingIfNeeded: (mixed[cell] &+ ((steps[cell] &* t.weight) &>> 8)) &>> 8)
        }

        /// Columns where neither the cut nor the clip changes the shape's coverage.
        private func blendPlain(_ range: Range<Int>) {
            let run = levels + (range.lowerBound - first)
            ShadowTap.levels(row: mixed, steps: steps, taps: taps + (range.lowerBound - first), count: range.count, into: run)
            PixelLanes.blend(pixel, levels: run, count: range.count, onto: line + range.lowerBound)
        }

        /// Columns with every per-pixel rule applied.
        private func blendChecked(_ range: Range<Int>, clip: ClipState, rowClip: UInt32, y: Int, on canvas: Canvas) {
            for x in range {
                var shape = shape(at: x)
                if shape == 0 { continue }
                if x >= cut.lowerBound && x < cut.upperBound {
                    let inCut: UInt32 = x >= inside.lowerBound && x < inside.upperBound ? insideCoverage : UInt32(coverage[x])
                    shape = PixelMath.multiply(shape, keepInside ? inCut : 255 - inCut)
                    if shape == 0 { continue }
                } else if keepInside {
                    // Outside the cut box nothing of an inset shadow shows.
                    continue
                }
                let c: UInt32 = x >= unclipped.lowerBound && x < unclipped.upperBound
                    ? shape : canvas.clipCoverage(clip, rowClip: rowClip, x: x, y: y, shape: shape)
                line[x] = ScaledColorTable.blend(table, coverage: c, onto: line[x])
            }
        }
    }

    /// Composites a coverage mask in `color`, source-over, inside the current clip.
    func draw(_ mask: AlphaMask, color: Color) {
        guard mask.width > 0, mask.height > 0 else { return }
        let bytes: [UInt8] = mask.byteLevels()
        bytes.withUnsafeBufferPointer { buffer in
            drawMask(buffer, maskWidth: mask.width, maskHeight: mask.height, pitch: mask.width,
                     x: mask.originX, y: mask.originY, color: color)
        }
    }

    private struct MaskArea {
        var x: Int, y: Int, width: Int, height: Int

        /// A mask of the cells of this area reduced by `factor`, every value `fill`.
        func reducedMask(factor: Int, fill: Float) -> AlphaMask {
            AlphaMask(originX: 0, originY: 0, width: (width + factor - 1) / factor, height: (height + factor - 1) / factor, fill: fill)
        }

        /// `box` in the coordinates of `reducedMask(factor:fill:)`.
        func map(_ box: RoundedBox, factor: Int) -> RoundedBox {
            box.mapped(originX: Double(x), originY: Double(y), scale: 1 / Double(factor))
        }
    }

    /// Whole pixels covering `rect` grown by `margin`, cut to the visible clip grown by `margin`
    /// (what lies further out cannot blur into view); nil when nothing is left.
    private func maskArea(around rect: Rect, margin: Int) -> MaskArea? {
        let clip: ClipState = currentClip
        let left: Int = Swift.max(Int(saturatingFloor: rect.x) - margin, clip.columns.lowerBound - margin)
        let top: Int = Swift.max(Int(saturatingFloor: rect.y) - margin, clip.rows.lowerBound - margin)
        let right: Int = Swift.min(Int(saturatingCeiling: rect.maxX) + margin, clip.columns.upperBound + margin)
        let bottom: Int = Swift.min(Int(saturatingCeiling: rect.maxY) + margin, clip.rows.upperBound + margin)
        guard right > left, bottom > top, !clip.isEmpty else { return nil }
        return MaskArea(x: left, y: top, width: right - left, height: bottom - top)
    }
}
