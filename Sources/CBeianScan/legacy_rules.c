// The anchor rules on the raw bytes of GB18030 and Big5 pages: a superset of what the UTF-8 rules
// (utf8_rules.c) accept once the page is decoded, so that only windows around candidates are
// decoded. The codes of label characters and their predecessors come from the label table,
// through ICU's converters (labels.generated.h).
#include "scan_internal.h"

enum { LEGACY_NONE = 0, LEGACY_MATCH = 1, LEGACY_ANY = 2 };

/// What stands before `end` (white space and tags skipped), against the two-byte codes
/// `codes`: LEGACY_MATCH when one of them does ("P"/"p" too when `icp`: ICP备, ICP证), with its
/// start in `*start`; LEGACY_ANY for a character reference (decoded later, so accepted);
/// LEGACY_NONE otherwise.
static int legacy_previous(const uint8_t *b, size_t floor, size_t end, const uint16_t *codes, size_t code_count, int icp,
                           size_t *start) {
    while (end > floor) {
        uint8_t c = b[end - 1];
        if (is_ascii_space(c)) { end--; continue; }
        if (c == '>') {
            size_t k = end - 1;
            while (k > floor && b[k - 1] != '<' && end - k < BEIAN_MAX_TAG) k--;
            if (k > floor && b[k - 1] == '<') { end = k - 1; continue; }
            return LEGACY_NONE;
        }
        if (c == ';') {
            // A character reference (decoded later, so accepted), not a script's semicolon.
            for (size_t k = end - 1; k > floor && end - k <= MAX_REFERENCE; k--) {
                if (b[k - 1] == '&') return LEGACY_ANY;
            }
            return LEGACY_NONE;
        }
        if (icp && (c == 'P' || c == 'p')) { *start = end - 1; return LEGACY_MATCH; }
        if (end < floor + 2) return LEGACY_NONE;
        uint16_t pair = (uint16_t)(b[end - 2] << 8 | b[end - 1]);
        for (size_t k = 0; k < code_count && codes[k]; k++) {
            if (codes[k] == pair) { *start = end - 2; return LEGACY_MATCH; }
        }
        return LEGACY_NONE;
    }
    return LEGACY_NONE;
}

/// Whether what stands before the label at `end` may precede it (and, for 码, 用 before 代).
static int legacy_previous_accepts(const uint8_t *b, size_t floor, size_t end, const LegacyLabel *label) {
    size_t start = end;
    int found = legacy_previous(b, floor, end, label->previous, sizeof label->previous / sizeof *label->previous, label->icp, &start);
    if (found != LEGACY_MATCH || !label->second) return found != LEGACY_NONE;
    size_t ignored;
    return legacy_previous(b, floor, start, &label->second, 1, 0, &ignored) != LEGACY_NONE;
}

/// After 举报 or 投诉 in a legacy page, from `q` to `limit`: only gaps, hotline label words and a
/// colon before what may start a telephone number (a digit-like character, "+" or "(", or any
/// two-byte symbol, judged once decoded), as `hotline_filler` asks of UTF-8.
static int legacy_hotline_follows(ScanState *state, const uint8_t *b, size_t count, size_t q, size_t limit, int big5) {
    const uint16_t *words = big5 ? big5_hotline_chars : gb18030_hotline_chars;
    size_t word_count = big5 ? sizeof big5_hotline_chars / sizeof *big5_hotline_chars
                             : sizeof gb18030_hotline_chars / sizeof *gb18030_hotline_chars;
    if (limit > count) limit = count;
    while (q < limit) {
        size_t length = legacy_char_length(b, count, q, big5);
        if (legacy_digit_like(b, q, length, big5)) return 1;
        uint8_t c = b[q];
        if (length == 1) {
            if (c == '+' || c == '(') return 1;
            if (is_ascii_space(c) || c == ':' || hotline_letter(c)) { q++; continue; }
            if (c == '<' && gap_at(state, b, count, q, &length)) { q += length; continue; }
            return 0;
        }
        if (length == 4) { q += 4; continue; }
        uint16_t pair = (uint16_t)(c << 8 | b[q + 1]);
        size_t k = 0;
        while (k < word_count && words[k] != pair) k++;
        if (k == word_count) return 0;
        q += 2;
    }
    return 0;
}

