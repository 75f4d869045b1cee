#pragma once
// A deflate compressor (RFC 1951) tuned for unfiltered card images; private to this target.
#include <stddef.h>
#include <stdint.h>

#include "CImageShims.h"

/// Appends a raw deflate stream (no zlib wrapper) holding `length` bytes of `data` to `out`, growing
/// it as needed. `row_length` is the byte distance between vertically adjacent pixels (the row plus
/// its filter byte) and `pixel_bytes` the distance between horizontally adjacent ones; both are
/// tried as match distances before the hash table. Returns CIMAGE_OK or CIMAGE_ERROR_NO_MEMORY.
/// Output depends only on the arguments, and no state outlives the call.
int cimage_deflate_card(const uint8_t *data, size_t length, size_t row_length, size_t pixel_bytes,
                        cimage_buffer *out);
