// A whole baseline JFIF file for a card, written without libjpeg: the markers libjpeg writes with
// its defaults (jcmarker.c), in its order and with its field values, then one interleaved scan
// whose blocks are computed and Huffman-coded an MCU at a time. Handing the library coefficients
// instead meant buffering every block of the image (2.3 MB for 1200×630) and running its
// general-purpose coefficient controller and entropy coder over them.
#include "jpeg_writer.h"
#include "buffer_reserve.h"
#include "jpeg_coefficients.h"
#include "jpeg_entropy.h"
#include "jpeg_tables.h"

#include <stdlib.h>
#include <string.h>

/// Room for every marker before the scan: SOI, APP0, two DQT, SOF0, four DHT and SOS come to 623
/// bytes.
enum { HEADER_BOUND = 1024 };

/// Markers of T.81 Table B.1 and the JFIF APP0.
enum { SOI = 0xD8, EOI = 0xD9, APP0 = 0xE0, DQT = 0xDB, SOF0 = 0xC0, DHT = 0xC4, SOS = 0xDA };

static uint8_t *put_byte(uint8_t *cursor, uint32_t value) {
    *cursor = (uint8_t)value;
    return cursor + 1;
}

static uint8_t *put_short(uint8_t *cursor, uint32_t value) {
    cursor[0] = (uint8_t)(value >> 8);
    cursor[1] = (uint8_t)value;
    return cursor + 2;
}

static uint8_t *put_bytes(uint8_t *cursor, const uint8_t *bytes, size_t count) {
    memcpy(cursor, bytes, count);
    return cursor + count;
}

/// A marker and the length of its segment, which counts the two length bytes and `payload` more.
static uint8_t *put_segment_start(uint8_t *cursor, uint32_t marker, uint32_t payload) {
    cursor = put_byte(put_byte(cursor, 0xFF), marker);
    return put_short(cursor, payload + 2);
}

/// A DQT segment (§B.2.4.1): 8-bit steps of table `slot`, in zigzag order.
static uint8_t *put_quantization(uint8_t *cursor, uint32_t slot, const uint16_t steps[64]) {
    cursor = put_byte(put_segment_start(cursor, DQT, 65), slot);
    for (int k = 0; k < 64; k++) cursor = put_byte(cursor, steps[cimage_jpeg_zigzag[k]]);
    return cursor;
}

/// A DHT segment (§B.2.4.2) for standard table `chroma`/`ac`, which goes in slot `chroma`.
static uint8_t *put_huffman(uint8_t *cursor, int chroma, int ac) {
    cimage_jpeg_huffman_spec spec;
    cimage_jpeg_standard_huffman(chroma, ac, &spec);
    cursor = put_segment_start(cursor, DHT, 1 + 16 + (uint32_t)spec.symbol_count);
    cursor = put_byte(cursor, (uint32_t)(ac << 4 | chroma));
    cursor = put_bytes(cursor, spec.counts, 16);
    return put_bytes(cursor, spec.symbols, (size_t)spec.symbol_count);
}

