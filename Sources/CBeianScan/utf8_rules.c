// The anchor rules in UTF-8: where in raw UTF-8 bytes an identifier may be.
//
// THE INVARIANT (zero false negatives): every identifier a recogniser accepts contains an
// anchor that `beian_find_anchors` reports. An anchor is one of
//   - a label character, written directly or as a numeric character reference:
//       备 備  preceded by P p Ｐ ｐ (ICP备), 安 关 關 関 (公网安备, 公安备案号, 公安机关备案号), 算 (网信算备)
//              网 網 (the misspelt 公网备, 公安网备) or 局 队 隊 (city police filings: 朝阳分局备案编号,
//              网警支队备案);
//       证 證 証 preceded by P p Ｐ ｐ (ICP证), 可 (许可证: news, audio-visual, religious), 出 (网出证)
//              or 网 網 (新出网证);
//       报 報  preceded by 举 舉 擧 (举报);   诉 訴 preceded by 投 (投诉);
//       码 碼  preceded by 代 and 用 (信用代码, not 证券代码);   照 preceded by 执 執 (营业执照);
//       文     preceded by 网 網 (京网文);   第 preceded by 字 ((沪)字第);   性 preceded by 营 營 (经营性);
//   - a dash (- － ﹣ ‐ ‑ ‒ – — ― − or &ndash; &mdash; &minus; &hyphen; or a numeric reference
//     to one) preceded by a telecom category digit 1–3, itself right after A, B or D (half- or
//     full-width), as in B2-, Ｂ２－, B1.B2 -, or by A, B or D alone (粤B-20050235, the class
//     without its digit); or right after a letter and right before eight
//     digit-like characters, as the date of Beijing-YunQue-20230821;
//   - an English label word (any case, half- or full-width letters, or starting with a
//     character reference to a letter): report, complain or tip-off with a telephone word
//     (tel, phone, call, hotline) within the window, as HotlineRecognizer requires; licence or
//     license right after "Service" (the news label); ICP (one word of one width) neither right
//     after an ASCII letter nor right before an ideograph, and followed, past gaps, : - . # and
//     English label words (License, Filing, No …), by a digit (English ICP footers: "Beijing
//     ICP prepared NO.…", "ICP License No. …"); security and police (English public security
//     labels); gong (the pinyin public security label Gongwang Anbei, Gong Wang An Bei);
// and, for 报 報 诉 訴, only label words (电话, 热线, 受理中心 …), gaps and a colon between the
// label and the number's first character — or 3 or more ASCII digits right before 举 or 投,
// a number written first (12377举报), which needs no number after;
// and is followed, within `after` bytes, by a number: 3 or more digit-like characters
// (0–9, ０–９, the masks X x * Ｘ ｘ ＊, or references to them) with only gaps (white space,
// &nbsp;-like references, and tags in HTML: TextView shows the tags of other text, so a
// number may lie inside one) and joiners (- ( ) + . / and their full-width forms) between.
// "Preceded by" skips gaps: white space, tags, comments and references that decode to spaces
// (tags skipped in any text: looking back, that only accepts more).
//
// Every recogniser's label ends in one of these characters or words, and every recognised
// number has at least 3 digits (TextView.minimumDigits), so the invariant holds by
// construction; PrefilterTests checks it against a scanner that normalises everything.
// When a recogniser learns a new label, its row and anchor belong in the label table
// (Labels.table; docs/labels.md), from which labels.generated.h is generated; a new kind of
// rule belongs here.
//
// The label characters, their predecessors and the English words come from the label table
// (labels.generated.h); this file holds the rules that use them.
#include "scan_internal.h"

/// A dash ending a telecom category: a digit 1–3 before it (gaps skipped), right after A, B or D;
/// or A, B or D itself, the class without its digit (粤B-20050235, a malformed licence).
static int telecom_dash(const uint8_t *b, size_t floor, size_t i) {
    size_t digit_start;
    int32_t digit = previous_char(b, floor, i, 1, &digit_start);
    if (digit == UNKNOWN_CHAR) return 1;
    digit = halfwidth(digit);
    int32_t bare = digit < 0x80 && digit >= 0 ? digit | 0x20 : 0;
    if (bare == 'a' || bare == 'b' || bare == 'd') return 1;
    if (digit < '1' || digit > '3') return 0;
    size_t letter_start;
    int32_t letter = previous_char(b, floor, digit_start, 0, &letter_start);
    if (letter == UNKNOWN_CHAR) return 1;
    letter = halfwidth(letter) | 0x20;
    return letter == 'a' || letter == 'b' || letter == 'd';
}

