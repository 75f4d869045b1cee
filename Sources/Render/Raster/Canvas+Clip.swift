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
        guard let clip = clipStack.popLast() else { return }
        guard var mask = clip.mask else { return }
        // Every non-zero byte lies inside the clip's bounds (they are the mask's support), so
        // clearing those rows hands the pool a zeroed mask without a whole-canvas memset.
        let rows: Range<Int> = clip.rows, columns: Range<Int> = clip.columns
        let width: Int = self.width
        if rows.lowerBound >= 0, rows.upperBound <= height, columns.lowerBound >= 0, columns.upperBound <= width,
           mask.count == width * height {
            mask.withUnsafeMutableBufferPointer { mask in
                for y in rows { (mask.baseAddress! + y * width + columns.lowerBound).update(repeating: 0, count: columns.count) }
            }
            pool.give(mask, isZeroed: true)
        } else {
            pool.give(mask, isZeroed: false)
        }
    }

    /// Rasterizes `box` inside `previous` into a canvas-sized coverage mask.
    private func maskedClip(_ box: RoundedBox, within previous: ClipState) -> ClipState {
        var mask = pool.takeZeroed(count: width * height) ?? [UInt8](repeating: 0, count: width * height)
        let rasterizer: CoverageRasterizer = self.rasterizer
        let coverage: UnsafeMutablePointer<UInt8> = rasterizer.coverage
        var minX: Int = Int.max
        var maxX: Int = Int.min
        var minY: Int = Int.max
        var maxY: Int = Int.min
        let firstRow: Int = Swift.max(previous.rows.lowerBound, Int(saturatingFloor: box.top))
        let endRow: Int = Swift.min(previous.rows.upperBound, Int(saturatingCeiling: box.bottom))
        let previousMask: [UInt8] = previous.mask ?? []
        var fullRuns = [Int32](repeating: 0, count: 2 * height)
        mask.withUnsafeMutableBufferPointer { mask in
            previousMask.withUnsafeBufferPointer { previousMask in
                for y in Swift.max(0, firstRow)..<Swift.max(firstRow, endRow) {
                    guard let row = rasterizer.rasterize(row: y, outer: box, inner: nil, clip: previous) else { continue }
                    let offset: Int = y * width
                    let line: UnsafeMutablePointer<UInt8> = mask.baseAddress! + offset
                    let below: UnsafePointer<UInt8>? = previousMask.isEmpty ? nil : previousMask.baseAddress! + offset
                    var touched: Bool = false
                    // Anti-aliased ends pixel by pixel; the run of equal coverage inside as one fill or copy.
                    let interiorStart: Int = Swift.min(row.end, Swift.max(row.start, row.interiorStart))
                    let interiorEnd: Int = Swift.max(interiorStart, Swift.min(row.end, row.interiorEnd))
                    for x in row.start..<interiorStart { touched = Self.store(UInt32(coverage[x]), below: below, at: x, into: line) || touched }
                    for x in interiorEnd..<row.end { touched = Self.store(UInt32(coverage[x]), below: below, at: x, into: line) || touched }
                    if interiorEnd > interiorStart {
                        let level: UInt32 = row.interiorCoverage
                        let count: Int = interiorEnd - interiorStart
                        if let below, level >= 255 {
                            (line + interiorStart).update(from: below + interiorStart, count: count)
                            if !touched { touched = (interiorStart..<interiorEnd).contains { below[$0] > 0 } }
                            // The copy is 255 where the clip below is.
                            let full: Range<Int> = previous.maskFullColumns(y).clamped(to: interiorStart..<interiorEnd)
                            fullRuns[2 * y] = Int32(full.lowerBound); fullRuns[2 * y + 1] = Int32(full.upperBound)
                        } else if let below {
                            for x in interiorStart..<interiorEnd { touched = Self.store(level, below: below, at: x, into: line) || touched }
                        } else {
                            (line + interiorStart).update(repeating: UInt8(level), count: count)
                            touched = touched || level > 0
                            if level >= 255 { fullRuns[2 * y] = Int32(interiorStart); fullRuns[2 * y + 1] = Int32(interiorEnd) }
                        }
                    }
                    if touched {
                        minX = Swift.min(minX, row.start); maxX = Swift.max(maxX, row.end)
                        minY = Swift.min(minY, y); maxY = Swift.max(maxY, y + 1)
                    }
                }
            }
        }
        guard minX < maxX, minY < maxY else {
            // Nothing non-zero was written: the mask is still all zeros.
            pool.give(mask, isZeroed: true)
            return ClipState(left: 0, top: 0, right: 0, bottom: 0, mask: nil)
        }
        return ClipState(left: Double(minX), top: Double(minY), right: Double(maxX), bottom: Double(maxY), mask: mask,
                         maskFullRuns: fullRuns)
    }

    /// Writes `shape` times the clip below (if any) at column `x` of a mask row; whether it is non-zero.
    @inline(__always)
    private static func store(_ shape: UInt32, below: UnsafePointer<UInt8>?, at x: Int, into line: UnsafeMutablePointer<UInt8>) -> Bool {
        let value: UInt32 = below.map { PixelMath.multiply(shape, UInt32($0[x])) } ?? shape
        line[x] = UInt8(value)
        return value > 0
    }
}
