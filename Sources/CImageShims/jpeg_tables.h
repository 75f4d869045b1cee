#pragma once
// The tables of a baseline JPEG written with libjpeg's defaults; private to this target.
#include <stdint.h>

/// The natural (row-major) index of each zigzag position (ITU-T T.81 Figure A.6).
extern const uint8_t cimage_jpeg_zigzag[64];

/// The quantization steps, in natural order, that libjpeg's `jpeg_set_quality(quality, TRUE)`
/// gives the luma and chroma tables. `quality` is 1...100.
void cimage_jpeg_quality_tables(int quality, uint16_t luma[64], uint16_t chroma[64]);

/// A Huffman table as a DHT segment carries it (T.81 §B.2.4.2).
typedef struct {
    /// How many codes there are of each length 1...16.
    uint8_t counts[16];
    /// The symbols in code order, shortest code first.
    uint8_t symbols[162];
    /// How many of `symbols` are used: 12 for DC tables, 162 for AC tables.
    int symbol_count;
} cimage_jpeg_huffman_spec;

/// One of the four typical Huffman tables of T.81 Annex K.3 that libjpeg uses unless told to
/// optimize: `chroma` picks the chroma table over the luma one, `ac` the AC table over the DC one.
void cimage_jpeg_standard_huffman(int chroma, int ac, cimage_jpeg_huffman_spec *spec);
