import CWebP

/// WebP encoding through libwebp's advanced API (which returns error codes, so no shim is needed).
enum WebPEncoder {
    /// The lossy compression effort, 0 (fastest) … 6 (smallest): method 2.
    ///
    /// Measured with `ogpress bench --format webp` (1200×630, quality 90, release, one core, median of 10):
    ///
    /// | method | blog ms | blog bytes | docs ms | docs bytes |
    /// |---:|---:|---:|---:|---:|
    /// | 0 | 16.5 | 12,704 | 14.4 | 12,060 |
    /// | 1 | 22.0 | 10,996 | 18.4 | 10,516 |
    /// | **2** | **17.1** | **9,152** | **13.5** | **8,658** |
    /// | 3 | 31.8 | 9,454 | 30.5 | 8,320 |
    /// | 4 | 31.7 | 9,388 | 31.9 | 8,314 |
    ///
    /// Methods 3+ turn on the rate-distortion search and double the time for no size gain on cards;
    /// method 2 is as fast as 0 and a quarter smaller.
    static let lossyMethod: Int32 = 2
    /// Quality 100 means lossless, with `WebPConfigLosslessPreset` level 1: level 0 was 10–22 ms but
    /// made the docs card 63 KB (level 1: 7 KB); level 2 shaved 5–15% more bytes for 1.5× the time.
    static let losslessLevel: Int32 = 1

    /// Encodes a canvas: lossy at `quality` 1…99, lossless at 100. Keeps transparency (straight alpha).
    /// Output is deterministic: one thread, no metadata.
    /// - Throws: `CodecError` when libwebp reports an error.
    static func encode(_ canvas: Canvas, quality: Int) throws -> [UInt8] {
        guard canvas.width > 0, canvas.height > 0, canvas.width <= Int(WEBP_MAX_DIMENSION),
              canvas.height <= Int(WEBP_MAX_DIMENSION) else {
            throw CodecError.invalid("WebP images must be 1…\(WEBP_MAX_DIMENSION) pixels on each side")
        }
        let clamped: Int = Swift.min(100, Swift.max(1, quality))
        var config = WebPConfig()
        guard WebPConfigInit(&config) != 0 else { throw CodecError.invalid("libwebp version mismatch") }
        if clamped == 100 {
            guard WebPConfigLosslessPreset(&config, losslessLevel) != 0 else { throw CodecError.invalid("bad lossless preset") }
        } else {
            config.quality = Float(clamped)
            config.method = lossyMethod
        }
        config.thread_level = 0

        var picture = WebPPicture()
        guard WebPPictureInit(&picture) != 0 else { throw CodecError.invalid("libwebp version mismatch") }
        picture.width = Int32(canvas.width)
        picture.height = Int32(canvas.height)
        picture.use_argb = config.lossless
        defer { WebPPictureFree(&picture) }

        let opaque: Bool = PNGEncoder.isOpaque(canvas)
        let pixels: [UInt8] = opaque ? canvas.pixels : PNGEncoder.unpremultiplied(canvas.pixels)
        let imported: Int32 = pixels.withUnsafeBufferPointer { input in
            opaque ? WebPPictureImportRGBX(&picture, input.baseAddress, Int32(canvas.width * 4))
                   : WebPPictureImportRGBA(&picture, input.baseAddress, Int32(canvas.width * 4))
        }
        guard imported != 0 else { throw CodecError.outOfMemory }

        var writer = WebPMemoryWriter()
        WebPMemoryWriterInit(&writer)
        defer { WebPMemoryWriterClear(&writer) }
        let encoded: Int32 = withUnsafeMutablePointer(to: &writer) { sink in
            // `custom_ptr` is only read inside WebPEncode, while `sink` is valid.
            picture.writer = WebPMemoryWrite
            picture.custom_ptr = UnsafeMutableRawPointer(sink)
            return WebPEncode(&config, &picture)
        }
        guard encoded != 0, let data = writer.mem else {
            throw CodecError.invalid("libwebp encoding failed (error \(picture.error_code.rawValue))")
        }
        return [UInt8](UnsafeBufferPointer(start: data, count: writer.size))
    }
}
