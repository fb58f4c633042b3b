// Counting lines and columns between findings (TextPosition.swift) at memory speed: the pass
// runs over most of every page, so it works 32 bytes at a time with AVX2 where the machine has
// it, else 16 with SSE2.
#define _GNU_SOURCE
#include "CBeianScan.h"
#include <string.h>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif
#if defined(__x86_64__)
#include <immintrin.h>

/// The sum of a vector's 32 bytes.
__attribute__((target("avx2"))) static inline size_t sum_bytes(__m256i bytes) {
    __m256i sums = _mm256_sad_epu8(bytes, _mm256_setzero_si256());
    return (size_t)(_mm256_extract_epi64(sums, 0) + _mm256_extract_epi64(sums, 1) + _mm256_extract_epi64(sums, 2) +
                    _mm256_extract_epi64(sums, 3));
}

/// Adds the LFs, CRs and CR-LF pairs of `bytes` from the start, 32 bytes at a time while a
/// CR's next byte lies in the buffer too; returns where it stopped (a multiple of 32). Counts
/// are kept per byte lane and added up every 255 blocks, before a lane can overflow: no
/// mask or popcount per block, however many line breaks a page has.
__attribute__((target("avx2"))) static size_t count_breaks_avx2(const uint8_t *bytes, size_t count, size_t *lf, size_t *cr,
                                                                size_t *crlf) {
    const __m256i newline = _mm256_set1_epi8('\n'), ret = _mm256_set1_epi8('\r');
    size_t i = 0;
    while (i + 33 <= count) {
        __m256i lfs = _mm256_setzero_si256(), crs = lfs, pairs = lfs;
        for (int blocks = 0; blocks < 255 && i + 33 <= count; blocks++, i += 32) {
            __m256i block = _mm256_loadu_si256((const __m256i *)(bytes + i));
            __m256i next = _mm256_loadu_si256((const __m256i *)(bytes + i + 1));
            __m256i is_cr = _mm256_cmpeq_epi8(block, ret);
            lfs = _mm256_sub_epi8(lfs, _mm256_cmpeq_epi8(block, newline));
            crs = _mm256_sub_epi8(crs, is_cr);
            pairs = _mm256_sub_epi8(pairs, _mm256_and_si256(is_cr, _mm256_cmpeq_epi8(next, newline)));
        }
        *lf += sum_bytes(lfs);
        *cr += sum_bytes(crs);
        *crlf += sum_bytes(pairs);
    }
    return i;
}
#endif

size_t beian_count_line_breaks(const uint8_t *bytes, size_t count, int after, size_t *tail) {
    size_t lf = 0, cr = 0, crlf = 0;
    size_t i = 0;
#if defined(__x86_64__)
    if (count >= 64 && beian_scan_uses_avx2()) i = count_breaks_avx2(bytes, count, &lf, &cr, &crlf);
#endif
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
    // The SSE2 loop did not see a CR ending the vector part and an LF after `count` (the AVX2
    // loop stops 32 bytes short of the end, on a multiple of 32: the SSE2 loop goes on from it).
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
