// Quantized DCT coefficients of a card for baseline 4:2:0 JPEG, computed the way libjpeg-turbo's
// own pipeline computes them (fixed-point color conversion, h2v2 downsampling, the integer DCT,
// reciprocal quantization, bottom rows repeated), so that `jpeg_write_coefficients` writes the
// very bytes `jpeg_write_scanlines` would. What it saves is the flat 16×16 areas that make up most
// of a card: each is one DC value per block, worked out once for the area, where the library
// converts, downsamples and transforms every pixel of it.
#include "jpeg_coefficients.h"

#include <emmintrin.h>
#include <string.h>

// libjpeg-turbo's exported integer forward DCT (jfdctint.c). Its element type is 16 bits wide in
// SIMD builds, which every Debian build is; `cimage_jpeg_dct_is_usable` checks that at run time.
extern void jpeg_fdct_islow(short *data);

enum { SCALE_BITS = 16, HALF = 1 << 15, CHROMA_OFFSET = 128 << SCALE_BITS };

// ITU-R BT.601 weights in 16.16 fixed point, rounded as libjpeg's FIX() rounds them (jccolor.c).
enum {
    Y_RED = 19595, Y_GREEN = 38470, Y_BLUE = 7471,
    CB_RED = 11059, CB_GREEN = 21709, HALF_WEIGHT = 32768,
    CR_GREEN = 27439, CR_BLUE = 5329,
};

static inline int32_t luma(int32_t r, int32_t g, int32_t b) {
    return (Y_RED * r + Y_GREEN * g + Y_BLUE * b + HALF) >> SCALE_BITS;
}

// The chroma rounding term is one below a half, as in libjpeg; the offset keeps the sums positive.
static inline int32_t blue_difference(int32_t r, int32_t g, int32_t b) {
    return (HALF_WEIGHT * b - CB_RED * r - CB_GREEN * g + CHROMA_OFFSET + HALF - 1) >> SCALE_BITS;
}

static inline int32_t red_difference(int32_t r, int32_t g, int32_t b) {
    return (HALF_WEIGHT * r - CR_GREEN * g - CR_BLUE * b + CHROMA_OFFSET + HALF - 1) >> SCALE_BITS;
}

void cimage_jpeg_divisors(const uint16_t quantizers[64], cimage_jpeg_divisors_table *divisors) {
    for (int index = 0; index < 64; index++) {
        // The integer DCT leaves its outputs eight times too large, so each step is eight times wider.
        uint32_t divisor = (uint32_t)quantizers[index] << 3;
        // Division by a reciprocal (as libjpeg-turbo's compute_reciprocal sets it up): 2^shift /
        // divisor, with the rounding term adjusted so the product rounds as (x + divisor/2) / divisor.
        int top = 31 - __builtin_clz(divisor);
        int shift = 16 + top;
        uint32_t quotient = (uint32_t)((1ull << shift) / divisor);
        uint32_t remainder = (uint32_t)((1ull << shift) % divisor);
        uint32_t correction = divisor / 2;
        if (remainder == 0) {
            quotient >>= 1;
            shift--;
        } else if (remainder <= divisor / 2) {
            correction++;
        } else {
            quotient++;
        }
        divisors->reciprocal[index] = quotient;
        divisors->correction[index] = correction;
        divisors->shift[index] = (uint32_t)shift;
    }
}

/// Quantizes 64 DCT outputs. The products stay below 2^32: |x| + correction is under 2^16 and the
/// reciprocal at most 2^16.
__attribute__((target_clones("avx2", "default")))
static void quantize_block(int16_t block[64], const short work[64], const cimage_jpeg_divisors_table *divisors) {
    for (int index = 0; index < 64; index++) {
        int32_t value = work[index];
        uint32_t magnitude = (uint32_t)(value < 0 ? -value : value);
        uint32_t level = ((magnitude + divisors->correction[index]) * divisors->reciprocal[index]) >> divisors->shift[index];
        block[index] = (int16_t)(value < 0 ? -(int32_t)level : (int32_t)level);
    }
}

