import CWebP

/// WebP decoding through libwebp (first frame of an animation is not supported: libwebp's simple
/// decoder refuses animated files, which then report as invalid).
enum WebPDecoder {
    /// Decodes `bytes` to straight-alpha RGBA8 rows (`width * 4` bytes each).
    /// - Parameter maxPixels: the largest `width * height` accepted; checked against the header first.
    /// - Throws: `CodecError`.
    static func decode(_ bytes: [UInt8], maxPixels: Int) throws -> (width: Int, height: Int, rgba: [UInt8]) {
        try bytes.withUnsafeBufferPointer { input in
            var width: Int32 = 0
            var height: Int32 = 0
            guard input.count >= 12, WebPGetInfo(input.baseAddress, input.count, &width, &height) != 0 else {
                throw CodecError.wrongFormat("not a WebP file")
            }
            guard Int(width) * Int(height) <= maxPixels else {
                throw CodecError.tooLarge(width: Int(width), height: Int(height))
            }
            let count: Int = Int(width) * Int(height) * 4
            var rgba = [UInt8](repeating: 0, count: count)
            let decoded = rgba.withUnsafeMutableBufferPointer { output in
                WebPDecodeRGBAInto(input.baseAddress, input.count, output.baseAddress, count, width * 4)
            }
            guard decoded != nil else { throw CodecError.invalid("corrupt or unsupported WebP data") }
            return (Int(width), Int(height), rgba)
        }
    }
}
