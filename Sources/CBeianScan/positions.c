// Counting lines and columns between findings (TextPosition.swift) at memory speed: the pass
// runs over most of every page, so it works 16 bytes at a time with SSE2 where available.
#define _GNU_SOURCE
#include "CBeianScan.h"
#include <string.h>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

size_t beian_count_line_breaks(const uint8_t *bytes, size_t count, int after, size_t *tail) {
    size_t lf = 0, cr = 0, crlf = 0;
    size_t i = 0;
#if defined(__SSE2__)
    const __m128i newline = _mm_set1_epi8('\n'), ret = _mm_set1_epi8('\r');
    for (; i + 16 <= count; i += 16) {
        __m128i block = _mm_loadu_si128((const __m128i *)(bytes + i));
        unsigned lf_bits = (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(block, newline));
        unsigned cr_bits = (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(block, ret));
        if ((lf_bits | cr_bits) == 0) continue;
        lf += (size_t)__builtin_popcount(lf_bits);
        if (cr_bits) {
            cr += (size_t)__builtin_popcount(cr_bits);
            // A CR followed by LF, the LF possibly the first byte of the next block.
            unsigned next_lf = lf_bits >> 1;
            if (i + 16 < count && bytes[i + 16] == '\n') next_lf |= 1u << 15;
            crlf += (size_t)__builtin_popcount(cr_bits & next_lf);
        }
    }
#endif
    for (; i < count; i++) {
        if (bytes[i] == '\n') lf++;
        else if (bytes[i] == '\r') {
            cr++;
            if (i + 1 < count ? bytes[i + 1] == '\n' : after == '\n') crlf++;
        }
    }
#if defined(__SSE2__)
    // The vector loop did not see a CR ending the vector part and an LF after `count`.
    if (count >= 16 && count % 16 == 0 && bytes[count - 1] == '\r' && after == '\n') crlf++;
#endif
    size_t start = 0;
    if (lf + cr) {
        const uint8_t *last_lf = lf ? memrchr(bytes, '\n', count) : NULL;
        const uint8_t *last_cr = cr ? memrchr(bytes, '\r', count) : NULL;
        const uint8_t *last = last_lf > last_cr ? last_lf : last_cr;
        start = (size_t)(last - bytes) + 1;
    }
    *tail = start;
    return lf + cr - crlf;
}

size_t beian_count_utf8_scalars(const uint8_t *bytes, size_t count) {
    size_t scalars = 0, i = 0;
#if defined(__SSE2__)
    // Continuation bytes (80–BF) are the signed bytes below -64.
    const __m128i limit = _mm_set1_epi8(-64);
    for (; i + 16 <= count; i += 16) {
        __m128i block = _mm_loadu_si128((const __m128i *)(bytes + i));
        scalars += 16 - (size_t)__builtin_popcount((unsigned)_mm_movemask_epi8(_mm_cmplt_epi8(block, limit)));
    }
#endif
    for (; i < count; i++) scalars += (bytes[i] & 0xC0) != 0x80;
    return scalars;
}
