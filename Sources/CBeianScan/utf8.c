// UTF-8 validation (RFC 3629: no overlongs, no surrogates, nothing above U+10FFFF), for
// deciding whether an undeclared document is UTF-8.
#include "CBeianScan.h"

#include <string.h>

size_t beian_utf8_valid_prefix(const uint8_t *b, size_t count, int allow_truncated_end) {
    size_t i = 0;
    while (i < count) {
        // Eight ASCII bytes at a time: markup and scripts are mostly ASCII.
        while (i + 8 <= count) {
            uint64_t word;
            memcpy(&word, b + i, 8);
            if (word & 0x8080808080808080ULL) break;
            i += 8;
        }
        if (i >= count) break;
        uint8_t c = b[i];
        if (c < 0x80) { i++; continue; }
        size_t need;
        uint8_t low = 0x80, high = 0xBF;
        if (c >= 0xC2 && c <= 0xDF) need = 1;
        else if (c >= 0xE0 && c <= 0xEF) { need = 2; if (c == 0xE0) low = 0xA0; if (c == 0xED) high = 0x9F; }
        else if (c >= 0xF0 && c <= 0xF4) { need = 3; if (c == 0xF0) low = 0x90; if (c == 0xF4) high = 0x8F; }
        else return i;
        size_t available = count - i - 1 < need ? count - i - 1 : need;
        for (size_t k = 1; k <= available; k++) {
            uint8_t next = b[i + k];
            if (next < (k == 1 ? low : 0x80) || next > (k == 1 ? high : 0xBF)) return i;
        }
        if (available < need) return allow_truncated_end ? count : i;
        i += need + 1;
    }
    return count;
}

size_t beian_utf8_count_errors(const uint8_t *b, size_t count, size_t *multibyte) {
    size_t errors = 0, sequences = 0, i = 0;
    while (i < count) {
        size_t valid = beian_utf8_valid_prefix(b + i, count - i, 1);
        // Count the multi-byte sequences in the valid stretch.
        for (size_t k = i; k < i + valid; k++) sequences += (b[k] & 0xC0) == 0xC0;
        i += valid;
        if (i < count) { errors++; i++; }
    }
    *multibyte = sequences;
    return errors;
}
