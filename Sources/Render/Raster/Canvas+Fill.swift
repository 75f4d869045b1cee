extension Canvas {
    /// Fills `rect` (rounded by `radii`) with `paint`, anti-aliased, source-over, inside the current clip.
    func fill(_ rect: Rect, radii: CornerRadii = .zero, paint: Paint) {
        let box = RoundedBox(rect, radii: radii)
        let colors: FillColors? = box.isEmpty ? nil : fillColors(paint, box: rect)
        let coversCanvas: Bool = colors?.isOpaque == true && layers.isEmpty && clipStack.isEmpty && radii.isZero
            && rect.coversPixels(of: Rect(x: 0, y: 0, width: Double(width), height: Double(height)))
        // Full coverage of opaque paint stores the paint whatever was below, so old pixels need no clear.
        if !coversCanvas { clearIfUncleared() }
        guard let colors else { return }
        rasterize(outer: box, inner: nil, colors: colors)
        if coversCanvas { noteCoveredOpaquely() }
    }

    /// What `paint` resolves to over `box`; nil when it draws nothing (a clear color, a degenerate
    /// gradient).
    private func fillColors(_ paint: Paint, box: Rect) -> FillColors? {
        switch paint {
        case .solid(let color):
            let pixel: UInt32 = color.premultipliedPixel
            return pixel == 0 ? nil : .solid(pixel)
        case .linearGradient(let angle, let stops):
            return LinearGradientShader(angle: angle, stops: stops, box: box, dither: dithersGradients).map { .gradient($0) }
        case .gradient(let geometry, let stops, let repeating, let lineLength):
            return GradientShader(geometry: geometry, stops: stops, repeating: repeating, lineLength: lineLength).map { .shader($0) }
        }
    }

    /// Draws a solid border inside `rect`: the ring between the outer rounded rect and the inner one
    /// inset by `widths` (inner radii shrink by the adjacent widths, as CSS does).
    func strokeBorder(_ rect: Rect, radii: CornerRadii, widths: EdgeWidths, color: Color) {
        let outer = RoundedBox(rect, radii: radii)
        let pixel: UInt32 = color.premultipliedPixel
        guard !outer.isEmpty, pixel != 0 else { return }
        rasterize(outer: outer, inner: outer.inset(by: widths), colors: .solid(pixel))
    }

    /// What a fill paints with.
    enum FillColors {
        case solid(UInt32)
        case gradient(LinearGradientShader)
        case shader(GradientShader)

        /// Every color is opaque.
        var isOpaque: Bool {
            switch self {
            case .solid(let pixel): return pixel >> 24 == 255
            case .gradient(let gradient): return gradient.isOpaque
            case .shader(let shader): return shader.ramp.isOpaque
            }
        }
    }

    /// Scans `outer` minus `inner` row by row inside the current clip and blends `colors` in.
    func rasterize(outer: RoundedBox, inner: RoundedBox?, colors: FillColors) {
        let clip: ClipState = currentClip
        guard !clip.isEmpty else { return }
        let firstRow: Int = Swift.max(clip.rows.lowerBound, Int(saturatingFloor: outer.top))
        let endRow: Int = Swift.min(clip.rows.upperBound, Int(saturatingCeiling: outer.bottom))
        guard endRow > firstRow else { return }
        let firstColumn: Int = Swift.max(clip.columns.lowerBound, Int(saturatingFloor: outer.left))
        let endColumn: Int = Swift.min(clip.columns.upperBound, Int(saturatingCeiling: outer.right))
        // A shape beside the clip draws nothing (and would make an inverted range).
        guard endColumn > firstColumn else { return }
        noteDrawn(rows: firstRow..<endRow, columns: firstColumn..<endColumn)

        let rasterizer: CoverageRasterizer = self.rasterizer
        let coverage: UnsafePointer<UInt8> = UnsafePointer(rasterizer.coverage)
        let columnColors: UnsafeMutablePointer<UInt32> = rasterizer.rowColors
        let width: Int = self.width
        let mask: [UInt8] = clip.mask ?? []

        // A horizontal gradient has the same colors on every row: compute them once.
        if case .gradient(let gradient) = colors, gradient.direction == .horizontal, !gradient.dithers {
            let start: Int = Swift.max(clip.columns.lowerBound, Int(saturatingFloor: outer.left))
            let end: Int = Swift.min(clip.columns.upperBound, Int(saturatingCeiling: outer.right))
            gradient.fill(row: 0, from: start, to: end, into: columnColors)
        }

        withPixelWords { words in
            mask.withUnsafeBufferPointer { mask in
                let canvas: UnsafeMutablePointer<UInt32> = words.baseAddress!
                for y in firstRow..<endRow {
                    guard let row = rasterizer.rasterize(row: y, outer: outer, inner: inner, clip: clip) else { continue }
                    let line: UnsafeMutablePointer<UInt32> = canvas + y * width
                    let maskLine: UnsafePointer<UInt8>? = mask.isEmpty ? nil : mask.baseAddress! + y * width
                    let maskFull: Range<Int> = clip.maskFullColumns(y)
                    switch colors {
                    case .solid(let pixel):
                        Canvas.blend(row: row, line: line, coverage: coverage, mask: maskLine, maskFull: maskFull, colors: SolidRowColors(pixel: pixel))
                    case .shader(let shader):
                        shader.fill(row: y, from: row.start, to: row.end, into: columnColors)
                        let colors = BufferRowColors(base: UnsafePointer(columnColors), isOpaque: shader.ramp.isOpaque)
                        Canvas.blend(row: row, line: line, coverage: coverage, mask: maskLine, maskFull: maskFull, colors: colors)
                    case .gradient(let gradient):
                        switch gradient.direction {
                        case .vertical where !gradient.dithers:
                            let pixel: UInt32 = gradient.rowColor(y)
                            Canvas.blend(row: row, line: line, coverage: coverage, mask: maskLine, maskFull: maskFull, colors: SolidRowColors(pixel: pixel))
                        case _ where (gradient.dithers || (gradient.isOpaque && gradient.direction == .diagonal))
                            && maskLine == nil && row.interiorCoverage >= 255
                            && row.holeEnd <= row.holeStart && row.interiorEnd > row.interiorStart:
                            // Every pixel has its own color and covers what is below, so the fully
                            // covered run is written straight into the canvas rather than into the
                            // row buffer and copied; only the anti-aliased ends are blended.
                            gradient.fill(row: y, from: row.interiorStart, to: row.interiorEnd, into: line)
                            gradient.fill(row: y, from: row.start, to: row.interiorStart, into: columnColors)
                            gradient.fill(row: y, from: row.interiorEnd, to: row.end, into: columnColors)
                            let colors = BufferRowColors(base: UnsafePointer(columnColors), isOpaque: true)
                            Canvas.blendEdge(line: line, coverage: coverage, colors: colors, from: row.start, to: row.interiorStart)
                            Canvas.blendEdge(line: line, coverage: coverage, colors: colors, from: row.interiorEnd, to: row.end)
                        case .vertical, .horizontal, .diagonal:
                            if gradient.direction != .horizontal || gradient.dithers {
                                gradient.fill(row: y, from: row.start, to: row.end, into: columnColors)
                            }
                            let colors = BufferRowColors(base: UnsafePointer(columnColors), isOpaque: gradient.isOpaque)
                            Canvas.blend(row: row, line: line, coverage: coverage, mask: maskLine, maskFull: maskFull, colors: colors)
                        }
                    }
                }
            }
        }
    }

    /// Blends one rasterized row: buffered coverage on the edges, constant coverage inside, both
    /// multiplied by the clip mask when there is one; a ring's hole is skipped.
    private static func blend<C: RowColors>(row: CoverageRow, line: UnsafeMutablePointer<UInt32>, coverage: UnsafePointer<UInt8>,
                                            mask: UnsafePointer<UInt8>?, maskFull: Range<Int> = 0..<0, colors: C) {
        if let mask {
            // Where the mask is 255 its multiply is the identity, so that stretch (most of a
            // rounded clip's row) takes the unmasked path below.
            let fullStart: Int = Swift.min(row.end, Swift.max(row.start, maskFull.lowerBound))
            let fullEnd: Int = Swift.max(fullStart, Swift.min(row.end, maskFull.upperBound))
            blendMasked(row: row, line: line, coverage: coverage, mask: mask, colors: colors, from: row.start, to: fullStart)
            blendMasked(row: row, line: line, coverage: coverage, mask: mask, colors: colors, from: fullEnd, to: row.end)
            if fullEnd > fullStart {
                blend(row: row.clamped(to: fullStart..<fullEnd), line: line, coverage: coverage, mask: nil, colors: colors)
            }
            return
        }
        guard row.hasHole else {
            blendPiece(line: line, coverage: coverage, colors: colors, from: row.start, to: row.end,
                       interior: row.interiorStart..<Swift.max(row.interiorStart, row.interiorEnd), level: row.interiorCoverage)
            return
        }
        blendPiece(line: line, coverage: coverage, colors: colors, from: row.start, to: row.holeStart,
                   interior: row.interiorStart..<Swift.max(row.interiorStart, row.interiorEnd), level: row.interiorCoverage)
        blendPiece(line: line, coverage: coverage, colors: colors, from: row.holeEnd, to: row.end,
                   interior: row.secondInteriorStart..<Swift.max(row.secondInteriorStart, row.secondInteriorEnd),
                   level: row.secondInteriorCoverage)
    }

    /// Columns `start..<end`: buffered coverage on both sides of `interior` (kept inside the
    /// piece), `level` on it.
    private static func blendPiece<C: RowColors>(line: UnsafeMutablePointer<UInt32>, coverage: UnsafePointer<UInt8>, colors: C,
                                                 from start: Int, to end: Int, interior: Range<Int>, level: UInt32) {
        guard end > start else { return }
        let interiorStart: Int = Swift.min(end, Swift.max(start, interior.lowerBound))
        let interiorEnd: Int = Swift.max(interiorStart, Swift.min(end, interior.upperBound))
        blendEdge(line: line, coverage: coverage, colors: colors, from: start, to: interiorStart)
        blendEdge(line: line, coverage: coverage, colors: colors, from: interiorEnd, to: end)
        blendInterior(line: line, from: interiorStart, to: interiorEnd, level: level, colors: colors)
    }

    /// Columns `start..<end` of `row` with each pixel's coverage multiplied by the clip mask.
    private static func blendMasked<C: RowColors>(row: CoverageRow, line: UnsafeMutablePointer<UInt32>, coverage: UnsafePointer<UInt8>,
                                                  mask: UnsafePointer<UInt8>, colors: C, from start: Int, to end: Int) {
        guard end > start else { return }
        let hasHole: Bool = row.hasHole
        for x in start..<end where !hasHole || x < row.holeStart || x >= row.holeEnd {
            let c: UInt32 = PixelMath.multiply(row.coverage(at: x, buffered: coverage), UInt32(mask[x]))
            line[x] = PixelMath.blend(colors.color(at: x), coverage: c, onto: line[x])
        }
    }

    private static func blendEdge<C: RowColors>(line: UnsafeMutablePointer<UInt32>, coverage: UnsafePointer<UInt8>, colors: C, from start: Int, to end: Int) {
        guard end > start else { return }
        for x in start..<end {
            line[x] = PixelMath.blend(colors.color(at: x), coverage: UInt32(coverage[x]), onto: line[x])
        }
    }

    /// The run `start..<end` of pixels covered by `level`; a full-coverage opaque solid is a plain store loop.
    private static func blendInterior<C: RowColors>(line: UnsafeMutablePointer<UInt32>, from start: Int, to end: Int,
                                                    level: UInt32, colors: C) {
        guard end > start else { return }
        if level >= 255, let opaque = colors.opaqueConstant {
            (line + start).update(repeating: opaque, count: end - start)
            return
        }
        if level >= 255, let opaque = colors.opaqueBuffer {
            (line + start).update(from: opaque + start, count: end - start)
            return
        }
        if let color = colors.constant {
            blendRun(of: color, coverage: level, line: line, from: start, to: end)
            return
        }
        if let buffer = colors.colorBuffer {
            blendRun(of: buffer, coverage: level, line: line, from: start, to: end)
            return
        }
        if level >= 255 {
            for x in start..<end {
                let source: UInt32 = colors.color(at: x)
                // A transparent color leaves the pixel as it is (a radial gradient's clear outside).
                if source >> 24 == 255 {
                    line[x] = source
                } else if source != 0 {
                    line[x] = PixelMath.over(source, line[x])
                }
            }
            return
        }
        for x in start..<end {
            line[x] = PixelMath.over(PixelMath.scale(colors.color(at: x), by: level), line[x])
        }
    }

    /// One translucent color at one coverage over `start..<end`: the source scaled by the coverage
    /// is the same for every pixel, so each pixel is `source + destination × (1 − alpha)`, which
    /// is `PixelMath.blend` exactly (at full coverage an opaque source stores itself and a clear
    /// one leaves the pixel, as there; at partial coverage blend is `over(scale(…))`).
    static func blendRun(of color: UInt32, coverage level: UInt32, line: UnsafeMutablePointer<UInt32>, from start: Int, to end: Int) {
        let source: UInt32 = level >= 255 ? color : PixelMath.scale(color, by: level)
        // Nothing to add: over(0, d) is d (d·255/255 rounds back to d).
        guard source != 0, end > start else { return }
        if source >> 24 == 255 {
            (line + start).update(repeating: source, count: end - start)
            return
        }
        let inverseAlpha: UInt32 = 255 &- (source >> 24)
        for x in start..<end { line[x] = source &+ PixelMath.scale(line[x], by: inverseAlpha) }
    }

    /// Colors from `buffer` (indexed by x) at one coverage over `start..<end`, eight pixels per
    /// step. Every pixel becomes `over(scale(color, coverage), pixel)`, which is what the blend
    /// gives: at full coverage an opaque color over anything is itself (`scale(d, 0)` is 0) and a
    /// clear one leaves the pixel; a block of eight clear colors is skipped.
    static func blendRun(of buffer: UnsafePointer<UInt32>, coverage level: UInt32, line: UnsafeMutablePointer<UInt32>,
                         from start: Int, to end: Int) {
        let full: Bool = level >= 255
        let lanes = SIMD8<UInt32>(repeating: level)
        let colors = UnsafeRawPointer(buffer), pixels = UnsafeMutableRawPointer(line)
        var x: Int = start
        while x + 8 <= end {
            // Both rows are valid on start..<end, and x + 8 ≤ end.
            var source = colors.loadUnaligned(fromByteOffset: x * 4, as: SIMD8<UInt32>.self)
            if source != SIMD8<UInt32>() {
                if !full { source = PixelMath.scale(source, by: lanes) }
                let below = pixels.loadUnaligned(fromByteOffset: x * 4, as: SIMD8<UInt32>.self)
                pixels.storeBytes(of: PixelMath.over(source, below), toByteOffset: x * 4, as: SIMD8<UInt32>.self)
            }
            x += 8
        }
        while x < end {
            let source: UInt32 = full ? buffer[x] : PixelMath.scale(buffer[x], by: level)
            line[x] = PixelMath.over(source, line[x])
            x += 1
        }
    }
}
