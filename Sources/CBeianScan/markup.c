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
// The vector loops find candidate positions 32 bytes at a time with AVX2 where the CPU has
// it: "<" before "!", or before "sc" / "SC" (any case), for an opening; "--" before ">", or
// "</" before "sc", for a closing. Each candidate is checked in scalar code; the portable
// loop checks every byte. All report the first match, so they agree whenever the scalar
// check does.
#include "CBeianScan.h"

#if defined(__x86_64__)
#include <immintrin.h>
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

#if defined(__x86_64__)
/// The first opening in [i, to) found 32 bytes at a time while 34 bytes can be read; `*next`
/// is where the portable loop goes on when none is found.
__attribute__((target("avx2")))
static size_t open_avx2(const uint8_t *b, size_t count, size_t i, size_t to, int *kind, size_t *next) {
    const __m256i lt = _mm256_set1_epi8('<'), bang = _mm256_set1_epi8('!'), s = _mm256_set1_epi8('s'),
                  c = _mm256_set1_epi8('c'), case_bit = _mm256_set1_epi8(0x20);
    for (; i + 34 <= count && i < to; i += 32) {
        __m256i v0 = _mm256_loadu_si256((const __m256i *)(b + i));
        __m256i v1 = _mm256_loadu_si256((const __m256i *)(b + i + 1));
        __m256i v2 = _mm256_loadu_si256((const __m256i *)(b + i + 2));
        __m256i script = _mm256_and_si256(_mm256_cmpeq_epi8(_mm256_or_si256(v1, case_bit), s),
                                          _mm256_cmpeq_epi8(_mm256_or_si256(v2, case_bit), c));
        __m256i next_ok = _mm256_or_si256(_mm256_cmpeq_epi8(v1, bang), script);
        unsigned mask = (unsigned)_mm256_movemask_epi8(_mm256_and_si256(_mm256_cmpeq_epi8(v0, lt), next_ok));
        while (mask) {
            size_t k = i + (size_t)__builtin_ctz(mask);
            if (k >= to) { *next = to; return NOT_FOUND; }
            int found = opening_at(b, count, k);
            if (found) { *kind = found; return k; }
            mask &= mask - 1;
        }
    }
    *next = i;
    return NOT_FOUND;
}

/// As `open_avx2`, for a closing of `kind`.
__attribute__((target("avx2")))
static size_t close_avx2(const uint8_t *b, size_t count, size_t i, size_t to, int kind, size_t *next) {
    const int comment = kind == BEIAN_MARKUP_COMMENT;
    const __m256i first = _mm256_set1_epi8(comment ? '-' : '<'), second = _mm256_set1_epi8(comment ? '-' : '/'),
                  third = _mm256_set1_epi8(comment ? '>' : 's'), case_bit = _mm256_set1_epi8(comment ? 0 : 0x20);
    for (; i + 34 <= count && i < to; i += 32) {
        __m256i v0 = _mm256_loadu_si256((const __m256i *)(b + i));
        __m256i v1 = _mm256_loadu_si256((const __m256i *)(b + i + 1));
        __m256i v2 = _mm256_loadu_si256((const __m256i *)(b + i + 2));
        __m256i both = _mm256_and_si256(_mm256_cmpeq_epi8(v0, first), _mm256_cmpeq_epi8(v1, second));
        unsigned mask = (unsigned)_mm256_movemask_epi8(_mm256_and_si256(both, _mm256_cmpeq_epi8(_mm256_or_si256(v2, case_bit), third)));
        while (mask) {
            size_t k = i + (size_t)__builtin_ctz(mask);
            if (k >= to) { *next = to; return NOT_FOUND; }
            if (comment || script_word_at(b, count, k + 2)) return k;
            mask &= mask - 1;
        }
    }
    *next = i;
    return NOT_FOUND;
}
#endif

size_t beian_next_markup_open(const uint8_t *b, size_t count, size_t from, size_t to, int scalar_only, int *kind) {
    if (to > count) to = count;
    size_t i = from;
#if defined(__x86_64__)
    if (!scalar_only && beian_scan_uses_avx2()) {
        size_t found = open_avx2(b, count, i, to, kind, &i);
        if (found != NOT_FOUND) return found;
    }
#endif
    for (; i < to; i++) {
        if (b[i] != '<') continue;
        int found = opening_at(b, count, i);
        if (found) { *kind = found; return i; }
    }
    return NOT_FOUND;
}

size_t beian_next_markup_close(const uint8_t *b, size_t count, size_t from, size_t to, int scalar_only, int kind) {
    if (to > count) to = count;
    size_t i = from;
#if defined(__x86_64__)
    if (!scalar_only && beian_scan_uses_avx2()) {
        size_t found = close_avx2(b, count, i, to, kind, &i);
        if (found != NOT_FOUND) return found;
    }
#endif
    const uint8_t first = kind == BEIAN_MARKUP_COMMENT ? '-' : '<';
    const uint8_t second = kind == BEIAN_MARKUP_COMMENT ? '-' : '/';
    for (; i < to; i++) {
        if (b[i] != first || i + 1 >= count || b[i + 1] != second) continue;
        if (kind == BEIAN_MARKUP_COMMENT ? (i + 2 < count && b[i + 2] == '>') : script_word_at(b, count, i + 2)) return i;
    }
    return NOT_FOUND;
}