/// A block whose 64 samples all equal `sample`: the DCT of a constant is its DC term alone,
/// 64 × (sample − 128) at the integer DCT's scale.
static void flat_block(int16_t block[64], int32_t sample, const cimage_jpeg_divisors_table *divisors) {
    memset(block, 0, 64 * sizeof(int16_t));
    int32_t value = 64 * (sample - 128);
    uint32_t magnitude = (uint32_t)(value < 0 ? -value : value);
    int32_t level = (int32_t)(((magnitude + divisors->correction[0]) * divisors->reciprocal[0]) >> divisors->shift[0]);
    block[0] = (int16_t)(value < 0 ? -level : level);
}

/// Transforms and quantizes the 8×8 samples at `samples` (rows `pitch` apart) into `block`.
static void transform_block(int16_t block[64], const uint8_t *samples, size_t pitch, const cimage_jpeg_divisors_table *divisors) {
    short work[64];
    uint8_t first = samples[0], differs = 0;
    for (int row = 0; row < 8; row++) {
        for (int column = 0; column < 8; column++) {
            uint8_t sample = samples[(size_t)row * pitch + (size_t)column];
            differs |= sample ^ first;
            work[row * 8 + column] = (short)((int)sample - 128);
        }
    }
    if (!differs) return flat_block(block, first, divisors);
    jpeg_fdct_islow(work);
    quantize_block(block, work, divisors);
}

int cimage_jpeg_dct_is_usable(void) {
    // A constant block must come back as its DC term alone, and a horizontal ramp as its first row
    // only, odd around the centre; a library whose DCT works on wider elements fails both.
    short constant[64], ramp[64];
    for (int index = 0; index < 64; index++) {
        constant[index] = 37;
        ramp[index] = (short)((index % 8) * 9 - 30);
    }
    jpeg_fdct_islow(constant);
    jpeg_fdct_islow(ramp);
    if (constant[0] != 64 * 37) return 0;
    for (int index = 1; index < 64; index++) {
        if (constant[index] != 0) return 0;
    }
    for (int index = 8; index < 64; index++) {
        if (ramp[index] != 0) return 0;
    }
    return ramp[0] == 96 && ramp[1] < 0 && ramp[2] == 0 && ramp[4] == 0 && ramp[6] == 0;
}

/// Whether the 16×16 pixels at `pixels` (RGBX, rows `stride` apart) are all one color.
static int area_is_flat(const uint8_t *pixels, size_t stride) {
    const __m128i color = _mm_set1_epi32(0x00FFFFFF);
    const __m128i first = _mm_and_si128(_mm_set1_epi32(*(const int32_t *)pixels), color);
    for (int row = 0; row < 16; row++) {
        const uint8_t *line = pixels + (size_t)row * stride;
        __m128i differ = _mm_setzero_si128();
        for (int column = 0; column < 64; column += 16) {
            __m128i value = _mm_and_si128(_mm_loadu_si128((const __m128i *)(line + column)), color);
            differ = _mm_or_si128(differ, _mm_xor_si128(value, first));
        }
        if (_mm_movemask_epi8(_mm_cmpeq_epi8(differ, _mm_setzero_si128())) != 0xFFFF) return 0;
    }
    return 1;
}

int cimage_jpeg_flat_share(const uint8_t *pixels, uint32_t width, uint32_t height, size_t stride) {
    uint32_t areas = 0, flat = 0;
    for (uint32_t y = 0; y + 16 <= height; y += 16) {
        for (uint32_t x = 0; x + 16 <= width; x += 16) {
            areas++;
            flat += (uint32_t)area_is_flat(pixels + (size_t)y * stride + (size_t)x * 4, stride);
        }
    }
    return areas == 0 ? 0 : (int)(flat * 256 / areas);
}

