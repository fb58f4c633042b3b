// The AVX2 UTF-8 anchor loop (x86-64; utf8_scalar.c holds the portable one).
//
// INVARIANT: it reports exactly what anchor_scalar_loop reports. Its mask of candidates is a
// superset of the positions `quick_reject` and `is_candidate` let through, and every position in
// the mask goes through the same calls as in the scalar loop; the last 34 bytes go to the scalar
// loop itself. ScanningPathTests compares both loops on random input.
//
// The AVX2 loop classifies 32 positions at a time by their first four bytes with nibble
// tables ("shufti"): for table set t and position k, class(byte) = LOW[t][k][byte & 15] &
// HIGH[t][k][byte >> 4], one bit per bucket, and a position is a candidate when some bucket's
// bit survives the AND over its four bytes. A bucket accepts the product of the low and high
// nibbles of the bytes it lists, so its set is a superset of the list by construction: the
// mask stays a superset of `is_candidate`, which then decides. The buckets group what
// `is_candidate` accepts so that the products add few common bytes.
#include "scan_internal.h"

#if defined(__x86_64__)
/// 16-entry nibble tables, for three sets of eight buckets and byte positions 0–3: sets 0 and
/// 1 from a candidate's start on, set 2 the two bytes before a label character.
static uint8_t shufti_low[3][4][16], shufti_high[3][4][16];

static void shufti_add(int set, int bucket, int position, const uint8_t *bytes, size_t count) {
    for (size_t k = 0; k < count; k++) {
        shufti_low[set][position][bytes[k] & 15] |= (uint8_t)(1u << bucket);
        shufti_high[set][position][bytes[k] >> 4] |= (uint8_t)(1u << bucket);
    }
}

static void shufti_add_range(int set, int bucket, int position, uint8_t first, uint8_t last) {
    for (unsigned byte = first; byte <= last; byte++) {
        uint8_t value = (uint8_t)byte;
        shufti_add(set, bucket, position, &value, 1);
    }
}

#define ADD(set, bucket, position, bytes) shufti_add((set), (bucket), (position), (const uint8_t *)(bytes), sizeof(bytes) - 1)
#define ANY(set, bucket, position) shufti_add_range((set), (bucket), (position), 0x00, 0xFF)

__attribute__((constructor)) static void shufti_build(void) {
    // Set 0: label characters (buckets 0–6, generated from the label table), and the dashes
    // after E2. Position 3 is not read.
    for (int bucket = 0; bucket < LABEL_BUCKETS; bucket++) {
        for (int position = 0; position < 3; position++) {
            const char *bytes = label_buckets[bucket][position];
            shufti_add(0, bucket, position, (const uint8_t *)bytes, strlen(bytes));
        }
    }
    ADD(0, 7, 0, "\xE2");                      // ‐ ‑ ‒ – — ― (E2 80 90–95), − (E2 88 92)
    ADD(0, 7, 1, "\x80\x88");
    shufti_add_range(0, 7, 2, 0x90, 0x95);
    // Set 1: full-width forms after EF, "-" "&", and the English words' first letters (buckets
    // 4–7, generated).
    ADD(1, 0, 0, "\xEF"); ADD(1, 0, 1, "\xBC"); shufti_add_range(1, 0, 2, 0xA1, 0xBA); ANY(1, 0, 3);  // Ａ–Ｚ
    ADD(1, 1, 0, "\xEF"); ADD(1, 1, 1, "\xBD"); shufti_add_range(1, 1, 2, 0x81, 0x9A); ANY(1, 1, 3);  // ａ–ｚ
    ADD(1, 2, 0, "\xEF"); ADD(1, 2, 1, "\xBC\xB9"); ADD(1, 2, 2, "\x8D\xA3"); ANY(1, 2, 3);          // － BC 8D, ﹣ B9 A3
    ADD(1, 3, 0, "-&"); ANY(1, 3, 1); ANY(1, 3, 2); ANY(1, 3, 3);
    for (int bucket = 0; bucket < ENGLISH_BUCKETS; bucket++) {
        for (int position = 0; position < 4; position++) {
            const char *bytes = english_buckets[bucket][position];
            if (bytes) shufti_add(1, 4 + bucket, position, (const uint8_t *)bytes, strlen(bytes));
            else ANY(1, 4 + bucket, position);
        }
    }
    // Set 2: the second and third bytes of the ideographs that may precede a label character,
    // a bucket per high nibble of the second byte (positions 0 and 1 here are the two bytes
    // before the label character).
    for (size_t k = 0; k < sizeof label_predecessors / sizeof *label_predecessors; k++) {
        const uint8_t *utf8 = (const uint8_t *)label_predecessors[k];
        int bucket = (utf8[1] >> 4) & 7;
        shufti_add(2, bucket, 0, utf8 + 1, 1);
        shufti_add(2, bucket, 1, utf8 + 2, 1);
    }
}