/// After an English "ICP" in a legacy page, up to `limit`: white space, tags, : - . # and ICP
/// label words before a digit; a two-byte character or a reference is judged once decoded
/// (accepted). As `icp_filler` asks of UTF-8.
static int legacy_icp_follows(ScanState *state, const uint8_t *b, size_t count, size_t q, size_t limit) {
    if (limit > count) limit = count;
    while (q < limit) {
        uint8_t c = b[q];
        if (c >= 0x80 || c == '&' || (c >= '0' && c <= '9') || c == 'X' || c == 'x' || c == '*') return 1;
        if (is_ascii_space(c) || c == ':' || c == '.' || c == '#' || c == '-') { q++; continue; }
        size_t length;
        if (c == '<' && gap_at(state, b, count, q, &length)) { q += length; continue; }
        if (!is_ascii_letter(c)) return 0;
        size_t n = 0;
        for (size_t w = 0; w < sizeof icp_words / sizeof *icp_words && !n; w++) {
            if (ascii_word_at(b, count, q, icp_words[w])) n = strlen(icp_words[w]);
        }
        if (n == 0 || (q + n < count && is_ascii_letter(b[q + n]))) return 0;
        q += n;
    }
    return 0;
}

/// Whether the two-byte code `pair` is a full-width Latin letter (Ａ–Ｚ, ａ–ｚ).
INTERNAL int legacy_fullwidth_letter(uint16_t pair, int big5) {
    if (big5) return (pair >= 0xA2CF && pair <= 0xA2FE) || (pair >= 0xA340 && pair <= 0xA343);
    return (pair >= 0xA3C1 && pair <= 0xA3DA) || (pair >= 0xA3E1 && pair <= 0xA3FA);
}

/// Whether a GB18030 four-byte sequence ends at `end` (where some spaces lie).
static int legacy_four_byte_before(const uint8_t *b, size_t floor, size_t end) {
    return end >= floor + 4 && b[end - 4] >= 0x81 && b[end - 3] >= 0x30 && b[end - 3] <= 0x39 && b[end - 2] >= 0x81 &&
           b[end - 1] >= 0x30 && b[end - 1] <= 0x39;
}

/// Whether "service" ends just before `i` in a legacy page, as `service_before` asks of UTF-8:
/// white space and tags skipped before the word; letters half- or full-width; a reference or
/// a four-byte sequence is judged once decoded (accepted).
static int legacy_service_before(const uint8_t *b, size_t floor, size_t i, int big5) {
    size_t end = i;
    for (;;) {
        while (end > floor && is_ascii_space(b[end - 1])) end--;
        if (end >= floor + 2 && b[end - 2] == 0xA1 && b[end - 1] == (big5 ? 0x40 : 0xA1)) {
            end -= 2;  // the ideographic space
            continue;
        }
        if (end <= floor || b[end - 1] != '>') break;
        size_t k = end - 1;
        while (k > floor && b[k - 1] != '<' && end - k < BEIAN_MAX_TAG) k--;
        if (k <= floor || b[k - 1] != '<') return 0;
        end = k - 1;
    }
    for (int k = 6; k >= 0; k--) {
        if (end <= floor) return 0;
        uint8_t c = b[end - 1];
        if (c == ';' || legacy_four_byte_before(b, floor, end)) return 1;
        if (c >= 0x80) {
            // A two-byte character ends here: only a full-width letter can spell the word.
            if (end < floor + 2 || !legacy_fullwidth_letter((uint16_t)(b[end - 2] << 8 | c), big5)) return 0;
            end -= 2;
            continue;
        }
        if ((c | 0x20) != (uint8_t)"service"[k]) return 0;
        end--;
    }
    return 1;
}

