// setjmp wrappers around libpng. Every libpng call that can fail runs after a setjmp in this file;
// the error callback copies libpng's message and longjmps back here, so no error escapes to Swift
// as a longjmp (which would skip Swift frames) or as libpng's default abort().
#include "CImageShims.h"
#include "buffer_reserve.h"

#include <png.h>
#include <setjmp.h>
#include <stdlib.h>
#include <string.h>

/// What the error callback needs: where to jump and where to put the message.
typedef struct {
    jmp_buf jump;
    char *message;
    size_t message_capacity;
    int status;
} error_context;

static void set_message(char *message, size_t capacity, const char *text) {
    if (message == NULL || capacity == 0) return;
    strncpy(message, text, capacity - 1);
    message[capacity - 1] = '\0';
}

static void on_error(png_structp png, png_const_charp text) {
    error_context *context = (error_context *)png_get_error_ptr(png);
    set_message(context->message, context->message_capacity, text ? text : "libpng error");
    if (context->status == CIMAGE_OK) context->status = CIMAGE_ERROR_LIBPNG;
    longjmp(context->jump, 1);
}

// Libraries never print: warnings (unknown chunks, bad ancillary CRCs) are ignored.
static void on_warning(png_structp png, png_const_charp text) {
    (void)png;
    (void)text;
}

// MARK: - Encoding

static void write_bytes(png_structp png, png_bytep data, size_t length) {
    cimage_buffer *buffer = (cimage_buffer *)png_get_io_ptr(png);
    if (buffer->length + length > buffer->capacity) {
        size_t capacity = buffer->capacity ? buffer->capacity : 64 * 1024;
        while (capacity < buffer->length + length) capacity *= 2;
        uint8_t *grown = realloc(buffer->data, capacity);
        if (grown == NULL) {
            error_context *context = (error_context *)png_get_error_ptr(png);
            context->status = CIMAGE_ERROR_NO_MEMORY;
            png_error(png, "out of memory while writing PNG");
        }
        buffer->data = grown;
        buffer->capacity = capacity;
    }
    memcpy(buffer->data + buffer->length, data, length);
    buffer->length += length;
}

static void flush_bytes(png_structp png) { (void)png; }

int cimage_png_encode(const uint8_t *pixels, uint32_t width, uint32_t height, size_t stride,
                      cimage_png_options options, cimage_buffer *out,
                      char *message, size_t message_capacity) {
    if (width == 0 || height == 0 || pixels == NULL || out == NULL
        || (options.output_channels != 3 && options.output_channels != 4)
        || (options.input_channels != 3 && options.input_channels != 4)
        || options.input_channels < options.output_channels
        || stride < (size_t)width * (size_t)options.input_channels) {
        set_message(message, message_capacity, "invalid PNG encoder arguments");
        return CIMAGE_ERROR_ARGUMENT;
    }
    error_context context = { .message = message, .message_capacity = message_capacity, .status = CIMAGE_OK };
    png_structp png = png_create_write_struct(PNG_LIBPNG_VER_STRING, &context, on_error, on_warning);
    if (png == NULL) {
        set_message(message, message_capacity, "out of memory");
        return CIMAGE_ERROR_NO_MEMORY;
    }
    png_infop info = png_create_info_struct(png);
    if (info == NULL) {
        png_destroy_write_struct(&png, NULL);
        set_message(message, message_capacity, "out of memory");
        return CIMAGE_ERROR_NO_MEMORY;
    }
    if (setjmp(context.jump)) {
        png_destroy_write_struct(&png, &info);
        return context.status;
    }
    png_set_write_fn(png, out, write_bytes, flush_bytes);
    int color_type = options.output_channels == 4 ? PNG_COLOR_TYPE_RGBA : PNG_COLOR_TYPE_RGB;
    png_set_IHDR(png, info, width, height, 8, color_type, PNG_INTERLACE_NONE,
                 PNG_COMPRESSION_TYPE_DEFAULT, PNG_FILTER_TYPE_DEFAULT);
    png_set_compression_level(png, options.zlib_level);
    png_set_compression_strategy(png, options.zlib_strategy);
    png_set_filter(png, PNG_FILTER_TYPE_BASE, options.filters);
    png_write_info(png, info);
    if (options.input_channels == 4 && options.output_channels == 3) {
        // Drop the fourth byte of every input pixel while writing (the alpha of an opaque image).
        png_set_filler(png, 0, PNG_FILLER_AFTER);
    }
    for (uint32_t row = 0; row < height; row++) {
        png_write_row(png, pixels + (size_t)row * stride);
    }
    png_write_end(png, NULL);
    png_destroy_write_struct(&png, &info);
    return CIMAGE_OK;
}

// MARK: - Decoding

