// The AVX2 walk over a GB18030 or Big5 page (x86-64; legacy_walk.c holds the portable one).
//
// INVARIANT: it reports exactly what legacy_scalar_walk reports. A block of 64 bytes is
// classified only when its character starts follow from its bytes alone (no four-byte
// sequence, every lead byte followed by a trail byte); then every character start whose
// nibble classes (a superset of the candidate codes and ASCII starts) hit goes through
// `legacy_candidate`, as in the scalar walk, and the walk resumes at the same character start.
// Other blocks are walked by legacy_scalar_walk. ScanningPathTests compares both walks.
#include "scan_internal.h"

#if defined(__x86_64__)
/// Nibble tables for the AVX2 walk over GB18030 and Big5: `pair_*` classify a two-byte character by
/// its lead and trail bytes (one bit per bucket of candidate codes), `ascii_*` an ASCII
/// character by itself and the byte after it (- &, and the English words' first two letters).
typedef struct {
    uint8_t lead_low[16], lead_high[16], trail_low[16], trail_high[16];
    uint8_t first_low[16], first_high[16], second_low[16], second_high[16];
} LegacyTables;

static void nibble_add(uint8_t low[16], uint8_t high[16], uint8_t byte, int bucket) {
    low[byte & 15] |= (uint8_t)(1u << bucket);
    high[byte >> 4] |= (uint8_t)(1u << bucket);
}

/// The bucket of a candidate code: codes whose bytes share nibbles go together, so that the
/// nibble products add few common characters (the full-width comma A3AC stays out).
static int legacy_bucket(uint16_t code) {
    uint8_t lead = (uint8_t)(code >> 8), trail = (uint8_t)code;
    if (lead < 0xA0) return 0;
    if (lead == 0xA3 && trail >= 0xC1) return 1;  // full-width letters
    if (lead == 0xA1 || lead == 0xA3) return 2;   // dashes
    if (lead == 0xA8 || lead == 0xA9) return 3;
    if (lead >> 4 == 0xB) return 4;
    if (lead >> 4 == 0xC) return 5;
    if (lead >> 4 == 0xD) return 6;
    return 7;
}

/// The tables, built from the walk's own code list `pairs`, so that their buckets hold a
/// superset of what `legacy_candidate` may accept.
static void legacy_tables(const uint8_t *pairs, LegacyTables *t) {
    memset(t, 0, sizeof *t);
    for (uint32_t code = 0x8100; code <= 0xFEFF; code += 0x100) {
        // Only rows that hold a candidate code: a byte of the bit set per eight codes.
        for (uint32_t k = code >> 3; k < (code + 0x100) >> 3; k++) {
            if (!pairs[k]) continue;
            for (uint32_t bit = 0; bit < 8; bit++) {
                if (!(pairs[k] & (1u << bit))) continue;
                uint16_t pair = (uint16_t)(k << 3 | bit);
                nibble_add(t->lead_low, t->lead_high, (uint8_t)(pair >> 8), legacy_bucket(pair));
                nibble_add(t->trail_low, t->trail_high, (uint8_t)pair, legacy_bucket(pair));
            }
        }
    }
    // ASCII: bucket 0 for - and & (any byte after), then one per second letter with the first
    // letters `ascii_word_start` accepts before it (generated from the English anchor words).
    nibble_add(t->first_low, t->first_high, '-', 0);
    nibble_add(t->first_low, t->first_high, '&', 0);
    for (unsigned byte = 0; byte < 256; byte++) nibble_add(t->second_low, t->second_high, (uint8_t)byte, 0);
    for (int k = 0; k < ENGLISH_PAIR_BUCKETS; k++) {
        int bucket = 1 + k;
        for (const char *first = english_pair_buckets[k][0]; *first; first++) {
            nibble_add(t->first_low, t->first_high, (uint8_t)*first, bucket);
            nibble_add(t->first_low, t->first_high, (uint8_t)(*first - 0x20), bucket);
        }
        nibble_add(t->second_low, t->second_high, (uint8_t)english_pair_buckets[k][1][0], bucket);
        nibble_add(t->second_low, t->second_high, (uint8_t)(english_pair_buckets[k][1][0] - 0x20), bucket);
    }
}

/// 32 bits: which bytes of `v` lie in [first, last] (unsigned, first > 0).
__attribute__((target("avx2")))
static inline uint32_t bytes_in(__m256i v, uint8_t first, uint8_t last) {
    __m256i low = _mm256_cmpeq_epi8(_mm256_max_epu8(v, _mm256_set1_epi8((char)first)), v);
    __m256i high = _mm256_cmpeq_epi8(_mm256_min_epu8(v, _mm256_set1_epi8((char)last)), v);
    return (uint32_t)_mm256_movemask_epi8(_mm256_and_si256(low, high));
}

