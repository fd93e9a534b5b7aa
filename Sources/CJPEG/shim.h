#ifndef QRGATE_CJPEG_SHIM_H
#define QRGATE_CJPEG_SHIM_H

// libjpeg's default error handler calls exit(); a recoverable handler must
// longjmp, which Swift cannot do. The whole decode therefore runs in this C
// helper, which returns a status code instead.

#include <stdio.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <setjmp.h>
#include <jpeglib.h>
#include <jerror.h>

#define QRGATE_JPEG_OK 0
#define QRGATE_JPEG_NOT_JPEG 1
#define QRGATE_JPEG_TOO_LARGE 2
#define QRGATE_JPEG_EMPTY 3
#define QRGATE_JPEG_CORRUPT 4
#define QRGATE_JPEG_NO_MEMORY 5
#define QRGATE_JPEG_TRUNCATED 6
#define QRGATE_JPEG_UNSUPPORTED 7

/// Outcome of `qrgate_jpeg_decode_grey`; `pixels` (width*height grey bytes) is
/// malloc'd, release it with `qrgate_jpeg_free`.
typedef struct qrgate_jpeg_result {
    int status;
    uint32_t width;
    uint32_t height;
    unsigned char *pixels;
    char message[JMSG_LENGTH_MAX];
} qrgate_jpeg_result;

typedef struct qrgate_jpeg_error_manager {
    struct jpeg_error_mgr base;
    jmp_buf jump;
    int status;
    char message[JMSG_LENGTH_MAX];
} qrgate_jpeg_error_manager;

static inline void qrgate_jpeg_free(void *pointer) { free(pointer); }

static void qrgate_jpeg_error_exit(j_common_ptr info) {
    qrgate_jpeg_error_manager *errors = (qrgate_jpeg_error_manager *)info->err;
    (*info->err->format_message)(info, errors->message);
    switch (info->err->msg_code) {
    case JERR_EMPTY_IMAGE: errors->status = QRGATE_JPEG_EMPTY; break;
    case JERR_OUT_OF_MEMORY: errors->status = QRGATE_JPEG_NO_MEMORY; break;
    case JERR_CONVERSION_NOTIMPL: errors->status = QRGATE_JPEG_UNSUPPORTED; break;
    case JERR_INPUT_EOF: errors->status = QRGATE_JPEG_TRUNCATED; break;
    default: break;
    }
    longjmp(errors->jump, 1);
}

static void qrgate_jpeg_emit_message(j_common_ptr info, int level) {
    // A premature end of data is only a warning to libjpeg (it pads the image
    // with grey); for us a truncated file is an error.
    if (level < 0 && info->err->msg_code == JWRN_JPEG_EOF) {
        qrgate_jpeg_error_manager *errors = (qrgate_jpeg_error_manager *)info->err;
        (*info->err->format_message)(info, errors->message);
        errors->status = QRGATE_JPEG_TRUNCATED;
        longjmp(errors->jump, 1);
    }
}

static void qrgate_jpeg_output_message(j_common_ptr info) { (void)info; }

