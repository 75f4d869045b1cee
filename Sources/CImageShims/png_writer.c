// A PNG writer for unfiltered 8-bit RGB/RGBA images that drives zlib directly. libpng's row
// pipeline (a copy per row, the filler transform, small IDAT flushes) cost as much as a fifth of
// encoding a card; here each row goes to deflate straight from the caller's pixels when no channel
// is dropped, or through one reused row buffer when the alpha byte is.
#include "CImageShims.h"
#include "buffer_reserve.h"
#include "card_deflate.h"

#include <cpuid.h>
#include <emmintrin.h>
#include <immintrin.h>
#include <tmmintrin.h>
#include <stdlib.h>
#include <string.h>
#include <zlib.h>

#if defined(__SSE2__)
/// Folds one run of blocks into the Adler-32 sums: `sums` holds the byte sums (in lanes 0 and 2, as
/// psadbw leaves them), `prefix` the sums before each block, `weighted` the position-weighted bytes.
/// `block` is the bytes per block, which multiplies each block's prefix sum into s2.
static inline void adler_fold(__m128i sums, __m128i prefix, __m128i weighted, uint64_t block, uint64_t *s1, uint64_t *s2) {
    const uint32_t base = 65521;
    uint32_t lanes[4];
    _mm_storeu_si128((__m128i *)lanes, sums);
    uint64_t sum = (uint64_t)lanes[0] + lanes[2];
    _mm_storeu_si128((__m128i *)lanes, prefix);
    uint64_t prefixes = (uint64_t)lanes[0] + lanes[1] + lanes[2] + lanes[3];
    _mm_storeu_si128((__m128i *)lanes, weighted);
    uint64_t weights = (uint64_t)lanes[0] + lanes[1] + lanes[2] + lanes[3];
    *s2 = (*s2 + block * prefixes + weights) % base;
    *s1 = (*s1 + sum) % base;
}
#endif

/// Adler-32 (RFC 1950 §8.2) with SSE2, the x86-64 baseline: zlib's scalar loop spent about 3.5
/// instructions per byte, a sixth of the encoder. Per 16-byte block, s1 gains the byte sum
/// (psadbw) and s2 gains 16·s1 plus the bytes weighted 16…1 (pmaddwd); 256-block runs keep every
/// 32-bit lane far from overflow before the sums are reduced modulo 65521.
static uint32_t adler32_blocks(uint32_t adler, const uint8_t *bytes, size_t length) {
    const uint32_t base = 65521;
    uint64_t s1 = adler & 0xFFFF;
    uint64_t s2 = adler >> 16;
#if defined(__SSE2__)
    const __m128i zero = _mm_setzero_si128();
    const __m128i high_weights = _mm_setr_epi16(16, 15, 14, 13, 12, 11, 10, 9);
    const __m128i low_weights = _mm_setr_epi16(8, 7, 6, 5, 4, 3, 2, 1);
    while (length >= 16) {
        size_t blocks = length / 16;
        if (blocks > 256) blocks = 256;
        length -= blocks * 16;
        __m128i sums = zero, weighted = zero, prefix = zero;
        s2 += s1 * 16 * blocks;
        for (size_t block = 0; block < blocks; block++) {
            __m128i data = _mm_loadu_si128((const __m128i *)bytes);
            bytes += 16;
            prefix = _mm_add_epi32(prefix, sums);
            sums = _mm_add_epi32(sums, _mm_sad_epu8(data, zero));
            __m128i first = _mm_madd_epi16(_mm_unpacklo_epi8(data, zero), high_weights);
            __m128i second = _mm_madd_epi16(_mm_unpackhi_epi8(data, zero), low_weights);
            weighted = _mm_add_epi32(weighted, _mm_add_epi32(first, second));
        }
        adler_fold(sums, prefix, weighted, 16, &s1, &s2);
    }
#endif
    while (length > 0) {
        size_t run = length < 5552 ? length : 5552;
        length -= run;
        while (run-- > 0) {
            s1 += *bytes++;
            s2 += s1;
        }
        s1 %= base;
        s2 %= base;
    }
    return (uint32_t)(s2 << 16 | s1);
}