typedef struct {
    const uint8_t *bytes;
    size_t length;
    size_t offset;
} read_source;

static void read_bytes(png_structp png, png_bytep data, size_t length) {
    read_source *source = (read_source *)png_get_io_ptr(png);
    if (length > source->length - source->offset) {
        png_error(png, "truncated PNG data");
    }
    memcpy(data, source->bytes + source->offset, length);
    source->offset += length;
}

int cimage_png_decode(const uint8_t *bytes, size_t length, uint64_t max_pixels,
                      uint8_t **out_rgba, uint32_t *out_width, uint32_t *out_height,
                      char *message, size_t message_capacity) {
    if (bytes == NULL || out_rgba == NULL || out_width == NULL || out_height == NULL) {
        set_message(message, message_capacity, "invalid PNG decoder arguments");
        return CIMAGE_ERROR_ARGUMENT;
    }
    *out_rgba = NULL;
    if (length < 8 || png_sig_cmp(bytes, 0, 8) != 0) {
        set_message(message, message_capacity, "not a PNG file");
        return CIMAGE_ERROR_NOT_PNG;
    }
    error_context context = { .message = message, .message_capacity = message_capacity, .status = CIMAGE_OK };
    read_source source = { .bytes = bytes, .length = length, .offset = 0 };
    png_structp png = png_create_read_struct(PNG_LIBPNG_VER_STRING, &context, on_error, on_warning);
    if (png == NULL) {
        set_message(message, message_capacity, "out of memory");
        return CIMAGE_ERROR_NO_MEMORY;
    }
    png_infop info = png_create_info_struct(png);
    if (info == NULL) {
        png_destroy_read_struct(&png, NULL, NULL);
        set_message(message, message_capacity, "out of memory");
        return CIMAGE_ERROR_NO_MEMORY;
    }
    // Allocated after setjmp, so volatile: their values must survive the longjmp for cleanup.
    uint8_t *volatile pixels = NULL;
    png_bytep *volatile rows = NULL;
    if (setjmp(context.jump)) {
        free(pixels);
        free(rows);
        png_destroy_read_struct(&png, &info, NULL);
        return context.status;
    }
    png_set_read_fn(png, &source, read_bytes);
    png_read_info(png, info);

    png_uint_32 width = png_get_image_width(png, info);
    png_uint_32 height = png_get_image_height(png, info);
    if ((uint64_t)width * (uint64_t)height > max_pixels) {
        *out_width = width;
        *out_height = height;
        context.status = CIMAGE_ERROR_TOO_LARGE;
        png_error(png, "PNG dimensions exceed the pixel limit");
    }
    int color_type = png_get_color_type(png, info);
    png_set_expand(png);
    png_set_strip_16(png);
    if (color_type == PNG_COLOR_TYPE_GRAY || color_type == PNG_COLOR_TYPE_GRAY_ALPHA) {
        png_set_gray_to_rgb(png);
    }
    if (!(color_type & PNG_COLOR_MASK_ALPHA) && !png_get_valid(png, info, PNG_INFO_tRNS)) {
        png_set_add_alpha(png, 0xFF, PNG_FILLER_AFTER);
    }
    png_set_interlace_handling(png);
    png_read_update_info(png, info);
    size_t row_bytes = png_get_rowbytes(png, info);
    if (row_bytes != (size_t)width * 4) {
        png_error(png, "unexpected PNG row layout after conversion");
    }
    pixels = malloc(row_bytes * height);
    rows = malloc(sizeof(png_bytep) * height);
    if (pixels == NULL || rows == NULL) {
        context.status = CIMAGE_ERROR_NO_MEMORY;
        png_error(png, "out of memory while decoding PNG");
    }
    for (png_uint_32 row = 0; row < height; row++) rows[row] = pixels + (size_t)row * row_bytes;
    png_read_image(png, rows);
    png_read_end(png, NULL);

    free(rows);
    png_destroy_read_struct(&png, &info, NULL);
    *out_rgba = pixels;
    *out_width = width;
    *out_height = height;
    return CIMAGE_OK;
}

int cimage_buffer_reserve(cimage_buffer *out, size_t extra) {
    if (out->capacity - out->length >= extra) return 1;
    size_t capacity = out->capacity ? out->capacity : 4096;
    while (capacity - out->length < extra) capacity *= 2;
    uint8_t *data = realloc(out->data, capacity);
    if (data == NULL) return 0;
    out->data = data;
    out->capacity = capacity;
    return 1;
}

void cimage_buffer_free(cimage_buffer *buffer) {
    if (buffer == NULL) return;
    free(buffer->data);
    buffer->data = NULL;
    buffer->length = 0;
    buffer->capacity = 0;
}

void cimage_free(void *pointer) { free(pointer); }
