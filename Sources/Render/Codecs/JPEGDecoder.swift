import CImageShims

/// JPEG decoding through libjpeg-turbo, behind the setjmp shim so corrupt files throw instead of exiting.
enum JPEGDecoder {
    /// Decodes `bytes` to opaque RGBA8 rows (`width * 4` bytes each).
    /// - Parameter maxPixels: the largest `width * height` accepted; checked against the header
    ///   before any pixel memory is allocated.
    /// - Throws: `CodecError`.
    static func decode(_ bytes: [UInt8], maxPixels: Int) throws -> (width: Int, height: Int, rgba: [UInt8]) {
        try ShimDecoder.decode(bytes, maxPixels: maxPixels, with: cimage_jpeg_decode) { status, message, width, height in
            error(status: status, message: message, width: width, height: height)
        }
    }

    static func error(status: Int32, message text: String, width: Int, height: Int) -> CodecError {
        switch status {
        case Int32(CIMAGE_ERROR_NOT_JPEG): return .wrongFormat("not a JPEG file")
        case Int32(CIMAGE_ERROR_NO_MEMORY): return .outOfMemory
        case Int32(CIMAGE_ERROR_TOO_LARGE): return .tooLarge(width: width, height: height)
        default: return .invalid(text)
        }
    }
}
