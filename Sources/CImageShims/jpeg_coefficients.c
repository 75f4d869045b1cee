// Quantized DCT coefficients of a card for baseline 4:2:0 JPEG, computed the way libjpeg-turbo's
// own pipeline computes them (fixed-point color conversion, h2v2 downsampling, the integer DCT,
// reciprocal quantization, bottom rows repeated), so that the file jpeg_writer.c makes from them is
// the very bytes `jpeg_write_scanlines` writes. What it saves is the flat 16×16 areas that make up most
// of a card: each is one DC value per block, worked out once for the area, where the library
// converts, downsamples and transforms every pixel of it.
#include "CImageShims.h"
#include "jpeg_coefficients.h"

#include <emmintrin.h>
#include <immintrin.h>
#include <string.h>

// The accurate integer DCT of libjpeg (jfdctint.c; Loeffler, Ligtenberg and Moschytz's 8-point
// factorization, 12 multiplies): 13-bit fixed-point constants, two more bits kept between the row
// and the column pass. Every operation below matches the library's, so the outputs are its outputs.
enum { CONST_BITS = 13, PASS1_BITS = 2 };
enum {
    FIX_0_298631336 = 2446, FIX_0_390180644 = 3196, FIX_0_541196100 = 4433, FIX_0_765366865 = 6270,
    FIX_0_899976223 = 7373, FIX_1_175875602 = 9633, FIX_1_501321110 = 12299, FIX_1_847759065 = 15137,
    FIX_1_961570560 = 16069, FIX_2_053119869 = 16819, FIX_2_562915447 = 20995, FIX_3_072711026 = 25172,
};

/// `x` divided by 2^bits, rounded half up, as libjpeg's DESCALE.
__attribute__((always_inline))
static inline int32_t descale(int32_t x, int bits) { return (x + (1 << (bits - 1))) >> bits; }

/// One 1-D pass over eight independent lanes: `data[k][lane]` holds input k of each lane and is
/// replaced by output k. The row pass (`rows`) keeps PASS1_BITS of extra precision; the column pass
/// removes it. Written lane by lane so the compiler runs each statement on all eight lanes at once.
__attribute__((always_inline))
static inline void dct_pass(int32_t data[8][8], int rows) {
    int odd_shift = rows ? CONST_BITS - PASS1_BITS : CONST_BITS + PASS1_BITS;
    for (int lane = 0; lane < 8; lane++) {
        int32_t sum0 = data[0][lane] + data[7][lane], difference0 = data[0][lane] - data[7][lane];
        int32_t sum1 = data[1][lane] + data[6][lane], difference1 = data[1][lane] - data[6][lane];
        int32_t sum2 = data[2][lane] + data[5][lane], difference2 = data[2][lane] - data[5][lane];
        int32_t sum3 = data[3][lane] + data[4][lane], difference3 = data[3][lane] - data[4][lane];
        // Even part.
        int32_t outer = sum0 + sum3, outer_difference = sum0 - sum3;
        int32_t inner = sum1 + sum2, inner_difference = sum1 - sum2;
        if (rows) {
            data[0][lane] = (outer + inner) << PASS1_BITS;
            data[4][lane] = (outer - inner) << PASS1_BITS;
        } else {
            data[0][lane] = descale(outer + inner, PASS1_BITS);
            data[4][lane] = descale(outer - inner, PASS1_BITS);
        }
        int32_t rotation = (inner_difference + outer_difference) * FIX_0_541196100;
        data[2][lane] = descale(rotation + outer_difference * FIX_0_765366865, odd_shift);
        data[6][lane] = descale(rotation - inner_difference * FIX_1_847759065, odd_shift);
        // Odd part: difference3..difference0 are libjpeg's tmp4..tmp7.
        int32_t z1 = difference3 + difference0, z2 = difference2 + difference1;
        int32_t z3 = difference3 + difference1, z4 = difference2 + difference0;
        int32_t z5 = (z3 + z4) * FIX_1_175875602;
        int32_t t4 = difference3 * FIX_0_298631336, t5 = difference2 * FIX_2_053119869;
        int32_t t6 = difference1 * FIX_3_072711026, t7 = difference0 * FIX_1_501321110;
        z1 *= -FIX_0_899976223;
        z2 *= -FIX_2_562915447;
        z3 = z3 * -FIX_1_961570560 + z5;
        z4 = z4 * -FIX_0_390180644 + z5;
        data[7][lane] = descale(t4 + z1 + z3, odd_shift);
        data[5][lane] = descale(t5 + z2 + z4, odd_shift);
        data[3][lane] = descale(t6 + z2 + z3, odd_shift);
        data[1][lane] = descale(t7 + z1 + z4, odd_shift);
    }
}

