extension Canvas {
    /// Chords stay within this many canvas pixels of the curves they replace. Chords of a convex
    /// curve all fall inside it, so the error does not average out along an edge: at 0.1 px a
    /// circle's edge pixels lose up to a tenth of their coverage, at 0.05 px half that.
    static let pathTolerance: Double = 0.05

    /// Fills `path` (given in the space `transform` maps to canvas pixels) with `color` times
    /// `opacity`, anti-aliased, source-over, inside the current clip.
    func fill(_ path: Path, rule: Path.FillRule = .nonZero, transform: AffineTransform = .identity,
              color: Color, opacity: Double = 1) {
        let device: Path = path.transformed(by: transform)
        fillPolylines(device.flattened(tolerance: Canvas.pathTolerance), rule: rule, color: color, opacity: opacity)
    }

    /// Strokes `path` with `style`, both in the space `transform` maps to canvas pixels, so a
    /// non-uniform scale makes the stroke wider one way than the other (as SVG does).
    func stroke(_ path: Path, style: PathStrokeStyle, transform: AffineTransform = .identity,
                color: Color, opacity: Double = 1) {
        // The outline is built before the transform; its chords must still be fine after it.
        let scale: Double = Swift.max(
            (transform.a * transform.a + transform.b * transform.b).squareRoot(),
            (transform.c * transform.c + transform.d * transform.d).squareRoot())
        guard scale > 0, scale.isFinite else { return }
        let outline: Path = PathStroker(style: style, tolerance: Canvas.pathTolerance / scale).outline(of: path)
        fill(outline, rule: .nonZero, transform: transform, color: color, opacity: opacity)
    }

    private func fillPolylines(_ polylines: [Path.Polyline], rule: Path.FillRule, color: Color, opacity: Double) {
        var paint: Color = color
        paint.alpha = Color.unit(color.alpha) * Color.unit(opacity)
        let pixel: UInt32 = paint.premultipliedPixel
        let clip: ClipState = currentClip
        guard pixel != 0, !clip.isEmpty else { return }
        let rasterizer = PathRasterizer(polylines: polylines)
        guard !rasterizer.isEmpty else { return }
        let width: Int = self.width
        let mask: [UInt8] = clip.mask ?? []
        // Layers look for their content only where writers said they drew.
        var rows: (low: Int, high: Int) = (Int.max, Int.min)
        var spanned: (low: Int, high: Int) = (Int.max, Int.min)
        defer { if rows.low <= rows.high { noteDrawn(rows: rows.low..<rows.high + 1, columns: spanned.low..<spanned.high) } }
        let table: UnsafePointer<UInt32> = scaledColors.table(for: pixel)
        withPixelWords { words in
            mask.withUnsafeBufferPointer { mask in
                let canvas: UnsafeMutablePointer<UInt32> = words.baseAddress!
                rasterizer.rasterize(rule: rule, clip: clip) { y, columns, coverage in
                    guard !columns.isEmpty else { return }
                    rows = (Swift.min(rows.low, y), Swift.max(rows.high, y))
                    spanned = (Swift.min(spanned.low, columns.lowerBound), Swift.max(spanned.high, columns.upperBound))
                    let line: UnsafeMutablePointer<UInt32> = canvas + y * width
                    if !mask.isEmpty, let maskBase = mask.baseAddress {
                        // Masked clips have whole-pixel bounds: the mask holds the fractional edges.
                        let maskLine: UnsafePointer<UInt8> = maskBase + y * width
                        for x in columns {
                            let c: UInt32 = PixelMath.multiply(UInt32(coverage[x]), UInt32(maskLine[x]))
                            line[x] = ScaledColorTable.blend(table, coverage: c, onto: line[x])
                        }
                    } else {
                        for x in columns {
                            line[x] = ScaledColorTable.blend(table, coverage: UInt32(coverage[x]), onto: line[x])
                        }
                    }
                }
            }
        }
    }
}