/// Everything before the entropy-coded data, as libjpeg's write_file_header, write_frame_header
/// and write_scan_header put it: components Y, Cb, Cr numbered 1 to 3, Y sampled 2×2 with table 0,
/// chroma 1×1 with table 1.
static uint8_t *put_headers(uint8_t *cursor, uint32_t width, uint32_t height, const uint16_t luma[64],
                            const uint16_t chroma[64]) {
    cursor = put_byte(put_byte(cursor, 0xFF), SOI);
    // JFIF 1.01, no density unit, a 1:1 pixel aspect, no thumbnail: jpeg_set_defaults' values.
    static const uint8_t jfif[14] = { 'J', 'F', 'I', 'F', 0, 1, 1, 0, 0, 1, 0, 1, 0, 0 };
    cursor = put_segment_start(cursor, APP0, sizeof jfif);
    cursor = put_bytes(cursor, jfif, sizeof jfif);
    cursor = put_quantization(cursor, 0, luma);
    cursor = put_quantization(cursor, 1, chroma);
    cursor = put_segment_start(cursor, SOF0, 6 + 3 * 3);
    cursor = put_short(put_short(put_byte(cursor, 8), height), width);
    static const uint8_t frame_components[10] = { 3, 1, 0x22, 0, 2, 0x11, 1, 3, 0x11, 1 };
    cursor = put_bytes(cursor, frame_components, sizeof frame_components);
    // libjpeg writes the tables a scan uses just before it, each component's DC table then its AC.
    cursor = put_huffman(cursor, 0, 0);
    cursor = put_huffman(cursor, 0, 1);
    cursor = put_huffman(cursor, 1, 0);
    cursor = put_huffman(cursor, 1, 1);
    cursor = put_segment_start(cursor, SOS, 4 + 3 * 2);
    // Three components with their DC/AC table slots, then the whole spectrum (0...63), no
    // successive approximation.
    static const uint8_t scan_components[10] = { 3, 1, 0x00, 2, 0x11, 3, 0x11, 0, 63, 0 };
    return put_bytes(cursor, scan_components, sizeof scan_components);
}

/// Empties `out` after a failure.
static int fail(cimage_buffer *out, int status) {
    cimage_buffer_free(out);
    return status;
}

int cimage_jpeg_write_card(const uint8_t *pixels, uint32_t width, uint32_t height, size_t stride, int quality,
                           int allow_avx2, cimage_buffer *out) {
    if (pixels == NULL || out == NULL || width == 0 || height == 0 || width % 16 != 0 || height % 2 != 0
        || width > 0xFFFF || height > 0xFFFF || stride < (size_t)width * 4) return CIMAGE_ERROR_ARGUMENT;
    uint16_t luma_steps[64], chroma_steps[64];
    cimage_jpeg_quality_tables(quality, luma_steps, chroma_steps);
    cimage_jpeg_divisors_table luma_divisors, chroma_divisors;
    cimage_jpeg_divisors(luma_steps, &luma_divisors);
    cimage_jpeg_divisors(chroma_steps, &chroma_divisors);
    if (!cimage_buffer_reserve(out, HEADER_BOUND)) return fail(out, CIMAGE_ERROR_NO_MEMORY);
    out->length = (size_t)(put_headers(out->data + out->length, width, height, luma_steps, chroma_steps) - out->data);

    int avx2 = cimage_jpeg_uses_avx2(allow_avx2);
    cimage_jpeg_scan scan;
    cimage_jpeg_scan_start(&scan);
    _Alignas(32) cimage_jpeg_block blocks[6];
    for (uint32_t top = 0; top < height; top += 16) {
        cimage_jpeg_band band;
        cimage_jpeg_band_start(&band, pixels, height, stride, top);
        for (uint32_t x = 0; x < width; x += 16) {
            if (out->capacity - out->length < CIMAGE_JPEG_MCU_BOUND && !cimage_buffer_reserve(out, CIMAGE_JPEG_MCU_BOUND)) {
                return fail(out, CIMAGE_ERROR_NO_MEMORY);
            }
            unsigned dc_only = cimage_jpeg_area_blocks(&band, x, avx2, &luma_divisors, &chroma_divisors, blocks);
            uint8_t *end = cimage_jpeg_code_mcu(&scan, (const cimage_jpeg_block *)blocks, dc_only, band.luma_block_rows, avx2,
                                                out->data + out->length);
            out->length = (size_t)(end - out->data);
        }
    }
    if (!cimage_buffer_reserve(out, 16 + 2)) return fail(out, CIMAGE_ERROR_NO_MEMORY);
    uint8_t *end = cimage_jpeg_scan_finish(&scan, out->data + out->length);
    end = put_byte(put_byte(end, 0xFF), EOI);
    out->length = (size_t)(end - out->data);
    return CIMAGE_OK;
}