/// Transposes the 8×8 matrix of 32-bit values whose rows are `rows[0..<8]`, in place.
__attribute__((target("avx2"), always_inline))
static inline void transpose_avx2(__m256i rows[8]) {
    __m256i pairs[8], quads[8];
    for (int i = 0; i < 8; i += 2) {
        pairs[i] = _mm256_unpacklo_epi32(rows[i], rows[i + 1]);
        pairs[i + 1] = _mm256_unpackhi_epi32(rows[i], rows[i + 1]);
    }
    for (int i = 0; i < 8; i += 4) {
        quads[i] = _mm256_unpacklo_epi64(pairs[i], pairs[i + 2]);
        quads[i + 1] = _mm256_unpackhi_epi64(pairs[i], pairs[i + 2]);
        quads[i + 2] = _mm256_unpacklo_epi64(pairs[i + 1], pairs[i + 3]);
        quads[i + 3] = _mm256_unpackhi_epi64(pairs[i + 1], pairs[i + 3]);
    }
    for (int i = 0; i < 4; i++) {
        rows[i] = _mm256_permute2x128_si256(quads[i], quads[i + 4], 0x20);
        rows[i + 4] = _mm256_permute2x128_si256(quads[i], quads[i + 4], 0x31);
    }
}

/// `dct_pass` on eight 256-bit lanes (`data[k]` holds input k of each lane).
__attribute__((target("avx2"), always_inline))
static inline void dct_pass_avx2(__m256i data[8], int rows) {
    int odd_shift = rows ? CONST_BITS - PASS1_BITS : CONST_BITS + PASS1_BITS;
    const __m256i odd_round = _mm256_set1_epi32(1 << (odd_shift - 1));
    #define MULTIPLY(x, constant) _mm256_mullo_epi32((x), _mm256_set1_epi32(constant))
    #define DESCALE_ODD(x) _mm256_srai_epi32(_mm256_add_epi32((x), odd_round), odd_shift)
    __m256i sum0 = _mm256_add_epi32(data[0], data[7]), difference0 = _mm256_sub_epi32(data[0], data[7]);
    __m256i sum1 = _mm256_add_epi32(data[1], data[6]), difference1 = _mm256_sub_epi32(data[1], data[6]);
    __m256i sum2 = _mm256_add_epi32(data[2], data[5]), difference2 = _mm256_sub_epi32(data[2], data[5]);
    __m256i sum3 = _mm256_add_epi32(data[3], data[4]), difference3 = _mm256_sub_epi32(data[3], data[4]);
    __m256i outer = _mm256_add_epi32(sum0, sum3), outer_difference = _mm256_sub_epi32(sum0, sum3);
    __m256i inner = _mm256_add_epi32(sum1, sum2), inner_difference = _mm256_sub_epi32(sum1, sum2);
    if (rows) {
        data[0] = _mm256_slli_epi32(_mm256_add_epi32(outer, inner), PASS1_BITS);
        data[4] = _mm256_slli_epi32(_mm256_sub_epi32(outer, inner), PASS1_BITS);
    } else {
        const __m256i even_round = _mm256_set1_epi32(1 << (PASS1_BITS - 1));
        data[0] = _mm256_srai_epi32(_mm256_add_epi32(_mm256_add_epi32(outer, inner), even_round), PASS1_BITS);
        data[4] = _mm256_srai_epi32(_mm256_add_epi32(_mm256_sub_epi32(outer, inner), even_round), PASS1_BITS);
    }
    __m256i rotation = MULTIPLY(_mm256_add_epi32(inner_difference, outer_difference), FIX_0_541196100);
    data[2] = DESCALE_ODD(_mm256_add_epi32(rotation, MULTIPLY(outer_difference, FIX_0_765366865)));
    data[6] = DESCALE_ODD(_mm256_sub_epi32(rotation, MULTIPLY(inner_difference, FIX_1_847759065)));
    __m256i z1 = _mm256_add_epi32(difference3, difference0), z2 = _mm256_add_epi32(difference2, difference1);
    __m256i z3 = _mm256_add_epi32(difference3, difference1), z4 = _mm256_add_epi32(difference2, difference0);
    __m256i z5 = MULTIPLY(_mm256_add_epi32(z3, z4), FIX_1_175875602);
    __m256i t4 = MULTIPLY(difference3, FIX_0_298631336), t5 = MULTIPLY(difference2, FIX_2_053119869);
    __m256i t6 = MULTIPLY(difference1, FIX_3_072711026), t7 = MULTIPLY(difference0, FIX_1_501321110);
    z1 = MULTIPLY(z1, -FIX_0_899976223);
    z2 = MULTIPLY(z2, -FIX_2_562915447);
    z3 = _mm256_add_epi32(MULTIPLY(z3, -FIX_1_961570560), z5);
    z4 = _mm256_add_epi32(MULTIPLY(z4, -FIX_0_390180644), z5);
    data[7] = DESCALE_ODD(_mm256_add_epi32(_mm256_add_epi32(t4, z1), z3));
    data[5] = DESCALE_ODD(_mm256_add_epi32(_mm256_add_epi32(t5, z2), z4));
    data[3] = DESCALE_ODD(_mm256_add_epi32(_mm256_add_epi32(t6, z2), z3));
    data[1] = DESCALE_ODD(_mm256_add_epi32(_mm256_add_epi32(t7, z1), z4));
    #undef MULTIPLY
    #undef DESCALE_ODD
}

