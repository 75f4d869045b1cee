#pragma once
// A baseline JFIF writer for 4:2:0 cards; private to this target.
#include <stddef.h>
#include <stdint.h>

#include "CImageShims.h"

/// Writes an RGBX image whose width is a multiple of 16 and whose height is even as the JPEG file
/// libjpeg-turbo writes with `jpeg_set_defaults`, `jpeg_set_quality(quality, TRUE)`, 4:2:0
/// sampling and the integer DCT: the same headers and the same scan, byte for byte. `out` must
/// start empty. `allow_avx2` lets the transforms and the coder use AVX2 where the CPU has it (the
/// bytes are the same either way). Returns CIMAGE_OK, or CIMAGE_ERROR_NO_MEMORY with `out` empty.
int cimage_jpeg_write_card(const uint8_t *pixels, uint32_t width, uint32_t height, size_t stride, int quality,
                           int allow_avx2, cimage_buffer *out);
