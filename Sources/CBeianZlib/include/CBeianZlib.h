// CBeianZlib: a small wrapper over zlib's streaming inflate, for the crawl-record readers.
//
// Swift does not see zlib's headers: inflateInit2 is a macro, and z_stream is easier to keep
// behind an opaque pointer. The wrapper inflates one gzip member, or one zlib or raw deflate
// stream, at a time, and says where that stream ended, so that the caller knows the offset of
// every member in a file of many.
#ifndef CBEIAN_ZLIB_H
#define CBEIAN_ZLIB_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/// What an inflater reads.
typedef enum BeianInflateFormat {
    /// One gzip member (RFC 1952); `beian_inflater_reset` starts the next.
    BEIAN_INFLATE_GZIP = 0,
    /// A zlib stream (RFC 1950), or raw deflate (RFC 1951) when the first two bytes are no
    /// zlib header: HTTP's `Content-Encoding: deflate` is meant as zlib and is sometimes raw.
    BEIAN_INFLATE_ZLIB_OR_RAW = 1,
} BeianInflateFormat;

/// What `beian_inflater_run` did.
typedef enum BeianInflateStatus {
    /// Progress: all input was used, or the output space is full. Call again with more input
    /// or more space.
    BEIAN_INFLATE_OK = 0,
    /// The stream (gzip member) ended, its check value verified; input past its end is unused.
    BEIAN_INFLATE_END = 1,
    /// The data is not valid for the format (a corrupt member, a bad check value).
    BEIAN_INFLATE_DATA_ERROR = 2,
    /// zlib could not allocate memory, or was used wrongly.
    BEIAN_INFLATE_FAILED = 3,
} BeianInflateStatus;

typedef struct BeianInflater BeianInflater;

/// A new inflater, or NULL when memory is short.
BeianInflater *_Nullable beian_inflater_create(BeianInflateFormat format);

/// Frees an inflater (NULL is allowed).
void beian_inflater_destroy(BeianInflater *_Nullable inflater);

/// Makes the inflater ready for a new stream (the next gzip member). Returns 0 on success.
int beian_inflater_reset(BeianInflater *_Nonnull inflater);

/// Inflates from `input[0..<input_count]` into `output[0..<output_capacity]`; sets
/// `*input_used` and `*output_written`. After END or DATA_ERROR, call reset before more input.
BeianInflateStatus beian_inflater_run(BeianInflater *_Nonnull inflater, const uint8_t *_Nullable input,
                                      size_t input_count, size_t *_Nonnull input_used, uint8_t *_Nullable output,
                                      size_t output_capacity, size_t *_Nonnull output_written);

/// zlib's message for the last DATA_ERROR or FAILED ("invalid block type", "incorrect data
/// check"…), or an empty string.
const char *_Nonnull beian_inflater_message(const BeianInflater *_Nonnull inflater);

/// Total bytes read and written since the last reset (create counts as one).
uint64_t beian_inflater_total_in(const BeianInflater *_Nonnull inflater);
uint64_t beian_inflater_total_out(const BeianInflater *_Nonnull inflater);

#ifdef __cplusplus
}
#endif

#endif
