// CBeianICU: the whole of Beian's contact with ICU, as plain C types.
//
// Why a shim: a Swift module that imports ICU's headers and Foundation does not compile
// with the Linux toolchain (Foundation ships its own ICU headers, whose enum definitions
// clash with the system's). So ICU's headers are included only by the .c files here,
// and Swift sees this header alone: opaque handles, UTF-16 buffers, int32 status codes.
#ifndef CBEIAN_ICU_H
#define CBEIAN_ICU_H

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/// An ICU transliterator (UTransliterator), opaque to Swift.
typedef struct BeianTransliterator BeianTransliterator;

/// Opens a transliterator by ICU ID, e.g. "Fullwidth-Halfwidth; Traditional-Simplified".
/// `id` is UTF-16 of `idLength` units. Returns NULL on failure and sets `*status` to the
/// ICU error code (> 0); `*status` is <= 0 on success.
BeianTransliterator *_Nullable beian_translit_open(const uint16_t *_Nonnull id, int32_t idLength,
                                                    int32_t *_Nonnull status);

/// Clones a transliterator, so that each thread can own one.
BeianTransliterator *_Nullable beian_translit_clone(const BeianTransliterator *_Nonnull translit,
                                                     int32_t *_Nonnull status);

/// Transliterates `buffer[0..<*length]` in place. `capacity` is the buffer's size in UTF-16
/// units; on return `*length` is the new length. If the result does not fit, `*status` is
/// the ICU overflow code and the caller retries with a larger buffer and the original text.
void beian_translit_apply(const BeianTransliterator *_Nonnull translit, uint16_t *_Nonnull buffer,
                          int32_t *_Nonnull length, int32_t capacity, int32_t *_Nonnull status);

/// The characters a transliterator may change (utrans_getSourceSet), as inclusive ranges:
/// writes up to `capacity` pairs (first, last) into `ranges` and returns the number of ranges
/// (more than `capacity` means the buffer was too small). Text without them is left as it is.
int32_t beian_translit_source_ranges(const BeianTransliterator *_Nonnull translit, int32_t *_Nonnull ranges,
                                     int32_t capacity, int32_t *_Nonnull status);

/// Closes a transliterator opened or cloned here.
void beian_translit_close(BeianTransliterator *_Nullable translit);

/// ICU's name for a status code, e.g. "U_INVALID_ID". Never NULL.
const char *_Nonnull beian_icu_error_name(int32_t status);

/// 1 when `status` is ICU's buffer-overflow code.
int beian_icu_is_overflow(int32_t status);

/// An ICU converter (UConverter) decoding one input to UTF-8, opaque to Swift.
typedef struct BeianDecoder BeianDecoder;

/// Opens a converter by charset name ("GB18030", "Big5", "UTF-16LE", …). NULL on failure,
/// with `*status` set to ICU's error code.
BeianDecoder *_Nullable beian_decoder_open(const char *_Nonnull charset, int32_t *_Nonnull status);

/// ICU's canonical name of the converter, e.g. "gb18030".
const char *_Nonnull beian_decoder_name(const BeianDecoder *_Nonnull decoder);

/// Decodes `source[0..<sourceLength]` to UTF-8, keeping state between calls (a character
/// split between two calls is decoded whole by the second); `flush` = 1 on the last call.
/// Writes at most `capacity` bytes to `out` (3 × sourceLength + 32 always suffices) and, for
/// every byte written, in `offsets` the index in `source` where its character starts (-1
/// when it started in an earlier call). Undecodable bytes become U+FFFD. Returns the number
/// of bytes written; `*status` > 0 on failure.
int32_t beian_decoder_decode(BeianDecoder *_Nonnull decoder, const uint8_t *_Nonnull source, int32_t sourceLength,
                             int flush, uint8_t *_Nonnull out, int32_t *_Nonnull offsets, int32_t capacity,
                             int32_t *_Nonnull status);

/// How many bytes of a character begun in the last call the converter holds, waiting for the
/// rest: that character starts that many bytes before the last call's end.
int32_t beian_decoder_pending(const BeianDecoder *_Nonnull decoder);

/// Forgets any partial character, so that the next call starts a new text.
void beian_decoder_reset(BeianDecoder *_Nonnull decoder);

/// Closes a converter.
void beian_decoder_close(BeianDecoder *_Nullable decoder);

/// Converts `source` from one charset to another in one call (ucnv_convert). Returns the
/// length written to `out`, or the length needed when `*status` is the overflow code.
int32_t beian_convert(const char *_Nonnull to, const char *_Nonnull from, const uint8_t *_Nonnull source,
                      int32_t sourceLength, uint8_t *_Nonnull out, int32_t capacity, int32_t *_Nonnull status);

/// An ICU charset detector (UCharsetDetector), opaque to Swift; one user at a time.
typedef struct BeianDetector BeianDetector;

/// Opens a detector; NULL on failure.
BeianDetector *_Nullable beian_detector_open(int32_t *_Nonnull status);

/// The detector's best match for `bytes`: writes its name (NUL-terminated) into `name` and
/// returns its confidence, 0–100; returns -1 when nothing matches.
int32_t beian_detector_detect(BeianDetector *_Nonnull detector, const uint8_t *_Nonnull bytes, int32_t length,
                              char *_Nonnull name, int32_t nameCapacity, int32_t *_Nonnull status);

/// Closes a detector.
void beian_detector_close(BeianDetector *_Nullable detector);

#ifdef __cplusplus
}
#endif

#endif
