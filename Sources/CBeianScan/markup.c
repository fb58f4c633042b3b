// Markup search: where HTML comments and script elements open and close, for the context of a
// finding (text, comment, script). Both readings of a page — the windows of the scan and the
// reference reading of the whole page — ask these functions, so they agree by construction.
//
// The rules, on raw bytes (ASCII-compatible encodings: UTF-8, GB18030, Big5; '<', '!', '-'
// and '>' are never part of a multi-byte character there, and a byte after '<' starts a
// character):
//   - a comment opens at "<!--" and closes at the next "-->";
//   - a script element opens at "<script" followed by a byte that is no letter, digit, '-'
//     or '_' (its start tag's end is found by the caller), and closes at the next "</script"
//     in any case;
//   - nothing else counts (a "<!--" inside a script, or inside an attribute value, is text).
//
// The vector loop finds candidate positions 16 bytes at a time with SSE2 (every x86-64 CPU
// has it) and checks each in scalar code; the portable loop checks every byte. Both report
// the first match, so they agree whenever the scalar check does.
#include "CBeianScan.h"

#if defined(__x86_64__)
#include <emmintrin.h>
#endif

#define NOT_FOUND ((size_t)-1)

static inline uint8_t lower(uint8_t c) { return (uint8_t)((c >= 'A' && c <= 'Z') ? c | 0x20 : c); }

static inline int is_name_char(uint8_t c) {
    return (c >= '0' && c <= '9') || (uint8_t)((c | 0x20) - 'a') < 26 || c == '-' || c == '_';
}

static inline int ascii_at(const uint8_t *b, size_t count, size_t i, const char *word) {
    for (size_t k = 0; word[k]; k++) {
        if (i + k >= count || lower(b[i + k]) != (uint8_t)word[k]) return 0;
    }
    return 1;
}

static inline int script_word_at(const uint8_t *b, size_t count, size_t i) {
    return ascii_at(b, count, i, "script") && (i + 6 >= count || !is_name_char(b[i + 6]));
}

/// What opens at `i` ('<' there): 1 a comment, 2 a script start tag, 0 nothing.
static inline int opening_at(const uint8_t *b, size_t count, size_t i) {
    if (i + 3 < count && b[i + 1] == '!' && b[i + 2] == '-' && b[i + 3] == '-') return BEIAN_MARKUP_COMMENT;
    if (script_word_at(b, count, i + 1)) return BEIAN_MARKUP_SCRIPT;
    return 0;
}

size_t beian_next_markup_open(const uint8_t *b, size_t count, size_t from, size_t to, int *kind) {
    if (to > count) to = count;
    size_t i = from;
#if defined(__x86_64__)
    const __m128i lt = _mm_set1_epi8('<'), bang = _mm_set1_epi8('!'), s = _mm_set1_epi8('s'), case_bit = _mm_set1_epi8(0x20);
    while (i + 17 <= count && i < to) {
        __m128i v0 = _mm_loadu_si128((const __m128i *)(b + i));
        __m128i v1 = _mm_loadu_si128((const __m128i *)(b + i + 1));
        __m128i next = _mm_or_si128(_mm_cmpeq_epi8(v1, bang), _mm_cmpeq_epi8(_mm_or_si128(v1, case_bit), s));
        unsigned mask = (unsigned)_mm_movemask_epi8(_mm_and_si128(_mm_cmpeq_epi8(v0, lt), next));
        while (mask) {
            size_t k = i + (size_t)__builtin_ctz(mask);
            if (k >= to) return NOT_FOUND;
            int found = opening_at(b, count, k);
            if (found) { *kind = found; return k; }
            mask &= mask - 1;
        }
        i += 16;
    }
#endif
    for (; i < to; i++) {
        if (b[i] != '<') continue;
        int found = opening_at(b, count, i);
        if (found) { *kind = found; return i; }
    }
    return NOT_FOUND;
}

size_t beian_next_markup_close(const uint8_t *b, size_t count, size_t from, size_t to, int kind) {
    if (to > count) to = count;
    size_t i = from;
    const uint8_t first = kind == BEIAN_MARKUP_COMMENT ? '-' : '<';
    const uint8_t second = kind == BEIAN_MARKUP_COMMENT ? '-' : '/';
#if defined(__x86_64__)
    const __m128i a = _mm_set1_epi8((char)first), c = _mm_set1_epi8((char)second);
    while (i + 17 <= count && i < to) {
        __m128i v0 = _mm_loadu_si128((const __m128i *)(b + i));
        __m128i v1 = _mm_loadu_si128((const __m128i *)(b + i + 1));
        unsigned mask = (unsigned)_mm_movemask_epi8(_mm_and_si128(_mm_cmpeq_epi8(v0, a), _mm_cmpeq_epi8(v1, c)));
        while (mask) {
            size_t k = i + (size_t)__builtin_ctz(mask);
            if (k >= to) return NOT_FOUND;
            if (kind == BEIAN_MARKUP_COMMENT ? (k + 2 < count && b[k + 2] == '>') : script_word_at(b, count, k + 2)) return k;
            mask &= mask - 1;
        }
        i += 16;
    }
#endif
    for (; i < to; i++) {
        if (b[i] != first || i + 1 >= count || b[i + 1] != second) continue;
        if (kind == BEIAN_MARKUP_COMMENT ? (i + 2 < count && b[i + 2] == '>') : script_word_at(b, count, i + 2)) return i;
    }
    return NOT_FOUND;
}
