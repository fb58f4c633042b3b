// The self-check of the tables generated from the label table (labels.generated.h), for tests.
#include "scan_internal.h"

int beian_anchors_self_check(void) {
    const int32_t *labels = label_chars;
    size_t listed = sizeof label_predecessors / sizeof *label_predecessors;
    for (int32_t cp = 0x4000; cp <= 0x9FFF; cp++) {
        int accepted = 0;
        for (size_t k = 0; k < sizeof label_chars / sizeof *label_chars; k++) {
            if (!is_label_char(labels[k])) return 0;
            accepted |= label_accepts(labels[k], cp);
        }
        if (!accepted) continue;
        uint8_t utf8[4] = {(uint8_t)(0xE0 | cp >> 12), (uint8_t)(0x80 | ((cp >> 6) & 0x3F)), (uint8_t)(0x80 | (cp & 0x3F)), 0};
        int found = 0;
        for (size_t k = 0; k < listed && !found; k++) found = strcmp(label_predecessors[k], (const char *)utf8) == 0;
        if (!found) return 0;
    }
    return 1;
}