/// Whether a phone word starts at `k`.
static inline int phone_word_at(const uint8_t *b, size_t count, size_t k) {
    uint8_t c = b[k];
    if (c == 0xEF) {  // full-width letters
        for (size_t w = 0; w < sizeof phone_words / sizeof *phone_words; w++) {
            if (word_at(b, count, k, phone_words[w])) return 1;
        }
        return 0;
    }
    for (size_t w = 0; w < sizeof phone_words / sizeof *phone_words; w++) {
        if ((c | 0x20) == (uint8_t)phone_words[w][0] && ascii_word_at(b, count, k, phone_words[w])) return 1;
    }
    return 0;
}

/// The first index in [q, limit) whose byte may start a phone word (PHONE_FIRST_0–3 in either
/// case, or EF, the lead of full-width letters), or limit.
static inline size_t skip_non_phone_starts(const uint8_t *b, size_t q, size_t limit) {
#if defined(__SSE2__)
    const __m128i fold = _mm_set1_epi8(0x20);
    while (q + 16 <= limit) {
        __m128i v = _mm_loadu_si128((const __m128i *)(b + q));
        __m128i f = _mm_or_si128(v, fold);
        __m128i hit = _mm_or_si128(
            _mm_or_si128(_mm_cmpeq_epi8(f, _mm_set1_epi8(PHONE_FIRST_0)), _mm_cmpeq_epi8(f, _mm_set1_epi8(PHONE_FIRST_1))),
            _mm_or_si128(_mm_cmpeq_epi8(f, _mm_set1_epi8(PHONE_FIRST_2)), _mm_cmpeq_epi8(f, _mm_set1_epi8(PHONE_FIRST_3))));
        hit = _mm_or_si128(hit, _mm_cmpeq_epi8(v, _mm_set1_epi8((char)0xEF)));
        unsigned bits = (unsigned)_mm_movemask_epi8(hit);
        if (bits) return q + (size_t)__builtin_ctz(bits);
        q += 16;
    }
#endif
    while (q < limit && !(b[q] == 0xEF || ((b[q] | 0x20) == PHONE_FIRST_0 || (b[q] | 0x20) == PHONE_FIRST_1 ||
                                          (b[q] | 0x20) == PHONE_FIRST_2 || (b[q] | 0x20) == PHONE_FIRST_3))) {
        q++;
    }
    return q;
}

/// Whether a phone word starts in [from, limit). Linear over a buffer as long as `from`
/// grows: the state remembers the first phone word found and where none starts.
INTERNAL int phone_word_after(ScanState *state, const uint8_t *b, size_t count, size_t from, size_t limit) {
    if (limit > count) limit = count;
    if (from >= state->phone_clear_from && state->phone_found != NOT_FOUND && state->phone_found >= from) {
        return state->phone_found < limit;
    }
    size_t q = from;
    if (from >= state->phone_clear_from && from < state->phone_clear_until) q = state->phone_clear_until;
    for (; (q = skip_non_phone_starts(b, q, limit)) < limit; q++) {
        if (phone_word_at(b, count, q)) {
            state->phone_clear_from = from;
            state->phone_clear_until = q;
            state->phone_found = q;
            return 1;
        }
    }
    if (q > limit) q = limit;
    state->phone_clear_from = from;
    state->phone_clear_until = q > from ? q : from;
    state->phone_found = NOT_FOUND;
    return 0;
}

/// The first line break in [from, limit), or limit.
INTERNAL size_t line_end(const uint8_t *b, size_t count, size_t from, size_t limit) {
    if (limit > count) limit = count;
    size_t k = from;
#if defined(__SSE2__)
    const __m128i low = _mm_set1_epi8(0x0A), span = _mm_set1_epi8(3);
    for (; k + 16 <= limit; k += 16) {
        __m128i offset = _mm_sub_epi8(_mm_loadu_si128((const __m128i *)(b + k)), low);
        unsigned bits = (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(_mm_min_epu8(offset, span), offset));  // 0A–0D
        if (bits) return k + (size_t)__builtin_ctz(bits);
    }
#endif
    for (; k < limit; k++) {
        if (b[k] >= 0x0A && b[k] <= 0x0D) return k;
    }
    return limit;
}

/// Whether "service" ends just before `i` (gaps skipped): the news label's "Service Licen[cs]e".
static int service_before(const uint8_t *b, size_t floor, size_t i) {
    size_t start = i;
    for (int k = 6; k >= 0; k--) {
        int32_t cp = previous_char(b, floor, start, k == 6, &start);
        if (cp == UNKNOWN_CHAR) return 1;
        cp = halfwidth(cp);
        if (cp < 0 || cp >= 0x80 || ((cp | 0x20) != "service"[k])) return 0;
    }
    return 1;
}

