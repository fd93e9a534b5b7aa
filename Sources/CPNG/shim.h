#ifndef QRGATE_CPNG_SHIM_H
#define QRGATE_CPNG_SHIM_H

// libpng reports errors by longjmp-ing out of its error callback. Swift cannot
// call setjmp, so the whole decode (and encode) runs in these small C helpers,
// which return a status code instead of aborting the process.

#include <png.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define QRGATE_PNG_OK 0
#define QRGATE_PNG_NOT_PNG 1
#define QRGATE_PNG_TOO_LARGE 2
#define QRGATE_PNG_EMPTY 3
#define QRGATE_PNG_CORRUPT 4
#define QRGATE_PNG_NO_MEMORY 5

/// Outcome of `qrgate_png_decode_grey` / `qrgate_png_encode_grey`.
/// `pixels` (decode: width*height grey bytes; encode: the PNG file bytes,
/// `size` long) is malloc'd; release it with `qrgate_png_free`.
typedef struct qrgate_png_result {
    int status;
    uint32_t width;
    uint32_t height;
    unsigned char *pixels;
    size_t size;
    char message[200];
} qrgate_png_result;

typedef struct qrgate_png_context {
    jmp_buf jump;
    const unsigned char *input;
    size_t input_size;
    size_t input_offset;
    unsigned char *output;
    size_t output_size;
    size_t output_capacity;
    int out_of_memory;
    char message[200];
} qrgate_png_context;

static inline void qrgate_png_free(void *pointer) { free(pointer); }

static void qrgate_png_on_error(png_structp png, png_const_charp message) {
    qrgate_png_context *context = (qrgate_png_context *)png_get_error_ptr(png);
    snprintf(context->message, sizeof context->message, "%s", message ? message : "libpng error");
    longjmp(context->jump, 1);
}

static void qrgate_png_on_warning(png_structp png, png_const_charp message) {
    (void)png;
    (void)message;
}

static void qrgate_png_read_bytes(png_structp png, png_bytep out, size_t count) {
    qrgate_png_context *context = (qrgate_png_context *)png_get_io_ptr(png);
    if (count > context->input_size - context->input_offset) {
        png_error(png, "the file ends early (truncated)");
    }
    memcpy(out, context->input + context->input_offset, count);
    context->input_offset += count;
}

static uint32_t qrgate_png_be32(const unsigned char *bytes) {
    return ((uint32_t)bytes[0] << 24) | ((uint32_t)bytes[1] << 16) | ((uint32_t)bytes[2] << 8) | (uint32_t)bytes[3];
}

/// Reads only the IHDR chunk: width and height as the file claims them.
/// Returns QRGATE_PNG_OK, QRGATE_PNG_NOT_PNG or QRGATE_PNG_CORRUPT.
static inline int qrgate_png_peek_size(const unsigned char *data, size_t size, uint32_t *width, uint32_t *height) {
    if (size < 8 || png_sig_cmp((png_const_bytep)data, 0, 8) != 0) return QRGATE_PNG_NOT_PNG;
    if (size < 24 || memcmp(data + 12, "IHDR", 4) != 0) return QRGATE_PNG_CORRUPT;
    *width = qrgate_png_be32(data + 16);
    *height = qrgate_png_be32(data + 20);
    return QRGATE_PNG_OK;
}

