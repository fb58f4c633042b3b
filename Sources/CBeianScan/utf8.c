// UTF-8 validation (RFC 3629: no overlongs, no surrogates, nothing above U+10FFFF), for
// deciding whether an undeclared document is UTF-8.
#include "CBeianScan.h"

#include <string.h>

#if defined(__x86_64__)
#include <immintrin.h>

// The AVX2 check, 32 bytes at a time, after Keiser and Lemire, "Validating UTF-8 in less than
// one instruction per byte" (2021): each byte is judged with the one to three before it by
// three nibble look-ups whose AND is non-zero exactly where an error ends (a lead without its
// continuations, a continuation without its lead, an overlong form, a surrogate, a code point
// above U+10FFFF), and a continuation that a lead two or three bytes back asks for is expected.
//
// INVARIANT: it only says where to stop trusting the input. It returns a position at or before
// the first error, at the start of a character, such that all before it is valid; the scalar
// walk goes on from there, so the answer is always the scalar walk's (UTF8Tests compares both).
enum {
    TOO_SHORT = 1 << 0,   // a lead or ASCII byte, then a lead byte (11______ 11______, 0_______ 11______ is fine)
    TOO_LONG = 1 << 1,    // ASCII, then a continuation
    OVERLONG_3 = 1 << 2,  // E0 80–9F
    TOO_LARGE = 1 << 3,   // F4 90–BF, F5–FF 90–BF
    SURROGATE = 1 << 4,   // ED A0–BF
    OVERLONG_2 = 1 << 5,  // C0–C1, then a continuation
    TOO_LARGE_1000 = 1 << 6,  // F5–FF 80–8F
    OVERLONG_4 = 1 << 6,  // F0 80–8F
    TWO_CONTS = 1 << 7,   // a continuation, then a continuation (expected only 2–3 bytes after a lead)
    CARRY = TOO_SHORT | TOO_LONG | TWO_CONTS,
};

__attribute__((target("avx2"))) static inline __m256i nibble_lookup(__m256i nibbles, const int8_t table[16]) {
    __m128i half = _mm_loadu_si128((const __m128i *)table);
    return _mm256_shuffle_epi8(_mm256_broadcastsi128_si256(half), nibbles);
}

/// Bytes 32–N .. 31–N of the 64 bytes `previous` then `input`: each byte's Nth predecessor.
#define PREVIOUS(input, previous, n) \
    _mm256_alignr_epi8((input), _mm256_permute2x128_si256((previous), (input), 0x21), 16 - (n))