/// `forward_dct` with AVX2: the rows load as eight vectors, a transpose makes the lanes rows for
/// the row pass, another makes them columns for the column pass, whose outputs are the rows of
/// the coefficient block.
__attribute__((target("avx2")))
static void forward_dct_avx2(const uint8_t *samples, size_t pitch, int32_t output[64]) {
    __m256i data[8];
    const __m256i centre = _mm256_set1_epi32(128);
    for (int row = 0; row < 8; row++) {
        __m128i bytes = _mm_loadl_epi64((const __m128i *)(samples + (size_t)row * pitch));
        data[row] = _mm256_sub_epi32(_mm256_cvtepu8_epi32(bytes), centre);
    }
    transpose_avx2(data);
    dct_pass_avx2(data, 1);
    transpose_avx2(data);
    dct_pass_avx2(data, 0);
    for (int row = 0; row < 8; row++) _mm256_storeu_si256((__m256i *)(output + row * 8), data[row]);
}

/// Whether the CPU runs AVX2 and the bit-manipulation instructions every AVX2 CPU has had since
/// (BMI1, BMI2, LZCNT), which jpeg_entropy.c's AVX2 variant uses too (asked once per image).
static int cpu_has_avx2(void) {
    __builtin_cpu_init();
    return __builtin_cpu_supports("avx2") && __builtin_cpu_supports("bmi") && __builtin_cpu_supports("bmi2")
        && __builtin_cpu_supports("lzcnt");
}

int cimage_jpeg_coefficients_pay(const uint8_t *pixels, uint32_t width, uint32_t height, size_t stride) {
    // Measured on the fidelity cards against libjpeg-turbo's pipeline: with AVX2 a non-flat area
    // costs no more than the library's (a photo, with none flat, takes the same time; a gradient
    // card 7% less), so the path always pays; with the portable loops, from about a fifth flat.
    return cpu_has_avx2() || cimage_jpeg_flat_share(pixels, width, height, stride) >= 48;
}

/// The 2-D DCT of the 8×8 samples at `samples` (rows `pitch` apart), centred on 128, in natural
/// order and eight times the true coefficients, as libjpeg's `jpeg_fdct_islow` leaves them.
static void forward_dct(const uint8_t *samples, size_t pitch, int32_t output[64]) {
    int32_t data[8][8];
    // Row pass: lanes are rows, so input k of lane r is sample (r, k).
    for (int row = 0; row < 8; row++) {
        for (int column = 0; column < 8; column++) data[column][row] = (int32_t)samples[(size_t)row * pitch + (size_t)column] - 128;
    }
    dct_pass(data, 1);
    // Column pass: lanes are columns; input k of lane c is the row pass's output c of row k.
    int32_t columns[8][8];
    for (int k = 0; k < 8; k++) {
        for (int column = 0; column < 8; column++) columns[k][column] = data[column][k];
    }
    dct_pass(columns, 0);
    memcpy(output, columns, sizeof columns);
}

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

