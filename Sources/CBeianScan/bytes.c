// Small byte searches the Swift side needs at memory speed.
#include "CBeianScan.h"

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

size_t beian_last_index_of(const uint8_t *bytes, size_t from, size_t to, uint8_t byte) {
    size_t end = to;
#if defined(__SSE2__)
    const __m128i needle = _mm_set1_epi8((char)byte);
    while (end >= from + 16) {
        unsigned bits = (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(_mm_loadu_si128((const __m128i *)(bytes + end - 16)), needle));
        if (bits) return end - 16 + (size_t)(31 - __builtin_clz(bits));
        end -= 16;
    }
#endif
    while (end > from) {
        end--;
        if (bytes[end] == byte) return end;
    }
    return SIZE_MAX;
}

size_t beian_json_plain_prefix(const uint8_t *bytes, size_t count) {
    size_t index = 0;
#if defined(__SSE2__)
    // Signed compares: bytes 0x00–0x1F are the only ones below 0x20 that are not negative.
    const __m128i space = _mm_set1_epi8(0x20), quote = _mm_set1_epi8('"'), backslash = _mm_set1_epi8('\\');
    const __m128i lead = _mm_set1_epi8((char)0xE2), zero = _mm_setzero_si128();
    while (index + 16 <= count) {
        __m128i block = _mm_loadu_si128((const __m128i *)(bytes + index));
        __m128i control = _mm_and_si128(_mm_cmplt_epi8(block, space), _mm_cmpgt_epi8(block, _mm_sub_epi8(zero, _mm_set1_epi8(1))));
        __m128i special = _mm_or_si128(_mm_or_si128(control, _mm_cmpeq_epi8(block, quote)),
                                       _mm_or_si128(_mm_cmpeq_epi8(block, backslash), _mm_cmpeq_epi8(block, lead)));
        unsigned bits = (unsigned)_mm_movemask_epi8(special);
        if (bits) return index + (size_t)__builtin_ctz(bits);
        index += 16;
    }
    // The tail: the last sixteen bytes again, overlapping what was read, when there are that many.
    if (index < count && count >= 16) {
        size_t last = count - 16;
        __m128i block = _mm_loadu_si128((const __m128i *)(bytes + last));
        __m128i control = _mm_and_si128(_mm_cmplt_epi8(block, space), _mm_cmpgt_epi8(block, _mm_sub_epi8(zero, _mm_set1_epi8(1))));
        __m128i special = _mm_or_si128(_mm_or_si128(control, _mm_cmpeq_epi8(block, quote)),
                                       _mm_or_si128(_mm_cmpeq_epi8(block, backslash), _mm_cmpeq_epi8(block, lead)));
        unsigned bits = (unsigned)_mm_movemask_epi8(special) & (0xFFFFu << (index - last));
        return bits ? last + (size_t)__builtin_ctz(bits) : count;
    }
#endif
    while (index < count) {
        uint8_t byte = bytes[index];
        if (byte < 0x20 || byte == '"' || byte == '\\' || byte == 0xE2) return index;
        index++;
    }
    return count;
}