/// Decodes a whole JPEG held in memory to 8-bit grey (luma), one byte per
/// pixel. The size claimed by the header is checked against `max_pixels`
/// before decoding starts.
static inline qrgate_jpeg_result qrgate_jpeg_decode_grey(const unsigned char *data, size_t size, uint64_t max_pixels) {
    qrgate_jpeg_result result;
    memset(&result, 0, sizeof result);
    if (size < 3 || data[0] != 0xFF || data[1] != 0xD8 || data[2] != 0xFF) {
        result.status = QRGATE_JPEG_NOT_JPEG;
        snprintf(result.message, sizeof result.message, "not a JPEG signature");
        return result;
    }

    struct jpeg_decompress_struct info;
    qrgate_jpeg_error_manager errors;
    memset(&info, 0, sizeof info);
    memset(&errors, 0, sizeof errors);
    info.err = jpeg_std_error(&errors.base);
    errors.base.error_exit = qrgate_jpeg_error_exit;
    errors.base.emit_message = qrgate_jpeg_emit_message;
    errors.base.output_message = qrgate_jpeg_output_message;
    errors.status = QRGATE_JPEG_CORRUPT;

    unsigned char *volatile pixels = NULL;
    if (setjmp(errors.jump) != 0) {
        free(pixels);
        jpeg_destroy_decompress(&info);
        result.status = errors.status;
        memcpy(result.message, errors.message, sizeof result.message);
        return result;
    }

    jpeg_create_decompress(&info);
    jpeg_mem_src(&info, data, (unsigned long)size);
    jpeg_read_header(&info, TRUE);

    result.width = info.image_width;
    result.height = info.image_height;
    if (info.image_width == 0 || info.image_height == 0) {
        jpeg_destroy_decompress(&info);
        result.status = QRGATE_JPEG_EMPTY;
        snprintf(result.message, sizeof result.message, "the header claims %ux%u pixels", info.image_width, info.image_height);
        return result;
    }
    if ((uint64_t)info.image_width * (uint64_t)info.image_height > max_pixels) {
        jpeg_destroy_decompress(&info);
        result.status = QRGATE_JPEG_TOO_LARGE;
        snprintf(result.message, sizeof result.message, "the header claims %ux%u pixels", info.image_width, info.image_height);
        return result;
    }

    info.out_color_space = JCS_GRAYSCALE;
    jpeg_start_decompress(&info);
    if (info.output_components != 1) {
        errors.status = QRGATE_JPEG_UNSUPPORTED;
        snprintf(errors.message, sizeof errors.message, "could not convert the colours to grey");
        longjmp(errors.jump, 1);
    }

    size_t width = info.output_width, height = info.output_height;
    pixels = (unsigned char *)malloc(width * height);
    if (pixels == NULL) {
        errors.status = QRGATE_JPEG_NO_MEMORY;
        snprintf(errors.message, sizeof errors.message, "out of memory");
        longjmp(errors.jump, 1);
    }
    while (info.output_scanline < info.output_height) {
        JSAMPROW row = pixels + width * info.output_scanline;
        jpeg_read_scanlines(&info, &row, 1);
    }
    jpeg_finish_decompress(&info);
    jpeg_destroy_decompress(&info);

    result.status = QRGATE_JPEG_OK;
    result.width = (uint32_t)width;
    result.height = (uint32_t)height;
    result.pixels = pixels;
    return result;
}

/// Encodes width*height grey bytes as a baseline JPEG in memory at `quality` (1-100).
/// On success `pixels` holds the file (`size` bytes), malloc'd: free with `qrgate_jpeg_free`.
typedef struct qrgate_jpeg_encoded {
    int status;
    unsigned char *bytes;
    size_t size;
    char message[JMSG_LENGTH_MAX];
} qrgate_jpeg_encoded;

static inline qrgate_jpeg_encoded qrgate_jpeg_encode_grey(const unsigned char *pixels, uint32_t width, uint32_t height, int quality) {
    qrgate_jpeg_encoded result;
    memset(&result, 0, sizeof result);
    if (width == 0 || height == 0) {
        result.status = QRGATE_JPEG_EMPTY;
        return result;
    }
    struct jpeg_compress_struct info;
    qrgate_jpeg_error_manager errors;
    memset(&info, 0, sizeof info);
    memset(&errors, 0, sizeof errors);
    info.err = jpeg_std_error(&errors.base);
    errors.base.error_exit = qrgate_jpeg_error_exit;
    errors.base.emit_message = qrgate_jpeg_emit_message;
    errors.base.output_message = qrgate_jpeg_output_message;
    errors.status = QRGATE_JPEG_CORRUPT;
    unsigned char *volatile output = NULL;
    volatile unsigned long output_size = 0;
    if (setjmp(errors.jump) != 0) {
        jpeg_destroy_compress(&info);
        free(output);
        result.status = errors.status;
        memcpy(result.message, errors.message, sizeof result.message);
        return result;
    }
    jpeg_create_compress(&info);
    jpeg_mem_dest(&info, (unsigned char **)&output, (unsigned long *)&output_size);
    info.image_width = width;
    info.image_height = height;
    info.input_components = 1;
    info.in_color_space = JCS_GRAYSCALE;
    jpeg_set_defaults(&info);
    jpeg_set_quality(&info, quality, TRUE);
    jpeg_start_compress(&info, TRUE);
    while (info.next_scanline < info.image_height) {
        JSAMPROW row = (JSAMPROW)(pixels + (size_t)width * info.next_scanline);
        jpeg_write_scanlines(&info, &row, 1);
    }
    jpeg_finish_compress(&info);
    jpeg_destroy_compress(&info);
    result.status = QRGATE_JPEG_OK;
    result.bytes = output;
    result.size = output_size;
    return result;
}

#endif