/// Whether the CPU has SSSE3 (CPUID leaf 1, ECX bit 9); asked once per image, since the x86-64
/// baseline only promises SSE2.
static int has_ssse3(void) {
    unsigned eax, ebx, ecx, edx;
    return __get_cpuid(1, &eax, &ebx, &ecx, &edx) && (ecx & bit_SSSE3) != 0;
}

/// `adler32_blocks` with SSSE3's pmaddubsw, which weights and pairs the 16 bytes in one step where
/// SSE2 needs two unpacks and two multiplies. Same sums, same bounds on the 32-bit lanes.
__attribute__((target("ssse3")))
static uint32_t adler32_blocks_ssse3(uint32_t adler, const uint8_t *bytes, size_t length) {
    uint64_t s1 = adler & 0xFFFF;
    uint64_t s2 = adler >> 16;
    const __m128i zero = _mm_setzero_si128();
    const __m128i weights = _mm_setr_epi8(16, 15, 14, 13, 12, 11, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1);
    const __m128i ones = _mm_set1_epi16(1);
    while (length >= 16) {
        size_t blocks = length / 16;
        if (blocks > 256) blocks = 256;
        length -= blocks * 16;
        __m128i sums = zero, weighted = zero, prefix = zero;
        s2 += s1 * 16 * blocks;
        for (size_t block = 0; block < blocks; block++) {
            __m128i data = _mm_loadu_si128((const __m128i *)bytes);
            bytes += 16;
            prefix = _mm_add_epi32(prefix, sums);
            sums = _mm_add_epi32(sums, _mm_sad_epu8(data, zero));
            weighted = _mm_add_epi32(weighted, _mm_madd_epi16(_mm_maddubs_epi16(data, weights), ones));
        }
        adler_fold(sums, prefix, weighted, 16, &s1, &s2);
    }
    // The tail (under 16 bytes) goes through the portable loop.
    return adler32_blocks((uint32_t)(s2 << 16 | s1), bytes, length);
}

/// Whether the CPU has AVX2 and the OS saves the YMM registers: CPUID leaf 7 EBX bit 5, plus
/// OSXSAVE and AVX in leaf 1 ECX and the SSE and AVX state bits of XCR0.
static int has_avx2(void) {
    unsigned eax, ebx, ecx, edx;
    if (!__get_cpuid(1, &eax, &ebx, &ecx, &edx) || (ecx & bit_OSXSAVE) == 0 || (ecx & bit_AVX) == 0) return 0;
    uint32_t xcr0_low, xcr0_high;
    __asm__("xgetbv" : "=a"(xcr0_low), "=d"(xcr0_high) : "c"(0));
    if ((xcr0_low & 6) != 6) return 0;
    return __get_cpuid_count(7, 0, &eax, &ebx, &ecx, &edx) && (ebx & bit_AVX2) != 0;
}

/// `adler32_blocks_ssse3` on 32-byte blocks: the same psadbw / pmaddubsw steps on both halves of a
/// YMM register, with weights 32…1. Per block a lane gains at most 2,040 (sums) or 32,130
/// (weighted), so 256-block runs keep prefix sums under 2^27 before the halves are added and folded.
__attribute__((target("avx2")))
static uint32_t adler32_blocks_avx2(uint32_t adler, const uint8_t *bytes, size_t length) {
    uint64_t s1 = adler & 0xFFFF;
    uint64_t s2 = adler >> 16;
    const __m256i zero = _mm256_setzero_si256();
    const __m256i weights = _mm256_setr_epi8(32, 31, 30, 29, 28, 27, 26, 25, 24, 23, 22, 21, 20, 19, 18, 17,
                                             16, 15, 14, 13, 12, 11, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1);
    const __m256i ones = _mm256_set1_epi16(1);
    while (length >= 32) {
        size_t blocks = length / 32;
        if (blocks > 256) blocks = 256;
        length -= blocks * 32;
        __m256i sums = zero, weighted = zero, prefix = zero;
        s2 += s1 * 32 * blocks;
        for (size_t block = 0; block < blocks; block++) {
            __m256i data = _mm256_loadu_si256((const __m256i *)bytes);
            bytes += 32;
            prefix = _mm256_add_epi32(prefix, sums);
            sums = _mm256_add_epi32(sums, _mm256_sad_epu8(data, zero));
            weighted = _mm256_add_epi32(weighted, _mm256_madd_epi16(_mm256_maddubs_epi16(data, weights), ones));
        }
        // The two halves are sums over the same blocks, so they add lane by lane before folding.
        adler_fold(_mm_add_epi32(_mm256_castsi256_si128(sums), _mm256_extracti128_si256(sums, 1)),
                   _mm_add_epi32(_mm256_castsi256_si128(prefix), _mm256_extracti128_si256(prefix, 1)),
                   _mm_add_epi32(_mm256_castsi256_si128(weighted), _mm256_extracti128_si256(weighted, 1)),
                   32, &s1, &s2);
    }
    return adler32_blocks((uint32_t)(s2 << 16 | s1), bytes, length);
}

