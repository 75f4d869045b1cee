import CImageShims

/// PNG encoding through libpng, behind the setjmp shim so libpng errors throw instead of aborting.
enum PNGEncoder {
    /// Compression choices handed to libpng.
    struct Settings: Sendable, Equatable {
        var filters: PNGFilters
        /// zlib level 0...9.
        var level: Int
        /// zlib strategy: 0 default, 1 filtered, 2 Huffman only, 3 RLE.
        var strategy: Int
    }

    /// The settings `encode(_:)` uses. Chosen by measurement (see below).
    static let standard = Settings(filters: [.sub], level: 2, strategy: 0)

    /// Encodes a canvas (un-premultiplying; RGB when every pixel is opaque).
    /// - Throws: `PNGError` when libpng fails (it does not for a valid canvas).
    static func encode(_ canvas: Canvas) throws -> [UInt8] {
        try encode(canvas, settings: standard)
    }

    /// Encodes a canvas with explicit compression settings. Output is deterministic: libpng writes
    /// no time or text chunks unless asked, so the same pixels and settings give the same bytes.
    static func encode(_ canvas: Canvas, settings: Settings) throws -> [UInt8] {
        guard canvas.width > 0, canvas.height > 0 else { throw PNGError.invalid("empty canvas") }
        if isOpaque(canvas) {
            // Opaque premultiplied pixels are already straight: hand them over as they are and let
            // libpng drop the alpha byte while writing.
            return try canvas.pixels.withUnsafeBufferPointer { pixels in
                try write(pixels.baseAddress!, width: canvas.width, height: canvas.height,
                          inputChannels: 4, outputChannels: 3, settings: settings)
            }
        }
        let straight: [UInt8] = unpremultiplied(canvas.pixels)
        return try straight.withUnsafeBufferPointer { pixels in
            try write(pixels.baseAddress!, width: canvas.width, height: canvas.height,
                      inputChannels: 4, outputChannels: 4, settings: settings)
        }
    }

    /// True when every pixel has alpha 255.
    static func isOpaque(_ canvas: Canvas) -> Bool {
        canvas.pixels.withUnsafeBufferPointer { bytes in
            var all: UInt8 = 255
            var index: Int = 3
            while index < bytes.count {
                all &= bytes[index]
                index += 4
            }
            return all == 255
        }
    }

    /// Straight-alpha copy of premultiplied RGBA8: each color channel × 255 / alpha, rounded.
    static func unpremultiplied(_ pixels: [UInt8]) -> [UInt8] {
        [UInt8](unsafeUninitializedCapacity: pixels.count) { output, initialized in
            pixels.withUnsafeBufferPointer { input in
                var index: Int = 0
                while index + 3 < input.count {
                    let alpha: UInt32 = UInt32(input[index + 3])
                    if alpha == 255 || alpha == 0 {
                        let keep: Bool = alpha == 255
                        output[index] = keep ? input[index] : 0
                        output[index + 1] = keep ? input[index + 1] : 0
                        output[index + 2] = keep ? input[index + 2] : 0
                    } else {
                        let half: UInt32 = alpha / 2
                        for channel in 0..<3 {
                            let value: UInt32 = (UInt32(input[index + channel]) * 255 + half) / alpha
                            output[index + channel] = UInt8(Swift.min(255, value))
                        }
                    }
                    output[index + 3] = UInt8(alpha)
                    index += 4
                }
            }
            initialized = pixels.count
        }
    }

    private static func write(_ pixels: UnsafePointer<UInt8>, width: Int, height: Int, inputChannels: Int,
                              outputChannels: Int, settings: Settings) throws -> [UInt8] {
        let options = cimage_png_options(output_channels: Int32(outputChannels), input_channels: Int32(inputChannels),
                                         zlib_level: Int32(settings.level), zlib_strategy: Int32(settings.strategy),
                                         filters: settings.filters.rawValue)
        var buffer = cimage_buffer(data: nil, length: 0, capacity: 0)
        defer { cimage_buffer_free(&buffer) }
        var message = [CChar](repeating: 0, count: 256)
        let status: Int32 = message.withUnsafeMutableBufferPointer { text in
            cimage_png_encode(pixels, UInt32(width), UInt32(height), width * inputChannels, options,
                              &buffer, text.baseAddress, text.count)
        }
        guard status == Int32(CIMAGE_OK), let data = buffer.data else {
            throw PNGDecoder.error(status: status, message: message, width: width, height: height)
        }
        return [UInt8](UnsafeBufferPointer(start: data, count: buffer.length))
    }
}
