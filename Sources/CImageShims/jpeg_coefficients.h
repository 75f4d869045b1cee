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

/// Fills the coefficient rows of the Y, Cb and Cr components of an RGBX image whose width is a
/// multiple of 16 and whose height is even, with the values libjpeg-turbo's 4:2:0 pipeline would
/// compute: `luma_rows` holds ceil(height/8) rows of width/8 blocks, `blue_rows` and `red_rows`
/// ceil(height/16) rows of width/16. `allow_avx2` lets the transform use AVX2 where the CPU has it
/// (the bytes are the same either way).
void cimage_jpeg_card_coefficients(const uint8_t *pixels, uint32_t width, uint32_t height, size_t stride, int allow_avx2,
                                   const cimage_jpeg_divisors_table *luma_divisors,
                                   const cimage_jpeg_divisors_table *chroma_divisors,
                                   cimage_jpeg_block *const *luma_rows, cimage_jpeg_block *const *blue_rows,
                                   cimage_jpeg_block *const *red_rows);
