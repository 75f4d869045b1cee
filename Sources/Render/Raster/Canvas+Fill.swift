extension Canvas {
    /// Fills `rect` (rounded by `radii`) with `paint`, anti-aliased, source-over, inside the current clip.
    func fill(_ rect: Rect, radii: CornerRadii = .zero, paint: Paint) {
        let box = RoundedBox(rect, radii: radii)
        guard !box.isEmpty else { return }
        switch paint {
        case .solid(let color):
            let pixel: UInt32 = color.premultipliedPixel
            guard pixel != 0 else { return }
            rasterize(outer: box, inner: nil, colors: .solid(pixel))
        case .linearGradient(let angle, let stops):
            guard let gradient = LinearGradient(angle: angle, stops: stops, box: rect) else { return }
            rasterize(outer: box, inner: nil, colors: .gradient(gradient))
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
        case gradient(LinearGradient)
    }

    /// Scans `outer` minus `inner` row by row inside the current clip and blends `colors` in.
    func rasterize(outer: RoundedBox, inner: RoundedBox?, colors: FillColors) {
        let clip: ClipState = currentClip
        guard !clip.isEmpty else { return }
        let firstRow: Int = Swift.max(clip.rows.lowerBound, Int(outer.top.rounded(.down)))
        let endRow: Int = Swift.min(clip.rows.upperBound, Int(outer.bottom.rounded(.up)))
        guard endRow > firstRow else { return }

        // A horizontal gradient has the same colors on every row: compute them once.
        if case .gradient(let gradient) = colors, gradient.direction == .horizontal {
            let start: Int = Swift.max(clip.columns.lowerBound, Int(outer.left.rounded(.down)))
            let end: Int = Swift.min(clip.columns.upperBound, Int(outer.right.rounded(.up)))
            rowColors.withUnsafeMutableBufferPointer { gradient.fill(row: 0, from: start, to: end, into: $0.baseAddress!) }
        }
        let rasterizer: CoverageRasterizer = self.rasterizer
        var rowColors = self.rowColors
        self.rowColors = []
        defer { self.rowColors = rowColors }

        for y in firstRow..<endRow {
            guard let row = rasterizer.rasterize(row: y, outer: outer, inner: inner, clip: clip) else { continue }
            switch colors {
            case .solid(let pixel):
                blend(row: row, y: y, coverage: rasterizer.coverage, mask: clip.mask, colors: SolidRowColors(pixel: pixel))
            case .gradient(let gradient):
                switch gradient.direction {
                case .vertical:
                    blend(row: row, y: y, coverage: rasterizer.coverage, mask: clip.mask, colors: SolidRowColors(pixel: gradient.rowColor(y)))
                case .horizontal, .diagonal:
                    rowColors.withUnsafeMutableBufferPointer { buffer in
                        let base: UnsafeMutablePointer<UInt32> = buffer.baseAddress!
                        if gradient.direction == .diagonal {
                            gradient.fill(row: y, from: row.start, to: row.end, into: base)
                        }
                        blend(row: row, y: y, coverage: rasterizer.coverage, mask: clip.mask, colors: BufferRowColors(base: UnsafePointer(base)))
                    }
                }
            }
        }
    }

    /// Blends one rasterized row: buffered coverage on the edges, constant coverage inside, both
    /// multiplied by the clip mask when there is one; a ring's hole is skipped.
    private func blend<C: RowColors>(row: CoverageRow, y: Int, coverage: [UInt8], mask: [UInt8]?, colors: C) {
        let rowOffset: Int = y * width
        let hasHole: Bool = row.holeEnd > row.holeStart
        // Buffered columns: start..<holeStart and holeEnd..<interiorStart, then interiorEnd..<end.
        let holeStart: Int = hasHole ? row.holeStart : row.interiorStart
        let holeEnd: Int = hasHole ? row.holeEnd : row.interiorStart
        let afterInterior: Int = Swift.max(row.interiorEnd, row.interiorStart)
        withPixelWords { words in
            let line: UnsafeMutablePointer<UInt32> = words.baseAddress! + rowOffset
            coverage.withUnsafeBufferPointer { coverage in
                if let mask {
                    mask.withUnsafeBufferPointer { mask in
                        let maskLine: UnsafePointer<UInt8> = mask.baseAddress! + rowOffset
                        for x in row.start..<row.end where x < holeStart || x >= holeEnd {
                            let inside: Bool = x >= row.interiorStart && x < row.interiorEnd
                            let shape: UInt32 = inside ? row.interiorCoverage : UInt32(coverage[x])
                            let c: UInt32 = PixelMath.multiply(shape, UInt32(maskLine[x]))
                            line[x] = PixelMath.blend(colors.color(at: x), coverage: c, onto: line[x])
                        }
                    }
                    return
                }
                for range in [row.start..<holeStart, holeEnd..<row.interiorStart, afterInterior..<row.end] {
                    for x in range {
                        line[x] = PixelMath.blend(colors.color(at: x), coverage: UInt32(coverage[x]), onto: line[x])
                    }
                }
                Canvas.blendInterior(line: line, row: row, colors: colors)
            }
        }
    }

    /// The run of equally covered pixels; a full-coverage opaque solid is a plain store loop.
    private static func blendInterior<C: RowColors>(line: UnsafeMutablePointer<UInt32>, row: CoverageRow, colors: C) {
        guard row.interiorEnd > row.interiorStart else { return }
        let level: UInt32 = row.interiorCoverage
        if level >= 255, let opaque = colors.opaqueConstant {
            (line + row.interiorStart).update(repeating: opaque, count: row.interiorEnd - row.interiorStart)
            return
        }
        if level >= 255 {
            for x in row.interiorStart..<row.interiorEnd {
                let source: UInt32 = colors.color(at: x)
                line[x] = source >> 24 == 255 ? source : PixelMath.over(source, line[x])
            }
            return
        }
        for x in row.interiorStart..<row.interiorEnd {
            line[x] = PixelMath.over(PixelMath.scale(colors.color(at: x), by: level), line[x])
        }
    }
}