/// DCT output `value` at position `index` divided by its step. The product stays below 2^32:
/// |x| + correction is under 2^16 and the reciprocal at most 2^16.
__attribute__((always_inline))
static inline int16_t quantize(int32_t value, int index, const cimage_jpeg_divisors_table *divisors) {
    uint32_t magnitude = (uint32_t)(value < 0 ? -value : value);
    uint32_t level = ((magnitude + divisors->correction[index]) * divisors->reciprocal[index]) >> divisors->shift[index];
    return (int16_t)(value < 0 ? -(int32_t)level : (int32_t)level);
}

/// Quantizes 64 DCT outputs.
__attribute__((target_clones("avx2", "default")))
static void quantize_block(int16_t block[64], const int32_t work[64], const cimage_jpeg_divisors_table *divisors) {
    for (int index = 0; index < 64; index++) block[index] = quantize(work[index], index, divisors);
}

/// The DC of a block whose 64 samples all equal `sample` (its AC coefficients are all zero and are
/// left unwritten): the DCT of a constant is its DC term alone, 64 × (sample − 128) at the integer
/// DCT's scale.
static void flat_block(int16_t block[64], int32_t sample, const cimage_jpeg_divisors_table *divisors) {
    block[0] = quantize(64 * (sample - 128), 0, divisors);
}

