// The portable UTF-8 anchor loop (the generic fallback, and the AVX2 loop's tail) and the entry
// point, which picks the AVX2 loop where the machine has it.
#include "scan_internal.h"

void beian_anchor_state_init(BeianAnchorState *state, int html) {
    scan_state_init(&((AnchorWalkState *)(void *)state)->scan, html);
}

INTERNAL size_t anchor_scalar_loop(const uint8_t *b, size_t count, size_t from, size_t end, size_t before, size_t after,
                                 ScanState *state, size_t *out, size_t capacity, size_t *n, size_t *resume) {
    for (size_t i = from; i < end; i++) {
        if (quick_reject(b, count, i)) continue;
        if (is_candidate(b, count, i) && verify(b, count, i, before, after, state)) {
            out[(*n)++] = i;
            if (*n == capacity) { *resume = i + 1; return 1; }
        }
    }
    *resume = end;
    return 0;
}

int beian_scan_uses_avx2(void) {
#if defined(__x86_64__)
    return __builtin_cpu_supports("avx2");
#else
    return 0;
#endif
}

size_t beian_find_anchors(const uint8_t *bytes, size_t count, size_t from, size_t before, size_t after, int scalar_only,
                          BeianAnchorState *walk, size_t *out, size_t capacity, size_t *resume) {
    ScanState *state = &((AnchorWalkState *)(void *)walk)->scan;
    size_t n = 0;
    if (capacity == 0 || from >= count) { *resume = from < count ? from : count; return 0; }
#if defined(__x86_64__)
    if (!scalar_only && beian_scan_uses_avx2()) {
        anchor_avx2_loop(bytes, count, from, before, after, state, out, capacity, &n, resume);
        return n;
    }
#endif
    anchor_scalar_loop(bytes, count, from, count, before, after, state, out, capacity, &n, resume);
    return n;
}
