#pragma once
// Growing the encoders' output buffers; private to this target.
#include <stddef.h>

#include "CImageShims.h"

/// Makes room for `extra` more bytes after `out->length`, doubling the capacity (from 4 KB) as often
/// as needed. Returns 0 when out of memory, leaving the buffer as it was.
int cimage_buffer_reserve(cimage_buffer *out, size_t extra);
