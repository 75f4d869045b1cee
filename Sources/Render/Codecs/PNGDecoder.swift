import CImageShims

/// PNG decoding through libpng, behind the setjmp shim so corrupt files throw instead of aborting.
enum PNGDecoder {
    /// Decodes `bytes` to straight-alpha RGBA8 rows (`width * 4` bytes each), whatever the PNG's
    /// color type and bit depth.
    /// - Parameter maxPixels: the largest `width * height` accepted; checked against the header
    ///   before any pixel memory is allocated.
    /// - Throws: `PNGError`.
    static func decode(_ bytes: [UInt8], maxPixels: Int) throws -> (width: Int, height: Int, rgba: [UInt8]) {
        try ShimDecoder.decode(bytes, maxPixels: maxPixels, with: cimage_png_decode) { status, message, width, height in
            error(status: status, message: message, width: width, height: height)
        }
    }

    static func error(status: Int32, message text: String, width: Int, height: Int) -> PNGError {
        switch status {
        case Int32(CIMAGE_ERROR_NOT_PNG): return .notPNG
        case Int32(CIMAGE_ERROR_NO_MEMORY): return .outOfMemory
        case Int32(CIMAGE_ERROR_TOO_LARGE): return .tooLarge(width: width, height: height)
        default: return .invalid(text)
        }
    }
}
