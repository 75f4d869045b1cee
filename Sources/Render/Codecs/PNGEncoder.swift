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
        /// Who compresses unfiltered rows (`filters == .none`); `level` and `strategy` apply to
        /// zlib only, and filtered rows always go through libpng and zlib.
        var compressor: Compressor = .zlib

        /// The deflate implementations an unfiltered image can be compressed with.
        enum Compressor: Sendable, Equatable {
            /// zlib's `deflate` at the settings' level and strategy.
            case zlib
            /// The card-tuned compressor in the image shims (`cimage_png_encode_card`).
            case card
        }
    }

    /// The settings `encode(_:)` uses: no row filter, compressed by the card-tuned deflate.
    ///
    /// Measured against zlib level 3 (the previous standard) on 75 cards at 1200×630: the three
    /// templates, every `Tests/Fidelity/cases` page and the paint fixtures. Release build,
    /// `ogpress bench --format png --iterations 30` pinned to one core with taskset, median encode
    /// ms per card, on 2 cores shared with other builds (so ±10%):
    ///
    /// | card | zlib 3 bytes | card bytes | zlib 3 ms | card ms |
    /// |---|---:|---:|---:|---:|
    /// | blog template | 42,724 | 26,889 | 3.00 | 0.72 |
    /// | docs template | 22,986 | 13,484 | 2.58 | 0.60 |
    /// | minimal template | 19,920 | 10,204 | 2.48 | 0.55 |
    /// | card-hello (flat) | 14,775 | 7,330 | 2.40 | 0.48 |
    /// | card-quote | 36,125 | 29,098 | 2.96 | 0.84 |
    /// | card-event | 54,561 | 45,512 | 3.48 | 2.05 |
    /// | gradients | 180,168 | 170,563 | 6.20 | 3.60 |
    /// | rounded-clipping | 155,257 | 140,258 | 5.78 | 3.00 |
    /// | **all 75** | **3,933,585** | **3,276,837** | **249.4** | **85.8** |
    ///
    /// The card compressor is smaller on every card (0.83× in total) and 1.4–5× faster; the median
    /// card went from 3.18 to 0.93 ms. callgrind on `ogpress bench --template blog` counts 8.6 M
    /// instructions per encode against zlib's 49.8 M. Gradient-heavy cards stay the slowest, as
    /// their rows differ from each other by more than a shift and leave many literals.
    ///
    /// zlib level 3 had been chosen over the other zlib and filter settings on four 1200×630 opaque
    /// card-like canvases (a dark three-stop linear gradient at 135°, 100°, 160° and 180°, a
    /// translucent rounded panel with a 2 px border, a gradient circle, ~120 anti-aliased text-like
    /// glyph shapes), release build, best of 9, 2 shared cores:
    ///
    /// | filters | level | 135° | 100° | 160° | 180° | total bytes | total ms |
    /// |---|---:|---:|---:|---:|---:|---:|---:|
    /// | none | 1 | 88,146 | 122,378 | 102,691 | 54,677 | 367,892 | 18.2 |
    /// | none | 2 | 84,399 | 118,149 | 98,314 | 53,030 | 353,892 | 18.3 |
    /// | **none** | **3** | 81,577 | 111,106 | 94,941 | 50,154 | **337,778** | **18.8** |
    /// | none | 4 | 92,073 | 96,478 | 103,909 | 44,144 | 336,604 | 30.8 |
    /// | none | 6 | 60,711 | 68,758 | 67,829 | 39,841 | 237,139 | 38.7 |
    /// | up | 1 | 169,551 | 96,594 | 146,754 | 53,520 | 466,419 | 22.0 |
    /// | up | 3 | 121,743 | 90,432 | 129,521 | 51,952 | 393,648 | 24.8 |
    /// | up | 6 | 75,140 | 69,909 | 95,868 | 42,944 | 283,861 | 47.3 |
    /// | sub | 3 | 132,919 | 155,095 | 130,686 | 59,684 | 478,384 | 28.5 |
    /// | paeth | 3 | 121,031 | 90,569 | 120,533 | 54,522 | 386,655 | 32.7 |
    /// | none+up (per row) | 3 | 121,743 | 90,431 | 129,521 | 51,952 | 393,647 | 36.8 |
    /// | all five (per row) | 3 | 118,320 | 89,741 | 119,317 | 52,241 | 379,619 | 61.5 |
    ///
    /// Z_FILTERED gave identical output to the default strategy at these levels, and Z_RLE made
    /// unfiltered images 6–17× larger. Unfiltered rows win on cards because gradient rows repeat
    /// each other shifted, which deflate matches directly, while filters turn the smooth ramps into
    /// noise-like residuals; levels 4+ switch zlib to its lazy matcher and cost 1.6–2× the time.
    /// Level 3 unfiltered is the one setting near the 5 ms budget (4–5.2 ms per card here) with the
    /// smallest output below that budget.
    ///
    /// Unfiltered settings skip libpng (`cimage_png_encode_unfiltered`): the blog card's encode went
    /// from 60.5 M to 49.1 M instructions (callgrind), zlib's scalar Adler-32 (8 M) and libpng's row
    /// pipeline (8 M) replaced by an SSE2 checksum and one row buffer. libdeflate was measured on
    /// the same rows: level 1 is faster but twice the size, levels 2–7 cost more than zlib level 3.
    static let standard = Settings(filters: .none, level: 3, strategy: 0, compressor: .card)

    /// Encodes a canvas (un-premultiplying; RGB when every pixel is opaque).
    /// - Throws: `PNGError` when libpng fails (it does not for a valid canvas).
    static func encode(_ canvas: Canvas) throws -> [UInt8] {
        try encode(canvas, settings: standard)
    }

    /// Encodes a canvas with explicit compression settings. Output is deterministic: libpng writes
    /// no time or text chunks unless asked, so the same pixels and settings give the same bytes.
    static func encode(_ canvas: Canvas, settings: Settings) throws -> [UInt8] {
        guard canvas.width > 0, canvas.height > 0 else { throw PNGError.invalid("empty canvas") }
        // The card compressor checks alpha while it drops it and stops at the first translucent
        // pixel, which saves a pass over the canvas on the common opaque card.
        let checksWhileWriting = settings.compressor == .card && settings.filters == .none
        if checksWhileWriting || isOpaque(canvas) {
            // Opaque premultiplied pixels are already straight: hand them over as they are and let
            // the writer drop the alpha byte.
            let opaque: [UInt8]? = try canvas.pixels.withUnsafeBufferPointer { pixels in
                try write(pixels.baseAddress!, width: canvas.width, height: canvas.height,
                          inputChannels: 4, outputChannels: 3, settings: settings)
            }
            if let opaque { return opaque }
        }
        let straight: [UInt8] = unpremultiplied(canvas.pixels)
        let encoded: [UInt8]? = try straight.withUnsafeBufferPointer { pixels in
            try write(pixels.baseAddress!, width: canvas.width, height: canvas.height,
                      inputChannels: 4, outputChannels: 4, settings: settings)
        }
        // Only a three-channel write can find a translucent pixel.
        guard let encoded else { throw PNGError.invalid("four-channel write refused as translucent") }
        return encoded
    }

    /// True when every pixel has alpha 255 (known without a look when an opaque fill covered it).
    static func isOpaque(_ canvas: Canvas) -> Bool {
        canvas.isKnownOpaque || canvas.pixels.withUnsafeBufferPointer { cimage_is_opaque($0.baseAddress, canvas.width * canvas.height) != 0 }
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

    /// Encodes the pixels; nil when three channels were asked for and a pixel turned out translucent.
    private static func write(_ pixels: UnsafePointer<UInt8>, width: Int, height: Int, inputChannels: Int,
                              outputChannels: Int, settings: Settings) throws -> [UInt8]? {
        if settings.filters == .none, inputChannels == 4 {
            return try writeUnfiltered(pixels, width: width, height: height, outputChannels: outputChannels,
                                       settings: settings)
        }
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
            throw PNGDecoder.error(status: status, message: ShimDecoder.text(of: message), width: width, height: height)
        }
        return [UInt8](UnsafeBufferPointer(start: data, count: buffer.length))
    }

    /// Unfiltered rows skip libpng: the shim feeds them to zlib itself and writes the chunks.
    private static func writeUnfiltered(_ pixels: UnsafePointer<UInt8>, width: Int, height: Int, outputChannels: Int,
                                        settings: Settings) throws -> [UInt8]? {
        var buffer = cimage_buffer(data: nil, length: 0, capacity: 0)
        defer { cimage_buffer_free(&buffer) }
        var message = [CChar](repeating: 0, count: 256)
        let status: Int32 = message.withUnsafeMutableBufferPointer { text in
            if settings.compressor == .card {
                return cimage_png_encode_card(pixels, UInt32(width), UInt32(height), width * 4, Int32(outputChannels),
                                              &buffer, text.baseAddress, text.count)
            }
            return cimage_png_encode_unfiltered(pixels, UInt32(width), UInt32(height), width * 4, Int32(outputChannels),
                                         Int32(settings.level), Int32(settings.strategy), &buffer,
                                         text.baseAddress, text.count)
        }
        if status == Int32(CIMAGE_ERROR_NOT_OPAQUE) { return nil }
        guard status == Int32(CIMAGE_OK), let data = buffer.data else {
            throw PNGDecoder.error(status: status, message: ShimDecoder.text(of: message), width: width, height: height)
        }
        return [UInt8](UnsafeBufferPointer(start: data, count: buffer.length))
    }
}
