// Counting lines and columns between findings (TextPosition.swift), at memory speed: plain
// reductions the compiler vectorises.
#define _GNU_SOURCE
#include "CBeianScan.h"
#include <string.h>

size_t beian_count_line_breaks(const uint8_t *bytes, size_t count, int after, size_t *tail) {
    size_t lf = 0, cr = 0, crlf = 0;
    for (size_t i = 0; i < count; i++) {
        lf += bytes[i] == '\n';
        cr += bytes[i] == '\r';
    }
    if (cr) {
        for (size_t i = 0; i + 1 < count; i++) crlf += (bytes[i] == '\r') & (bytes[i + 1] == '\n');
        if (count > 0 && bytes[count - 1] == '\r' && after == '\n') crlf += 1;
    }
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
    size_t scalars = 0;
    for (size_t i = 0; i < count; i++) scalars += (bytes[i] & 0xC0) != 0x80;
    return scalars;
}
