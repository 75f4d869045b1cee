// The quantization and Huffman tables a baseline JPEG carries when libjpeg's defaults write it:
// the example steps of ITU-T T.81 Annex K.1 scaled for a quality, and the typical Huffman codes of
// Annex K.3. The arithmetic follows libjpeg's jcparam.c, so the DQT and DHT segments match the
// library's byte for byte.
#include "jpeg_tables.h"

#include <string.h>

const uint8_t cimage_jpeg_zigzag[64] = {
    0, 1, 8, 16, 9, 2, 3, 10, 17, 24, 32, 25, 18, 11, 4, 5,
    12, 19, 26, 33, 40, 48, 41, 34, 27, 20, 13, 6, 7, 14, 21, 28,
    35, 42, 49, 56, 57, 50, 43, 36, 29, 22, 15, 23, 30, 37, 44, 51,
    58, 59, 52, 45, 38, 31, 39, 46, 53, 60, 61, 54, 47, 55, 62, 63,
};

// T.81 Tables K.1 and K.2 in natural order: the steps at quality 50.
static const uint8_t luma_steps[64] = {
    16, 11, 10, 16, 24, 40, 51, 61, 12, 12, 14, 19, 26, 58, 60, 55,
    14, 13, 16, 24, 40, 57, 69, 56, 14, 17, 22, 29, 51, 87, 80, 62,
    18, 22, 37, 56, 68, 109, 103, 77, 24, 35, 55, 64, 81, 104, 113, 92,
    49, 64, 78, 87, 103, 121, 120, 101, 72, 92, 95, 98, 112, 100, 103, 99,
};
static const uint8_t chroma_steps[64] = {
    17, 18, 24, 47, 99, 99, 99, 99, 18, 21, 26, 66, 99, 99, 99, 99,
    24, 26, 56, 99, 99, 99, 99, 99, 47, 66, 99, 99, 99, 99, 99, 99,
    99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99,
    99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99,
};

/// A step of K.1 or K.2 scaled by `percent`, rounded to nearest; baseline files hold 8-bit steps,
/// so it is kept within 1...255 as libjpeg's force_baseline keeps it.
static uint16_t scaled_step(uint8_t step, int percent) {
    int32_t scaled = ((int32_t)step * percent + 50) / 100;
    return (uint16_t)(scaled < 1 ? 1 : scaled > 255 ? 255 : scaled);
}

void cimage_jpeg_quality_tables(int quality, uint16_t luma[64], uint16_t chroma[64]) {
    if (quality < 1) quality = 1;
    if (quality > 100) quality = 100;
    // libjpeg's quality curve: a step percentage of 5000/q below 50, falling linearly to 0 at 100.
    int percent = quality < 50 ? 5000 / quality : 200 - quality * 2;
    for (int index = 0; index < 64; index++) {
        luma[index] = scaled_step(luma_steps[index], percent);
        chroma[index] = scaled_step(chroma_steps[index], percent);
    }
}

// T.81 Tables K.3 to K.6 in DHT form. The AC tables are listed up to their 15-bit codes; every
// symbol left over has a 16-bit code, and the standard assigns those in increasing symbol order.
static const uint8_t luma_dc_counts[16] = { 0, 1, 5, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0 };
static const uint8_t chroma_dc_counts[16] = { 0, 3, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0 };
static const uint8_t luma_ac_counts[16] = { 0, 2, 1, 3, 3, 2, 4, 3, 5, 5, 4, 4, 0, 0, 1, 125 };
static const uint8_t chroma_ac_counts[16] = { 0, 2, 1, 2, 4, 4, 3, 4, 7, 5, 4, 4, 0, 1, 2, 119 };
static const uint8_t luma_ac_short[37] = {
    0x01, 0x02, 0x03, 0x00, 0x04, 0x11, 0x05, 0x12, 0x21, 0x31, 0x41, 0x06, 0x13, 0x51, 0x61, 0x07,
    0x22, 0x71, 0x14, 0x32, 0x81, 0x91, 0xA1, 0x08, 0x23, 0x42, 0xB1, 0xC1, 0x15, 0x52, 0xD1, 0xF0,
    0x24, 0x33, 0x62, 0x72, 0x82,
};
static const uint8_t chroma_ac_short[43] = {
    0x00, 0x01, 0x02, 0x03, 0x11, 0x04, 0x05, 0x21, 0x31, 0x06, 0x12, 0x41, 0x51, 0x07, 0x61, 0x71,
    0x13, 0x22, 0x32, 0x81, 0x08, 0x14, 0x42, 0x91, 0xA1, 0xB1, 0xC1, 0x09, 0x23, 0x33, 0x52, 0xF0,
    0x15, 0x62, 0x72, 0xD1, 0x0A, 0x16, 0x24, 0x34, 0xE1, 0x25, 0xF1,
};

/// Whether `symbol` is a baseline AC symbol: end of block (0x00), sixteen zeros (0xF0), or a run of
/// 0...15 zeros (high nibble) before a coefficient of 1...10 bits (low nibble).
static int is_ac_symbol(int symbol) {
    int size = symbol & 15;
    return symbol == 0x00 || symbol == 0xF0 || (size >= 1 && size <= 10);
}

void cimage_jpeg_standard_huffman(int chroma, int ac, cimage_jpeg_huffman_spec *spec) {
    memset(spec, 0, sizeof *spec);
    if (!ac) {
        memcpy(spec->counts, chroma ? chroma_dc_counts : luma_dc_counts, 16);
        for (int size = 0; size < 12; size++) spec->symbols[size] = (uint8_t)size;
        spec->symbol_count = 12;
        return;
    }
    memcpy(spec->counts, chroma ? chroma_ac_counts : luma_ac_counts, 16);
    const uint8_t *listed = chroma ? chroma_ac_short : luma_ac_short;
    int listed_count = chroma ? (int)sizeof chroma_ac_short : (int)sizeof luma_ac_short;
    uint8_t taken[256] = { 0 };
    for (int index = 0; index < listed_count; index++) {
        spec->symbols[index] = listed[index];
        taken[listed[index]] = 1;
    }
    int count = listed_count;
    for (int symbol = 0; symbol < 256; symbol++) {
        if (is_ac_symbol(symbol) && !taken[symbol]) spec->symbols[count++] = (uint8_t)symbol;
    }
    spec->symbol_count = count;
}
