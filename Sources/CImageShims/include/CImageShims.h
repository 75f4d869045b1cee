#pragma once
// libpng and libjpeg report errors by longjmp-ing out of their error callbacks, which Swift cannot
// catch. These wrappers own the setjmp, so a library error comes back as a status code and a
// message, and the process keeps running. Symbols are prefixed `cimage_`.
#include <stddef.h>
#include <stdint.h>

/// Status codes returned by the wrappers.
enum {
    CIMAGE_OK = 0,
    /// libpng (or libjpeg) rejected the data or the arguments; the message says why.
    CIMAGE_ERROR_LIBPNG = 1,
    /// An allocation failed.
    CIMAGE_ERROR_NO_MEMORY = 2,
    /// The image header declares more pixels than the caller allows.
    CIMAGE_ERROR_TOO_LARGE = 3,
    /// The input does not start with the PNG signature.
    CIMAGE_ERROR_NOT_PNG = 4,
    /// A parameter was out of range (zero size, bad channel count).
    CIMAGE_ERROR_ARGUMENT = 5,
    /// The input does not start with the JPEG SOI marker.
    CIMAGE_ERROR_NOT_JPEG = 6,
    /// Three output channels were asked for, but a pixel's alpha is below 255.
    CIMAGE_ERROR_NOT_OPAQUE = 7,
};

/// A growable byte buffer filled by the encoder. Release it with `cimage_buffer_free`.
typedef struct {
    uint8_t *data;
    size_t length;
    size_t capacity;
} cimage_buffer;

/// Encoder options (see http://www.libpng.org/pub/png/libpng-manual.txt, "Writing").
typedef struct {
    /// 3 for RGB output, 4 for RGBA output.
    int output_channels;
    /// Bytes per pixel of the input rows: 4 (RGBA) or 3 (RGB). With 4 input and 3 output channels
    /// the fourth byte is dropped by `png_set_filler`.
    int input_channels;
    /// zlib level 0...9.
    int zlib_level;
    /// zlib strategy (Z_DEFAULT_STRATEGY = 0, Z_FILTERED = 1, Z_HUFFMAN_ONLY = 2, Z_RLE = 3).
    int zlib_strategy;
    /// A mask of PNG_FILTER_NONE/SUB/UP/AVG/PAETH; several bits let libpng choose per row.
    int filters;
} cimage_png_options;

/// Encodes `height` rows of `width` pixels, `stride` bytes apart, into `out` (which must start empty).
/// On failure returns a nonzero status and writes a NUL-terminated message into `message`.
int cimage_png_encode(const uint8_t *pixels, uint32_t width, uint32_t height, size_t stride,
                      cimage_png_options options, cimage_buffer *out,
                      char *message, size_t message_capacity);

/// Decodes a PNG into straight-alpha RGBA8 (`*out_width * 4` bytes per row), expanding palette,
/// gray, low bit depths and tRNS, and reducing 16-bit samples to 8. Refuses (CIMAGE_ERROR_TOO_LARGE)
/// images whose header declares more than `max_pixels` pixels before allocating anything for them.
/// On success `*out_rgba` must be released with `cimage_free`.
int cimage_png_decode(const uint8_t *bytes, size_t length, uint64_t max_pixels,
                      uint8_t **out_rgba, uint32_t *out_width, uint32_t *out_height,
                      char *message, size_t message_capacity);

/// Who writes a JPEG. For 4:2:0 images of whole 16-pixel areas across and an even height, without
/// optimized Huffman tables (the shape of cards), the shim writes the whole file itself
/// (jpeg_writer.c): its own color conversion, DCT and Huffman coding, once per one-color area where
/// it can, giving the very bytes libjpeg-turbo writes for the same settings. libjpeg-turbo encodes
/// every other shape, and is the reference the shim's bytes are tested against.
typedef enum {
    /// The shim's writer when it is the faster one (the default): always with AVX2, otherwise when
    /// enough of the 16×16 areas are one color.
    CIMAGE_JPEG_COEFFICIENTS_WHEN_FLAT = 0,
    /// The shim's writer whenever the image's shape allows it (for tests).
    CIMAGE_JPEG_COEFFICIENTS_ALWAYS = 1,
    /// libjpeg-turbo only (for tests).
    CIMAGE_JPEG_LIBRARY_ONLY = 2,
    /// The shim's writer with its portable loops, never AVX2 (for tests).
    CIMAGE_JPEG_COEFFICIENTS_ALWAYS_BASELINE = 3,
} cimage_jpeg_coefficients;