/// Classifies the 64 bytes at `p`, a character start, of a GB18030 or Big5 page (needs
/// p + 65 <= count). Where every lead byte among them is followed by a valid trail byte, the characters
/// are all one or two bytes and their starts follow from runs of lead-range bytes (81–FE):
/// a run begins at a character start, since the byte before it ends a character, and inside
/// it leads and trails alternate. Then `*hits` receives the character starts that may be
/// candidates (a superset, through the tables), `*next` the character start after the block,
/// and it returns 1. Otherwise (four-byte sequences, bytes no character holds) it returns 0
/// and the caller walks the block byte by byte.
__attribute__((target("avx2")))
static int legacy_block(const uint8_t *b, size_t p, const LegacyTables *t, uint64_t *hits, size_t *next) {
    __m256i v0 = _mm256_loadu_si256((const __m256i *)(b + p)), v1 = _mm256_loadu_si256((const __m256i *)(b + p + 32));
    __m256i w0 = _mm256_loadu_si256((const __m256i *)(b + p + 1)), w1 = _mm256_loadu_si256((const __m256i *)(b + p + 33));
    uint64_t lead = (uint64_t)bytes_in(v0, 0x81, 0xFE) | (uint64_t)bytes_in(v1, 0x81, 0xFE) << 32;
    // The byte after each position: a valid trail (40–7E, 80–FE)?
    uint64_t trail_after = ((uint64_t)bytes_in(w0, 0x40, 0x7E) | (uint64_t)bytes_in(w1, 0x40, 0x7E) << 32) |
                           ((uint64_t)bytes_in(w0, 0x80, 0xFE) | (uint64_t)bytes_in(w1, 0x80, 0xFE) << 32);
    const uint64_t even = 0x5555555555555555ULL, odd = ~even;
    uint64_t run_starts = lead & ~(lead << 1);
    // Runs that start at an even position: adding their first bit clears them (carry).
    uint64_t even_runs = lead & ~(lead + (run_starts & even));
    uint64_t leads = (even_runs & even) | (lead & ~even_runs & odd);
    if (leads & ~trail_after) return 0;
    uint64_t starts = ~(leads << 1);
    const __m256i lead_low = shufti_table(t->lead_low), lead_high = shufti_table(t->lead_high);
    const __m256i trail_low = shufti_table(t->trail_low), trail_high = shufti_table(t->trail_high);
    const __m256i first_low = shufti_table(t->first_low), first_high = shufti_table(t->first_high);
    const __m256i second_low = shufti_table(t->second_low), second_high = shufti_table(t->second_high);
    const __m256i zero = _mm256_setzero_si256();
    __m256i pair0 = _mm256_and_si256(nibble_classes(v0, lead_low, lead_high), nibble_classes(w0, trail_low, trail_high));
    __m256i pair1 = _mm256_and_si256(nibble_classes(v1, lead_low, lead_high), nibble_classes(w1, trail_low, trail_high));
    __m256i ascii0 = _mm256_and_si256(nibble_classes(v0, first_low, first_high), nibble_classes(w0, second_low, second_high));
    __m256i ascii1 = _mm256_and_si256(nibble_classes(v1, first_low, first_high), nibble_classes(w1, second_low, second_high));
    uint64_t pair_hits = ~((uint64_t)(uint32_t)_mm256_movemask_epi8(_mm256_cmpeq_epi8(pair0, zero)) |
                           (uint64_t)(uint32_t)_mm256_movemask_epi8(_mm256_cmpeq_epi8(pair1, zero)) << 32);
    uint64_t ascii_hits = ~((uint64_t)(uint32_t)_mm256_movemask_epi8(_mm256_cmpeq_epi8(ascii0, zero)) |
                            (uint64_t)(uint32_t)_mm256_movemask_epi8(_mm256_cmpeq_epi8(ascii1, zero)) << 32);
    *hits = (pair_hits & leads) | (ascii_hits & starts & ~lead);
    *next = p + 64 + (size_t)(leads >> 63);
    return 1;
}

/// The tables per encoding (GB18030, Big5), built once when loaded (legacy_walk.c's constructor).
static LegacyTables legacy_tables_by_family[2];

INTERNAL void legacy_avx2_build(const uint8_t *pairs, int big5) { legacy_tables(pairs, &legacy_tables_by_family[big5 ? 1 : 0]); }

INTERNAL size_t legacy_avx2_walk(const LegacyWalk *w, size_t i, size_t *out, size_t capacity, size_t *n, int *full) {
    const uint8_t *b = w->b;
    size_t count = w->count;
    const LegacyTables *tables = &legacy_tables_by_family[w->big5 ? 1 : 0];
    while (i + 65 <= count) {
        uint64_t hits;
        size_t next;
        if (!legacy_block(b, i, tables, &hits, &next)) {
            i = legacy_scalar_walk(w, i, i + 64, out, capacity, n, full);
            if (*full) return i;
            continue;
        }
        while (hits) {
            size_t k = i + (size_t)__builtin_ctzll(hits);
            hits &= hits - 1;
            size_t step = legacy_char_length(b, count, k, 0);
            if (legacy_candidate(w, k, step)) {
                out[(*n)++] = k;
                if (*n == capacity) { *full = 1; return k + step; }
            }
        }
        i = next;
    }
    return i;
}
#endif