/// The length of an English label word at `i` (letters half- or full-width, any case), or 0;
/// `*index` receives which of `english_words` it is.
static size_t english_word(const uint8_t *b, size_t count, size_t i, size_t *index) {
    size_t first_length;
    int32_t first = halfwidth(decode_utf8(b, count, i, &first_length));
    if (first < 0 || first >= 0x80 || !is_ascii_letter((uint8_t)first)) return 0;
    first |= 0x20;
    for (size_t w = 0; w < sizeof english_words / sizeof *english_words; w++) {
        if (english_words[w][0] != first) continue;
        size_t length = word_at(b, count, i, english_words[w]);
        if (length) { *index = w; return length; }
    }
    return 0;
}

/// Characters of the words allowed between 举报/投诉 and the number (Labels.hotlineZhWords), in
/// simplified and traditional forms, and colons.
static int hotline_word_char(int32_t cp) {
    switch (cp) {
    HOTLINE_CHAR_CASES
        return 1;
    default:
        cp = halfwidth(cp);
        return cp == ':' || hotline_letter(cp);
    }
}

/// After 举报 or 投诉: label words and a colon (HotlineRecognizer).
static size_t hotline_filler(const uint8_t *b, size_t count, size_t q, int32_t cp, size_t length) {
    (void)b; (void)count; (void)q;
    return hotline_word_char(cp) ? length : 0;
}

/// Whether a full-width Latin letter (Ａ–Ｚ, ａ–ｚ) starts at `i`.
static int is_fullwidth_letter(const uint8_t *b, size_t count, size_t i) {
    if (b[i] != 0xEF || i + 2 >= count) return 0;
    uint8_t x = b[i + 1], y = b[i + 2];
    return (x == 0xBC && y >= 0xA1 && y <= 0xBA) || (x == 0xBD && y >= 0x81 && y <= 0x9A);
}

/// A dash right after a letter and right before eight digit-like characters: the date dash of
/// a generative-AI filing, Beijing-YunQue-20230821 (GenAIFilingRecognizer reads the date with
/// no gaps). `next` is where the dash ends.
static int letter_digit_dash(const uint8_t *b, size_t count, size_t floor, size_t i, size_t next) {
    size_t start;
    int32_t previous = previous_char(b, floor, i, 0, &start);
    if (previous != UNKNOWN_CHAR) {
        previous = halfwidth(previous);
        if (previous < 0 || previous >= 0x80 || !is_ascii_letter((uint8_t)previous)) return 0;
    }
    size_t q = next, length;
    for (int digits = 0; digits < 8; digits++) {
        if (q >= count || !digit_like(b, count, q, &length)) return 0;
        q += length;
    }
    return 1;
}

/// After an English "ICP": : - . # and ICP label words, each a whole word (ICPRecognizer).
static size_t icp_filler(const uint8_t *b, size_t count, size_t q, int32_t cp, size_t length) {
    int32_t half = halfwidth(cp);
    if (half == ':' || half == '.' || half == '#' || is_dash(cp)) return length;
    if (half < 0 || half >= 0x80 || !is_ascii_letter((uint8_t)half)) return 0;
    for (size_t w = 0; w < sizeof icp_words / sizeof *icp_words; w++) {
        size_t n = word_at(b, count, q, icp_words[w]);
        if (n && !(q + n < count && is_ascii_letter(b[q + n]))) return n;
    }
    return 0;
}

/// The code point an anchor character stands for, and the context checks it needs.
static int char_accepted(const uint8_t *b, size_t count, size_t floor, size_t i, size_t next, int32_t cp) {
    switch (cp) {
    LABEL_SECOND_CASES {
        // 码 after 代 after 用: every USCC label ends in 信用代码 (证券代码 is a stock code).
        size_t start, before;
        int32_t first = previous_char(b, floor, i, 1, &start);
        if (first == UNKNOWN_CHAR || !label_accepts(cp, first)) return 0;
        return label_second_accepts(cp, previous_char(b, floor, start, 1, &before));
    }
    default:
        break;
    }
    if (is_label_char(cp)) {
        // Most label characters in prose follow another ideograph directly (设备, 日报):
        // decode it in place and skip the general search for gaps and references.
        if (i >= floor + 3 && b[i - 3] >= 0xE3 && b[i - 3] <= 0xE9 && (b[i - 2] & 0xC0) == 0x80 && (b[i - 1] & 0xC0) == 0x80) {
            int32_t previous = ((b[i - 3] & 0x0F) << 12) | ((b[i - 2] & 0x3F) << 6) | (b[i - 1] & 0x3F);
            if (previous >= 0x3400 && !is_gap(previous)) return label_accepts(cp, previous);
        }
        // Right after an ASCII character that is no gap, tag end or reference end (ICP备):
        // that character.
        if (i > floor) {
            uint8_t p = b[i - 1];
            if (p < 0x80 && p != '>' && p != ';' && !is_ascii_space(p)) return label_accepts(cp, p);
        }
        size_t start;
        return label_accepts(cp, previous_char(b, floor, i, 1, &start));
    }
    if (is_dash(cp)) return telecom_dash(b, floor, i) || letter_digit_dash(b, count, floor, i, next);
    int32_t half = halfwidth(cp);
    return half < 0x80 && is_ascii_letter((uint8_t)half);
}