static void put32(uint8_t *at, uint32_t value) {
    at[0] = (uint8_t)(value >> 24);
    at[1] = (uint8_t)(value >> 16);
    at[2] = (uint8_t)(value >> 8);
    at[3] = (uint8_t)value;
}

/// Appends a chunk (PNG spec §5.3): length, type, data, CRC-32 of type and data.
static int put_chunk(cimage_buffer *out, const char type[4], const uint8_t *data, uint32_t length) {
    if (!cimage_buffer_reserve(out, (size_t)length + 12)) return 0;
    uint8_t *at = out->data + out->length;
    put32(at, length);
    memcpy(at + 4, type, 4);
    if (length) memcpy(at + 8, data, length);
    uint32_t crc = (uint32_t)crc32(0, at + 4, length + 4);
    put32(at + 8 + length, crc);
    out->length += (size_t)length + 12;
    return 1;
}

/// Appends the signature and the IHDR chunk (PNG spec §11.2.2) of an 8-bit, non-interlaced RGB or
/// RGBA image.
static int put_start(cimage_buffer *out, uint32_t width, uint32_t height, int output_channels) {
    static const uint8_t signature[8] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n' };
    uint8_t header[13] = { 0 };
    put32(header, width);
    put32(header + 4, height);
    header[8] = 8;
    header[9] = output_channels == 4 ? 6 : 2;
    if (!cimage_buffer_reserve(out, 8)) return 0;
    memcpy(out->data + out->length, signature, 8);
    out->length += 8;
    return put_chunk(out, "IHDR", header, 13);
}

static void set_message(char *message, size_t capacity, const char *text) {
    if (message == NULL || capacity == 0) return;
    strncpy(message, text, capacity - 1);
    message[capacity - 1] = '\0';
}

