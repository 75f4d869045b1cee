// zlib's own inflater, reached without libpng, so the encoders' streams can be checked by a second
// decoder that reports exactly where a stream ends.
#include "CImageShims.h"

#include <string.h>
#include <zlib.h>

int cimage_zlib_inflate(const uint8_t *source, size_t length, uint8_t *target, size_t capacity, size_t *written) {
    if (source == NULL || target == NULL || written == NULL || length > UINT32_MAX || capacity > UINT32_MAX) {
        return CIMAGE_ERROR_ARGUMENT;
    }
    z_stream stream;
    memset(&stream, 0, sizeof stream);
    if (inflateInit(&stream) != Z_OK) return CIMAGE_ERROR_NO_MEMORY;
    stream.next_in = (Bytef *)source;
    stream.avail_in = (uInt)length;
    stream.next_out = target;
    stream.avail_out = (uInt)capacity;
    int status = inflate(&stream, Z_FINISH);
    *written = stream.total_out;
    // Anything after the Adler-32 trailer is an error too: the stream must fill its chunk exactly.
    int ok = status == Z_STREAM_END && stream.avail_in == 0;
    inflateEnd(&stream);
    return ok ? CIMAGE_OK : CIMAGE_ERROR_LIBPNG;
}