/// Luma and downsampled chroma of one 16×16 area whose rows are `rows[0..<16]` (RGBX, a row past
/// the image repeating the last). `chroma_rows` names, for each chroma row, the first of the two
/// full rows it averages, so a chroma row past the image repeats the last chroma row.
__attribute__((target_clones("avx2", "default")))
static void convert_area(const uint8_t *const rows[16], const uint32_t chroma_rows[8], uint8_t luma_area[16][16],
                         uint8_t blue_area[8][8], uint8_t red_area[8][8]) {
    for (int row = 0; row < 16; row++) {
        const uint8_t *line = rows[row];
        for (int column = 0; column < 16; column++) {
            luma_area[row][column] = (uint8_t)luma(line[column * 4], line[column * 4 + 1], line[column * 4 + 2]);
        }
    }
    for (int row = 0; row < 8; row++) {
        const uint8_t *upper = rows[chroma_rows[row]], *lower = rows[chroma_rows[row] + 1];
        int32_t blue[16], red[16];
        for (int column = 0; column < 16; column++) {
            const uint8_t *a = upper + column * 4, *b = lower + column * 4;
            blue[column] = blue_difference(a[0], a[1], a[2]) + blue_difference(b[0], b[1], b[2]);
            red[column] = red_difference(a[0], a[1], a[2]) + red_difference(b[0], b[1], b[2]);
        }
        // h2v2 downsampling: the mean of each 2×2 square with a rounding bias alternating 1, 2
        // along the row (jcsample.c).
        for (int column = 0; column < 8; column++) {
            int32_t bias = 1 + (column & 1);
            blue_area[row][column] = (uint8_t)((blue[2 * column] + blue[2 * column + 1] + bias) >> 2);
            red_area[row][column] = (uint8_t)((red[2 * column] + red[2 * column + 1] + bias) >> 2);
        }
    }
}

void cimage_jpeg_card_coefficients(const uint8_t *pixels, uint32_t width, uint32_t height, size_t stride,
                                   const cimage_jpeg_divisors_table *luma_divisors,
                                   const cimage_jpeg_divisors_table *chroma_divisors,
                                   cimage_jpeg_block *const *luma_rows, cimage_jpeg_block *const *blue_rows,
                                   cimage_jpeg_block *const *red_rows) {
    uint32_t luma_block_rows = (height + 7) / 8, chroma_height = height / 2;
    for (uint32_t top = 0; top < height; top += 16) {
        uint32_t band = top / 16;
        // Rows past the image repeat its last row, luma and chroma each their own (jcprepct.c):
        // full rows clamp to the last, chroma rows to the last chroma row's pair.
        const uint8_t *rows[17];
        uint32_t chroma_rows[8];
        for (uint32_t row = 0; row < 16; row++) rows[row] = pixels + (size_t)(top + row < height ? top + row : height - 1) * stride;
        for (uint32_t row = 0; row < 8; row++) {
            uint32_t chroma_row = top / 2 + row < chroma_height ? top / 2 + row : chroma_height - 1;
            chroma_rows[row] = chroma_row * 2 - top;
        }
        int whole_band = top + 16 <= height;
        for (uint32_t x = 0; x < width; x += 16) {
            uint32_t mcu = x / 16;
            if (whole_band && area_is_flat(rows[0] + (size_t)x * 4, stride)) {
                const uint8_t *pixel = rows[0] + (size_t)x * 4;
                int32_t y = luma(pixel[0], pixel[1], pixel[2]);
                for (uint32_t part = 0; part < 4; part++) flat_block(luma_rows[band * 2 + part / 2][mcu * 2 + part % 2], y, luma_divisors);
                flat_block(blue_rows[band][mcu], blue_difference(pixel[0], pixel[1], pixel[2]), chroma_divisors);
                flat_block(red_rows[band][mcu], red_difference(pixel[0], pixel[1], pixel[2]), chroma_divisors);
                continue;
            }
            const uint8_t *area_rows[16];
            for (uint32_t row = 0; row < 16; row++) area_rows[row] = rows[row] + (size_t)x * 4;
            uint8_t luma_area[16][16], blue_area[8][8], red_area[8][8];
            convert_area(area_rows, chroma_rows, luma_area, blue_area, red_area);
            for (uint32_t part = 0; part < 4; part++) {
                uint32_t block_row = band * 2 + part / 2;
                if (block_row >= luma_block_rows) continue;
                transform_block(luma_rows[block_row][mcu * 2 + part % 2], &luma_area[(part / 2) * 8][(part % 2) * 8], 16, luma_divisors);
            }
            transform_block(blue_rows[band][mcu], &blue_area[0][0], 8, chroma_divisors);
            transform_block(red_rows[band][mcu], &red_area[0][0], 8, chroma_divisors);
        }
    }
}