/// Whether a full-width letter stands in [from, to) of a legacy page, `from` a character start.
static int legacy_fullwidth_letter_in(const uint8_t *b, size_t count, size_t from, size_t to, int big5) {
    if (to > count) to = count;
    for (size_t k = from; k < to;) {
        size_t length = legacy_char_length(b, count, k, big5);
        if (length == 2 && legacy_fullwidth_letter((uint16_t)(b[k] << 8 | b[k + 1]), big5)) return 1;
        k += length;
    }
    return 0;
}

/// Whether a dash at `i` may end a telecom category: an ASCII digit 1–3 before it (spaces
/// skipped), a full-width one, or a reference.
static int legacy_telecom_dash(const uint8_t *b, size_t i, int big5) {
    size_t k = i;
    while (k > 0 && k + 16 > i && (b[k - 1] == ' ' || b[k - 1] == '\t')) k--;
    if (k == 0) return 0;
    uint8_t c = b[k - 1];
    if (c == ';') return 1;
    // A class letter without its digit (粤B-20050235).
    if ((c | 0x20) == 'a' || (c | 0x20) == 'b' || (c | 0x20) == 'd') return 1;
    if (c >= '1' && c <= '3') {
        // The category letter right before the digit: A, B or D, or a reference.
        if (k < 2) return 0;
        uint8_t letter = b[k - 2] | 0x20;
        return letter == 'a' || letter == 'b' || letter == 'd' || b[k - 2] == ';' || b[k - 2] >= 0x81;
    }
    if (k < 2) return 0;
    uint16_t pair = (uint16_t)(b[k - 2] << 8 | c);
    return big5 ? (pair >= 0xA2B0 && pair <= 0xA2B2) : (pair >= 0xA3B1 && pair <= 0xA3B3);
}

/// Whether a dash of `length` bytes at `i` may stand between a letter and a digit, as in
/// Beijing-YunQue-20230821: spaces skipped, a tag, a reference or a double-byte character
/// (a full-width letter or digit) on either side counts, since they are decoded later.
static int legacy_letter_digit_dash(const uint8_t *b, size_t count, size_t i, size_t length) {
    size_t k = i;
    while (k > 0 && (b[k - 1] == ' ' || b[k - 1] == '\t')) k--;
    if (k == 0) return 0;
    uint8_t before = b[k - 1];
    if (!(is_ascii_letter(before) || before == ';' || before == '>' || before >= 0x81)) return 0;
    size_t q = i + length;
    while (q < count && (b[q] == ' ' || b[q] == '\t')) q++;
    if (q >= count) return 0;
    uint8_t after = b[q];
    return (after >= '0' && after <= '9') || after == '&' || after == '<' || after >= 0x81;
}

/// Whether BEIAN_MINIMUM_DIGITS ASCII digits may end before `end` once decoded, gaps skipped as the
/// UTF-8 rule skips them: white space, the ideographic space (GB18030 A1A1, Big5 A140) and, in
/// GB18030, any four-byte sequence (U+00A0 is one). A tag end or a reference end (">" ";")
/// may hide digits, so it counts too (a superset).
static int legacy_digits_before(const uint8_t *b, size_t floor, size_t end, int big5) {
    for (;;) {
        while (end > floor && is_ascii_space(b[end - 1])) end--;
        if (end >= floor + 2 && (big5 ? (b[end - 2] == 0xA1 && b[end - 1] == 0x40) : (b[end - 2] == 0xA1 && b[end - 1] == 0xA1))) {
            end -= 2;
            continue;
        }
        if (!big5 && end >= floor + 4 && b[end - 4] >= 0x81 && b[end - 3] >= '0' && b[end - 3] <= '9' && b[end - 2] >= 0x81 &&
            b[end - 1] >= '0' && b[end - 1] <= '9') {
            end -= 4;
            continue;
        }
        break;
    }
    if (end == floor) return 0;
    if (b[end - 1] == '>' || b[end - 1] == ';') return 1;
    for (int digits = 0; digits < BEIAN_MINIMUM_DIGITS; digits++, end--) {
        if (end == floor || b[end - 1] < '0' || b[end - 1] > '9') return 0;
    }
    return 1;
}

