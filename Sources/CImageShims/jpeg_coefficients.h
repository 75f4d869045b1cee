#pragma once
// Quantized DCT coefficients of opaque cards for 4:2:0 baseline JPEG; private to this target.
#include <stddef.h>
#include <stdint.h>

/// One 8×8 block of coefficients in natural (row-major) order, as libjpeg's JBLOCK.
typedef int16_t cimage_jpeg_block[64];

/// Division by each quantizer step of a table as a multiply and a shift:
/// (|x| + correction) · reciprocal >> shift, laid out by field so the 64 divisions vectorize.
typedef struct {
    uint32_t reciprocal[64];
    uint32_t correction[64];
    uint32_t shift[64];
} cimage_jpeg_divisors_table;

/// The divisors for a quantization table (`quantizers` in natural order), rounding exactly as
/// libjpeg-turbo's encoder does.
void cimage_jpeg_divisors(const uint16_t quantizers[64], cimage_jpeg_divisors_table *divisors);

/// Whether computing the coefficients of an RGBX image here is faster than libjpeg's pipeline:
/// always with AVX2, otherwise when enough of its 16×16 areas are one color (`cimage_jpeg_flat_share`).
int cimage_jpeg_coefficients_pay(const uint8_t *pixels, uint32_t width, uint32_t height, size_t stride);

/// Whether the transforms here and the Huffman coder use AVX2: when `allow_avx2` is set and the CPU
/// has it, with BMI1, BMI2 and LZCNT.
int cimage_jpeg_uses_avx2(int allow_avx2);

/// The rows of one band of 16 image rows (one MCU row of a 4:2:0 image), with rows past the bottom
/// of the image standing in as libjpeg pads them.
typedef struct {
    /// The 16 RGBX rows, a row past the image repeating the last one.
    const uint8_t *rows[16];
    /// For each chroma row, the first of the two rows of `rows` it averages.
    uint32_t chroma_rows[8];
    /// The distance between the image's rows.
    size_t stride;
    /// Whether all 16 rows are in the image.
    int whole;
    /// The luma block rows of the band in the image: 2, or 1 when the second starts below it.
    uint32_t luma_block_rows;
} cimage_jpeg_band;

/// Sets up the band whose first row is `top` (a multiple of 16 below `height`, which is even).
void cimage_jpeg_band_start(cimage_jpeg_band *band, const uint8_t *pixels, uint32_t height, size_t stride, uint32_t top);

/// Computes the quantized blocks of the 16×16 area at column `x` (a multiple of 16) of a band, with
/// the values libjpeg-turbo's 4:2:0 pipeline would compute: `blocks` are Y top left, top right,
/// bottom left, bottom right, then Cb and Cr. The bottom two Y blocks are left alone when the band
/// has one luma block row. Returns a mask whose bit b says block b is one value: only its DC is
/// written, its AC coefficients all being zero. `avx2` comes from `cimage_jpeg_uses_avx2` (the
/// values are the same either way).
unsigned cimage_jpeg_area_blocks(const cimage_jpeg_band *band, uint32_t x, int avx2,
                                 const cimage_jpeg_divisors_table *luma_divisors,
                                 const cimage_jpeg_divisors_table *chroma_divisors, cimage_jpeg_block blocks[6]);
