// setjmp wrappers around libjpeg(-turbo). libjpeg's default error_exit prints and calls exit(), so
// every libjpeg call here runs after a setjmp and a custom error_exit longjmps back with the message.
#include "CImageShims.h"
#include "jpeg_coefficients.h"
#include "jpeg_writer.h"

#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <jpeglib.h>
#include <jerror.h>

/// libjpeg's error manager extended with the jump target and the caller's message buffer.
typedef struct {
    struct jpeg_error_mgr manager;
    jmp_buf jump;
    char *message;
    size_t message_capacity;
    int status;
} jpeg_error_context;

static void copy_message(char *message, size_t capacity, const char *text) {
    if (message == NULL || capacity == 0) return;
    strncpy(message, text, capacity - 1);
    message[capacity - 1] = '\0';
}

static void on_jpeg_error(j_common_ptr info) {
    jpeg_error_context *context = (jpeg_error_context *)info->err;
    char text[JMSG_LENGTH_MAX];
    info->err->format_message(info, text);
    copy_message(context->message, context->message_capacity, text);
    if (context->status == CIMAGE_OK) context->status = CIMAGE_ERROR_LIBPNG;
    longjmp(context->jump, 1);
}

// Libraries never print: corrupt-data warnings are dropped (the image still decodes as far as it can).
static void on_jpeg_message(j_common_ptr info, int level) {
    (void)info;
    (void)level;
}

static void install_errors(jpeg_error_context *context, char *message, size_t message_capacity) {
    jpeg_std_error(&context->manager);
    context->manager.error_exit = on_jpeg_error;
    context->manager.emit_message = on_jpeg_message;
    context->message = message;
    context->message_capacity = message_capacity;
    context->status = CIMAGE_OK;
}

/// Whether an image is written by jpeg_writer.c rather than by libjpeg: 4:2:0 with the standard
/// Huffman tables, a width of whole 16-pixel areas and an even height (the shapes of cards, whose
/// padding is worked out as the library does), when that is faster.
static int takes_card_writer(const uint8_t *pixels, uint32_t width, uint32_t height, size_t stride,
                             cimage_jpeg_options options) {
    if (options.coefficients == CIMAGE_JPEG_LIBRARY_ONLY || options.chroma_factor != 2 || options.optimize_coding
        || width % 16 != 0 || height % 2 != 0) return 0;
    return options.coefficients == CIMAGE_JPEG_COEFFICIENTS_ALWAYS || options.coefficients == CIMAGE_JPEG_COEFFICIENTS_ALWAYS_BASELINE
        || cimage_jpeg_coefficients_pay(pixels, width, height, stride);
}

int cimage_jpeg_encode(const uint8_t *pixels, uint32_t width, uint32_t height, size_t stride,
                       cimage_jpeg_options options, cimage_buffer *out,
                       char *message, size_t message_capacity) {
    if (width == 0 || height == 0 || width > JPEG_MAX_DIMENSION || height > JPEG_MAX_DIMENSION
        || pixels == NULL || out == NULL || stride < (size_t)width * 4
        || options.quality < 1 || options.quality > 100
        || (options.chroma_factor != 1 && options.chroma_factor != 2)
        || options.coefficients < CIMAGE_JPEG_COEFFICIENTS_WHEN_FLAT || options.coefficients > CIMAGE_JPEG_COEFFICIENTS_ALWAYS_BASELINE) {
        copy_message(message, message_capacity, "invalid JPEG encoder arguments");
        return CIMAGE_ERROR_ARGUMENT;
    }
    if (takes_card_writer(pixels, width, height, stride, options)) {
        int status = cimage_jpeg_write_card(pixels, width, height, stride, options.quality,
                                            options.coefficients != CIMAGE_JPEG_COEFFICIENTS_ALWAYS_BASELINE, out);
        if (status != CIMAGE_OK) {
            copy_message(message, message_capacity, status == CIMAGE_ERROR_NO_MEMORY ? "out of memory writing a JPEG" : "invalid JPEG encoder arguments");
        }
        return status;
    }
    struct jpeg_compress_struct info;
    jpeg_error_context context;
    install_errors(&context, message, message_capacity);
    info.err = &context.manager;
    // jpeg_mem_dest keeps pointers to these two and updates them as the buffer grows.
    unsigned char *volatile buffer = NULL;
    unsigned long volatile size = 0;
    if (setjmp(context.jump)) {
        jpeg_destroy_compress(&info);
        free(buffer);
        return context.status;
    }
    jpeg_create_compress(&info);
    jpeg_mem_dest(&info, (unsigned char **)&buffer, (unsigned long *)&size);
    info.image_width = width;
    info.image_height = height;
    info.input_components = 4;
    info.in_color_space = JCS_EXT_RGBX;
    jpeg_set_defaults(&info);
    jpeg_set_quality(&info, options.quality, TRUE);
    info.comp_info[0].h_samp_factor = options.chroma_factor;
    info.comp_info[0].v_samp_factor = options.chroma_factor;
    info.comp_info[1].h_samp_factor = 1;
    info.comp_info[1].v_samp_factor = 1;
    info.comp_info[2].h_samp_factor = 1;
    info.comp_info[2].v_samp_factor = 1;
    info.optimize_coding = options.optimize_coding ? TRUE : FALSE;
    // The integer DCT is exact and identical on every CPU libjpeg-turbo's SIMD paths run on.
    info.dct_method = JDCT_ISLOW;
    jpeg_start_compress(&info, TRUE);
    while (info.next_scanline < info.image_height) {
        JSAMPROW row = (JSAMPROW)(pixels + (size_t)info.next_scanline * stride);
        jpeg_write_scanlines(&info, &row, 1);
    }
    jpeg_finish_compress(&info);
    jpeg_destroy_compress(&info);
    out->data = buffer;
    out->length = size;
    out->capacity = size;
    return CIMAGE_OK;
}

