#pragma once
// A deflate compressor (RFC 1951) tuned for unfiltered card images; private to this target.
#include <stddef.h>
#include <stdint.h>

#include "CImageShims.h"

/// The state of one deflate stream (RFC 1951, no zlib wrapper) being appended to a buffer.
typedef struct cimage_deflate cimage_deflate;

/// Starts a stream appended to `out`, which grows as needed. `row_length` is the byte distance
/// between vertically adjacent pixels (the row plus its filter byte) and `pixel_bytes` the distance
/// between horizontally adjacent ones; both are tried as match distances before the hash table.
/// Returns NULL when out of memory. Release with `cimage_deflate_end`.
cimage_deflate *cimage_deflate_begin(size_t row_length, size_t pixel_bytes, cimage_buffer *out);

/// Compresses what it can of `data[0..<available]`, which holds the whole input so far at the same
/// address on every call (`available` never shrinks). With `final` set, everything is compressed
/// and the stream is finished. The output depends only on the final input, not on how it was split
/// across calls. Returns CIMAGE_OK or CIMAGE_ERROR_NO_MEMORY.
int cimage_deflate_write(cimage_deflate *state, const uint8_t *data, size_t available, int final);

/// Names the rows (`row_length` bytes each, counted from the start of the input) to send as
/// literals only, with no match search: `rows[i]` nonzero for row i. Filtered photo rows barely
/// match anything, and searching them costs more than the rest of a card. `rows` must stay valid,
/// and hold the flag of every row within `available`, whenever `cimage_deflate_write` is called.
void cimage_deflate_set_literal_rows(cimage_deflate *state, const uint8_t *rows);

/// Releases the state (not the output buffer).
void cimage_deflate_end(cimage_deflate *state);
