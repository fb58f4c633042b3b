// The byte scanner's internal header: what its files share. Hot helpers are `static inline`
// (always_inline where they were before the split), so that the split costs no speed; functions
// each file defines for the others are INTERNAL (hidden). The public header (include/CBeianScan.h)
// keeps only what Swift calls.
//
// Files, by concern (the anchors and their invariant are written out in utf8_rules.c):
//   characters.c   reading characters: references, the character before a position, words
//   numbers.c      reading numbers after an anchor (UTF-8 and legacy readings)
//   utf8_rules.c   what an anchor is in UTF-8: candidates' checks and `verify`
//   utf8_scalar.c  the portable UTF-8 loop and the entry point (the generic fallback)
//   utf8_avx2.c    the AVX2 UTF-8 loop (x86-64)
//   legacy_rules.c what a candidate is in GB18030 and Big5
//   legacy_walk.c  the portable legacy walk and its entry point
//   legacy_avx2.c  the AVX2 legacy walk (x86-64)
//   self_check.c   the self-check of the generated tables
#ifndef BEIAN_SCAN_INTERNAL_H
#define BEIAN_SCAN_INTERNAL_H

#include "CBeianScan.h"

#include <stdint.h>
#include <string.h>
#if defined(__x86_64__)
#include <immintrin.h>
#endif

#define INTERNAL __attribute__((visibility("hidden")))

#define NOT_FOUND ((size_t)-1)
/// previous_char's answer when no character precedes within the bound.
#define NO_CHAR (-1)
/// A reference Beian does not decode: accepted wherever a character is asked for.
#define UNKNOWN_CHAR (-2)
/// Longest character reference.
#define MAX_REFERENCE 12

// MARK: Walk state

/// What the search for numbers and telephone words remembers over one buffer, so that it stays
/// linear however many anchors there are (both walks).
typedef struct ScanState {
    /// No number of BEIAN_MINIMUM_DIGITS or more digit-like characters starts in
    /// [clear_from, clear_until).
    size_t clear_from;
    size_t clear_until;
    /// The start of the last number found, or NOT_FOUND.
    size_t found;
    /// As clear_from, clear_until and found, for telephone words (English hotline labels):
    /// none starts in [phone_clear_from, phone_clear_until); the first found, or NOT_FOUND.
    size_t phone_clear_from;
    size_t phone_clear_until;
    size_t phone_found;
    /// Whether the text is HTML, whose tags are gaps; in other text a tag shows as characters.
    int html;
    /// The first ">" at or after gt_from is at gt_at; or none in [gt_from, gt_until) when gt_at
    /// is NOT_FOUND.
    size_t gt_from;
    size_t gt_until;
    size_t gt_at;
    /// A number's reading on from read_from (a tag's end) met read_digits digit-like
    /// characters and stopped at read_stop; read_from is NOT_FOUND before the first.
    size_t read_from;
    int read_digits;
    size_t read_stop;
} ScanState;

/// The UTF-8 walk's state, behind the opaque BeianAnchorState.
typedef struct { ScanState scan; } AnchorWalkState;
/// The legacy walk's state, behind the opaque BeianLegacyState.
typedef struct {
    ScanState scan;
    /// The start of the last full-width letter the walk passed, or NOT_FOUND.
    size_t last_letter;
} LegacyWalkState;

_Static_assert(sizeof(AnchorWalkState) <= sizeof(BeianAnchorState), "BeianAnchorState is too small");
_Static_assert(sizeof(LegacyWalkState) <= sizeof(BeianLegacyState), "BeianLegacyState is too small");

/// Empty ranges everywhere; nothing found or remembered yet.
static inline void scan_state_init(ScanState *state, int html) {
    *state = (ScanState){.found = NOT_FOUND, .phone_found = NOT_FOUND, .html = html, .gt_at = NOT_FOUND,
                         .read_from = NOT_FOUND};
}

// MARK: Characters (characters.c; the small ones inline)

static inline int is_ascii_space(uint8_t c) { return c == ' ' || (c >= 0x09 && c <= 0x0D); }
static inline int is_ascii_letter(uint8_t c) { return (uint8_t)((c | 0x20) - 'a') < 26; }

/// Code points TextView folds into a gap.
static inline int is_gap(int32_t cp) {
    switch (cp) {
    case 0x09: case 0x0A: case 0x0B: case 0x0C: case 0x0D: case 0x20: case 0xA0: case 0x3000:
    case 0x2028: case 0x2029: case 0x202F: case 0x205F: case 0xFEFF:
        return 1;
    default:
        return cp >= 0x2000 && cp <= 0x200B;
    }
}

