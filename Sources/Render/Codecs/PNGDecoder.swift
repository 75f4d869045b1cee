import CImageShims

/// PNG decoding through libpng, behind the setjmp shim so corrupt files throw instead of aborting.
enum PNGDecoder {
    /// Decodes `bytes` to straight-alpha RGBA8 rows (`width * 4` bytes each), whatever the PNG's
    /// color type and bit depth.
    /// - Parameter maxPixels: the largest `width * height` accepted; checked against the header
    ///   before any pixel memory is allocated.
    /// - Throws: `PNGError`.
    static func decode(_ bytes: [UInt8], maxPixels: Int) throws -> (width: Int, height: Int, rgba: [UInt8]) {
        var output: UnsafeMutablePointer<UInt8>?
        var width: UInt32 = 0
        var height: UInt32 = 0
        var message = [CChar](repeating: 0, count: 256)
        let status: Int32 = bytes.withUnsafeBufferPointer { input in
            message.withUnsafeMutableBufferPointer { text in
                cimage_png_decode(input.baseAddress, input.count, UInt64(Swift.max(0, maxPixels)),
                                  &output, &width, &height, text.baseAddress, text.count)
            }
        }
        defer { cimage_free(output) }
        guard status == Int32(CIMAGE_OK), let output else {
            throw PNGDecoder.error(status: status, message: message, width: Int(width), height: Int(height))
        }
        let count: Int = Int(width) * Int(height) * 4
        let rgba = [UInt8](UnsafeBufferPointer(start: output, count: count))
        return (Int(width), Int(height), rgba)
    }

    static func error(status: Int32, message: [CChar], width: Int, height: Int) -> PNGError {
        let text: String = message.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
        switch status {
        case Int32(CIMAGE_ERROR_NOT_PNG): return .notPNG
        case Int32(CIMAGE_ERROR_NO_MEMORY): return .outOfMemory
        case Int32(CIMAGE_ERROR_TOO_LARGE): return .tooLarge(width: width, height: height)
        default: return .invalid(text)
        }
    }
}
