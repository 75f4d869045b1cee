/// Opaque RGBX copies of a canvas for encoders without alpha.
enum OpaquePixels {
    /// The canvas flattened onto white, as a browser shows a transparent page: each premultiplied
    /// channel plus `255 - alpha`. An opaque canvas is returned as it is (no copy).
    static func flattenedOntoWhite(_ canvas: Canvas) -> [UInt8] {
        if PNGEncoder.isOpaque(canvas) { return canvas.pixels }
        let source = canvas.pixels
        return [UInt8](unsafeUninitializedCapacity: source.count) { output, initialized in
            source.withUnsafeBufferPointer { input in
                var index: Int = 0
                while index + 3 < input.count {
                    let cover: UInt8 = 255 &- input[index + 3]
                    // Premultiplied channels never exceed alpha, so the sums stay within a byte.
                    output[index] = input[index] &+ cover
                    output[index + 1] = input[index + 1] &+ cover
                    output[index + 2] = input[index + 2] &+ cover
                    output[index + 3] = 255
                    index += 4
                }
            }
            initialized = source.count
        }
    }
}