/// Whether the character at `i` (`step` bytes, a character start) is a candidate.
INTERNAL int legacy_candidate(const LegacyWalk *w, size_t i, size_t step) {
    const uint8_t *b = w->b;
    size_t count = w->count;
    int big5 = w->big5;
    ScanState *state = w->state;
    uint8_t c = b[i];
    int candidate = 0;
    if (c >= 0x81) {
        if (step != 2) return 0;
        uint16_t pair = (uint16_t)(c << 8 | b[i + 1]);
        if (!legacy_is_pair(w, pair)) return 0;
        size_t floor = i > BEIAN_LEGACY_BEFORE ? i - BEIAN_LEGACY_BEFORE : 0;
        for (size_t k = 0; k < w->label_count && !candidate; k++) {
            if (w->labels[k].label != pair) continue;
            if (!legacy_previous_accepts(b, floor, i, &w->labels[k])) continue;
            // A hotline label: its number after it, or an ASCII digit before it (12377举报),
            // judged once decoded.
            if (w->labels[k].hotline) {
                size_t label_end = i;
                while (label_end > floor && is_ascii_space(b[label_end - 1])) label_end--;
                if (label_end >= floor + 2 && legacy_digits_before(b, floor, label_end - 2, big5)) return 1;
            }
            candidate = !w->labels[k].hotline || legacy_hotline_follows(state, b, count, i + 2, i + 2 + BEIAN_LEGACY_AFTER, big5);
        }
        for (size_t k = 0; k < w->dash_count && !candidate; k++) {
            candidate = w->dashes[k] == pair && (legacy_telecom_dash(b, i, big5) || legacy_letter_digit_dash(b, count, i, 2));
        }
        if (!candidate && legacy_fullwidth_letter(pair, big5)) {
            *w->last_letter = i;
            candidate = 1;
        }
    } else if (!w->starts[c]) {
        return 0;
    } else if (c == '-') {
        candidate = legacy_telecom_dash(b, i, big5) || legacy_letter_digit_dash(b, count, i, 1);
    } else if (c == '&') {
        uint8_t next = b[i + 1];
        candidate = next == '#' || next == 'n' || next == 'm' || next == 'h';
    } else if (i + 3 < count) {
        uint8_t f0 = c | 0x20, f1 = b[i + 1] | 0x20, f2 = b[i + 2] | 0x20, f3 = b[i + 3] | 0x20;
        // As for UTF-8, with what can be read on the raw bytes: ICP not inside a word and
        // followed by its label words; licence after "Service"; a hotline word with a
        // telephone word near.
        int rule = english_legacy_rule(f0, f1, f2, f3);
        if (rule == RULE_ICP) {
            int inside_word = i >= 2 && is_ascii_letter(b[i - 1]) && b[i - 2] < 0x81;
            candidate = !inside_word && legacy_icp_follows(state, b, count, i + 3, i + 3 + BEIAN_LEGACY_AFTER);
        } else if (rule == RULE_AFTER_SERVICE) {
            candidate = legacy_service_before(b, i > BEIAN_LEGACY_BEFORE ? i - BEIAN_LEGACY_BEFORE : 0, i, big5);
        } else if (rule == RULE_PHONE_WORD) {
            // A telephone word before or after, in ASCII or full-width letters (judged once
            // decoded); the walk has passed every full-width letter before.
            size_t floor = i > BEIAN_LEGACY_BEFORE ? i - BEIAN_LEGACY_BEFORE : 0;
            size_t end = line_end(b, count, i, i + BEIAN_LEGACY_AFTER);
            candidate = phone_word_after(state, b, count, floor, end) ||
                        (*w->last_letter != NOT_FOUND && *w->last_letter >= floor) ||
                        legacy_fullwidth_letter_in(b, count, i, end, big5);
        } else {
            candidate = rule == RULE_NONE;
        }
    }
    // Every anchor has a number after it, within its window of decoded text.
    return candidate && number_after(state, b, count, i + step, i + step + BEIAN_LEGACY_AFTER, big5 ? READ_BIG5 : READ_GB18030);
}
