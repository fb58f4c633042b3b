// Reading numbers on the bytes after an anchor: digit-like characters (0–9, ０–９, the masks
// X x * Ｘ ｘ ＊, or references to them) with only gaps and joiners between, at least
// BEIAN_MINIMUM_DIGITS of them; in UTF-8, or on the raw bytes of a GB18030 or Big5 page (then a
// superset, judged once decoded). Linear over a buffer through the walk's ScanState.
#include "scan_internal.h"

/// The first ">" in [x, limit), or NOT_FOUND. Remembered in `state`, so that the "<" of
/// nested or repeated tags before one ">" do not each search for it again.
static size_t next_tag_end(ScanState *state, const uint8_t *b, size_t x, size_t limit) {
    size_t start = x;
    if (x >= state->gt_from) {
        if (state->gt_at != NOT_FOUND && x <= state->gt_at) return state->gt_at < limit ? state->gt_at : NOT_FOUND;
        if (state->gt_at == NOT_FOUND && limit <= state->gt_until) return NOT_FOUND;
        if (state->gt_at == NOT_FOUND && state->gt_until > x) start = state->gt_until;  // none before it
    }
    const uint8_t *found = start < limit ? memchr(b + start, '>', limit - start) : NULL;
    state->gt_from = x;
    state->gt_at = found ? (size_t)(found - b) : NOT_FOUND;
    state->gt_until = limit;
    return state->gt_at;
}

/// Whether a gap starts at `q` (white space, a tag or comment in HTML, a reference to a
/// space): its length in `*length`. Text that is not HTML shows its tags as characters (as
/// TextView does), so there a "tag" is no gap.
INTERNAL int gap_at(ScanState *state, const uint8_t *b, size_t count, size_t q, size_t *length) {
    uint8_t c = b[q];
    *length = 1;
    if (is_ascii_space(c)) return 1;
    if (c == '<') {
        if (!state->html || q + 1 >= count) return 0;
        uint8_t next = b[q + 1];
        if (!(is_ascii_letter(next) || next == '/' || next == '!' || next == '?')) return 0;
        size_t end = next_tag_end(state, b, q + 1, q + BEIAN_MAX_TAG < count ? q + BEIAN_MAX_TAG : count);
        if (end == NOT_FOUND) return 0;
        *length = end + 1 - q;
        return 1;
    }
    int32_t cp;
    if (c == '&') {
        cp = decode_reference(b, count, q, length);
    } else if (c >= 0x80) {
        cp = decode_utf8(b, count, q, length);
    } else {
        return 0;
    }
    if (cp >= 0 && is_gap(cp)) return 1;
    *length = 1;
    return 0;
}

/// Whether what starts at `q` may stand between the digits of one number: a gap, or a joiner
/// (- ( ) + . / and their full-width and dash forms).
static int gap_or_joiner(ScanState *state, const uint8_t *b, size_t count, size_t q, size_t *length) {
    if (b[q] >= 0x80) {
        // Decoded once (gap_at and char_at would each decode it).
        int32_t cp = decode_utf8(b, count, q, length);
        if (is_gap(cp)) return 1;
        cp = halfwidth(cp);
        if (is_dash(cp) || cp == '(' || cp == ')' || cp == '+' || cp == '.' || cp == '/') return 1;
        *length = 1;
        return 0;
    }
    if (gap_at(state, b, count, q, length)) return 1;
    int32_t cp = halfwidth(char_at(b, count, q, length));
    if (is_dash(cp) || cp == '(' || cp == ')' || cp == '+' || cp == '.' || cp == '/') return 1;
    *length = 1;
    return 0;
}

/// Whether the character at `q` may stand between a number's digits once decoded: a gap or
/// a joiner (ASCII white space, tags, - ( ) + . /, and, as a superset, four-byte GB18030
/// sequences, where some spaces and dashes lie). Two-byte symbols count as digit-like already.
/// `*length` receives the length to skip.
static inline int legacy_gap_or_joiner(ScanState *state, const uint8_t *b, size_t count, size_t q, size_t *length) {
    uint8_t c = b[q];
    if (*length == 4) return 1;
    if (*length != 1) return 0;
    if (is_ascii_space(c) || c == '-' || c == '(' || c == ')' || c == '+' || c == '.' || c == '/') return 1;
    return c == '<' && gap_at(state, b, count, q, length);
}

