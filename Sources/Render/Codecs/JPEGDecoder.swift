import CImageShims

/// JPEG decoding through libjpeg-turbo, behind the setjmp shim so corrupt files throw instead of exiting.
enum JPEGDecoder {
    /// Decodes `bytes` to opaque RGBA8 rows (`width * 4` bytes each).
    /// - Parameter maxPixels: the largest `width * height` accepted; checked against the header
    ///   before any pixel memory is allocated.
    /// - Throws: `CodecError`.
    static func decode(_ bytes: [UInt8], maxPixels: Int) throws -> (width: Int, height: Int, rgba: [UInt8]) {
        var output: UnsafeMutablePointer<UInt8>?
        var width: UInt32 = 0
        var height: UInt32 = 0
        var message = [CChar](repeating: 0, count: 256)
        let status: Int32 = bytes.withUnsafeBufferPointer { input in
            message.withUnsafeMutableBufferPointer { text in
                cimage_jpeg_decode(input.baseAddress, input.count, UInt64(Swift.max(0, maxPixels)),
                                   &output, &width, &height, text.baseAddress, text.count)
            }
        }
        defer { cimage_free(output) }
        guard status == Int32(CIMAGE_OK), let output else {
            throw error(status: status, message: message, width: Int(width), height: Int(height))
        }
        let rgba = [UInt8](UnsafeBufferPointer(start: output, count: Int(width) * Int(height) * 4))
        return (Int(width), Int(height), rgba)
    }

    static func error(status: Int32, message: [CChar], width: Int, height: Int) -> CodecError {
        let text: String = message.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
        switch status {
        case Int32(CIMAGE_ERROR_NOT_JPEG): return .wrongFormat("not a JPEG file")
        case Int32(CIMAGE_ERROR_NO_MEMORY): return .outOfMemory
        case Int32(CIMAGE_ERROR_TOO_LARGE): return .tooLarge(width: width, height: height)
        default: return .invalid(text)
        }
    }
}