int cimage_png_encode_unfiltered(const uint8_t *pixels, uint32_t width, uint32_t height, size_t stride,
                                 int output_channels, int zlib_level, int zlib_strategy,
                                 cimage_buffer *out, char *message, size_t message_capacity) {
    if (width == 0 || height == 0 || width > 0x7FFFFFFF || height > 0x7FFFFFFF || pixels == NULL
        || out == NULL || out->data != NULL || (output_channels != 3 && output_channels != 4)
        || stride < (size_t)width * 4 || zlib_level < 0 || zlib_level > 9) {
        set_message(message, message_capacity, "invalid PNG encoder arguments");
        return CIMAGE_ERROR_ARGUMENT;
    }
    size_t row_bytes = (size_t)width * (size_t)output_channels;
    // Stripped rows start with their filter byte and keep one spare byte for 4-byte stores.
    uint8_t *row = output_channels == 3 ? calloc(row_bytes + 2, 1) : NULL;
    z_stream stream;
    memset(&stream, 0, sizeof stream);
    if ((output_channels == 3 && row == NULL)
        || deflateInit2(&stream, zlib_level, Z_DEFLATED, -15, 8, zlib_strategy) != Z_OK) {
        free(row);
        set_message(message, message_capacity, "out of memory");
        return CIMAGE_ERROR_NO_MEMORY;
    }
    // Signature, IHDR, then the IDAT chunk written in place: its length and CRC are filled in
    // once deflate has finished.
    size_t bound = deflateBound(&stream, (uLong)((row_bytes + 1) * height));
    int ok = cimage_buffer_reserve(out, 8 + 25 + 12 + 2 + bound + 4 + 12);
    ok = ok && put_start(out, width, height, output_channels);
    size_t idat = out->length;
    if (ok) {
        // The zlib wrapper (RFC 1950 §2.2) is written here, with the level hint zlib itself would
        // write, so deflate runs raw and the Adler-32 comes from the SIMD loop above.
        memcpy(out->data + idat + 4, "IDAT", 4);
        int level_hint = (zlib_level < 2 || zlib_strategy >= Z_HUFFMAN_ONLY) ? 0
            : zlib_level < 6 ? 1 : zlib_level == 6 ? 2 : 3;
        uint32_t wrapper = (0x78u << 8) | ((uint32_t)level_hint << 6);
        wrapper += 31 - wrapper % 31;
        out->data[idat + 8] = (uint8_t)(wrapper >> 8);
        out->data[idat + 9] = (uint8_t)wrapper;
        stream.next_out = out->data + idat + 10;
        stream.avail_out = (uInt)(out->capacity - idat - 10 - 4 - 12);
    }
    static const uint8_t filter_none = 0;
    uint32_t adler = 1;
    for (uint32_t y = 0; ok && y < height; y++) {
        const uint8_t *source = pixels + (size_t)y * stride;
        if (output_channels == 3) {
            // Overlapping 4-byte stores: each pixel's alpha byte is overwritten by the next pixel.
            uint8_t *target = row + 1;
            for (uint32_t x = 0; x < width; x++) memcpy(target + (size_t)x * 3, source + (size_t)x * 4, 4);
            adler = adler32_blocks(adler, row, row_bytes + 1);
            stream.next_in = row;
            stream.avail_in = (uInt)row_bytes + 1;
        } else {
            adler = adler32_blocks(adler, &filter_none, 1);
            stream.next_in = (Bytef *)&filter_none;
            stream.avail_in = 1;
            ok = deflate(&stream, Z_NO_FLUSH) == Z_OK && stream.avail_in == 0;
            adler = adler32_blocks(adler, source, row_bytes);
            stream.next_in = (Bytef *)source;
            stream.avail_in = (uInt)row_bytes;
        }
        ok = ok && deflate(&stream, Z_NO_FLUSH) == Z_OK && stream.avail_in == 0;
    }
    // deflateBound guarantees the whole stream fits, so Z_FINISH completes in one call.
    ok = ok && deflate(&stream, Z_FINISH) == Z_STREAM_END;
    size_t compressed = stream.total_out + 2 + 4;
    if (ok) put32(out->data + idat + 10 + stream.total_out, adler);
    deflateEnd(&stream);
    free(row);
    if (!ok || compressed > 0x7FFFFFFF) {
        set_message(message, message_capacity, "zlib failed to compress the image");
        return CIMAGE_ERROR_LIBPNG;
    }
    uint8_t *chunk = out->data + idat;
    put32(chunk, (uint32_t)compressed);
    put32(chunk + 8 + compressed, (uint32_t)crc32(0, chunk + 4, (uInt)compressed + 4));
    out->length = idat + 12 + compressed;
    return put_chunk(out, "IEND", NULL, 0) ? CIMAGE_OK : CIMAGE_ERROR_NO_MEMORY;
}

/// Whether every alpha byte of the 16-byte lanes ANDed into `all` is 255.
static inline int alphas_opaque(__m128i all) {
    return (_mm_movemask_epi8(_mm_cmpeq_epi8(all, _mm_set1_epi8(-1))) & 0x8888) == 0x8888;
}