/// Reads a number on from `q`: digit-like characters with only gaps and joiners between, up
/// to BEIAN_MINIMUM_DIGITS of them; returns how many. `*stop` is where reading stopped and
/// `*first_tag` where the first tag it stepped over starts (NOT_FOUND for none). A reading
/// that fails after a tag is remembered from the tag's end on: searches that start inside the
/// tag (which TextView may show as text) come to the same end and need not read on again.
static inline __attribute__((always_inline)) int read_number(ScanState *state, const uint8_t *b, size_t count,
                                                               size_t q, int reading, size_t *stop, size_t *first_tag) {
    int digits = 0, digits_before_tag_end = 0;
    size_t tag_end = NOT_FOUND;
    *first_tag = NOT_FOUND;
    while (q < count) {
        size_t length;
        int digit, between;
        if (reading == READ_UTF8) {
            digit = digit_like(b, count, q, &length);
            // A CJK ideograph (lead byte E4–E9) is never a gap or a joiner: no need to decode it.
            between = !digit && !(b[q] >= 0xE4 && b[q] <= 0xE9) && gap_or_joiner(state, b, count, q, &length);
        } else {
            length = legacy_char_length(b, count, q, reading == READ_BIG5);
            digit = legacy_digit_like(b, q, length, reading == READ_BIG5);
            between = !digit && legacy_gap_or_joiner(state, b, count, q, &length);
        }
        if (digit) {
            if (++digits >= BEIAN_MINIMUM_DIGITS) { *stop = q + length; return digits; }
        } else if (!between) {
            break;
        } else if (b[q] == '<' && *first_tag == NOT_FOUND) {
            *first_tag = q;
            tag_end = q + length;
            if (state->read_from == tag_end) {
                digits += state->read_digits;
                *stop = state->read_stop;
                return digits < BEIAN_MINIMUM_DIGITS ? digits : BEIAN_MINIMUM_DIGITS;
            }
            digits_before_tag_end = digits;
        }
        q += length;
    }
    *stop = q;
    if (tag_end != NOT_FOUND) {
        state->read_from = tag_end;
        state->read_digits = digits - digits_before_tag_end;
        state->read_stop = q;
    }
    return digits;
}

/// Whether a number starts in [from, limit). Linear over a buffer as long as `from` grows: the
/// state remembers where no number starts and the first found.
INTERNAL int number_after(ScanState *state, const uint8_t *b, size_t count, size_t from, size_t limit, int reading) {
    if (limit > count) limit = count;
    if (from >= state->clear_from && state->found != NOT_FOUND && state->found >= from) return state->found < limit;
    size_t q = from;
    if (from >= state->clear_from && from < state->clear_until) q = state->clear_until;
    // No number starts in [from, q).
    while (q < limit) {
        size_t length;
        if (reading == READ_UTF8) {
            // Most bytes cannot start a digit-like character: step over them without a call.
            q = skip_non_digit_starts(b, count, q, limit);
            if (q >= limit) break;
            if (!digit_like(b, count, q, &length)) { q++; continue; }
        } else {
            length = legacy_char_length(b, count, q, reading == READ_BIG5);
            if (!legacy_digit_like(b, q, length, reading == READ_BIG5)) { q += length; continue; }
        }
        size_t stop, first_tag;
        if (read_number(state, b, count, q, reading, &stop, &first_tag) >= BEIAN_MINIMUM_DIGITS) {
            state->clear_from = from;
            state->clear_until = q;
            state->found = q;
            return 1;
        }
        // No number starts on the way either (each would read less of the same), except inside
        // the tags it stepped over: search on from inside the first.
        q = first_tag != NOT_FOUND ? first_tag + 1 : (stop > q ? stop : q + length);
    }
    state->clear_from = from;
    state->clear_until = q;
    state->found = NOT_FOUND;
    return 0;
}