/// Transforms and quantizes the 8×8 samples at `samples` (rows `pitch` apart) into `block`, with
/// the AVX2 transform when `avx2` is set. Returns 1 when the samples are one value, and only the
/// DC is written, else 0.
static int transform_block(int16_t block[64], const uint8_t *samples, size_t pitch, const cimage_jpeg_divisors_table *divisors,
                           int avx2) {
    // One eight-byte word a row, against the first sample repeated.
    uint64_t first = samples[0] * 0x0101010101010101ull, differs = 0;
    for (int row = 0; row < 8; row++) {
        uint64_t line;
        memcpy(&line, samples + (size_t)row * pitch, 8);
        differs |= line ^ first;
    }
    if (!differs) {
        flat_block(block, samples[0], divisors);
        return 1;
    }
    int32_t work[64];
    if (avx2) forward_dct_avx2(samples, pitch, work);
    else forward_dct(samples, pitch, work);
    quantize_block(block, work, divisors);
    return 0;
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
/// full rows it averages, so a chroma row past the image repeats the last chroma row. Pixels are
/// read as whole words and split with shifts, which the compiler runs eight at a time.
__attribute__((target_clones("avx2", "default")))
static void convert_area(const uint8_t *const rows[16], const uint32_t chroma_rows[8], uint8_t luma_area[16][16],
                         uint8_t blue_area[8][8], uint8_t red_area[8][8]) {
    uint32_t words[16][16];
    for (int row = 0; row < 16; row++) memcpy(words[row], rows[row], sizeof words[row]);
    for (int row = 0; row < 16; row++) {
        for (int column = 0; column < 16; column++) {
            int32_t word = (int32_t)words[row][column];
            luma_area[row][column] = (uint8_t)luma(word & 0xFF, (word >> 8) & 0xFF, (word >> 16) & 0xFF);
        }
    }
    for (int row = 0; row < 8; row++) {
        const uint32_t *upper = words[chroma_rows[row]], *lower = words[chroma_rows[row] + 1];
        int32_t blue[16], red[16];
        for (int column = 0; column < 16; column++) {
            int32_t a = (int32_t)upper[column], b = (int32_t)lower[column];
            int32_t ar = a & 0xFF, ag = (a >> 8) & 0xFF, ab = (a >> 16) & 0xFF;
            int32_t br = b & 0xFF, bg = (b >> 8) & 0xFF, bb = (b >> 16) & 0xFF;
            blue[column] = blue_difference(ar, ag, ab) + blue_difference(br, bg, bb);
            red[column] = red_difference(ar, ag, ab) + red_difference(br, bg, bb);
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

/// Eight RGBX pixels rearranged by `pattern` (one `_mm256_shuffle_epi8` control for both halves)
/// into a pair of 16-bit channel values per pixel, each pixel's pair in its 32-bit lane.
__attribute__((target("avx2"), always_inline))
static inline __m256i pairs_avx2(__m256i pixels, __m128i pattern) {
    return _mm256_shuffle_epi8(pixels, _mm256_broadcastsi128_si256(pattern));
}

/// `first · weights + second · more_weights + offset >> 16` on eight pixels' channel pairs:
/// `_mm256_madd_epi16` multiplies the 16-bit pairs and adds each pair's products, so one weight of a
/// conversion too wide for 16 bits is split across the two pairs.
__attribute__((target("avx2"), always_inline))
static inline __m256i weigh_pairs_avx2(__m256i first, int16_t weight0, int16_t weight1, __m256i second, int16_t weight2,
                                       int16_t weight3, int32_t offset) {
    __m256i sum = _mm256_add_epi32(_mm256_madd_epi16(first, _mm256_set1_epi32((int32_t)((uint32_t)(uint16_t)weight1 << 16 | (uint16_t)weight0))),
                                   _mm256_madd_epi16(second, _mm256_set1_epi32((int32_t)((uint32_t)(uint16_t)weight3 << 16 | (uint16_t)weight2))));
    return _mm256_srai_epi32(_mm256_add_epi32(sum, _mm256_set1_epi32(offset)), SCALE_BITS);
}

/// Sixteen 32-bit lanes (two vectors, in order) narrowed to sixteen bytes; every value is 0...255.
__attribute__((target("avx2"), always_inline))
static inline __m128i narrow_avx2(__m256i low, __m256i high) {
    // Packing works within 128-bit halves; the permute puts the four 64-bit quarters back in order.
    __m256i words = _mm256_permute4x64_epi64(_mm256_packus_epi32(low, high), 0xD8);
    __m256i bytes = _mm256_packus_epi16(words, words);
    return _mm_unpacklo_epi64(_mm256_castsi256_si128(bytes), _mm256_extracti128_si256(bytes, 1));
}

/// `convert_area` with AVX2, the same arithmetic lane by lane: every row's eight-pixel halves are
/// converted once to Y, Cb and Cr with 16-bit multiply-adds on channel pairs (as libjpeg-turbo's
/// AVX2 color converter does), whose split weights sum to the fixed-point weights exactly.
__attribute__((target("avx2")))
static void convert_area_avx2(const uint8_t *const rows[16], const uint32_t chroma_rows[8], uint8_t luma_area[16][16],
                              uint8_t blue_area[8][8], uint8_t red_area[8][8]) {
    // Byte indices within each 128-bit half (four pixels of r, g, b, x); 0x80 makes a zero byte.
    const __m128i red_green = _mm_setr_epi8(0, -128, 1, -128, 4, -128, 5, -128, 8, -128, 9, -128, 12, -128, 13, -128);
    const __m128i blue_green = _mm_setr_epi8(2, -128, 1, -128, 6, -128, 5, -128, 10, -128, 9, -128, 14, -128, 13, -128);
    const __m128i blue_blue = _mm_setr_epi8(2, -128, 2, -128, 6, -128, 6, -128, 10, -128, 10, -128, 14, -128, 14, -128);
    const __m128i red_red = _mm_setr_epi8(0, -128, 0, -128, 4, -128, 4, -128, 8, -128, 8, -128, 12, -128, 12, -128);
    const int32_t chroma_offset = CHROMA_OFFSET + HALF - 1;
    // The one weight of 2^15 (blue in Cb, red in Cr) is half on each of the two equal channels.
    const int16_t half_of_half = HALF_WEIGHT / 2;
    __m256i blue_rows[16][2], red_rows[16][2];
    for (int row = 0; row < 16; row++) {
        __m256i lumas[2];
        for (int half = 0; half < 2; half++) {
            __m256i pixels = _mm256_loadu_si256((const __m256i *)(rows[row] + half * 32));
            __m256i rg = pairs_avx2(pixels, red_green), bg = pairs_avx2(pixels, blue_green);
            // Green's luma weight (38,470) is over 2^15: 22,086 on the red-green pair, 16,384 on blue-green.
            lumas[half] = weigh_pairs_avx2(rg, Y_RED, Y_GREEN - 16384, bg, Y_BLUE, 16384, HALF);
            blue_rows[row][half] = weigh_pairs_avx2(rg, -CB_RED, -CB_GREEN, pairs_avx2(pixels, blue_blue), half_of_half,
                                                    half_of_half, chroma_offset);
            red_rows[row][half] = weigh_pairs_avx2(pairs_avx2(pixels, red_red), half_of_half, half_of_half, bg, -CR_BLUE,
                                                   -CR_GREEN, chroma_offset);
        }
        _mm_storeu_si128((__m128i *)luma_area[row], narrow_avx2(lumas[0], lumas[1]));
    }
    const __m256i bias = _mm256_setr_epi32(1, 2, 1, 2, 1, 2, 1, 2);
    for (int row = 0; row < 8; row++) {
        uint32_t upper = chroma_rows[row];
        __m256i blue[2], red[2];
        for (int half = 0; half < 2; half++) {
            blue[half] = _mm256_add_epi32(blue_rows[upper][half], blue_rows[upper + 1][half]);
            red[half] = _mm256_add_epi32(red_rows[upper][half], red_rows[upper + 1][half]);
        }
        // Neighbouring columns added pairwise; hadd works within 128-bit halves, the permute
        // restores the order, then the bias alternating 1, 2 and the shift make the mean.
        __m256i blue_pairs = _mm256_permute4x64_epi64(_mm256_hadd_epi32(blue[0], blue[1]), 0xD8);
        __m256i red_pairs = _mm256_permute4x64_epi64(_mm256_hadd_epi32(red[0], red[1]), 0xD8);
        blue_pairs = _mm256_srai_epi32(_mm256_add_epi32(blue_pairs, bias), 2);
        red_pairs = _mm256_srai_epi32(_mm256_add_epi32(red_pairs, bias), 2);
        __m128i both = narrow_avx2(blue_pairs, red_pairs);
        _mm_storel_epi64((__m128i *)blue_area[row], both);
        _mm_storel_epi64((__m128i *)red_area[row], _mm_unpackhi_epi64(both, both));
    }
}

int cimage_jpeg_uses_avx2(int allow_avx2) { return allow_avx2 && cpu_has_avx2(); }

void cimage_jpeg_band_start(cimage_jpeg_band *band, const uint8_t *pixels, uint32_t height, size_t stride, uint32_t top) {
    // Rows past the image repeat its last row, luma and chroma each their own (jcprepct.c): full
    // rows clamp to the last, chroma rows to the last chroma row's pair.
    uint32_t chroma_height = height / 2;
    for (uint32_t row = 0; row < 16; row++) band->rows[row] = pixels + (size_t)(top + row < height ? top + row : height - 1) * stride;
    for (uint32_t row = 0; row < 8; row++) {
        uint32_t chroma_row = top / 2 + row < chroma_height ? top / 2 + row : chroma_height - 1;
        band->chroma_rows[row] = chroma_row * 2 - top;
    }
    band->stride = stride;
    band->whole = top + 16 <= height;
    band->luma_block_rows = top + 8 < height ? 2 : 1;
}

unsigned cimage_jpeg_area_blocks(const cimage_jpeg_band *band, uint32_t x, int avx2,
                                 const cimage_jpeg_divisors_table *luma_divisors,
                                 const cimage_jpeg_divisors_table *chroma_divisors, cimage_jpeg_block blocks[6]) {
    if (band->whole && area_is_flat(band->rows[0] + (size_t)x * 4, band->stride)) {
        const uint8_t *pixel = band->rows[0] + (size_t)x * 4;
        int32_t y = luma(pixel[0], pixel[1], pixel[2]);
        for (int part = 0; part < 4; part++) flat_block(blocks[part], y, luma_divisors);
        flat_block(blocks[4], blue_difference(pixel[0], pixel[1], pixel[2]), chroma_divisors);
        flat_block(blocks[5], red_difference(pixel[0], pixel[1], pixel[2]), chroma_divisors);
        return 0x3F;
    }
    const uint8_t *area_rows[16];
    for (int row = 0; row < 16; row++) area_rows[row] = band->rows[row] + (size_t)x * 4;
    uint8_t luma_area[16][16], blue_area[8][8], red_area[8][8];
    if (avx2) convert_area_avx2(area_rows, band->chroma_rows, luma_area, blue_area, red_area);
    else convert_area(area_rows, band->chroma_rows, luma_area, blue_area, red_area);
    unsigned dc_only = 0;
    for (uint32_t part = 0; part < 2 * band->luma_block_rows; part++) {
        dc_only |= (unsigned)transform_block(blocks[part], &luma_area[(part / 2) * 8][(part % 2) * 8], 16, luma_divisors, avx2) << part;
    }
    dc_only |= (unsigned)transform_block(blocks[4], &blue_area[0][0], 8, chroma_divisors, avx2) << 4;
    dc_only |= (unsigned)transform_block(blocks[5], &red_area[0][0], 8, chroma_divisors, avx2) << 5;
    return dc_only;
}
