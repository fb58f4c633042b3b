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