/// Decodes one UTF-8 character at `i`; an invalid byte reads as U+FFFD of length 1.
static inline int32_t decode_utf8(const uint8_t *b, size_t count, size_t i, size_t *length) {
    uint8_t c = b[i];
    *length = 1;
    if (c < 0x80) return c;
    size_t need;
    int32_t cp;
    uint8_t low = 0x80, high = 0xBF;
    if (c >= 0xC2 && c <= 0xDF) { need = 1; cp = c & 0x1F; }
    else if (c >= 0xE0 && c <= 0xEF) { need = 2; cp = c & 0x0F; if (c == 0xE0) low = 0xA0; if (c == 0xED) high = 0x9F; }
    else if (c >= 0xF0 && c <= 0xF4) { need = 3; cp = c & 0x07; if (c == 0xF0) low = 0x90; if (c == 0xF4) high = 0x8F; }
    else return 0xFFFD;
    if (i + need >= count) return 0xFFFD;
    for (size_t k = 1; k <= need; k++) {
        uint8_t next = b[i + k];
        if (next < (k == 1 ? low : 0x80) || next > (k == 1 ? high : 0xBF)) return 0xFFFD;
        cp = (cp << 6) | (next & 0x3F);
    }
    *length = need + 1;
    return cp;
}

/// Half-width form of a full-width ASCII character (U+FF01–FF5E); others unchanged.
static inline int32_t halfwidth(int32_t cp) { return cp >= 0xFF01 && cp <= 0xFF5E ? cp - 0xFEE0 : cp; }

/// Decodes the character reference starting with "&" at `i` (as HTMLEntities does): its code
/// point and length, UNKNOWN_CHAR for a named reference not listed here, NO_CHAR for none.
INTERNAL int32_t decode_reference(const uint8_t *b, size_t count, size_t i, size_t *length);

/// The character ending just before `end`, not looking below `floor`: skips gaps (white
/// space, tags, comments, references to spaces) when `skip_gaps`. Its start goes to `*start`.
INTERNAL int32_t previous_char(const uint8_t *b, size_t floor, size_t end, int skip_gaps, size_t *start);

/// The length of `word` at `i` (letters half- or full-width, any case), or 0.
INTERNAL size_t word_at(const uint8_t *b, size_t count, size_t i, const char *word);

/// The character at `q`, written directly or as a reference, and its length; -1 for none.
INTERNAL int32_t char_at(const uint8_t *b, size_t count, size_t q, size_t *length);

/// Whether `word` (lower-case ASCII) stands at `k` in ASCII letters of any case.
static inline int ascii_word_at(const uint8_t *b, size_t count, size_t k, const char *word) {
    for (; *word; word++, k++) {
        if (k >= count || (b[k] | 0x20) != (uint8_t)*word) return 0;
    }
    return 1;
}

// MARK: Labels (generated from the label table)

#include "labels.generated.h"

static inline __attribute__((always_inline)) int is_label_char(int32_t cp) {
    switch (cp) {
    LABEL_CHAR_CASES
        return 1;
    default:
        return 0;
    }
}

// MARK: Numbers (numbers.c; the byte tests inline)

/// Whether a digit-like character starts at `q`: its length in `*length`.
static inline __attribute__((always_inline)) int digit_like(const uint8_t *b, size_t count, size_t q, size_t *length) {
    uint8_t c = b[q];
    *length = 1;
    if ((c >= '0' && c <= '9') || c == 'X' || c == 'x' || c == '*') return 1;
    if (c == 0xEF && q + 2 < count) {
        uint8_t x = b[q + 1], y = b[q + 2];
        if ((x == 0xBC && ((y >= 0x90 && y <= 0x99) || y == 0xB8 || y == 0x8A)) || (x == 0xBD && y == 0x98)) {
            *length = 3;
            return 1;
        }
    }
    if (c == '&') {
        int32_t cp = decode_reference(b, count, q, length);
        if (cp < 0) { *length = 1; return 0; }
        cp = halfwidth(cp);
        if ((cp >= '0' && cp <= '9') || cp == 'X' || cp == 'x' || cp == '*') return 1;
        *length = 1;
    }
    return 0;
}

