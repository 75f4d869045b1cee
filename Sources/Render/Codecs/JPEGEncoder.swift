import CImageShims

/// JPEG encoding through the C shim. Cards (4:2:0, a width of whole 16-pixel areas, an even height,
/// standard Huffman tables) are written by the shim itself, with its own color conversion, DCT and
/// Huffman coder, in the very bytes libjpeg-turbo writes for them; libjpeg-turbo, behind the
/// shim's setjmp so its errors throw instead of exiting the process, encodes every other shape and
/// is the reference the shim is tested against.
enum JPEGEncoder {
    /// Chroma subsampling: 4:4:4 keeps color at full resolution, 4:2:0 halves it both ways.
    enum Subsampling: Sendable {
        case full
        case half

        var factor: Int32 { self == .full ? 1 : 2 }
    }

    /// The subsampling cards use: 4:2:0, without Huffman optimization.
    ///
    /// Measured with `ogpress bench --format jpeg` (1200×630, quality 90, release, one core, median
    /// of 20):
    ///
    /// | chroma | optimized Huffman | blog ms | blog bytes | docs ms | docs bytes | minimal ms | minimal bytes |
    /// |---|---|---:|---:|---:|---:|---:|---:|
    /// | 4:4:4 | no | 2.30 | 40,679 | 2.22 | 38,506 | 2.14 | 36,399 |
    /// | 4:4:4 | yes | 5.35 | 29,035 | 6.02 | 26,610 | 4.75 | 24,400 |
    /// | **4:2:0** | **no** | **1.45** | 28,280 | **1.42** | 29,474 | **1.35** | 24,045 |
    /// | 4:2:0 | yes | 2.24 | 20,999 | 2.19 | 20,812 | 2.13 | 16,560 |
    ///
    /// Card text is light on dark or dark on light, so its edges live in luma, which 4:2:0 keeps at
    /// full resolution; only colored text on a saturated background gets a faint chroma fringe.
    /// 4:4:4 costs 0.8 ms more per card and 40% more bytes, and the JPEG budget is 2 ms for the whole
    /// render, so cards use 4:2:0 — also what Chromium's own JPEG screenshots use. Huffman
    /// optimization saves a quarter of the bytes but its second pass costs another 0.8 ms.
    static let standardSubsampling = Subsampling.half
    /// See `standardSubsampling`.
    static let optimizeCoding = false

    /// Encodes a canvas at `quality` (clamped to 1…100), flattening any transparency onto white.
    /// Output is deterministic: baseline JFIF, integer DCT, standard Huffman tables, no timestamps.
    /// - Throws: `CodecError` when libjpeg or the shim's writer fails (out of memory).
    /// - Parameter coefficients: who writes a card, the shim or libjpeg-turbo; every choice gives the
    ///   same bytes (the shim's writer is the faster one for cards).
    static func encode(_ canvas: Canvas, quality: Int, subsampling: Subsampling = standardSubsampling,
                       coefficients: cimage_jpeg_coefficients = CIMAGE_JPEG_COEFFICIENTS_WHEN_FLAT) throws -> [UInt8] {
        guard canvas.width > 0, canvas.height > 0 else { throw CodecError.invalid("empty canvas") }
        let pixels = OpaquePixels.flattenedOntoWhite(canvas)
        let options = cimage_jpeg_options(quality: Int32(Swift.min(100, Swift.max(1, quality))),
                                          chroma_factor: subsampling.factor, optimize_coding: optimizeCoding ? 1 : 0,
                                          coefficients: coefficients)
        var buffer = cimage_buffer(data: nil, length: 0, capacity: 0)
        defer { cimage_buffer_free(&buffer) }
        var message = [CChar](repeating: 0, count: 256)
        let status: Int32 = pixels.withUnsafeBufferPointer { input in
            message.withUnsafeMutableBufferPointer { text in
                cimage_jpeg_encode(input.baseAddress, UInt32(canvas.width), UInt32(canvas.height), canvas.width * 4,
                                   options, &buffer, text.baseAddress, text.count)
            }
        }
        guard status == Int32(CIMAGE_OK), let data = buffer.data else {
            throw JPEGDecoder.error(status: status, message: ShimDecoder.text(of: message), width: canvas.width, height: canvas.height)
        }
        return [UInt8](UnsafeBufferPointer(start: data, count: buffer.length))
    }
}
