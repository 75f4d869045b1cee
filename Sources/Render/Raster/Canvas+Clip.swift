extension Canvas {
    /// Intersects the clip with a rounded rectangle until the matching `popClip()`.
    ///
    /// Square clips on an unmasked stack stay rectangles with fractional edges (intersected
    /// geometrically into every fill, exact and free); a rounded clip, or any clip on top of one,
    /// becomes a coverage mask multiplied with the one below it.
    func pushClip(_ rect: Rect, radii: CornerRadii = .zero) {
        let previous: ClipState = currentClip
        let left: Double = Swift.max(previous.left, rect.x)
        let top: Double = Swift.max(previous.top, rect.y)
        let right: Double = Swift.min(previous.right, rect.maxX)
        let bottom: Double = Swift.min(previous.bottom, rect.maxY)
        // NaN-safe emptiness: anything that is not a positive extent clips everything.
        guard right > left, bottom > top else {
            clipStack.append(ClipState(left: 0, top: 0, right: 0, bottom: 0, mask: nil))
            return
        }
        if radii.isZero && previous.mask == nil {
            clipStack.append(ClipState(left: left, top: top, right: right, bottom: bottom, mask: nil))
            return
        }
        clipStack.append(maskedClip(RoundedBox(rect, radii: radii), within: previous))
    }

    /// Restores the clip in force before the matching `pushClip`. Extra pops are ignored, so an
    /// unbalanced caller cannot take the canvas below its initial whole-canvas clip.
    func popClip() {
        if !clipStack.isEmpty { clipStack.removeLast() }
    }

    /// Rasterizes `box` inside `previous` into a canvas-sized coverage mask.
    private func maskedClip(_ box: RoundedBox, within previous: ClipState) -> ClipState {
        var mask = [UInt8](repeating: 0, count: width * height)
        let rasterizer: CoverageRasterizer = self.rasterizer
        let coverage: UnsafeMutablePointer<UInt8> = rasterizer.coverage
        var minX: Int = Int.max
        var maxX: Int = Int.min
        var minY: Int = Int.max
        var maxY: Int = Int.min
        let firstRow: Int = Swift.max(previous.rows.lowerBound, Int(saturatingFloor: box.top))
        let endRow: Int = Swift.min(previous.rows.upperBound, Int(saturatingCeiling: box.bottom))
        mask.withUnsafeMutableBufferPointer { mask in
            for y in Swift.max(0, firstRow)..<Swift.max(firstRow, endRow) {
                guard let row = rasterizer.rasterize(row: y, outer: box, inner: nil, clip: previous) else { continue }
                let offset: Int = y * width
                var touched: Bool = false
                for x in row.start..<row.end {
                    let inside: Bool = x >= row.interiorStart && x < row.interiorEnd
                    var value: UInt32 = inside ? row.interiorCoverage : UInt32(coverage[x])
                    if let below = previous.mask { value = PixelMath.multiply(value, UInt32(below[offset + x])) }
                    mask[offset + x] = UInt8(value)
                    touched = touched || value > 0
                }
                if touched {
                    minX = Swift.min(minX, row.start); maxX = Swift.max(maxX, row.end)
                    minY = Swift.min(minY, y); maxY = Swift.max(maxY, y + 1)
                }
            }
        }
        guard minX < maxX, minY < maxY else { return ClipState(left: 0, top: 0, right: 0, bottom: 0, mask: nil) }
        return ClipState(left: Double(minX), top: Double(minY), right: Double(maxX), bottom: Double(maxY), mask: mask)
    }
}