/// Whether `c` may start a digit-like character: 0–9, X x *, a full-width form (EF …) or a
/// character reference.
static inline int may_start_digit(uint8_t c) {
    return (uint8_t)(c - '0') < 10 || c == 'X' || c == 'x' || c == '*' || c == 0xEF || c == '&';
}

/// The first index from `q` on whose byte may start a digit-like character, if it is before
/// `limit`; otherwise some index at or past `limit` before which none is (at most 15 past it).
/// Reads 16 bytes at a time, past `limit` where the buffer (`count` bytes) goes on: the search
/// after each anchor is often only a few bytes long, and a byte loop over them cost more.
static inline size_t skip_non_digit_starts(const uint8_t *b, size_t count, size_t q, size_t limit) {
#if defined(__SSE2__)
    const __m128i zero = _mm_set1_epi8('0'), nine = _mm_set1_epi8(9);
    while (q < limit && q + 16 <= count) {
        __m128i v = _mm_loadu_si128((const __m128i *)(b + q));
        __m128i offset = _mm_sub_epi8(v, zero);
        __m128i digit = _mm_cmpeq_epi8(_mm_min_epu8(offset, nine), offset);  // offset <= 9, unsigned
        __m128i other = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8('X')), _mm_cmpeq_epi8(v, _mm_set1_epi8('x'))),
                                     _mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8('*')), _mm_cmpeq_epi8(v, _mm_set1_epi8('&'))));
        other = _mm_or_si128(other, _mm_cmpeq_epi8(v, _mm_set1_epi8((char)0xEF)));
        unsigned bits = (unsigned)_mm_movemask_epi8(_mm_or_si128(digit, other));
        if (bits) return q + (size_t)__builtin_ctz(bits);
        q += 16;
    }
    if (q >= limit) return q;
#endif
    while (q < limit && !may_start_digit(b[q])) q++;
    return q;
}

/// How a number is read: in UTF-8, or on the raw bytes of a GB18030 or Big5 page (then at a
/// character start, with the supersets of the legacy section).
enum { READ_UTF8 = 0, READ_GB18030 = 1, READ_BIG5 = 2 };

/// The length of the character at `q` as ICU's converter reads it (1, 2 or 4), `q` being a
/// character start. In both encodings a lead byte (81–FE) takes the next byte with it when
/// that byte is 40–7E or 80–FE, even where the pair is no character (Big5 88 88 is one
/// U+FFFD, so a "P" after 88 88 starts a character); other bytes stand alone.
static inline size_t legacy_char_length(const uint8_t *b, size_t count, size_t q, int big5) {
    uint8_t c = b[q];
    if (c < 0x81 || c == 0xFF || q + 1 >= count) return 1;
    uint8_t next = b[q + 1];
    if ((next >= 0x40 && next <= 0x7E) || (next >= 0x80 && next <= 0xFE)) return 2;
    if (!big5 && next >= 0x30 && next <= 0x39 && q + 3 < count && b[q + 2] >= 0x81 && b[q + 2] <= 0xFE &&
        b[q + 3] >= 0x30 && b[q + 3] <= 0x39) return 4;
    return 1;
}

/// Whether the character at `q` (`length` bytes) may be digit-like once decoded: an ASCII
/// digit, X x *, a reference, or any two-byte symbol (GB18030 lead A1–A9, Big5 A1–A3: the
/// full-width digits and masks among them). A superset, so that no number is missed.
static inline int legacy_digit_like(const uint8_t *b, size_t q, size_t length, int big5) {
    uint8_t c = b[q];
    if (length == 1) return (c >= '0' && c <= '9') || c == 'X' || c == 'x' || c == '*' || c == '&';
    return length == 2 && c >= 0xA1 && c <= (big5 ? 0xA3 : 0xA9);
}

/// Whether a gap starts at `q` (white space, a tag or comment in HTML, a reference to a
/// space): its length in `*length`. Text that is not HTML shows its tags as characters (as
/// TextView does), so there a "tag" is no gap.
INTERNAL int gap_at(ScanState *state, const uint8_t *b, size_t count, size_t q, size_t *length);

/// How many bytes at `q` (the character `cp`, `length` bytes long) a label may put between
/// itself and its number; 0 when what stands there is no part of the label.
typedef size_t (*LabelFiller)(const uint8_t *b, size_t count, size_t q, int32_t cp, size_t length);

