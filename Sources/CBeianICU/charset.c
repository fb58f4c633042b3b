// Wrappers over ICU's converters (ucnv.h) and charset detector (ucsdet.h), for pages in
// GBK/GB18030, Big5 and other legacy encodings. ICU headers stay in this file.
#include "CBeianICU.h"

#include <string.h>
#include <unicode/ucnv.h>
#include <unicode/ucsdet.h>
#include <unicode/utf16.h>
#include <unicode/utypes.h>

BeianDecoder *beian_decoder_open(const char *charset, int32_t *status) {
    UErrorCode code = U_ZERO_ERROR;
    UConverter *converter = ucnv_open(charset, &code);
    *status = (int32_t)code;
    if (U_FAILURE(code)) {
        ucnv_close(converter);
        return NULL;
    }
    // Undecodable bytes become U+FFFD (ICU's default substitutes a control character).
    static const UChar replacement[] = {0xFFFD};
    ucnv_setSubstString(converter, replacement, 1, &code);
    *status = U_FAILURE(code) ? (int32_t)code : 0;
    return (BeianDecoder *)converter;
}

const char *beian_decoder_name(const BeianDecoder *decoder) {
    UErrorCode code = U_ZERO_ERROR;
    const char *name = ucnv_getName((const UConverter *)decoder, &code);
    return U_FAILURE(code) || name == NULL ? "" : name;
}

/// Appends one code point as UTF-8, every byte mapped to `offset`.
static int32_t put_utf8(uint32_t cp, int32_t offset, uint8_t *out, int32_t *offsets, int32_t at) {
    uint8_t bytes[4];
    int32_t n;
    if (cp < 0x80) { bytes[0] = (uint8_t)cp; n = 1; }
    else if (cp < 0x800) { bytes[0] = 0xC0 | (cp >> 6); bytes[1] = 0x80 | (cp & 0x3F); n = 2; }
    else if (cp < 0x10000) {
        bytes[0] = 0xE0 | (cp >> 12); bytes[1] = 0x80 | ((cp >> 6) & 0x3F); bytes[2] = 0x80 | (cp & 0x3F); n = 3;
    } else {
        bytes[0] = 0xF0 | (cp >> 18); bytes[1] = 0x80 | ((cp >> 12) & 0x3F);
        bytes[2] = 0x80 | ((cp >> 6) & 0x3F); bytes[3] = 0x80 | (cp & 0x3F); n = 4;
    }
    for (int32_t k = 0; k < n; k++) {
        out[at + k] = bytes[k];
        offsets[at + k] = offset;
    }
    return n;
}

int32_t beian_decoder_decode(BeianDecoder *decoder, const uint8_t *source, int32_t sourceLength, int flush,
                             uint8_t *out, int32_t *offsets, int32_t capacity, int32_t *status) {
    UConverter *converter = (UConverter *)decoder;
    enum { UNITS = 4096 };
    UChar units[UNITS];
    int32_t unitOffsets[UNITS];
    const char *cursor = (const char *)source;
    const char *limit = cursor + sourceLength;
    int32_t written = 0;
    UChar pendingHigh = 0;
    int32_t pendingOffset = -1;
    *status = 0;
    for (;;) {
        UErrorCode code = U_ZERO_ERROR;
        UChar *target = units;
        // ICU's offsets count from where this round starts reading.
        int32_t roundStart = (int32_t)(cursor - (const char *)source);
        ucnv_toUnicode(converter, &target, units + UNITS, &cursor, limit, unitOffsets, flush, &code);
        if (U_FAILURE(code) && code != U_BUFFER_OVERFLOW_ERROR) {
            *status = (int32_t)code;
            return written;
        }
        int32_t produced = (int32_t)(target - units);
        for (int32_t k = 0; k < produced; k++) {
            UChar unit = units[k];
            int32_t offset = unitOffsets[k] >= 0 ? unitOffsets[k] + roundStart : (roundStart > 0 ? roundStart : -1);
            if (written + 8 > capacity) {
                *status = (int32_t)U_BUFFER_OVERFLOW_ERROR;
                return written;
            }
            if (pendingHigh != 0) {
                UChar high = pendingHigh;
                pendingHigh = 0;
                if (U16_IS_TRAIL(unit)) {
                    written += put_utf8(U16_GET_SUPPLEMENTARY(high, unit), pendingOffset, out, offsets, written);
                    continue;
                }
                written += put_utf8(0xFFFD, pendingOffset, out, offsets, written);
            }
            if (U16_IS_LEAD(unit)) {
                pendingHigh = unit;
                pendingOffset = offset;
                continue;
            }
            written += put_utf8(U16_IS_TRAIL(unit) ? 0xFFFD : unit, offset, out, offsets, written);
        }
        if (code != U_BUFFER_OVERFLOW_ERROR) break;
    }
    if (pendingHigh != 0 && written + 3 <= capacity) written += put_utf8(0xFFFD, pendingOffset, out, offsets, written);
    return written;
}

int32_t beian_decoder_pending(const BeianDecoder *decoder) {
    UErrorCode status = U_ZERO_ERROR;
    int32_t pending = ucnv_toUCountPending((const UConverter *)decoder, &status);
    return U_SUCCESS(status) && pending > 0 ? pending : 0;
}

void beian_decoder_reset(BeianDecoder *decoder) {
    ucnv_reset((UConverter *)decoder);
}

void beian_decoder_close(BeianDecoder *decoder) {
    if (decoder != NULL) ucnv_close((UConverter *)decoder);
}

BeianDetector *beian_detector_open(int32_t *status) {
    UErrorCode code = U_ZERO_ERROR;
    UCharsetDetector *detector = ucsdet_open(&code);
    *status = (int32_t)code;
    if (U_FAILURE(code)) {
        ucsdet_close(detector);
        return NULL;
    }
    return (BeianDetector *)detector;
}

int32_t beian_detector_detect(BeianDetector *detector, const uint8_t *bytes, int32_t length, char *name,
                              int32_t nameCapacity, int32_t *status) {
    UErrorCode code = U_ZERO_ERROR;
    UCharsetDetector *ucsd = (UCharsetDetector *)detector;
    int32_t confidence = -1;
    ucsdet_setText(ucsd, (const char *)bytes, length, &code);
    const UCharsetMatch *match = U_SUCCESS(code) ? ucsdet_detect(ucsd, &code) : NULL;
    if (U_SUCCESS(code) && match != NULL) {
        const char *found = ucsdet_getName(match, &code);
        int32_t score = ucsdet_getConfidence(match, &code);
        if (U_SUCCESS(code) && found != NULL && (int32_t)strlen(found) < nameCapacity) {
            strcpy(name, found);
            confidence = score;
        }
    }
    *status = U_FAILURE(code) ? (int32_t)code : 0;
    return confidence;
}

void beian_detector_close(BeianDetector *detector) {
    if (detector != NULL) ucsdet_close((UCharsetDetector *)detector);
}

int32_t beian_convert(const char *to, const char *from, const uint8_t *source, int32_t sourceLength, uint8_t *out,
                      int32_t capacity, int32_t *status) {
    UErrorCode code = U_ZERO_ERROR;
    int32_t length = ucnv_convert(to, from, (char *)out, capacity, (const char *)source, sourceLength, &code);
    *status = (int32_t)code;
    return length;
}
