/// An image resampled once onto a destination rectangle: for every canvas pixel the rectangle
/// touches, the premultiplied RGBA word `Canvas.drawImage` would blend there. A card's background
/// photo or logo is drawn at the same place on every render of its template, and resampling is most
/// of the cost of painting it (about 60 instructions a pixel for a cover photo against two or three
/// for blending the result), so the image caches keep these between renders.
///
/// The words do not depend on the clip, the opacity or what is under the image: the taps of one
/// destination pixel depend only on the source size and the rectangle (see `ResampleTaps`), and all
/// three samplers give the same word for the same taps. `Canvas.draw(_:opacity:)` therefore paints
/// exactly what `drawImage` paints.
struct ScaledImage: Sendable {
    /// The canvas pixel of the first word.
    let left: Int, top: Int
    let width: Int, height: Int
    /// Row-major words, `width` a row.
    let words: [UInt32]

    var byteCount: Int { words.count * 4 }

    /// Resamples premultiplied BGRA rows (`pitch` bytes apart) into `destination`, or nil when it
    /// covers no pixel, the buffer is shorter than its stated size, or the result would exceed
    /// `maximumPixels` words.
    init?(bgra: UnsafeBufferPointer<UInt8>, imageWidth: Int, imageHeight: Int, pitch: Int, into destination: Rect,
          maximumPixels: Int) {
        guard imageWidth > 0, imageHeight > 0, pitch >= imageWidth * 4,
              let source = bgra.baseAddress, bgra.count >= (imageHeight - 1) * pitch + imageWidth * 4,
              !destination.isEmpty, abs(destination.x) < 1e9, abs(destination.y) < 1e9 else { return nil }
        let everything: Range<Int> = Int.min / 2..<Int.max / 2
        let columns = ResampleTaps(sourceLength: imageWidth, origin: destination.x, length: destination.width, visible: everything)
        let rows = ResampleTaps(sourceLength: imageHeight, origin: destination.y, length: destination.height, visible: everything)
        guard columns.count > 0, rows.count > 0, columns.count.multipliedReportingOverflow(by: rows.count).partialValue <= maximumPixels,
              columns.count <= maximumPixels, rows.count <= maximumPixels else { return nil }
        left = columns.start
        top = rows.start
        width = columns.count
        height = rows.count
        let used: Range<Int> = columns.sourceRange
        let wide: Bool = columns.hasNonNegativeWeights && rows.hasNonNegativeWeights
        let padded: [ResampleTaps.PaddedTap]? = wide ? columns.paddedToThree() : nil
        var vertical = [Int32](repeating: 0, count: imageWidth * 4)
        let width = columns.count
        words = [UInt32](unsafeUninitializedCapacity: columns.count * rows.count) { output, initialized in
            vertical.withUnsafeMutableBufferPointer { vertical in
                columns.withUnsafeTaps { offsets, indices, weights in
                    for row in 0..<rows.count {
                        Canvas.filterVertically(source: source, pitch: pitch, columns: used, taps: rows, row: row, into: vertical)
                        let filtered: UnsafePointer<Int32> = UnsafePointer(vertical.baseAddress!)
                        let line: UnsafeMutablePointer<UInt32> = output.baseAddress! + row * width
                        if let padded {
                            padded.withUnsafeBufferPointer { taps in
                                for column in 0..<width {
                                    line[column] = ResampleTaps.samplePaddedPairs(taps[column], vertical: UnsafeRawPointer(filtered))
                                }
                            }
                        } else {
                            for column in 0..<width {
                                line[column] = wide
                                    ? ResampleTaps.sampleWide(column: column, offsets: offsets, indices: indices, weights: weights,
                                                              vertical: filtered)
                                    : ResampleTaps.sampleScalar(column: column, offsets: offsets, indices: indices, weights: weights,
                                                                vertical: filtered)
                            }
                        }
                    }
                }
            }
            initialized = columns.count * rows.count
        }
    }
}