/// `strip_alpha` with SSSE3: one byte shuffle per four pixels, eight pixels per step. Writes up to
/// four bytes past the row, like the SSE2 version.
__attribute__((target("ssse3")))
static int strip_alpha_ssse3(uint8_t *target, const uint8_t *source, uint32_t width) {
    const __m128i pack = _mm_setr_epi8(0, 1, 2, 4, 5, 6, 8, 9, 10, 12, 13, 14, -1, -1, -1, -1);
    __m128i all = _mm_set1_epi8(-1);
    int opaque = 1;
    uint32_t x = 0;
    for (; x + 8 <= width; x += 8) {
        __m128i low = _mm_loadu_si128((const __m128i *)source);
        __m128i high = _mm_loadu_si128((const __m128i *)(source + 16));
        all = _mm_and_si128(all, _mm_and_si128(low, high));
        _mm_storeu_si128((__m128i *)target, _mm_shuffle_epi8(low, pack));
        _mm_storeu_si128((__m128i *)(target + 12), _mm_shuffle_epi8(high, pack));
        source += 32;
        target += 24;
    }
    for (; x < width; x++) {
        opaque &= source[3] == 255;
        memcpy(target, source, 4);
        source += 4;
        target += 3;
    }
    return opaque && alphas_opaque(all);
}

/// Copies one row of RGBA pixels as RGB with SSE2, four pixels (16 bytes in, 12 out) per step:
/// within each 64-bit lane two pixels close the gap left by the first alpha byte, then the upper
/// lane moves down two bytes onto the lower one's end. Each step stores 16 bytes and the tail four
/// per three-byte pixel, so up to four bytes past the row are written; the caller leaves room.
/// Returns whether every alpha byte in the row is 255, checked on the way.
static int strip_alpha(uint8_t *target, const uint8_t *source, uint32_t width) {
    uint32_t x = 0;
    int opaque = 1;
    const __m128i first_pixel = _mm_set1_epi64x(0xFFFFFF);
    const __m128i second_pixel = _mm_set1_epi64x(0xFFFFFF000000);
    const __m128i lower_lane = _mm_setr_epi32(-1, 0xFFFF, 0, 0);
    const __m128i upper_lane = _mm_setr_epi32(0, (int)0xFFFF0000, -1, 0);
    __m128i all = _mm_set1_epi8(-1);
    for (; x + 4 <= width; x += 4) {
        __m128i pixels = _mm_loadu_si128((const __m128i *)source);
        all = _mm_and_si128(all, pixels);
        __m128i packed = _mm_or_si128(_mm_and_si128(pixels, first_pixel),
                                      _mm_and_si128(_mm_srli_epi64(pixels, 8), second_pixel));
        __m128i joined = _mm_or_si128(_mm_and_si128(packed, lower_lane),
                                      _mm_and_si128(_mm_srli_si128(packed, 2), upper_lane));
        _mm_storeu_si128((__m128i *)target, joined);
        source += 16;
        target += 12;
    }
    for (; x < width; x++) {
        opaque &= source[3] == 255;
        memcpy(target, source, 4);
        source += 4;
        target += 3;
    }
    return opaque && alphas_opaque(all);
}

/// `cimage_is_opaque` with AVX2: 32 pixels per step, stopping at the first 4 KB stretch with a gap.
__attribute__((target("avx2")))
static int is_opaque_avx2(const uint8_t *pixels, size_t count) {
    const __m256i ones = _mm256_set1_epi8(-1);
    size_t index = 0;
    while (index + 32 <= count) {
        size_t end = count - index < 1024 ? index + (count - index) / 32 * 32 : index + 1024;
        __m256i all = ones;
        for (; index < end; index += 32) {
            const __m256i *at = (const __m256i *)(pixels + index * 4);
            all = _mm256_and_si256(all, _mm256_and_si256(_mm256_and_si256(_mm256_loadu_si256(at), _mm256_loadu_si256(at + 1)),
                                                         _mm256_and_si256(_mm256_loadu_si256(at + 2), _mm256_loadu_si256(at + 3))));
        }
        if (((uint32_t)_mm256_movemask_epi8(_mm256_cmpeq_epi8(all, ones)) & 0x88888888u) != 0x88888888u) return 0;
    }
    for (; index < count; index++) {
        if (pixels[index * 4 + 3] != 255) return 0;
    }
    return 1;
}

int cimage_is_opaque(const uint8_t *pixels, size_t count) {
    if (has_avx2()) return is_opaque_avx2(pixels, count);
    size_t index = 0;
    __m128i all = _mm_set1_epi8(-1);
    for (; index + 4 <= count; index += 4) {
        all = _mm_and_si128(all, _mm_loadu_si128((const __m128i *)(pixels + index * 4)));
        if ((index & 1023) == 1020 && !alphas_opaque(all)) return 0;
    }
    for (; index < count; index++) {
        if (pixels[index * 4 + 3] != 255) return 0;
    }
    return alphas_opaque(all);
}