/// Whether a number of BEIAN_MINIMUM_DIGITS or more ASCII digits ends right before the label whose
/// second character starts at `i` (举 or 投 before it, gaps skipped): a number written before
/// its label, 12377举报.
static int digits_before_label(const uint8_t *b, size_t floor, size_t i) {
    size_t label_start, start;
    int32_t c;
    // Most often the label's first character stands right before `i`, after an ASCII character
    // that ends no gap, tag or reference: that character, read in place (as previous_char
    // would find it).
    if (i >= floor + 4 && b[i - 3] >= 0xE3 && b[i - 3] <= 0xE9 && (b[i - 2] & 0xC0) == 0x80 && (b[i - 1] & 0xC0) == 0x80 &&
        !is_gap(((b[i - 3] & 0x0F) << 12) | ((b[i - 2] & 0x3F) << 6) | (b[i - 1] & 0x3F)) &&
        b[i - 4] < 0x80 && b[i - 4] != '>' && b[i - 4] != ';' && !is_ascii_space(b[i - 4])) {
        start = i - 4;
        c = b[start];
    } else {
        if (previous_char(b, floor, i, 1, &label_start) < 0) return 0;
        c = previous_char(b, floor, label_start, 1, &start);
    }
    if (c == UNKNOWN_CHAR) return 1;
    int digits = 0;
    while (c >= '0' && c <= '9') {
        if (++digits >= BEIAN_MINIMUM_DIGITS) return 1;
        if (start == floor || !(b[start - 1] >= '0' && b[start - 1] <= '9')) return 0;
        start--;
        c = b[start];
    }
    return 0;
}

/// Whether the candidate at `i` is an anchor.
INTERNAL int verify(const uint8_t *b, size_t count, size_t i, size_t before, size_t after, ScanState *state) {
    size_t floor = i > before ? i - before : 0;
    size_t length = 1;
    uint8_t c = b[i];
    int accepted;
    if (c == '&') {
        int32_t cp = decode_reference(b, count, i, &length);
        accepted = cp >= 0 && (cp == 0x2010 || cp == 0x2013 || cp == 0x2014 || cp == 0x2212 || b[i + 1] == '#') &&
                   char_accepted(b, count, floor, i, i + length, cp);
    } else if (c == '-') {
        accepted = telecom_dash(b, floor, i) || letter_digit_dash(b, count, floor, i, i + 1);
    } else if (is_ascii_letter(c) || is_fullwidth_letter(b, count, i)) {
        size_t which = 0;
        length = english_word(b, count, i, &which);
        if (length == 0) {
            accepted = 0;
        } else {
            switch (english_word_rules[which]) {
            // ICP: not inside a word, and a number after label words only.
            case RULE_ICP:
                accepted = !(i > 0 && is_ascii_letter(b[i - 1])) && number_follows(state, b, count, i + length, i + after, icp_filler, 0);
                break;
            // licence, license: only the news label's "Service Licence".
            case RULE_AFTER_SERVICE: accepted = service_before(b, floor, i); break;
            // report, complain, tip-off: a hotline label, so a telephone word within the window:
            // before the word, anywhere in the window; after it, up to the end of the line, where
            // the recogniser stops looking.
            case RULE_PHONE_WORD: accepted = phone_word_after(state, b, count, floor, line_end(b, count, i, i + after)); break;
            // security, police, gong: English and pinyin public security labels.
            default: accepted = 1; break;
            }
        }
    } else {
        int32_t cp = decode_utf8(b, count, i, &length);
        accepted = char_accepted(b, count, floor, i, i + length, cp);
        int hotline = 0;
        switch (cp) {
        HOTLINE_LABEL_CASES hotline = 1; break;
        default: break;
        }
        if (accepted && hotline) {
            // 12377举报: the number written first, right before the label.
            if (digits_before_label(b, floor, i)) return 1;
            // The number the label needs anywhere in the window, before the one right after its
            // filler: the first search is linear over the buffer (its state remembers), the
            // second is not, and a hotline label with no number near is common in hostile
            // text (举报电话：0 repeated). Both must hold, so the order changes nothing else.
            size_t limit = i + after < i ? count : i + after;
            if (!number_after(state, b, count, i + length, limit, READ_UTF8)) return 0;
            return number_follows(state, b, count, i + length, i + after, hotline_filler, 1);
        }
    }
    if (!accepted) return 0;
    size_t limit = i + after < i ? count : i + after;
    return number_after(state, b, count, i + length, limit, READ_UTF8);
}