/// Whether, from `q` on, only gaps and what `filler` accepts stand before a number's first
/// character: a digit-like character, or "+" or "(" when `phone` (a phone number's start).
/// Inlined where it is called, so that the filler (a constant there) is inlined too.
static inline __attribute__((always_inline)) int number_follows(ScanState *state, const uint8_t *b, size_t count, size_t q,
                                                                 size_t limit, LabelFiller filler, int phone) {
    if (limit > count) limit = count;
    while (q < limit) {
        size_t length;
        if (b[q] >= 0x80 && b[q] != 0xEF) {
            // A character that is neither ASCII nor a full-width form (EF …) is no digit, "+"
            // or "(": a gap or filler, decoded once.
            int32_t cp = decode_utf8(b, count, q, &length);
            // A CJK ideograph (lead byte E4–E9) is never a gap.
            if (!(b[q] >= 0xE4 && b[q] <= 0xE9) && is_gap(cp)) { q += length; continue; }
            size_t skip = filler(b, count, q, cp, length);
            if (skip == 0) return 0;
            q += skip;
            continue;
        }
        if (b[q] == 0xEF) {
            // A full-width form, decoded once: what gap_at, digit_like and char_at would each
            // find in it (a gap is only U+FEFF; a digit-like form folds to 0–9, X, x or *).
            int32_t cp = decode_utf8(b, count, q, &length);
            if (is_gap(cp)) { q += length; continue; }
            int32_t half = halfwidth(cp);
            if ((half >= '0' && half <= '9') || half == 'X' || half == 'x' || half == '*') return 1;
            if (phone && (half == '+' || half == '(')) return 1;
            size_t skip = filler(b, count, q, cp, length);
            if (skip == 0) return 0;
            q += skip;
            continue;
        }
        if (gap_at(state, b, count, q, &length)) { q += length; continue; }
        if (digit_like(b, count, q, &length)) return 1;
        int32_t cp = char_at(b, count, q, &length);
        if (cp == UNKNOWN_CHAR) return 1;
        int32_t half = halfwidth(cp);
        if (phone && (half == '+' || half == '(')) return 1;
        size_t skip = filler(b, count, q, cp, length);
        if (skip == 0) return 0;
        q += skip;
    }
    return 0;
}

/// Whether a number starts in [from, limit). Linear over a buffer as long as `from` grows: the
/// state remembers where no number starts and the first found.
INTERNAL int number_after(ScanState *state, const uint8_t *b, size_t count, size_t from, size_t limit, int reading);

// MARK: UTF-8 rules (utf8_rules.c) and loops

/// Whether an anchor may start at `i`, judged from its own bytes only. The AVX2 loop's
/// mask is a superset of this; both loops then call it, so they report the same anchors.
static inline __attribute__((always_inline)) int is_candidate(const uint8_t *b, size_t count, size_t i) {
    uint8_t c = b[i];
    if (c == '-' || c == '&') return 1;
    if (c >= 0xE2) {
        if (i + 2 >= count) return 0;
        uint8_t x = b[i + 1], y = b[i + 2];
        switch (c) {
        case 0xE2: return (x == 0x80 && y >= 0x90 && y <= 0x95) || (x == 0x88 && y == 0x92);  // dashes
        case 0xEF:  // full-width letters and dashes
            return (x == 0xBC && (y == 0x8D || (y >= 0xA1 && y <= 0xBA))) || (x == 0xB9 && y == 0xA3) ||
                   (x == 0xBD && y >= 0x81 && y <= 0x9A);
        default: return label_utf8(c, x, y);
        }
    }
    if (!is_ascii_letter(c) || i + 3 >= count) return 0;
    return english_utf8_start(c | 0x20, b[i + 1] | 0x20, b[i + 2] | 0x20, b[i + 3] | 0x20, b[i + 3]);
}

/// An exact shortcut for the commonest candidate: a label character right after an ideograph
/// that cannot precede it (设备, 日报). True only where `verify` would reject.
static inline int quick_reject(const uint8_t *b, size_t count, size_t i) {
    if (i < 3 || i + 2 >= count || b[i] < LABEL_LEAD_FIRST || b[i] > LABEL_LEAD_LAST) return 0;
    uint8_t lead = b[i - 3];
    if (lead < 0xE3 || lead > 0xE9 || (b[i - 2] & 0xC0) != 0x80 || (b[i - 1] & 0xC0) != 0x80) return 0;
    int32_t previous = ((lead & 0x0F) << 12) | ((b[i - 2] & 0x3F) << 6) | (b[i - 1] & 0x3F);
    if (previous < 0x3400) return 0;
    int32_t cp = ((b[i] & 0x0F) << 12) | ((b[i + 1] & 0x3F) << 6) | (b[i + 2] & 0x3F);
    return is_label_char(cp) && !label_accepts(cp, previous);
}

