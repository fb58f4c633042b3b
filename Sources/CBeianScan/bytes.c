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

_Static_assert(__BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__, "json_special_bits reads the first byte as the lowest");

/// The bytes of `word` that JSON output escapes, as their high bits; the lowest one set is
/// the first such byte (above it, borrows may set bits for bytes that are not).
static inline uint64_t json_special_bits(uint64_t word) {
    const uint64_t ones = 0x0101010101010101ULL, highs = 0x8080808080808080ULL;
    uint64_t quote = word ^ (ones * '"'), backslash = word ^ (ones * '\\'), lead = word ^ (ones * 0xE2);
    uint64_t control = (word - ones * 0x20) & ~word;
    uint64_t zeros = ((quote - ones) & ~quote) | ((backslash - ones) & ~backslash) | ((lead - ones) & ~lead);
    return (control | zeros) & highs;
}

#if defined(__SSE2__)
/// The bytes of `block` that JSON output escapes, one bit each (bit 0 for the first byte):
/// controls (the only signed bytes from 0 to 0x1F), quote, backslash and 0xE2.
static inline unsigned json_special_mask(__m128i block) {
    __m128i control = _mm_and_si128(_mm_cmplt_epi8(block, _mm_set1_epi8(0x20)), _mm_cmpgt_epi8(block, _mm_set1_epi8(-1)));
    __m128i special = _mm_or_si128(_mm_or_si128(control, _mm_cmpeq_epi8(block, _mm_set1_epi8('"'))),
                                   _mm_or_si128(_mm_cmpeq_epi8(block, _mm_set1_epi8('\\')),
                                                _mm_cmpeq_epi8(block, _mm_set1_epi8((char)0xE2))));
    return (unsigned)_mm_movemask_epi8(special);
}
#endif

size_t beian_json_copy_plain(uint8_t *output, const uint8_t *bytes, size_t count) {
    size_t index = 0;
#if defined(__SSE2__)
    while (index + 16 <= count) {
        __m128i block = _mm_loadu_si128((const __m128i *)(bytes + index));
        // Stored whole: past the first special byte the bytes are scratch the caller overwrites.
        _mm_storeu_si128((__m128i *)(output + index), block);
        unsigned bits = json_special_mask(block);
        if (bits) return index + (size_t)__builtin_ctz(bits);
        index += 16;
    }
    if (index < count && count >= 16) {
        // The last sixteen bytes, overlapping what was copied (the same bytes again).
        size_t last = count - 16;
        __m128i block = _mm_loadu_si128((const __m128i *)(bytes + last));
        _mm_storeu_si128((__m128i *)(output + last), block);
        unsigned bits = json_special_mask(block) & (0xFFFFu << (index - last));
        return bits ? last + (size_t)__builtin_ctz(bits) : count;
    }
#endif
    // Short strings: eight bytes at a time, the last word padded with a plain byte.
    while (index < count) {
        size_t left = count - index;
        uint64_t word = 0x6161616161616161ULL;
        if (left >= 8) {
            __builtin_memcpy(&word, bytes + index, 8);
        } else if (count >= 8) {
            // The string's last eight bytes, shifted down to the ones left; the top padded.
            uint64_t last;
            __builtin_memcpy(&last, bytes + count - 8, 8);
            word = (last >> (8 * (8 - left))) | (word << (8 * left));
        } else {
            for (size_t byte = 0; byte < left; byte++) {
                word = (word & ~(0xFFULL << (8 * byte))) | ((uint64_t)bytes[index + byte] << (8 * byte));
            }
        }
        __builtin_memcpy(output + index, &word, 8);
        uint64_t bits = json_special_bits(word);
        if (bits) {
            size_t found = index + (size_t)(__builtin_ctzll(bits) / 8);
            return found < count ? found : count;
        }
        index += left < 8 ? left : 8;
    }
    return count;
}

size_t beian_json_plain_prefix(const uint8_t *bytes, size_t count) {
    size_t index = 0;
#if defined(__SSE2__)
    while (index + 16 <= count) {
        unsigned bits = json_special_mask(_mm_loadu_si128((const __m128i *)(bytes + index)));
        if (bits) return index + (size_t)__builtin_ctz(bits);
        index += 16;
    }
    // The tail: the last sixteen bytes again, overlapping what was read, when there are that many.
    if (index < count && count >= 16) {
        size_t last = count - 16;
        unsigned bits = json_special_mask(_mm_loadu_si128((const __m128i *)(bytes + last))) & (0xFFFFu << (index - last));
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