__attribute__((target("avx2"))) static size_t utf8_trusted_prefix(const uint8_t *b, size_t count) {
    static const int8_t byte1_high[16] = {
        TOO_LONG, TOO_LONG, TOO_LONG, TOO_LONG, TOO_LONG, TOO_LONG, TOO_LONG, TOO_LONG,
        TWO_CONTS, TWO_CONTS, TWO_CONTS, TWO_CONTS,
        TOO_SHORT | OVERLONG_2, TOO_SHORT, TOO_SHORT | OVERLONG_3 | SURROGATE,
        (int8_t)(TOO_SHORT | TOO_LARGE | TOO_LARGE_1000 | OVERLONG_4),
    };
    static const int8_t byte1_low[16] = {
        (int8_t)(CARRY | OVERLONG_3 | OVERLONG_2 | OVERLONG_4), (int8_t)(CARRY | OVERLONG_2), (int8_t)CARRY, (int8_t)CARRY,
        (int8_t)(CARRY | TOO_LARGE), (int8_t)(CARRY | TOO_LARGE | TOO_LARGE_1000),
        (int8_t)(CARRY | TOO_LARGE | TOO_LARGE_1000), (int8_t)(CARRY | TOO_LARGE | TOO_LARGE_1000),
        (int8_t)(CARRY | TOO_LARGE | TOO_LARGE_1000), (int8_t)(CARRY | TOO_LARGE | TOO_LARGE_1000),
        (int8_t)(CARRY | TOO_LARGE | TOO_LARGE_1000), (int8_t)(CARRY | TOO_LARGE | TOO_LARGE_1000),
        (int8_t)(CARRY | TOO_LARGE | TOO_LARGE_1000), (int8_t)(CARRY | TOO_LARGE | TOO_LARGE_1000 | SURROGATE),
        (int8_t)(CARRY | TOO_LARGE | TOO_LARGE_1000), (int8_t)(CARRY | TOO_LARGE | TOO_LARGE_1000),
    };
    static const int8_t byte2_high[16] = {
        TOO_SHORT, TOO_SHORT, TOO_SHORT, TOO_SHORT, TOO_SHORT, TOO_SHORT, TOO_SHORT, TOO_SHORT,
        (int8_t)(TOO_LONG | OVERLONG_2 | TWO_CONTS | OVERLONG_3 | TOO_LARGE_1000 | OVERLONG_4),
        (int8_t)(TOO_LONG | OVERLONG_2 | TWO_CONTS | OVERLONG_3 | TOO_LARGE),
        (int8_t)(TOO_LONG | OVERLONG_2 | TWO_CONTS | SURROGATE | TOO_LARGE),
        (int8_t)(TOO_LONG | OVERLONG_2 | TWO_CONTS | SURROGATE | TOO_LARGE),
        TOO_SHORT, TOO_SHORT, TOO_SHORT, TOO_SHORT,
    };
    const __m256i low_nibble = _mm256_set1_epi8(0x0F);
    __m256i previous = _mm256_setzero_si256();
    size_t i = 0;
    for (; i + 32 <= count; i += 32) {
        __m256i input = _mm256_loadu_si256((const __m256i *)(b + i));
        if (_mm256_movemask_epi8(input) == 0) {
            // ASCII: an error only if the last block left a lead waiting.
            __m256i waiting = _mm256_subs_epu8(previous, _mm256_setr_epi8(
                (char)0xFF, (char)0xFF, (char)0xFF, (char)0xFF, (char)0xFF, (char)0xFF, (char)0xFF, (char)0xFF,
                (char)0xFF, (char)0xFF, (char)0xFF, (char)0xFF, (char)0xFF, (char)0xFF, (char)0xFF, (char)0xFF,
                (char)0xFF, (char)0xFF, (char)0xFF, (char)0xFF, (char)0xFF, (char)0xFF, (char)0xFF, (char)0xFF,
                (char)0xFF, (char)0xFF, (char)0xFF, (char)0xFF, (char)0xFF, (char)(0xF0 - 1), (char)(0xE0 - 1), (char)(0xC0 - 1)));
            if (!_mm256_testz_si256(waiting, waiting)) break;
            previous = input;
            continue;
        }
        __m256i previous1 = PREVIOUS(input, previous, 1);
        __m256i special = _mm256_and_si256(
            _mm256_and_si256(nibble_lookup(_mm256_and_si256(_mm256_srli_epi16(previous1, 4), low_nibble), byte1_high),
                             nibble_lookup(_mm256_and_si256(previous1, low_nibble), byte1_low)),
            nibble_lookup(_mm256_and_si256(_mm256_srli_epi16(input, 4), low_nibble), byte2_high));
        __m256i third = _mm256_subs_epu8(PREVIOUS(input, previous, 2), _mm256_set1_epi8((char)(0xE0 - 0x80)));
        __m256i fourth = _mm256_subs_epu8(PREVIOUS(input, previous, 3), _mm256_set1_epi8((char)(0xF0 - 0x80)));
        __m256i expected = _mm256_and_si256(_mm256_or_si256(third, fourth), _mm256_set1_epi8((char)0x80));
        __m256i error = _mm256_xor_si256(expected, special);
        if (!_mm256_testz_si256(error, error)) break;
        previous = input;
    }
    // Back to the start of the character at i (a sequence may begin up to three bytes before).
    size_t back = 0;
    while (back < 3 && back < i && (b[i - back - 1] & 0xC0) == 0x80) back++;
    if (back < i && b[i - back - 1] >= 0xC0) back++;
    return i - back;
}
#endif

size_t beian_utf8_valid_prefix(const uint8_t *b, size_t count, int allow_truncated_end) {
    size_t from = 0;
#if defined(__x86_64__)
    if (count >= 64 && beian_scan_uses_avx2()) from = utf8_trusted_prefix(b, count);
#endif
    size_t valid = beian_utf8_valid_prefix_scalar(b + from, count - from, allow_truncated_end);
    return from + valid;
}

size_t beian_utf8_valid_prefix_scalar(const uint8_t *b, size_t count, int allow_truncated_end) {
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
