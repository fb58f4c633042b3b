// Reading characters in raw bytes: character references (as HTMLEntities decodes them), the
// character before a position (gaps, tags and references skipped, as TextView reads them),
// and words in either width and any case.
#include "scan_internal.h"

static int name_is(const uint8_t *name, size_t length, const char *expected) {
    size_t n = strlen(expected);
    return n == length && memcmp(name, expected, n) == 0;
}

/// Decodes the character reference starting with "&" at `i` (as HTMLEntities does): its code
/// point and length, UNKNOWN_CHAR for a named reference not listed here, NO_CHAR for none.
INTERNAL int32_t decode_reference(const uint8_t *b, size_t count, size_t i, size_t *length) {
    size_t end = i + MAX_REFERENCE < count ? i + MAX_REFERENCE : count;
    size_t k = i + 1;
    if (k >= end) return NO_CHAR;
    if (b[k] == '#') {
        k++;
        int hex = k < end && (b[k] | 0x20) == 'x';
        if (hex) k++;
        uint32_t value = 0;
        size_t digits = 0;
        while (k < end) {
            uint8_t c = b[k];
            uint32_t d;
            if (c >= '0' && c <= '9') d = c - '0';
            else if (hex && (c | 0x20) >= 'a' && (c | 0x20) <= 'f') d = (c | 0x20) - 'a' + 10;
            else break;
            value = value * (hex ? 16 : 10) + d;
            if (value > 0x10FFFF) return NO_CHAR;
            digits++;
            k++;
        }
        if (digits == 0 || k >= end || b[k] != ';') return NO_CHAR;
        *length = k + 1 - i;
        return (int32_t)value;
    }
    size_t start = k;
    while (k < end && (is_ascii_letter(b[k]) || (b[k] >= '0' && b[k] <= '9'))) k++;
    if (k == start || k >= end || b[k] != ';') return NO_CHAR;
    *length = k + 1 - i;
    const uint8_t *name = b + start;
    size_t n = k - start;
    if (name_is(name, n, "nbsp")) return 0xA0;
    if (name_is(name, n, "ensp")) return 0x2002;
    if (name_is(name, n, "emsp")) return 0x2003;
    if (name_is(name, n, "thinsp")) return 0x2009;
    if (name_is(name, n, "zwsp")) return 0x200B;
    if (name_is(name, n, "hyphen")) return 0x2010;
    if (name_is(name, n, "ndash")) return 0x2013;
    if (name_is(name, n, "mdash")) return 0x2014;
    if (name_is(name, n, "minus")) return 0x2212;
    if (name_is(name, n, "lpar")) return '(';
    if (name_is(name, n, "rpar")) return ')';
    return UNKNOWN_CHAR;
}

/// The character ending just before `end`, not looking below `floor`: skips gaps (white
/// space, tags, comments, references to spaces) when `skip_gaps`. Its start goes to `*start`.
INTERNAL int32_t previous_char(const uint8_t *b, size_t floor, size_t end, int skip_gaps, size_t *start) {
    while (end > floor) {
        uint8_t c = b[end - 1];
        if (c == '>' && skip_gaps) {
            size_t low = end - 1 > floor + BEIAN_MAX_TAG ? end - 1 - BEIAN_MAX_TAG : floor;
            size_t k = end - 1;
            int found = 0;
            while (k > low) {
                k--;
                if (b[k] == '<') { found = 1; break; }
            }
            if (found && k + 1 < end - 1) {
                uint8_t next = b[k + 1];
                if (is_ascii_letter(next) || next == '/' || next == '!' || next == '?') {
                    end = k;
                    continue;
                }
            }
            *start = end - 1;
            return '>';
        }
        if (c == ';') {
            size_t low = end - 1 > floor + MAX_REFERENCE ? end - 1 - MAX_REFERENCE : floor;
            size_t k = end - 1;
            while (k > low) {
                k--;
                if (b[k] == '&') {
                    size_t length = 0;
                    int32_t cp = decode_reference(b, end, k, &length);
                    if (cp != NO_CHAR && k + length == end) {
                        if (skip_gaps && cp >= 0 && is_gap(cp)) { end = k; goto next_char; }
                        *start = k;
                        return cp;
                    }
                    break;
                }
            }
            *start = end - 1;
            return ';';
        }
        if (c < 0x80) {
            if (skip_gaps && is_ascii_space(c)) { end--; continue; }
            *start = end - 1;
            return c;
        }
        {
            size_t k = end - 1, back = 0;
            while (k > floor && (b[k] & 0xC0) == 0x80 && back < 3) { k--; back++; }
            size_t length;
            int32_t cp = decode_utf8(b, end, k, &length);
            if (k + length != end) { cp = 0xFFFD; k = end - 1; }
            if (skip_gaps && is_gap(cp)) { end = k; continue; }
            *start = k;
            return cp;
        }
    next_char:;
    }
    return NO_CHAR;
}

/// The length of `word` at `i` (letters half- or full-width, any case), or 0.
INTERNAL size_t word_at(const uint8_t *b, size_t count, size_t i, const char *word) {
    size_t k = i;
    for (; *word; word++) {
        if (k >= count) return 0;
        size_t length;
        int32_t cp = halfwidth(decode_utf8(b, count, k, &length));
        if (cp < 0x80 && is_ascii_letter((uint8_t)cp)) cp |= 0x20;
        if (cp != *word) return 0;
        k += length;
    }
    return k - i;
}

/// The character at `q`, written directly or as a reference, and its length; -1 for none.
INTERNAL int32_t char_at(const uint8_t *b, size_t count, size_t q, size_t *length) {
    if (b[q] == '&') {
        int32_t cp = decode_reference(b, count, q, length);
        if (cp != NO_CHAR) return cp;
    }
    return decode_utf8(b, count, q, length);
}
