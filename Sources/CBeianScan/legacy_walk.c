// The portable walk over a GB18030 or Big5 page (the generic fallback, and the AVX2 walk's
// help where its blocks do not apply) and the entry point. It steps character by character as
// the decoder will, so that the second byte of one character and the first of the next are
// never read as a pair.
#include "scan_internal.h"

/// Walks from the character start `i` until at least `until`, character by character, as the
/// decoder will, so that the second byte of one character and the first of the next are never
/// read as a pair. Returns where it stopped (a character start); stops early, with `*full`
/// set, when `out` fills.
INTERNAL size_t legacy_scalar_walk(const LegacyWalk *w, size_t i, size_t until, size_t *out, size_t capacity, size_t *n,
                                 int *full) {
    const uint8_t *b = w->b;
    size_t count = w->count;
    int big5 = w->big5;
    size_t step;
    for (; i < until && i + 1 < count; i += step) {
        uint8_t c = b[i];
        step = 1;
        if (c < 0x80) {
            // ASCII that starts nothing: run on to the next byte that may (most of a page).
            // A letter counts only as the first of its word's pair ("re", "ic", "po" …).
            if (!w->starts[c] || (is_ascii_letter(c) && !ascii_word_start(c, b[i + 1]))) {
                size_t k = i + 1;
                while (k + 1 < count) {
                    uint8_t d = b[k];
                    if (d >= 0x80 || (w->starts[d] && (!is_ascii_letter(d) || ascii_word_start(d, b[k + 1])))) break;
                    k++;
                }
                step = k - i;
                continue;
            }
        } else {
            step = legacy_char_length(b, count, i, big5);
            if (step == 2 && !legacy_is_pair(w, (uint16_t)(c << 8 | b[i + 1]))) {
                // The common case, a character that starts nothing: run on through a
                // stretch of them two bytes at a time.
                while (i + 3 < count) {
                    uint8_t lead = b[i + 2], trail = b[i + 3];
                    if (lead < 0x81 || lead == 0xFF) break;
                    if (!((trail >= 0x40 && trail <= 0x7E) || (trail >= 0x80 && trail <= 0xFE))) break;
                    if (legacy_is_pair(w, (uint16_t)(lead << 8 | trail))) break;
                    i += 2;
                }
                continue;
            }
        }
        if (legacy_candidate(w, i, step)) {
            out[(*n)++] = i;
            if (*n == capacity) { *full = 1; return i + step; }
        }
    }
    return i;
}

/// Per encoding (GB18030, Big5): the two-byte codes that can be a candidate, a bit each; and the
/// ASCII bytes that can start one. Built once, when loaded.
static uint8_t legacy_pairs[2][8192];
static uint8_t legacy_starts[256];

__attribute__((constructor)) static void legacy_build(void) {
    for (int big5 = 0; big5 < 2; big5++) {
        uint8_t *pairs = legacy_pairs[big5];
        const LegacyLabel *labels = big5 ? big5_labels : gb18030_labels;
        size_t label_count = big5 ? sizeof big5_labels / sizeof *big5_labels : sizeof gb18030_labels / sizeof *gb18030_labels;
        const uint16_t *dashes = big5 ? big5_dashes : gb18030_dashes;
        size_t dash_count = big5 ? sizeof big5_dashes / sizeof *big5_dashes : sizeof gb18030_dashes / sizeof *gb18030_dashes;
#define SET_PAIR(code) (pairs[(uint16_t)(code) >> 3] |= (uint8_t)(1u << ((code) & 7)))
        for (size_t k = 0; k < label_count; k++) SET_PAIR(labels[k].label);
        for (size_t k = 0; k < dash_count; k++) SET_PAIR(dashes[k]);
        for (uint32_t code = 0xA200; code <= 0xA3FF; code++) {
            if (legacy_fullwidth_letter((uint16_t)code, big5)) SET_PAIR(code);
        }
#undef SET_PAIR
#if defined(__x86_64__)
        legacy_avx2_build(pairs, big5);
#endif
    }
    for (const char *c = LEGACY_START_BYTES; *c; c++) legacy_starts[(uint8_t)*c] = 1;
}

void beian_legacy_state_init(BeianLegacyState *walk, int html) {
    LegacyWalkState *state = (LegacyWalkState *)(void *)walk;
    scan_state_init(&state->scan, html);
    state->last_letter = NOT_FOUND;
}

size_t beian_find_legacy_candidates(const uint8_t *b, size_t count, size_t from, int big5, int scalar_only,
                                    BeianLegacyState *walk, size_t *out, size_t capacity, size_t *resume) {
    LegacyWalk w;
    w.b = b;
    w.count = count;
    w.big5 = big5;
    w.labels = big5 ? big5_labels : gb18030_labels;
    w.label_count = big5 ? sizeof big5_labels / sizeof *big5_labels : sizeof gb18030_labels / sizeof *gb18030_labels;
    w.dashes = big5 ? big5_dashes : gb18030_dashes;
    w.dash_count = big5 ? sizeof big5_dashes / sizeof *big5_dashes : sizeof gb18030_dashes / sizeof *gb18030_dashes;
    LegacyWalkState *state = (LegacyWalkState *)(void *)walk;
    w.state = &state->scan;
    w.last_letter = &state->last_letter;
    w.pairs = legacy_pairs[big5 ? 1 : 0];
    w.starts = legacy_starts;
    size_t n = 0;
    int full = 0;
    size_t i = from;  // a character start (0, or where the previous call stopped)
#if defined(__x86_64__)
    if (!scalar_only && beian_scan_uses_avx2()) {
        i = legacy_avx2_walk(&w, i, out, capacity, &n, &full);
        if (full) { *resume = i; return n; }
    }
#endif
    i = legacy_scalar_walk(&w, i, count, out, capacity, &n, &full);
    *resume = full ? i : count;
    return n;
}