/// Decodes a whole PNG held in memory to 8-bit grey, one byte per pixel.
/// Any colour type and bit depth; alpha is composited onto white (a transparent
/// background around a black code reads as paper). The pixel count claimed by
/// the header is checked against `max_pixels` before anything is allocated.
static inline qrgate_png_result qrgate_png_decode_grey(const unsigned char *data, size_t size, uint64_t max_pixels) {
    qrgate_png_result result;
    memset(&result, 0, sizeof result);
    uint32_t claimed_width = 0, claimed_height = 0;
    int peek = qrgate_png_peek_size(data, size, &claimed_width, &claimed_height);
    if (peek != QRGATE_PNG_OK) {
        result.status = peek;
        snprintf(result.message, sizeof result.message, "%s",
                 peek == QRGATE_PNG_NOT_PNG ? "not a PNG signature" : "no IHDR header chunk");
        return result;
    }
    result.width = claimed_width;
    result.height = claimed_height;
    if (claimed_width == 0 || claimed_height == 0) {
        result.status = QRGATE_PNG_EMPTY;
        snprintf(result.message, sizeof result.message, "the header claims %ux%u pixels", claimed_width, claimed_height);
        return result;
    }
    if ((uint64_t)claimed_width * (uint64_t)claimed_height > max_pixels) {
        result.status = QRGATE_PNG_TOO_LARGE;
        snprintf(result.message, sizeof result.message, "the header claims %ux%u pixels", claimed_width, claimed_height);
        return result;
    }

    qrgate_png_context context;
    memset(&context, 0, sizeof context);
    context.input = data;
    context.input_size = size;

    png_structp png = png_create_read_struct(PNG_LIBPNG_VER_STRING, &context, qrgate_png_on_error, qrgate_png_on_warning);
    if (png == NULL) {
        result.status = QRGATE_PNG_NO_MEMORY;
        return result;
    }
    png_infop info = png_create_info_struct(png);
    if (info == NULL) {
        png_destroy_read_struct(&png, NULL, NULL);
        result.status = QRGATE_PNG_NO_MEMORY;
        return result;
    }

    unsigned char *volatile raw = NULL;
    unsigned char *volatile grey = NULL;
    png_bytep *volatile rows = NULL;
    volatile int failure = QRGATE_PNG_CORRUPT;

    if (setjmp(context.jump) != 0) {
        free(raw);
        free(grey);
        free(rows);
        png_destroy_read_struct(&png, &info, NULL);
        result.status = failure;
        memcpy(result.message, context.message, sizeof result.message);
        return result;
    }

    png_set_user_limits(png, 0x7fffffff, 0x7fffffff);
    png_set_read_fn(png, &context, qrgate_png_read_bytes);
    png_read_info(png, info);

    uint32_t width = png_get_image_width(png, info);
    uint32_t height = png_get_image_height(png, info);
    int color_type = png_get_color_type(png, info);
    int bit_depth = png_get_bit_depth(png, info);

    if (color_type == PNG_COLOR_TYPE_PALETTE) png_set_palette_to_rgb(png);
    if (color_type == PNG_COLOR_TYPE_GRAY && bit_depth < 8) png_set_expand_gray_1_2_4_to_8(png);
    if (png_get_valid(png, info, PNG_INFO_tRNS)) png_set_tRNS_to_alpha(png);
    if (bit_depth == 16) png_set_strip_16(png);
    int passes = png_set_interlace_handling(png);
    png_read_update_info(png, info);

    size_t channels = png_get_channels(png, info);
    size_t row_bytes = png_get_rowbytes(png, info);
    if (channels < 1 || channels > 4 || row_bytes < (size_t)width * channels) {
        png_error(png, "unexpected pixel layout after conversion to grey");
    }

    failure = QRGATE_PNG_NO_MEMORY;
    grey = (unsigned char *)malloc((size_t)width * (size_t)height);
    if (grey == NULL) png_error(png, "out of memory");
    if (passes > 1) {
        // Interlaced: every pass touches every row, so the whole image is held once.
        raw = (unsigned char *)malloc(row_bytes * (size_t)height);
        rows = (png_bytep *)malloc(sizeof(png_bytep) * (size_t)height);
        if (raw == NULL || rows == NULL) png_error(png, "out of memory");
        for (uint32_t y = 0; y < height; y++) rows[y] = raw + row_bytes * (size_t)y;
        failure = QRGATE_PNG_CORRUPT;
        png_read_image(png, rows);
    } else {
        // Not interlaced: one row buffer is enough (memory stays ~ width*height bytes).
        raw = (unsigned char *)malloc(row_bytes);
        if (raw == NULL) png_error(png, "out of memory");
        failure = QRGATE_PNG_CORRUPT;
    }

    for (uint32_t y = 0; y < height; y++) {
        const unsigned char *row;
        if (passes > 1) {
            row = rows[y];
        } else {
            png_read_row(png, raw, NULL);
            row = raw;
        }
        unsigned char *out = grey + (size_t)width * y;
        if (channels == 1) {
            memcpy(out, row, width);
            continue;
        }
        for (uint32_t x = 0; x < width; x++) {
            const unsigned char *pixel = row + channels * x;
            unsigned int value, alpha = 255;
            if (channels <= 2) {
                value = pixel[0];
                if (channels == 2) alpha = pixel[1];
            } else {
                // BT.601 luma with weights summing to 256, so white stays 255.
                value = (77u * pixel[0] + 150u * pixel[1] + 29u * pixel[2] + 128u) >> 8;
                if (channels == 4) alpha = pixel[3];
            }
            out[x] = (unsigned char)((value * alpha + 255u * (255u - alpha) + 127u) / 255u);
        }
    }

    free(raw);
    free(rows);
    png_destroy_read_struct(&png, &info, NULL);
    result.status = QRGATE_PNG_OK;
    result.width = width;
    result.height = height;
    result.pixels = grey;
    result.size = (size_t)width * (size_t)height;
    return result;
}