/// JPEG encoder options (see libjpeg.txt in libjpeg-turbo, "Compression details").
typedef struct {
    /// 1...100.
    int quality;
    /// 1 for 4:4:4 (full-resolution chroma), 2 for 4:2:0 (chroma halved both ways).
    int chroma_factor;
    /// Nonzero to compute optimal Huffman tables (smaller output, one more pass).
    int optimize_coding;
    /// Who writes a 4:2:0 card (the output is the same bytes either way).
    cimage_jpeg_coefficients coefficients;
} cimage_jpeg_options;

/// Encodes opaque RGBX rows (4 bytes per pixel, the fourth ignored) as a baseline JFIF JPEG into
/// `out` (which must start empty). On failure returns a nonzero status and a message.
int cimage_jpeg_encode(const uint8_t *pixels, uint32_t width, uint32_t height, size_t stride,
                       cimage_jpeg_options options, cimage_buffer *out,
                       char *message, size_t message_capacity);

/// The share, in 256ths, of the whole 16×16 areas of an RGBX image that are one color.
int cimage_jpeg_flat_share(const uint8_t *pixels, uint32_t width, uint32_t height, size_t stride);

/// Decodes a JPEG (baseline or progressive; gray, YCbCr, CMYK or RGB) into opaque RGBA8. Refuses
/// (CIMAGE_ERROR_TOO_LARGE) images whose header declares more than `max_pixels` pixels before
/// allocating pixel memory. On success `*out_rgba` must be released with `cimage_free`.
int cimage_jpeg_decode(const uint8_t *bytes, size_t length, uint64_t max_pixels,
                       uint8_t **out_rgba, uint32_t *out_width, uint32_t *out_height,
                       char *message, size_t message_capacity);

void cimage_buffer_free(cimage_buffer *buffer);
void cimage_free(void *pointer);

/// Encodes 8-bit RGBA rows (`stride` bytes apart, 4 bytes per pixel) as an unfiltered PNG with
/// `output_channels` 3 (alpha dropped) or 4, compressing with zlib directly at `zlib_level` and
/// `zlib_strategy`. Writes only the IHDR, one IDAT and IEND chunks, so the output is deterministic.
/// `out` must start empty. On failure returns a nonzero status and writes a message.
int cimage_png_encode_unfiltered(const uint8_t *pixels, uint32_t width, uint32_t height, size_t stride,
                                 int output_channels, int zlib_level, int zlib_strategy,
                                 cimage_buffer *out, char *message, size_t message_capacity);

/// Encodes 8-bit RGBA rows like `cimage_png_encode_unfiltered`, but compresses with the card-tuned
/// deflate compressor (card_deflate.c) instead of zlib: greedy matching at the pixel, row and
/// previous-match distances before one hash probe, and per-block dynamic, fixed or stored Huffman
/// coding. Output is deterministic. `out` must start empty. With `output_channels` 3 the alpha
/// bytes are checked while they are dropped: at the first one below 255 the encoder stops and
/// returns CIMAGE_ERROR_NOT_OPAQUE with `out` empty again, so callers need no separate pass over
/// the pixels to choose. On failure returns a nonzero status and writes a message.
int cimage_png_encode_card(const uint8_t *pixels, uint32_t width, uint32_t height, size_t stride,
                           int output_channels, cimage_buffer *out, char *message, size_t message_capacity);

/// Whether all `count` RGBA8 pixels at `pixels` have alpha 255 (AVX2 when the CPU has it).
int cimage_is_opaque(const uint8_t *pixels, size_t count);

/// Inflates one complete zlib stream (RFC 1950) from `source` into `target` with zlib, checking the
/// Adler-32 and that the stream ends exactly at `length`. Sets `*written` to the bytes produced.
/// Returns CIMAGE_OK, or CIMAGE_ERROR_LIBPNG for a corrupt, truncated or overlong stream (or one
/// that does not fit in `capacity`). Lets tests check encoder output without libpng.
int cimage_zlib_inflate(const uint8_t *source, size_t length, uint8_t *target, size_t capacity, size_t *written);