/// Below this share (in 256ths, about 16%) of four-pixel groups that repeat the four pixels to
/// their left or the four above, a row is taken for part of a photograph. A card's rows are mostly
/// such groups (flat color, text on a background, gradients' steps): every fidelity card stays
/// above it, and only the gradient test page's conic rows (about 10%) fall below, costing 7% in
/// size. A photograph's shading and sensor noise leave few, so matching finds little there and
/// costs more than the rest of a card; Up-filtered literals make a photo about half the size in
/// a fifth of the time.
enum { PHOTO_ROW_SHARE = 40 };

/// Whether the row of `width` RGBA pixels at `row` looks like part of a photograph (see
/// PHOTO_ROW_SHARE), judged on one four-pixel group in four. `above` is the row above. A card's
/// row is told apart once enough groups repeat, usually within its first few dozen pixels.
static int looks_like_photo(const uint8_t *row, const uint8_t *above, uint32_t width) {
    uint32_t groups = width >= 5 ? (width - 5) / 16 + 1 : 0;
    // Repeated groups that make a card row: the share rounded up.
    uint32_t enough = (groups * PHOTO_ROW_SHARE + 255) / 256;
    uint32_t repeated = 0;
    for (uint32_t x = 1; x + 4 <= width && repeated < enough; x += 16) {
        __m128i pixels = _mm_loadu_si128((const __m128i *)(row + (size_t)x * 4));
        int left = _mm_movemask_epi8(_mm_cmpeq_epi32(pixels, _mm_loadu_si128((const __m128i *)(row + (size_t)(x - 1) * 4))));
        int up = _mm_movemask_epi8(_mm_cmpeq_epi32(pixels, _mm_loadu_si128((const __m128i *)(above + (size_t)x * 4))));
        repeated += left == 0xFFFF || up == 0xFFFF;
    }
    return repeated < enough;
}

/// Applies PNG's Up filter (spec §9.2, type 2) to `count` bytes in place: each byte minus the
/// unfiltered byte above it.
static void filter_up(uint8_t *row, const uint8_t *above, size_t count) {
    size_t index = 0;
    for (; index + 16 <= count; index += 16) {
        __m128i value = _mm_loadu_si128((const __m128i *)(row + index));
        _mm_storeu_si128((__m128i *)(row + index), _mm_sub_epi8(value, _mm_loadu_si128((const __m128i *)(above + index))));
    }
    for (; index < count; index++) row[index] = (uint8_t)(row[index] - above[index]);
}

