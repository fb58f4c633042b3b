// Thin wrappers over ICU's C transliteration API (utrans.h). ICU headers stay in this file.
#include "CBeianICU.h"

#include <unicode/utrans.h>
#include <unicode/uset.h>
#include <unicode/utf16.h>
#include <unicode/utypes.h>

BeianTransliterator *beian_translit_open(const uint16_t *id, int32_t idLength, int32_t *status) {
    UErrorCode code = U_ZERO_ERROR;
    UTransliterator *translit = utrans_openU((const UChar *)id, idLength, UTRANS_FORWARD, NULL, 0, NULL, &code);
    *status = (int32_t)code;
    if (U_FAILURE(code)) {
        utrans_close(translit);
        return NULL;
    }
    return (BeianTransliterator *)translit;
}

BeianTransliterator *beian_translit_clone(const BeianTransliterator *translit, int32_t *status) {
    UErrorCode code = U_ZERO_ERROR;
    UTransliterator *copy = utrans_clone((const UTransliterator *)translit, &code);
    *status = (int32_t)code;
    if (U_FAILURE(code)) {
        utrans_close(copy);
        return NULL;
    }
    return (BeianTransliterator *)copy;
}

void beian_translit_apply(const BeianTransliterator *translit, uint16_t *buffer, int32_t *length,
                          int32_t capacity, int32_t *status) {
    UErrorCode code = U_ZERO_ERROR;
    int32_t limit = *length;
    utrans_transUChars((const UTransliterator *)translit, (UChar *)buffer, length, capacity, 0, &limit, &code);
    *status = (int32_t)code;
}

void beian_translit_close(BeianTransliterator *translit) {
    if (translit != NULL) {
        utrans_close((UTransliterator *)translit);
    }
}

const char *beian_icu_error_name(int32_t status) {
    return u_errorName((UErrorCode)status);
}

int beian_icu_is_overflow(int32_t status) {
    return status == U_BUFFER_OVERFLOW_ERROR;
}

int32_t beian_translit_source_ranges(const BeianTransliterator *translit, int32_t *ranges, int32_t capacity,
                                     int32_t *status) {
    UErrorCode code = U_ZERO_ERROR;
    USet *set = uset_openEmpty();
    utrans_getSourceSet((const UTransliterator *)translit, false, set, &code);
    int32_t count = 0;
    if (U_SUCCESS(code)) {
        int32_t items = uset_getItemCount(set);
        for (int32_t item = 0; item < items; item++) {
            UChar32 first, last;
            UChar string[64];
            UErrorCode itemCode = U_ZERO_ERROR;
            int32_t length = uset_getItem(set, item, &first, &last, string, 64, &itemCode);
            if (length == 0) {
                if (count < capacity) {
                    ranges[2 * count] = first;
                    ranges[2 * count + 1] = last;
                }
                count++;
                continue;
            }
            // A string: every character in it may start or take part in a change.
            for (int32_t k = 0; k < length && k < 64;) {
                UChar32 c;
                U16_NEXT(string, k, length, c);
                if (count < capacity) {
                    ranges[2 * count] = c;
                    ranges[2 * count + 1] = c;
                }
                count++;
            }
        }
    }
    uset_close(set);
    *status = (int32_t)code;
    return count;
}