static void qrgate_png_write_bytes(png_structp png, png_bytep bytes, size_t count) {
    qrgate_png_context *context = (qrgate_png_context *)png_get_io_ptr(png);
    if (context->output_size + count > context->output_capacity) {
        size_t capacity = context->output_capacity ? context->output_capacity : 4096;
        while (capacity < context->output_size + count) capacity *= 2;
        unsigned char *grown = (unsigned char *)realloc(context->output, capacity);
        if (grown == NULL) {
            context->out_of_memory = 1;
            png_error(png, "out of memory");
        }
        context->output = grown;
        context->output_capacity = capacity;
    }
    memcpy(context->output + context->output_size, bytes, count);
    context->output_size += count;
}

static void qrgate_png_flush(png_structp png) { (void)png; }

/// Encodes width*height grey bytes as a PNG file in memory.
/// `bit_depth` 8 keeps the grey levels; 1 writes black/white (value >= 128 is white).
/// `interlaced` writes Adam7 passes.
static inline qrgate_png_result qrgate_png_encode_grey(const unsigned char *pixels, uint32_t width, uint32_t height, int bit_depth, int interlaced) {
    qrgate_png_result result;
    memset(&result, 0, sizeof result);
    if (width == 0 || height == 0) {
        result.status = QRGATE_PNG_EMPTY;
        return result;
    }
    qrgate_png_context context;
    memset(&context, 0, sizeof context);
    png_structp png = png_create_write_struct(PNG_LIBPNG_VER_STRING, &context, qrgate_png_on_error, qrgate_png_on_warning);
    if (png == NULL) {
        result.status = QRGATE_PNG_NO_MEMORY;
        return result;
    }
    png_infop info = png_create_info_struct(png);
    if (info == NULL) {
        png_destroy_write_struct(&png, NULL);
        result.status = QRGATE_PNG_NO_MEMORY;
        return result;
    }
    unsigned char *volatile packed = NULL;
    if (setjmp(context.jump) != 0) {
        free(packed);
        free(context.output);
        png_destroy_write_struct(&png, &info);
        result.status = context.out_of_memory ? QRGATE_PNG_NO_MEMORY : QRGATE_PNG_CORRUPT;
        memcpy(result.message, context.message, sizeof result.message);
        return result;
    }
    png_set_write_fn(png, &context, qrgate_png_write_bytes, qrgate_png_flush);
    png_set_IHDR(png, info, width, height, bit_depth == 1 ? 1 : 8, PNG_COLOR_TYPE_GRAY,
                 interlaced ? PNG_INTERLACE_ADAM7 : PNG_INTERLACE_NONE, PNG_COMPRESSION_TYPE_DEFAULT, PNG_FILTER_TYPE_DEFAULT);
    png_write_info(png, info);
    int passes = interlaced ? png_set_interlace_handling(png) : 1;
    if (bit_depth == 1) {
        size_t row_bytes = ((size_t)width + 7) / 8;
        packed = (unsigned char *)malloc(row_bytes);
        if (packed == NULL) {
            context.out_of_memory = 1;
            png_error(png, "out of memory");
        }
        for (int pass = 0; pass < passes; pass++) {
            for (uint32_t y = 0; y < height; y++) {
                memset(packed, 0, row_bytes);
                const unsigned char *row = pixels + (size_t)width * y;
                for (uint32_t x = 0; x < width; x++) {
                    if (row[x] >= 128) packed[x >> 3] |= (unsigned char)(0x80u >> (x & 7));
                }
                png_write_row(png, packed);
            }
        }
    } else {
        for (int pass = 0; pass < passes; pass++) {
            for (uint32_t y = 0; y < height; y++) png_write_row(png, (png_const_bytep)(pixels + (size_t)width * y));
        }
    }
    png_write_end(png, NULL);
    free(packed);
    png_destroy_write_struct(&png, &info);
    result.status = QRGATE_PNG_OK;
    result.width = width;
    result.height = height;
    result.pixels = context.output;
    result.size = context.output_size;
    return result;
}

#endif