int cimage_png_encode_card(const uint8_t *pixels, uint32_t width, uint32_t height, size_t stride,
                           int output_channels, cimage_buffer *out, char *message, size_t message_capacity) {
    if (width == 0 || height == 0 || width > 0x7FFFFFFF || height > 0x7FFFFFFF || pixels == NULL
        || out == NULL || out->data != NULL || (output_channels != 3 && output_channels != 4)
        || stride < (size_t)width * 4) {
        set_message(message, message_capacity, "invalid PNG encoder arguments");
        return CIMAGE_ERROR_ARGUMENT;
    }
    // The compressor matches across rows, so the filtered rows (PNG spec §7.3) are laid out as one
    // stream: a zero filter byte, then the row's samples.
    size_t row_length = (size_t)width * (size_t)output_channels + 1;
    size_t length = row_length * height;
    uint8_t *stream = malloc(length + 4);
    cimage_deflate *deflate = cimage_deflate_begin(row_length, (size_t)output_channels, out);
    // Photo rows are Up-filtered and sent as literals (`cimage_deflate_set_literal_rows`); the two
    // buffers keep the unfiltered bytes of the last photo row for the row below it.
    uint8_t *photo_rows = calloc(height, 1);
    uint8_t *unfiltered[2] = { malloc(row_length), malloc(row_length) };
    if (stream == NULL || deflate == NULL || photo_rows == NULL || unfiltered[0] == NULL || unfiltered[1] == NULL) {
        free(stream);
        free(photo_rows);
        free(unfiltered[0]);
        free(unfiltered[1]);
        cimage_deflate_end(deflate);
        set_message(message, message_capacity, "out of memory");
        return CIMAGE_ERROR_NO_MEMORY;
    }
    // Cards compress 20–50×; the buffer grows if this guess is short.
    int ok = cimage_buffer_reserve(out, 8 + 25 + 12 + 2 + length / 16 + 4096);
    ok = ok && put_start(out, width, height, output_channels);
    size_t idat = out->length;
    if (ok) {
        // RFC 1950 §2.2: deflate with a 32 K window, "fastest" level hint, no dictionary.
        memcpy(out->data + idat + 4, "IDAT", 4);
        out->data[idat + 8] = 0x78;
        out->data[idat + 9] = 0x01;
        out->length = idat + 10;
    }
    // Rows are laid out, checksummed and compressed a band at a time, so each byte is still in
    // cache for the next step; a band of about 64 KB stays there along with the 32 KB window.
    uint32_t band = (uint32_t)(65536 / row_length) + 1;
    uint32_t adler = 1;
    int ssse3 = has_ssse3();
    uint32_t (*adler_blocks)(uint32_t, const uint8_t *, size_t) =
        has_avx2() ? adler32_blocks_avx2 : ssse3 ? adler32_blocks_ssse3 : adler32_blocks;
    int opaque = 1;
    cimage_deflate_set_literal_rows(deflate, photo_rows);
    // The unfiltered bytes of the row above: in the stream when it was not filtered.
    const uint8_t *above = NULL;
    int spare = 0;
    for (uint32_t first = 0; ok && opaque && first < height; first += band) {
        uint32_t end = height - first < band ? height : first + band;
        for (uint32_t y = first; y < end; y++) {
            uint8_t *row = stream + (size_t)y * row_length;
            const uint8_t *source = pixels + (size_t)y * stride;
            // Written after the previous row, whose last copy step may have spilled into it.
            row[0] = 0;
            if (output_channels == 4) memcpy(row + 1, source, row_length - 1);
            else if (ssse3) opaque &= strip_alpha_ssse3(row + 1, source, width);
            else opaque &= strip_alpha(row + 1, source, width);
            if (above != NULL && looks_like_photo(source, source - stride, width)) {
                photo_rows[y] = 1;
                memcpy(unfiltered[spare], row + 1, row_length - 1);
                row[0] = 2;
                filter_up(row + 1, above, row_length - 1);
                above = unfiltered[spare];
                spare ^= 1;
            } else {
                above = row + 1;
            }
        }
        if (!opaque) break;
        adler = adler_blocks(adler, stream + (size_t)first * row_length, (size_t)(end - first) * row_length);
        ok = cimage_deflate_write(deflate, stream, (size_t)end * row_length, end == height) == CIMAGE_OK;
    }
    cimage_deflate_end(deflate);
    free(photo_rows);
    free(unfiltered[0]);
    free(unfiltered[1]);
    if (!opaque) {
        free(stream);
        cimage_buffer_free(out);
        set_message(message, message_capacity, "a pixel is not opaque; encode with 4 channels");
        return CIMAGE_ERROR_NOT_OPAQUE;
    }
    ok = ok && cimage_buffer_reserve(out, 4 + 4 + 12);
    if (ok) {
        put32(out->data + out->length, adler);
        out->length += 4;
    }
    free(stream);
    size_t compressed = out->length - idat - 8;
    if (!ok || compressed > 0x7FFFFFFF) {
        set_message(message, message_capacity, ok ? "image too large for one IDAT chunk" : "out of memory");
        return ok ? CIMAGE_ERROR_ARGUMENT : CIMAGE_ERROR_NO_MEMORY;
    }
    uint8_t *chunk = out->data + idat;
    put32(chunk, (uint32_t)compressed);
    put32(chunk + 8 + compressed, (uint32_t)crc32(0, chunk + 4, (uInt)compressed + 4));
    out->length += 4;
    return put_chunk(out, "IEND", NULL, 0) ? CIMAGE_OK : CIMAGE_ERROR_NO_MEMORY;
}