int cimage_jpeg_decode(const uint8_t *bytes, size_t length, uint64_t max_pixels,
                       uint8_t **out_rgba, uint32_t *out_width, uint32_t *out_height,
                       char *message, size_t message_capacity) {
    if (bytes == NULL || out_rgba == NULL || out_width == NULL || out_height == NULL) {
        copy_message(message, message_capacity, "invalid JPEG decoder arguments");
        return CIMAGE_ERROR_ARGUMENT;
    }
    *out_rgba = NULL;
    if (length < 3 || bytes[0] != 0xFF || bytes[1] != 0xD8 || bytes[2] != 0xFF) {
        copy_message(message, message_capacity, "not a JPEG file");
        return CIMAGE_ERROR_NOT_JPEG;
    }
    struct jpeg_decompress_struct info;
    jpeg_error_context context;
    install_errors(&context, message, message_capacity);
    info.err = &context.manager;
    uint8_t *volatile pixels = NULL;
    if (setjmp(context.jump)) {
        jpeg_destroy_decompress(&info);
        free(pixels);
        return context.status;
    }
    jpeg_create_decompress(&info);
    jpeg_mem_src(&info, bytes, (unsigned long)length);
    jpeg_read_header(&info, TRUE);
    *out_width = info.image_width;
    *out_height = info.image_height;
    if ((uint64_t)info.image_width * (uint64_t)info.image_height > max_pixels) {
        context.status = CIMAGE_ERROR_TOO_LARGE;
        ERREXIT(&info, JERR_IMAGE_TOO_BIG);
    }
    // libjpeg converts CMYK only to CMYK; everything else goes straight to RGBA.
    int cmyk = info.jpeg_color_space == JCS_CMYK || info.jpeg_color_space == JCS_YCCK;
    info.out_color_space = cmyk ? JCS_CMYK : JCS_EXT_RGBA;
    info.dct_method = JDCT_ISLOW;
    jpeg_start_decompress(&info);
    size_t row_bytes = (size_t)info.output_width * 4;
    pixels = malloc(row_bytes * info.output_height);
    if (pixels == NULL) {
        context.status = CIMAGE_ERROR_NO_MEMORY;
        ERREXIT(&info, JERR_OUT_OF_MEMORY);
    }
    while (info.output_scanline < info.output_height) {
        JSAMPROW row = (JSAMPROW)(pixels + (size_t)info.output_scanline * row_bytes);
        jpeg_read_scanlines(&info, &row, 1);
    }
    if (cmyk) {
        // Adobe writes inverted CMYK; libjpeg hands it over as stored, so (255 - k) scales each ink.
        size_t count = (size_t)info.output_width * info.output_height;
        for (size_t index = 0; index < count; index++) {
            uint8_t *pixel = pixels + index * 4;
            unsigned k = pixel[3];
            pixel[0] = (uint8_t)((pixel[0] * k + 127) / 255);
            pixel[1] = (uint8_t)((pixel[1] * k + 127) / 255);
            pixel[2] = (uint8_t)((pixel[2] * k + 127) / 255);
            pixel[3] = 255;
        }
    }
    jpeg_finish_decompress(&info);
    *out_width = info.output_width;
    *out_height = info.output_height;
    jpeg_destroy_decompress(&info);
    *out_rgba = pixels;
    return CIMAGE_OK;
}
