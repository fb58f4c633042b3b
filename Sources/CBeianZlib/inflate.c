// The inflater behind CBeianZlib.h.
#include "CBeianZlib.h"

#include <stdlib.h>
#include <string.h>
#include <zlib.h>

struct BeianInflater {
    z_stream stream;
    BeianInflateFormat format;
    // ZLIB_OR_RAW: the first two bytes are held until they say which of the two it is.
    int decided;
    uint8_t head[2];
    size_t head_count;
    size_t head_used;
    char message[128];
};

static void keep_message(BeianInflater *inflater, const char *fallback) {
    const char *text = inflater->stream.msg ? inflater->stream.msg : fallback;
    strncpy(inflater->message, text, sizeof inflater->message - 1);
    inflater->message[sizeof inflater->message - 1] = 0;
}

BeianInflater *beian_inflater_create(BeianInflateFormat format) {
    BeianInflater *inflater = calloc(1, sizeof *inflater);
    if (!inflater) return NULL;
    inflater->format = format;
    int bits = format == BEIAN_INFLATE_GZIP ? 16 + MAX_WBITS : MAX_WBITS;
    if (inflateInit2(&inflater->stream, bits) != Z_OK) {
        free(inflater);
        return NULL;
    }
    inflater->decided = format == BEIAN_INFLATE_GZIP;
    return inflater;
}

void beian_inflater_destroy(BeianInflater *inflater) {
    if (!inflater) return;
    inflateEnd(&inflater->stream);
    free(inflater);
}

int beian_inflater_reset(BeianInflater *inflater) {
    inflater->message[0] = 0;
    inflater->head_count = 0;
    inflater->head_used = 0;
    if (inflater->format == BEIAN_INFLATE_GZIP) return inflateReset(&inflater->stream) == Z_OK ? 0 : -1;
    inflater->decided = 0;
    return inflateReset2(&inflater->stream, MAX_WBITS) == Z_OK ? 0 : -1;
}

// Whether two bytes open a zlib stream (RFC 1950 §2.2: deflate, a window of at most 32 KiB,
// a header check that makes the pair a multiple of 31).
static int is_zlib_header(const uint8_t head[2]) {
    return (head[0] & 0x0f) == 8 && (head[0] >> 4) <= 7 && ((unsigned)head[0] * 256 + head[1]) % 31 == 0;
}

// One inflate call over `input`; maps zlib's codes to ours.
static BeianInflateStatus step(BeianInflater *inflater, const uint8_t *input, size_t input_count, size_t *input_used,
                               uint8_t *output, size_t output_capacity, size_t *output_written) {
    z_stream *stream = &inflater->stream;
    // zlib counts in uInt; a caller's buffers fit, but be safe.
    uInt in_count = input_count > 0x40000000u ? 0x40000000u : (uInt)input_count;
    uInt out_count = output_capacity > 0x40000000u ? 0x40000000u : (uInt)output_capacity;
    stream->next_in = (Bytef *)input;
    stream->avail_in = in_count;
    stream->next_out = output;
    stream->avail_out = out_count;
    int code = inflate(stream, Z_NO_FLUSH);
    *input_used = in_count - stream->avail_in;
    *output_written = out_count - stream->avail_out;
    switch (code) {
    case Z_OK:
        return BEIAN_INFLATE_OK;
    case Z_BUF_ERROR:
        // No progress was possible: more input or more space is needed. Not an error.
        return BEIAN_INFLATE_OK;
    case Z_STREAM_END:
        return BEIAN_INFLATE_END;
    case Z_DATA_ERROR:
    case Z_NEED_DICT:
        keep_message(inflater, code == Z_NEED_DICT ? "a preset dictionary is needed" : "invalid data");
        return BEIAN_INFLATE_DATA_ERROR;
    default:
        keep_message(inflater, "zlib failed");
        return BEIAN_INFLATE_FAILED;
    }
}

BeianInflateStatus beian_inflater_run(BeianInflater *inflater, const uint8_t *input, size_t input_count,
                                      size_t *input_used, uint8_t *output, size_t output_capacity,
                                      size_t *output_written) {
    *input_used = 0;
    *output_written = 0;
    if (!inflater->decided) {
        while (inflater->head_count < 2 && *input_used < input_count)
            inflater->head[inflater->head_count++] = input[(*input_used)++];
        if (inflater->head_count < 2) return BEIAN_INFLATE_OK;
        inflater->decided = 1;
        if (!is_zlib_header(inflater->head) && inflateReset2(&inflater->stream, -MAX_WBITS) != Z_OK) {
            keep_message(inflater, "zlib failed");
            return BEIAN_INFLATE_FAILED;
        }
    }
    // The held bytes go in before the caller's.
    while (inflater->head_used < inflater->head_count) {
        size_t used = 0, written = 0;
        BeianInflateStatus status = step(inflater, inflater->head + inflater->head_used,
                                         inflater->head_count - inflater->head_used, &used,
                                         output + *output_written, output_capacity - *output_written, &written);
        inflater->head_used += used;
        *output_written += written;
        if (status != BEIAN_INFLATE_OK) return status;
        if (used == 0) return BEIAN_INFLATE_OK;  // the output is full
    }
    size_t used = 0, written = 0;
    BeianInflateStatus status = step(inflater, input + *input_used, input_count - *input_used, &used,
                                     output + *output_written, output_capacity - *output_written, &written);
    *input_used += used;
    *output_written += written;
    return status;
}

const char *beian_inflater_message(const BeianInflater *inflater) { return inflater->message; }

uint64_t beian_inflater_total_in(const BeianInflater *inflater) { return inflater->stream.total_in; }

uint64_t beian_inflater_total_out(const BeianInflater *inflater) { return inflater->stream.total_out; }