/// Whether a phone word starts in [from, limit). Linear over a buffer as long as `from`
/// grows: the state remembers the first phone word found and where none starts.
INTERNAL int phone_word_after(ScanState *state, const uint8_t *b, size_t count, size_t from, size_t limit);

/// The first line break in [from, limit), or limit.
INTERNAL size_t line_end(const uint8_t *b, size_t count, size_t from, size_t limit);

/// Whether the candidate at `i` is an anchor.
INTERNAL int verify(const uint8_t *b, size_t count, size_t i, size_t before, size_t after, ScanState *state);

/// The portable loop over [from, end) (utf8_scalar.c); the AVX2 loop ends with it.
INTERNAL size_t anchor_scalar_loop(const uint8_t *b, size_t count, size_t from, size_t end, size_t before, size_t after,
                                 ScanState *state, size_t *out, size_t capacity, size_t *n, size_t *resume);

#if defined(__x86_64__)
/// The AVX2 loop from `from` to the buffer's end (utf8_avx2.c).
INTERNAL int anchor_avx2_loop(const uint8_t *b, size_t count, size_t from, size_t before, size_t after, ScanState *state,
                            size_t *out, size_t capacity, size_t *n, size_t *resume);

__attribute__((target("avx2")))
static inline __m256i shufti_table(const uint8_t table[16]) {
    return _mm256_broadcastsi128_si256(_mm_loadu_si128((const __m128i *)table));
}

/// The bucket bits of each byte of `v`: the AND of its low and high nibbles' table entries.
__attribute__((target("avx2")))
static inline __m256i nibble_classes(__m256i v, __m256i low, __m256i high) {
    const __m256i nibble = _mm256_set1_epi8(0x0F);
    return _mm256_and_si256(_mm256_shuffle_epi8(low, _mm256_and_si256(v, nibble)),
                            _mm256_shuffle_epi8(high, _mm256_and_si256(_mm256_srli_epi16(v, 4), nibble)));
}
#endif

// MARK: Legacy encodings (legacy_rules.c, legacy_walk.c, legacy_avx2.c)

/// What a walk over one legacy page needs: the encoding's tables, and the ASCII bytes that
/// can start a candidate (- & and the first letters of the English words).
typedef struct {
    const uint8_t *b;
    size_t count;
    int big5;
    const LegacyLabel *labels;
    size_t label_count;
    const uint16_t *dashes;
    size_t dash_count;
    ScanState *state;
    /// The start of the last full-width letter the walk passed, or NOT_FOUND.
    size_t *last_letter;
    /// Two-byte codes that can be a candidate (labels, dashes, full-width letters), a bit each.
    const uint8_t *pairs;
    const uint8_t *starts;
} LegacyWalk;

static inline int legacy_is_pair(const LegacyWalk *w, uint16_t code) { return w->pairs[code >> 3] & (1u << (code & 7)); }

/// Whether the two-byte code `pair` is a full-width Latin letter (Ａ–Ｚ, ａ–ｚ).
INTERNAL int legacy_fullwidth_letter(uint16_t pair, int big5);

/// Whether the character at `i` (`step` bytes, a character start) is a candidate.
INTERNAL int legacy_candidate(const LegacyWalk *w, size_t i, size_t step);

/// Walks from the character start `i` until at least `until`, character by character, as the
/// decoder will, so that the second byte of one character and the first of the next are never
/// read as a pair. Returns where it stopped (a character start); stops early, with `*full`
/// set, when `out` fills.
INTERNAL size_t legacy_scalar_walk(const LegacyWalk *w, size_t i, size_t until, size_t *out, size_t capacity, size_t *n,
                                 int *full);

#if defined(__x86_64__)
/// Builds the AVX2 walk's nibble tables for one encoding from its candidate codes (legacy_avx2.c).
INTERNAL void legacy_avx2_build(const uint8_t *pairs, int big5);
/// Walks from the character start `i` 64 bytes at a time while 65 remain, then returns where it
/// stopped (a character start); when `out` fills, sets `*full` and returns where to resume.
INTERNAL size_t legacy_avx2_walk(const LegacyWalk *w, size_t i, size_t *out, size_t capacity, size_t *n, int *full);
#endif

#endif
