#pragma once
// Huffman coding of a baseline 4:2:0 JPEG scan with the standard tables; private to this target.
#include <stdint.h>

#include "jpeg_coefficients.h"

/// The most bytes one MCU can add to the scan: six blocks of a 22-bit DC and 63 26-bit AC
/// coefficients, every byte stuffed, and the pending bits flushed.
enum { CIMAGE_JPEG_MCU_BOUND = 6 * 2 * (22 + 63 * 26 + 7) / 8 + 16 };

/// The state of a scan between MCUs.
typedef struct {
    /// Bits not yet written, the newest lowest; only the low `count` bits are meaningful.
    uint64_t bits;
    /// How many bits are pending: under 32 between calls.
    uint32_t count;
    /// The DC value of the previous block of Y, Cb and Cr, which each DC is coded against.
    int32_t last_dc[3];
} cimage_jpeg_scan;

/// A scan at its start: no bits pending, every DC predicted as 0 (T.81 §F.1.1.5.1).
void cimage_jpeg_scan_start(cimage_jpeg_scan *scan);

/// Codes one MCU at `cursor`, which has room for CIMAGE_JPEG_MCU_BOUND bytes, and returns the end
/// of what it wrote. `blocks` are Y top left, top right, bottom left, bottom right, then Cb and Cr;
/// bit b of `dc_only` says block b has no AC coefficients (they need not be written). With
/// `luma_block_rows` 1 the bottom two Y blocks are below the image and coded as libjpeg pads: no
/// AC, and the DC of the block before them. `avx2` finds the nonzero coefficients with AVX2 and
/// codes with BMI2 and LZCNT (the caller checks the CPU has them, with `cimage_jpeg_uses_avx2`);
/// the bytes are the same either way.
uint8_t *cimage_jpeg_code_mcu(cimage_jpeg_scan *scan, const cimage_jpeg_block blocks[6], unsigned dc_only,
                              uint32_t luma_block_rows, int avx2, uint8_t *cursor);

/// Ends the scan: pads the last byte with 1 bits (T.81 §F.1.2.3) and writes it at `cursor`, which
/// has room for 16 bytes. Returns the end of what it wrote.
uint8_t *cimage_jpeg_scan_finish(cimage_jpeg_scan *scan, uint8_t *cursor);