#undef ADD
#undef ANY

__attribute__((target("avx2")))
INTERNAL int anchor_avx2_loop(const uint8_t *b, size_t count, size_t from, size_t before, size_t after, ScanState *state,
                            size_t *out, size_t capacity, size_t *n, size_t *resume) {
    size_t p = from;
    __m256i low[2][4], high[2][4];
    for (int set = 0; set < 2; set++) {
        for (int position = 0; position < 4; position++) {
            low[set][position] = shufti_table(shufti_low[set][position]);
            high[set][position] = shufti_table(shufti_high[set][position]);
        }
    }
    const __m256i before_low[2] = {shufti_table(shufti_low[2][0]), shufti_table(shufti_low[2][1])};
    const __m256i before_high[2] = {shufti_table(shufti_high[2][0]), shufti_table(shufti_high[2][1])};
    while (p + 35 <= count) {
        __m256i classes0 = _mm256_set1_epi8((char)0xFF), classes1 = classes0;
        for (int position = 0; position < 4; position++) {
            __m256i v = _mm256_loadu_si256((const __m256i *)(b + p + position));
            if (position < 3) classes0 = _mm256_and_si256(classes0, nibble_classes(v, low[0][position], high[0][position]));
            classes1 = _mm256_and_si256(classes1, nibble_classes(v, low[1][position], high[1][position]));
        }
        // A label character right after an ideograph (lead E4–E9) that precedes no label: what
        // quick_reject would drop (设备, 日报, 中文), dropped here without a call.
        if (p >= 3) {
            __m256i lead = _mm256_loadu_si256((const __m256i *)(b + p - 3));
            __m256i second = _mm256_loadu_si256((const __m256i *)(b + p - 2));
            __m256i third = _mm256_loadu_si256((const __m256i *)(b + p - 1));
            __m256i continuation = _mm256_set1_epi8((char)0xC0), marker = _mm256_set1_epi8((char)0x80);
            __m256i ideograph = _mm256_and_si256(
                _mm256_cmpeq_epi8(_mm256_min_epu8(_mm256_sub_epi8(lead, _mm256_set1_epi8((char)0xE4)), _mm256_set1_epi8(5)),
                                  _mm256_sub_epi8(lead, _mm256_set1_epi8((char)0xE4))),
                _mm256_and_si256(_mm256_cmpeq_epi8(_mm256_and_si256(second, continuation), marker),
                                 _mm256_cmpeq_epi8(_mm256_and_si256(third, continuation), marker)));
            __m256i predecessor = _mm256_and_si256(nibble_classes(second, before_low[0], before_high[0]),
                                                   nibble_classes(third, before_low[1], before_high[1]));
            __m256i drop = _mm256_andnot_si256(_mm256_cmpeq_epi8(predecessor, _mm256_setzero_si256()), _mm256_set1_epi8(-1));
            drop = _mm256_andnot_si256(drop, ideograph);  // an ideograph, and no predecessor
            // Only the label buckets (0–6 of set 0); the dashes' bucket 7 stays.
            classes0 = _mm256_andnot_si256(_mm256_and_si256(drop, _mm256_set1_epi8(0x7F)), classes0);
        }
        __m256i none = _mm256_cmpeq_epi8(_mm256_or_si256(classes0, classes1), _mm256_setzero_si256());
        uint32_t bits = ~(uint32_t)_mm256_movemask_epi8(none);
        while (bits) {
            size_t i = p + (size_t)__builtin_ctz(bits);
            bits &= bits - 1;
            if (quick_reject(b, count, i)) continue;
            if (is_candidate(b, count, i) && verify(b, count, i, before, after, state)) {
                out[(*n)++] = i;
                if (*n == capacity) { *resume = i + 1; return 1; }
            }
        }
        p += 32;
    }
    return anchor_scalar_loop(b, count, p, count, before, after, state, out, capacity, n, resume);
}
#endif
