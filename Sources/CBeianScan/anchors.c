// Anchor search: where in raw UTF-8 bytes an identifier may be.
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
// When a recogniser learns a new label, its anchor belongs here.
#include "CBeianScan.h"

#include <string.h>
#if defined(__x86_64__)
#include <immintrin.h>
#endif

#define NOT_FOUND ((size_t)-1)
/// previous_char's answer when no character precedes within the bound.
#define NO_CHAR (-1)
/// A reference Beian does not decode: accepted wherever a character is asked for.
#define UNKNOWN_CHAR (-2)
/// Longest character reference.
#define MAX_REFERENCE 12

// MARK: Characters

static inline int is_ascii_space(uint8_t c) { return c == ' ' || (c >= 0x09 && c <= 0x0D); }
static inline int is_ascii_letter(uint8_t c) { return (uint8_t)((c | 0x20) - 'a') < 26; }

/// Code points TextView folds into a gap.
static int is_gap(int32_t cp) {
    switch (cp) {
    case 0x09: case 0x0A: case 0x0B: case 0x0C: case 0x0D: case 0x20: case 0xA0: case 0x3000:
    case 0x2028: case 0x2029: case 0x202F: case 0x205F: case 0xFEFF:
        return 1;
    default:
        return cp >= 0x2000 && cp <= 0x200B;
    }
}

static int is_dash(int32_t cp) {
    return cp == '-' || (cp >= 0x2010 && cp <= 0x2015) || cp == 0x2212 || cp == 0xFE63 || cp == 0xFF0D;
}

/// Decodes one UTF-8 character at `i`; an invalid byte reads as U+FFFD of length 1.
static int32_t decode_utf8(const uint8_t *b, size_t count, size_t i, size_t *length) {
    uint8_t c = b[i];
    *length = 1;
    if (c < 0x80) return c;
    size_t need;
    int32_t cp;
    uint8_t low = 0x80, high = 0xBF;
    if (c >= 0xC2 && c <= 0xDF) { need = 1; cp = c & 0x1F; }
    else if (c >= 0xE0 && c <= 0xEF) { need = 2; cp = c & 0x0F; if (c == 0xE0) low = 0xA0; if (c == 0xED) high = 0x9F; }
    else if (c >= 0xF0 && c <= 0xF4) { need = 3; cp = c & 0x07; if (c == 0xF0) low = 0x90; if (c == 0xF4) high = 0x8F; }
    else return 0xFFFD;
    if (i + need >= count) return 0xFFFD;
    for (size_t k = 1; k <= need; k++) {
        uint8_t next = b[i + k];
        if (next < (k == 1 ? low : 0x80) || next > (k == 1 ? high : 0xBF)) return 0xFFFD;
        cp = (cp << 6) | (next & 0x3F);
    }
    *length = need + 1;
    return cp;
}

static int name_is(const uint8_t *name, size_t length, const char *expected) {
    size_t n = strlen(expected);
    return n == length && memcmp(name, expected, n) == 0;
}

/// Decodes the character reference starting with "&" at `i` (as HTMLEntities does): its code
/// point and length, UNKNOWN_CHAR for a named reference not listed here, NO_CHAR for none.
static int32_t decode_reference(const uint8_t *b, size_t count, size_t i, size_t *length) {
    size_t end = i + MAX_REFERENCE < count ? i + MAX_REFERENCE : count;
    size_t k = i + 1;
    if (k >= end) return NO_CHAR;
    if (b[k] == '#') {
        k++;
        int hex = k < end && (b[k] | 0x20) == 'x';
        if (hex) k++;
        uint32_t value = 0;
        size_t digits = 0;
        while (k < end) {
            uint8_t c = b[k];
            uint32_t d;
            if (c >= '0' && c <= '9') d = c - '0';
            else if (hex && (c | 0x20) >= 'a' && (c | 0x20) <= 'f') d = (c | 0x20) - 'a' + 10;
            else break;
            value = value * (hex ? 16 : 10) + d;
            if (value > 0x10FFFF) return NO_CHAR;
            digits++;
            k++;
        }
        if (digits == 0 || k >= end || b[k] != ';') return NO_CHAR;
        *length = k + 1 - i;
        return (int32_t)value;
    }
    size_t start = k;
    while (k < end && (is_ascii_letter(b[k]) || (b[k] >= '0' && b[k] <= '9'))) k++;
    if (k == start || k >= end || b[k] != ';') return NO_CHAR;
    *length = k + 1 - i;
    const uint8_t *name = b + start;
    size_t n = k - start;
    if (name_is(name, n, "nbsp")) return 0xA0;
    if (name_is(name, n, "ensp")) return 0x2002;
    if (name_is(name, n, "emsp")) return 0x2003;
    if (name_is(name, n, "thinsp")) return 0x2009;
    if (name_is(name, n, "zwsp")) return 0x200B;
    if (name_is(name, n, "hyphen")) return 0x2010;
    if (name_is(name, n, "ndash")) return 0x2013;
    if (name_is(name, n, "mdash")) return 0x2014;
    if (name_is(name, n, "minus")) return 0x2212;
    if (name_is(name, n, "lpar")) return '(';
    if (name_is(name, n, "rpar")) return ')';
    return UNKNOWN_CHAR;
}

/// The character ending just before `end`, not looking below `floor`: skips gaps (white
/// space, tags, comments, references to spaces) when `skip_gaps`. Its start goes to `*start`.
static int32_t previous_char(const uint8_t *b, size_t floor, size_t end, int skip_gaps, size_t *start) {
    while (end > floor) {
        uint8_t c = b[end - 1];
        if (c == '>' && skip_gaps) {
            size_t low = end - 1 > floor + BEIAN_MAX_TAG ? end - 1 - BEIAN_MAX_TAG : floor;
            size_t k = end - 1;
            int found = 0;
            while (k > low) {
                k--;
                if (b[k] == '<') { found = 1; break; }
            }
            if (found && k + 1 < end - 1) {
                uint8_t next = b[k + 1];
                if (is_ascii_letter(next) || next == '/' || next == '!' || next == '?') {
                    end = k;
                    continue;
                }
            }
            *start = end - 1;
            return '>';
        }
        if (c == ';') {
            size_t low = end - 1 > floor + MAX_REFERENCE ? end - 1 - MAX_REFERENCE : floor;
            size_t k = end - 1;
            while (k > low) {
                k--;
                if (b[k] == '&') {
                    size_t length = 0;
                    int32_t cp = decode_reference(b, end, k, &length);
                    if (cp != NO_CHAR && k + length == end) {
                        if (skip_gaps && cp >= 0 && is_gap(cp)) { end = k; goto next_char; }
                        *start = k;
                        return cp;
                    }
                    break;
                }
            }
            *start = end - 1;
            return ';';
        }
        if (c < 0x80) {
            if (skip_gaps && is_ascii_space(c)) { end--; continue; }
            *start = end - 1;
            return c;
        }
        {
            size_t k = end - 1, back = 0;
            while (k > floor && (b[k] & 0xC0) == 0x80 && back < 3) { k--; back++; }
            size_t length;
            int32_t cp = decode_utf8(b, end, k, &length);
            if (k + length != end) { cp = 0xFFFD; k = end - 1; }
            if (skip_gaps && is_gap(cp)) { end = k; continue; }
            *start = k;
            return cp;
        }
    next_char:;
    }
    return NO_CHAR;
}

/// Half-width form of a full-width ASCII character (U+FF01–FF5E); others unchanged.
static inline int32_t halfwidth(int32_t cp) { return cp >= 0xFF01 && cp <= 0xFF5E ? cp - 0xFEE0 : cp; }

// MARK: Rules

#include "labels.generated.h"

static inline __attribute__((always_inline)) int is_label_char(int32_t cp) {
    switch (cp) {
    LABEL_CHAR_CASES
        return 1;
    default:
        return 0;
    }
}

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

/// The length of `word` at `i` (letters half- or full-width, any case), or 0.
static size_t word_at(const uint8_t *b, size_t count, size_t i, const char *word) {
    size_t k = i;
    for (; *word; word++) {
        if (k >= count) return 0;
        size_t length;
        int32_t cp = halfwidth(decode_utf8(b, count, k, &length));
        if (cp < 0x80 && is_ascii_letter((uint8_t)cp)) cp |= 0x20;
        if (cp != *word) return 0;
        k += length;
    }
    return k - i;
}

/// Whether `word` (lower-case ASCII) stands at `k` in ASCII letters of any case.
static inline int ascii_word_at(const uint8_t *b, size_t count, size_t k, const char *word) {
    for (; *word; word++, k++) {
        if (k >= count || (b[k] | 0x20) != (uint8_t)*word) return 0;
    }
    return 1;
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
static int phone_word_after(BeianAnchorState *state, const uint8_t *b, size_t count, size_t from, size_t limit) {
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
static size_t line_end(const uint8_t *b, size_t count, size_t from, size_t limit) {
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

/// Whether a digit-like character starts at `q`: its length in `*length`.
static inline __attribute__((always_inline)) int digit_like(const uint8_t *b, size_t count, size_t q, size_t *length) {
    uint8_t c = b[q];
    *length = 1;
    if ((c >= '0' && c <= '9') || c == 'X' || c == 'x' || c == '*') return 1;
    if (c == 0xEF && q + 2 < count) {
        uint8_t x = b[q + 1], y = b[q + 2];
        if ((x == 0xBC && ((y >= 0x90 && y <= 0x99) || y == 0xB8 || y == 0x8A)) || (x == 0xBD && y == 0x98)) {
            *length = 3;
            return 1;
        }
    }
    if (c == '&') {
        int32_t cp = decode_reference(b, count, q, length);
        if (cp < 0) { *length = 1; return 0; }
        cp = halfwidth(cp);
        if ((cp >= '0' && cp <= '9') || cp == 'X' || cp == 'x' || cp == '*') return 1;
        *length = 1;
    }
    return 0;
}

/// The first ">" in [x, limit), or NOT_FOUND. Remembered in `state`, so that the "<" of
/// nested or repeated tags before one ">" do not each search for it again.
static size_t next_tag_end(BeianAnchorState *state, const uint8_t *b, size_t x, size_t limit) {
    size_t start = x;
    if (x >= state->gt_from) {
        if (state->gt_at != NOT_FOUND && x <= state->gt_at) return state->gt_at < limit ? state->gt_at : NOT_FOUND;
        if (state->gt_at == NOT_FOUND && limit <= state->gt_until) return NOT_FOUND;
        if (state->gt_at == NOT_FOUND && state->gt_until > x) start = state->gt_until;  // none before it
    }
    const uint8_t *found = start < limit ? memchr(b + start, '>', limit - start) : NULL;
    state->gt_from = x;
    state->gt_at = found ? (size_t)(found - b) : NOT_FOUND;
    state->gt_until = limit;
    return state->gt_at;
}

/// Whether a gap starts at `q` (white space, a tag or comment in HTML, a reference to a
/// space): its length in `*length`. Text that is not HTML shows its tags as characters (as
/// TextView does), so there a "tag" is no gap.
static int gap_at(BeianAnchorState *state, const uint8_t *b, size_t count, size_t q, size_t *length) {
    uint8_t c = b[q];
    *length = 1;
    if (is_ascii_space(c)) return 1;
    if (c == '<') {
        if (!state->html || q + 1 >= count) return 0;
        uint8_t next = b[q + 1];
        if (!(is_ascii_letter(next) || next == '/' || next == '!' || next == '?')) return 0;
        size_t end = next_tag_end(state, b, q + 1, q + BEIAN_MAX_TAG < count ? q + BEIAN_MAX_TAG : count);
        if (end == NOT_FOUND) return 0;
        *length = end + 1 - q;
        return 1;
    }
    int32_t cp;
    if (c == '&') {
        cp = decode_reference(b, count, q, length);
    } else if (c >= 0x80) {
        cp = decode_utf8(b, count, q, length);
    } else {
        return 0;
    }
    if (cp >= 0 && is_gap(cp)) return 1;
    *length = 1;
    return 0;
}

/// The character at `q`, written directly or as a reference, and its length; -1 for none.
static int32_t char_at(const uint8_t *b, size_t count, size_t q, size_t *length) {
    if (b[q] == '&') {
        int32_t cp = decode_reference(b, count, q, length);
        if (cp != NO_CHAR) return cp;
    }
    return decode_utf8(b, count, q, length);
}

/// Whether what starts at `q` may stand between the digits of one number: a gap, or a joiner
/// (- ( ) + . / and their full-width and dash forms).
static int gap_or_joiner(BeianAnchorState *state, const uint8_t *b, size_t count, size_t q, size_t *length) {
    if (b[q] >= 0x80) {
        // Decoded once (gap_at and char_at would each decode it).
        int32_t cp = decode_utf8(b, count, q, length);
        if (is_gap(cp)) return 1;
        cp = halfwidth(cp);
        if (is_dash(cp) || cp == '(' || cp == ')' || cp == '+' || cp == '.' || cp == '/') return 1;
        *length = 1;
        return 0;
    }
    if (gap_at(state, b, count, q, length)) return 1;
    int32_t cp = halfwidth(char_at(b, count, q, length));
    if (is_dash(cp) || cp == '(' || cp == ')' || cp == '+' || cp == '.' || cp == '/') return 1;
    *length = 1;
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

/// How many bytes at `q` (the character `cp`, `length` bytes long) a label may put between
/// itself and its number; 0 when what stands there is no part of the label.
typedef size_t (*LabelFiller)(const uint8_t *b, size_t count, size_t q, int32_t cp, size_t length);

/// Whether, from `q` on, only gaps and what `filler` accepts stand before a number's first
/// character: a digit-like character, or "+" or "(" when `phone` (a phone number's start).
static int number_follows(BeianAnchorState *state, const uint8_t *b, size_t count, size_t q, size_t limit, LabelFiller filler,
                          int phone) {
    if (limit > count) limit = count;
    while (q < limit) {
        size_t length;
        if (b[q] >= 0x80 && b[q] != 0xEF) {
            // A character that is neither ASCII nor a full-width form (EF …) is no digit, "+"
            // or "(": a gap or filler, decoded once.
            int32_t cp = decode_utf8(b, count, q, &length);
            if (is_gap(cp)) { q += length; continue; }
            size_t skip = filler(b, count, q, cp, length);
            if (skip == 0) return 0;
            q += skip;
            continue;
        }
        if (gap_at(state, b, count, q, &length)) { q += length; continue; }
        if (digit_like(b, count, q, &length)) return 1;
        int32_t cp = char_at(b, count, q, &length);
        if (cp == UNKNOWN_CHAR) return 1;
        int32_t half = halfwidth(cp);
        if (phone && (half == '+' || half == '(')) return 1;
        size_t skip = filler(b, count, q, cp, length);
        if (skip == 0) return 0;
        q += skip;
    }
    return 0;
}

/// After 举报 or 投诉: label words and a colon (HotlineRecognizer).
static size_t hotline_filler(const uint8_t *b, size_t count, size_t q, int32_t cp, size_t length) {
    (void)b; (void)count; (void)q;
    return hotline_word_char(cp) ? length : 0;
}

/// Whether `c` may start a digit-like character: 0–9, X x *, a full-width form (EF …) or a
/// character reference.
static inline int may_start_digit(uint8_t c) {
    return (uint8_t)(c - '0') < 10 || c == 'X' || c == 'x' || c == '*' || c == 0xEF || c == '&';
}

/// The first index from `q` on whose byte may start a digit-like character, if it is before
/// `limit`; otherwise some index at or past `limit` before which none is (at most 15 past it).
/// Reads 16 bytes at a time, past `limit` where the buffer (`count` bytes) goes on: the search
/// after each anchor is often only a few bytes long, and a byte loop over them cost more.
static inline size_t skip_non_digit_starts(const uint8_t *b, size_t count, size_t q, size_t limit) {
#if defined(__SSE2__)
    const __m128i zero = _mm_set1_epi8('0'), nine = _mm_set1_epi8(9);
    while (q < limit && q + 16 <= count) {
        __m128i v = _mm_loadu_si128((const __m128i *)(b + q));
        __m128i offset = _mm_sub_epi8(v, zero);
        __m128i digit = _mm_cmpeq_epi8(_mm_min_epu8(offset, nine), offset);  // offset <= 9, unsigned
        __m128i other = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8('X')), _mm_cmpeq_epi8(v, _mm_set1_epi8('x'))),
                                     _mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8('*')), _mm_cmpeq_epi8(v, _mm_set1_epi8('&'))));
        other = _mm_or_si128(other, _mm_cmpeq_epi8(v, _mm_set1_epi8((char)0xEF)));
        unsigned bits = (unsigned)_mm_movemask_epi8(_mm_or_si128(digit, other));
        if (bits) return q + (size_t)__builtin_ctz(bits);
        q += 16;
    }
    if (q >= limit) return q;
#endif
    while (q < limit && !may_start_digit(b[q])) q++;
    return q;
}

/// How a number is read: in UTF-8, or on the raw bytes of a GB18030 or Big5 page (then at a
/// character start, with the supersets of the legacy section).
enum { READ_UTF8 = 0, READ_GB18030 = 1, READ_BIG5 = 2 };

/// Whether a number starts in [from, limit) (defined with the legacy readings, below).
static int number_after(BeianAnchorState *state, const uint8_t *b, size_t count, size_t from, size_t limit, int reading);

// MARK: Candidates

/// Whether an anchor may start at `i`, judged from its own bytes only. The AVX2 loop's
/// mask is a superset of this; both loops then call it, so they report the same anchors.
static inline __attribute__((always_inline)) int is_candidate(const uint8_t *b, size_t count, size_t i) {
    uint8_t c = b[i];
    if (c == '-' || c == '&') return 1;
    if (c >= 0xE2) {
        if (i + 2 >= count) return 0;
        uint8_t x = b[i + 1], y = b[i + 2];
        switch (c) {
        case 0xE2: return (x == 0x80 && y >= 0x90 && y <= 0x95) || (x == 0x88 && y == 0x92);  // dashes
        case 0xEF:  // full-width letters and dashes
            return (x == 0xBC && (y == 0x8D || (y >= 0xA1 && y <= 0xBA))) || (x == 0xB9 && y == 0xA3) ||
                   (x == 0xBD && y >= 0x81 && y <= 0x9A);
        default: return label_utf8(c, x, y);
        }
    }
    if (!is_ascii_letter(c) || i + 3 >= count) return 0;
    return english_utf8_start(c | 0x20, b[i + 1] | 0x20, b[i + 2] | 0x20, b[i + 3] | 0x20, b[i + 3]);
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
static int verify(const uint8_t *b, size_t count, size_t i, size_t before, size_t after, BeianAnchorState *state) {
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
            accepted = number_follows(state, b, count, i + length, i + after, hotline_filler, 1);
        }
    }
    if (!accepted) return 0;
    size_t limit = i + after < i ? count : i + after;
    return number_after(state, b, count, i + length, limit, READ_UTF8);
}

// MARK: Loops

/// An exact shortcut for the commonest candidate: a label character right after an ideograph
/// that cannot precede it (设备, 日报). True only where `verify` would reject.
static inline int quick_reject(const uint8_t *b, size_t count, size_t i) {
    if (i < 3 || i + 2 >= count || b[i] < LABEL_LEAD_FIRST || b[i] > LABEL_LEAD_LAST) return 0;
    uint8_t lead = b[i - 3];
    if (lead < 0xE3 || lead > 0xE9 || (b[i - 2] & 0xC0) != 0x80 || (b[i - 1] & 0xC0) != 0x80) return 0;
    int32_t previous = ((lead & 0x0F) << 12) | ((b[i - 2] & 0x3F) << 6) | (b[i - 1] & 0x3F);
    if (previous < 0x3400) return 0;
    int32_t cp = ((b[i] & 0x0F) << 12) | ((b[i + 1] & 0x3F) << 6) | (b[i + 2] & 0x3F);
    return is_label_char(cp) && !label_accepts(cp, previous);
}

void beian_anchor_state_init(BeianAnchorState *state, int html) {
    // Empty ranges everywhere; nothing found or remembered yet.
    *state = (BeianAnchorState){.found = NOT_FOUND, .last_letter = NOT_FOUND, .phone_found = NOT_FOUND, .html = html,
                                .gt_at = NOT_FOUND, .read_from = NOT_FOUND};
}

static size_t scalar_loop(const uint8_t *b, size_t count, size_t from, size_t end, size_t before, size_t after,
                          BeianAnchorState *state, size_t *out, size_t capacity, size_t *n, size_t *resume) {
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

#if defined(__x86_64__)
// The AVX2 loop classifies 32 positions at a time by their first four bytes with nibble
// tables ("shufti"): for table set t and position k, class(byte) = LOW[t][k][byte & 15] &
// HIGH[t][k][byte >> 4], one bit per bucket, and a position is a candidate when some bucket's
// bit survives the AND over its four bytes. A bucket accepts the product of the low and high
// nibbles of the bytes it lists, so its set is a superset of the list by construction: the
// mask stays a superset of `is_candidate`, which then decides. The buckets group what
// `is_candidate` accepts so that the products add few common bytes.

/// 16-entry nibble tables, for three sets of eight buckets and byte positions 0–3: sets 0 and
/// 1 from a candidate's start on, set 2 the two bytes before a label character.
static uint8_t shufti_low[3][4][16], shufti_high[3][4][16];

static void shufti_add(int set, int bucket, int position, const uint8_t *bytes, size_t count) {
    for (size_t k = 0; k < count; k++) {
        shufti_low[set][position][bytes[k] & 15] |= (uint8_t)(1u << bucket);
        shufti_high[set][position][bytes[k] >> 4] |= (uint8_t)(1u << bucket);
    }
}

static void shufti_add_range(int set, int bucket, int position, uint8_t first, uint8_t last) {
    for (unsigned byte = first; byte <= last; byte++) {
        uint8_t value = (uint8_t)byte;
        shufti_add(set, bucket, position, &value, 1);
    }
}

#define ADD(set, bucket, position, bytes) shufti_add((set), (bucket), (position), (const uint8_t *)(bytes), sizeof(bytes) - 1)
#define ANY(set, bucket, position) shufti_add_range((set), (bucket), (position), 0x00, 0xFF)

__attribute__((constructor)) static void shufti_build(void) {
    // Set 0: label characters (buckets 0–6, generated from the label table), and the dashes
    // after E2. Position 3 is not read.
    for (int bucket = 0; bucket < LABEL_BUCKETS; bucket++) {
        for (int position = 0; position < 3; position++) {
            const char *bytes = label_buckets[bucket][position];
            shufti_add(0, bucket, position, (const uint8_t *)bytes, strlen(bytes));
        }
    }
    ADD(0, 7, 0, "\xE2");                      // ‐ ‑ ‒ – — ― (E2 80 90–95), − (E2 88 92)
    ADD(0, 7, 1, "\x80\x88");
    shufti_add_range(0, 7, 2, 0x90, 0x95);
    // Set 1: full-width forms after EF, "-" "&", and the English words' first letters (buckets
    // 4–7, generated).
    ADD(1, 0, 0, "\xEF"); ADD(1, 0, 1, "\xBC"); shufti_add_range(1, 0, 2, 0xA1, 0xBA); ANY(1, 0, 3);  // Ａ–Ｚ
    ADD(1, 1, 0, "\xEF"); ADD(1, 1, 1, "\xBD"); shufti_add_range(1, 1, 2, 0x81, 0x9A); ANY(1, 1, 3);  // ａ–ｚ
    ADD(1, 2, 0, "\xEF"); ADD(1, 2, 1, "\xBC\xB9"); ADD(1, 2, 2, "\x8D\xA3"); ANY(1, 2, 3);          // － BC 8D, ﹣ B9 A3
    ADD(1, 3, 0, "-&"); ANY(1, 3, 1); ANY(1, 3, 2); ANY(1, 3, 3);
    for (int bucket = 0; bucket < ENGLISH_BUCKETS; bucket++) {
        for (int position = 0; position < 4; position++) {
            const char *bytes = english_buckets[bucket][position];
            if (bytes) shufti_add(1, 4 + bucket, position, (const uint8_t *)bytes, strlen(bytes));
            else ANY(1, 4 + bucket, position);
        }
    }
    // Set 2: the second and third bytes of the ideographs that may precede a label character,
    // a bucket per high nibble of the second byte (positions 0 and 1 here are the two bytes
    // before the label character).
    for (size_t k = 0; k < sizeof label_predecessors / sizeof *label_predecessors; k++) {
        const uint8_t *utf8 = (const uint8_t *)label_predecessors[k];
        int bucket = (utf8[1] >> 4) & 7;
        shufti_add(2, bucket, 0, utf8 + 1, 1);
        shufti_add(2, bucket, 1, utf8 + 2, 1);
    }
}

#undef ADD
#undef ANY

__attribute__((target("avx2")))
static inline __m256i shufti_table(const uint8_t table[16]) {
    return _mm256_broadcastsi128_si256(_mm_loadu_si128((const __m128i *)table));
}

/// The bucket bits of each byte of `v`: the AND of its low and high nibbles' table entries.
__attribute__((target("avx2")))
static inline __m256i nibble_classes(__m256i v, __m256i low, __m256i high) {
    const __m256i nibble = _mm256_set1_epi8(0x0F);
    return _mm256_and_si256(_mm256_shuffle_epi8(low, _mm256_and_si256(v, nibble)),
                            _mm256_shuffle_epi8(high, _mm256_and_si256(_mm256_srli_epi16(v, 4), nibble)));
}


__attribute__((target("avx2")))
static int avx2_loop(const uint8_t *b, size_t count, size_t from, size_t before, size_t after, BeianAnchorState *state,
                     size_t *out, size_t capacity, size_t *n, size_t *resume) {
    size_t p = from;
    __m256i low[2][4], high[2][4];
    for (int set = 0; set < 2; set++) {
        for (int position = 0; position < 4; position++) {
            low[set][position] = shufti_table(shufti_low[set][position]);
            high[set][position] = shufti_table(shufti_high[set][position]);
        }
    }
    const __m256i before_low[2] = {shufti_table(shufti_low[2][0]), shufti_table(shufti_low[2][1])};
    const __m256i before_high[2] = {shufti_table(shufti_high[2][0]), shufti_table(shufti_high[2][1])};
    while (p + 35 <= count) {
        __m256i classes0 = _mm256_set1_epi8((char)0xFF), classes1 = classes0;
        for (int position = 0; position < 4; position++) {
            __m256i v = _mm256_loadu_si256((const __m256i *)(b + p + position));
            if (position < 3) classes0 = _mm256_and_si256(classes0, nibble_classes(v, low[0][position], high[0][position]));
            classes1 = _mm256_and_si256(classes1, nibble_classes(v, low[1][position], high[1][position]));
        }
        // A label character right after an ideograph (lead E4–E9) that precedes no label: what
        // quick_reject would drop (设备, 日报, 中文), dropped here without a call.
        if (p >= 3) {
            __m256i lead = _mm256_loadu_si256((const __m256i *)(b + p - 3));
            __m256i second = _mm256_loadu_si256((const __m256i *)(b + p - 2));
            __m256i third = _mm256_loadu_si256((const __m256i *)(b + p - 1));
            __m256i continuation = _mm256_set1_epi8((char)0xC0), marker = _mm256_set1_epi8((char)0x80);
            __m256i ideograph = _mm256_and_si256(
                _mm256_cmpeq_epi8(_mm256_min_epu8(_mm256_sub_epi8(lead, _mm256_set1_epi8((char)0xE4)), _mm256_set1_epi8(5)),
                                  _mm256_sub_epi8(lead, _mm256_set1_epi8((char)0xE4))),
                _mm256_and_si256(_mm256_cmpeq_epi8(_mm256_and_si256(second, continuation), marker),
                                 _mm256_cmpeq_epi8(_mm256_and_si256(third, continuation), marker)));
            __m256i predecessor = _mm256_and_si256(nibble_classes(second, before_low[0], before_high[0]),
                                                   nibble_classes(third, before_low[1], before_high[1]));
            __m256i drop = _mm256_andnot_si256(_mm256_cmpeq_epi8(predecessor, _mm256_setzero_si256()), _mm256_set1_epi8(-1));
            drop = _mm256_andnot_si256(drop, ideograph);  // an ideograph, and no predecessor
            // Only the label buckets (0–6 of set 0); the dashes' bucket 7 stays.
            classes0 = _mm256_andnot_si256(_mm256_and_si256(drop, _mm256_set1_epi8(0x7F)), classes0);
        }
        __m256i none = _mm256_cmpeq_epi8(_mm256_or_si256(classes0, classes1), _mm256_setzero_si256());
        uint32_t bits = ~(uint32_t)_mm256_movemask_epi8(none);
        while (bits) {
            size_t i = p + (size_t)__builtin_ctz(bits);
            bits &= bits - 1;
            if (quick_reject(b, count, i)) continue;
            if (is_candidate(b, count, i) && verify(b, count, i, before, after, state)) {
                out[(*n)++] = i;
                if (*n == capacity) { *resume = i + 1; return 1; }
            }
        }
        p += 32;
    }
    return scalar_loop(b, count, p, count, before, after, state, out, capacity, n, resume);
}
#endif

int beian_scan_uses_avx2(void) {
#if defined(__x86_64__)
    return __builtin_cpu_supports("avx2");
#else
    return 0;
#endif
}

size_t beian_find_anchors(const uint8_t *bytes, size_t count, size_t from, size_t before, size_t after, int scalar_only,
                          BeianAnchorState *state, size_t *out, size_t capacity, size_t *resume) {
    size_t n = 0;
    if (capacity == 0 || from >= count) { *resume = from < count ? from : count; return 0; }
#if defined(__x86_64__)
    if (!scalar_only && beian_scan_uses_avx2()) {
        avx2_loop(bytes, count, from, before, after, state, out, capacity, &n, resume);
        return n;
    }
#endif
    scalar_loop(bytes, count, from, count, before, after, state, out, capacity, &n, resume);
    return n;
}

// MARK: Legacy double-byte encodings

// How far after and before a candidate the walk looks: BEIAN_LEGACY_AFTER and
// BEIAN_LEGACY_BEFORE, twice the UTF-8 windows (CBeianScan.h).

// The two-byte codes of label characters, their predecessors, the hotline words and dashes in
// GB18030 and Big5 (gb18030_labels, big5_labels …) are generated, from ICU's converters, into
// labels.generated.h.

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

/// The length of the character at `q` as ICU's converter reads it (1, 2 or 4), `q` being a
/// character start. In both encodings a lead byte (81–FE) takes the next byte with it when
/// that byte is 40–7E or 80–FE, even where the pair is no character (Big5 88 88 is one
/// U+FFFD, so a "P" after 88 88 starts a character); other bytes stand alone.
static inline size_t legacy_char_length(const uint8_t *b, size_t count, size_t q, int big5) {
    uint8_t c = b[q];
    if (c < 0x81 || c == 0xFF || q + 1 >= count) return 1;
    uint8_t next = b[q + 1];
    if ((next >= 0x40 && next <= 0x7E) || (next >= 0x80 && next <= 0xFE)) return 2;
    if (!big5 && next >= 0x30 && next <= 0x39 && q + 3 < count && b[q + 2] >= 0x81 && b[q + 2] <= 0xFE &&
        b[q + 3] >= 0x30 && b[q + 3] <= 0x39) return 4;
    return 1;
}

/// Whether the character at `q` (`length` bytes) may be digit-like once decoded: an ASCII
/// digit, X x *, a reference, or any two-byte symbol (GB18030 lead A1–A9, Big5 A1–A3: the
/// full-width digits and masks among them). A superset, so that no number is missed.
static inline int legacy_digit_like(const uint8_t *b, size_t q, size_t length, int big5) {
    uint8_t c = b[q];
    if (length == 1) return (c >= '0' && c <= '9') || c == 'X' || c == 'x' || c == '*' || c == '&';
    return length == 2 && c >= 0xA1 && c <= (big5 ? 0xA3 : 0xA9);
}

/// Whether the character at `q` may stand between a number's digits once decoded: a gap or
/// a joiner (ASCII white space, tags, - ( ) + . /, and, as a superset, four-byte GB18030
/// sequences, where some spaces and dashes lie). Two-byte symbols count as digit-like already.
/// `*length` receives the length to skip.
static inline int legacy_gap_or_joiner(BeianAnchorState *state, const uint8_t *b, size_t count, size_t q, size_t *length) {
    uint8_t c = b[q];
    if (*length == 4) return 1;
    if (*length != 1) return 0;
    if (is_ascii_space(c) || c == '-' || c == '(' || c == ')' || c == '+' || c == '.' || c == '/') return 1;
    return c == '<' && gap_at(state, b, count, q, length);
}

/// Reads a number on from `q`: digit-like characters with only gaps and joiners between, up
/// to BEIAN_MINIMUM_DIGITS of them; returns how many. `*stop` is where reading stopped and
/// `*first_tag` where the first tag it stepped over starts (NOT_FOUND for none). A reading
/// that fails after a tag is remembered from the tag's end on: searches that start inside the
/// tag (which TextView may show as text) come to the same end and need not read on again.
static inline __attribute__((always_inline)) int read_number(BeianAnchorState *state, const uint8_t *b, size_t count,
                                                               size_t q, int reading, size_t *stop, size_t *first_tag) {
    int digits = 0, digits_before_tag_end = 0;
    size_t tag_end = NOT_FOUND;
    *first_tag = NOT_FOUND;
    while (q < count) {
        size_t length;
        int digit, between;
        if (reading == READ_UTF8) {
            digit = digit_like(b, count, q, &length);
            // A CJK ideograph (lead byte E4–E9) is never a gap or a joiner: no need to decode it.
            between = !digit && !(b[q] >= 0xE4 && b[q] <= 0xE9) && gap_or_joiner(state, b, count, q, &length);
        } else {
            length = legacy_char_length(b, count, q, reading == READ_BIG5);
            digit = legacy_digit_like(b, q, length, reading == READ_BIG5);
            between = !digit && legacy_gap_or_joiner(state, b, count, q, &length);
        }
        if (digit) {
            if (++digits >= BEIAN_MINIMUM_DIGITS) { *stop = q + length; return digits; }
        } else if (!between) {
            break;
        } else if (b[q] == '<' && *first_tag == NOT_FOUND) {
            *first_tag = q;
            tag_end = q + length;
            if (state->read_from == tag_end) {
                digits += state->read_digits;
                *stop = state->read_stop;
                return digits < BEIAN_MINIMUM_DIGITS ? digits : BEIAN_MINIMUM_DIGITS;
            }
            digits_before_tag_end = digits;
        }
        q += length;
    }
    *stop = q;
    if (tag_end != NOT_FOUND) {
        state->read_from = tag_end;
        state->read_digits = digits - digits_before_tag_end;
        state->read_stop = q;
    }
    return digits;
}

/// Whether a number starts in [from, limit). Linear over a buffer as long as `from` grows: the
/// state remembers where no number starts and the first found.
static int number_after(BeianAnchorState *state, const uint8_t *b, size_t count, size_t from, size_t limit, int reading) {
    if (limit > count) limit = count;
    if (from >= state->clear_from && state->found != NOT_FOUND && state->found >= from) return state->found < limit;
    size_t q = from;
    if (from >= state->clear_from && from < state->clear_until) q = state->clear_until;
    // No number starts in [from, q).
    while (q < limit) {
        size_t length;
        if (reading == READ_UTF8) {
            // Most bytes cannot start a digit-like character: step over them without a call.
            q = skip_non_digit_starts(b, count, q, limit);
            if (q >= limit) break;
            if (!digit_like(b, count, q, &length)) { q++; continue; }
        } else {
            length = legacy_char_length(b, count, q, reading == READ_BIG5);
            if (!legacy_digit_like(b, q, length, reading == READ_BIG5)) { q += length; continue; }
        }
        size_t stop, first_tag;
        if (read_number(state, b, count, q, reading, &stop, &first_tag) >= BEIAN_MINIMUM_DIGITS) {
            state->clear_from = from;
            state->clear_until = q;
            state->found = q;
            return 1;
        }
        // No number starts on the way either (each would read less of the same), except inside
        // the tags it stepped over: search on from inside the first.
        q = first_tag != NOT_FOUND ? first_tag + 1 : (stop > q ? stop : q + length);
    }
    state->clear_from = from;
    state->clear_until = q;
    state->found = NOT_FOUND;
    return 0;
}

/// After 举报 or 投诉 in a legacy page, from `q` to `limit`: only gaps, hotline label words and a
/// colon before what may start a telephone number (a digit-like character, "+" or "(", or any
/// two-byte symbol, judged once decoded), as `hotline_filler` asks of UTF-8.
static int legacy_hotline_follows(BeianAnchorState *state, const uint8_t *b, size_t count, size_t q, size_t limit, int big5) {
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
static int legacy_icp_follows(BeianAnchorState *state, const uint8_t *b, size_t count, size_t q, size_t limit) {
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
static int legacy_fullwidth_letter(uint16_t pair, int big5) {
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

/// What a walk over one legacy page needs: the encoding's tables, and the ASCII bytes that
/// can start a candidate (- & and the first letters of the English words).
typedef struct {
    const uint8_t *b;
    size_t count;
    int big5;
    const LegacyLabel *labels;
    size_t label_count;
    const uint16_t *dashes;
    size_t dash_count;
    BeianAnchorState *state;
    /// Two-byte codes that can be a candidate (labels, dashes, full-width letters), a bit each.
    const uint8_t *pairs;
    const uint8_t *starts;
} LegacyWalk;

static inline int legacy_is_pair(const LegacyWalk *w, uint16_t code) { return w->pairs[code >> 3] & (1u << (code & 7)); }

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
static int legacy_candidate(const LegacyWalk *w, size_t i, size_t step) {
    const uint8_t *b = w->b;
    size_t count = w->count;
    int big5 = w->big5;
    BeianAnchorState *state = w->state;
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
            state->last_letter = i;
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
                        (state->last_letter != NOT_FOUND && state->last_letter >= floor) ||
                        legacy_fullwidth_letter_in(b, count, i, end, big5);
        } else {
            candidate = rule == RULE_NONE;
        }
    }
    // Every anchor has a number after it, within its window of decoded text.
    return candidate && number_after(state, b, count, i + step, i + step + BEIAN_LEGACY_AFTER, big5 ? READ_BIG5 : READ_GB18030);
}

/// Walks from the character start `i` until at least `until`, character by character, as the
/// decoder will, so that the second byte of one character and the first of the next are never
/// read as a pair. Returns where it stopped (a character start); stops early, with `*full`
/// set, when `out` fills.
static size_t legacy_scalar_walk(const LegacyWalk *w, size_t i, size_t until, size_t *out, size_t capacity, size_t *n,
                                 int *full) {
    const uint8_t *b = w->b;
    size_t count = w->count;
    int big5 = w->big5;
    size_t step;
    for (; i < until && i + 1 < count; i += step) {
        uint8_t c = b[i];
        step = 1;
        if (c < 0x80) {
            // ASCII that starts nothing: run on to the next byte that may (most of a page).
            // A letter counts only as the first of its word's pair ("re", "ic", "po" …).
            if (!w->starts[c] || (is_ascii_letter(c) && !ascii_word_start(c, b[i + 1]))) {
                size_t k = i + 1;
                while (k + 1 < count) {
                    uint8_t d = b[k];
                    if (d >= 0x80 || (w->starts[d] && (!is_ascii_letter(d) || ascii_word_start(d, b[k + 1])))) break;
                    k++;
                }
                step = k - i;
                continue;
            }
        } else {
            step = legacy_char_length(b, count, i, big5);
            if (step == 2 && !legacy_is_pair(w, (uint16_t)(c << 8 | b[i + 1]))) {
                // The common case, a character that starts nothing: run on through a
                // stretch of them two bytes at a time.
                while (i + 3 < count) {
                    uint8_t lead = b[i + 2], trail = b[i + 3];
                    if (lead < 0x81 || lead == 0xFF) break;
                    if (!((trail >= 0x40 && trail <= 0x7E) || (trail >= 0x80 && trail <= 0xFE))) break;
                    if (legacy_is_pair(w, (uint16_t)(lead << 8 | trail))) break;
                    i += 2;
                }
                continue;
            }
        }
        if (legacy_candidate(w, i, step)) {
            out[(*n)++] = i;
            if (*n == capacity) { *full = 1; return i + step; }
        }
    }
    return i;
}

#if defined(__x86_64__)
/// Nibble tables for the AVX2 walk over GB18030 and Big5: `pair_*` classify a two-byte character by
/// its lead and trail bytes (one bit per bucket of candidate codes), `ascii_*` an ASCII
/// character by itself and the byte after it (- &, and the English words' first two letters).
typedef struct {
    uint8_t lead_low[16], lead_high[16], trail_low[16], trail_high[16];
    uint8_t first_low[16], first_high[16], second_low[16], second_high[16];
} LegacyTables;

static void nibble_add(uint8_t low[16], uint8_t high[16], uint8_t byte, int bucket) {
    low[byte & 15] |= (uint8_t)(1u << bucket);
    high[byte >> 4] |= (uint8_t)(1u << bucket);
}

/// The bucket of a candidate code: codes whose bytes share nibbles go together, so that the
/// nibble products add few common characters (the full-width comma A3AC stays out).
static int legacy_bucket(uint16_t code) {
    uint8_t lead = (uint8_t)(code >> 8), trail = (uint8_t)code;
    if (lead < 0xA0) return 0;
    if (lead == 0xA3 && trail >= 0xC1) return 1;  // full-width letters
    if (lead == 0xA1 || lead == 0xA3) return 2;   // dashes
    if (lead == 0xA8 || lead == 0xA9) return 3;
    if (lead >> 4 == 0xB) return 4;
    if (lead >> 4 == 0xC) return 5;
    if (lead >> 4 == 0xD) return 6;
    return 7;
}

/// The tables, built from the walk's own code list `pairs`, so that their buckets hold a
/// superset of what `legacy_candidate` may accept.
static void legacy_tables(const uint8_t *pairs, LegacyTables *t) {
    memset(t, 0, sizeof *t);
    for (uint32_t code = 0x8100; code <= 0xFEFF; code += 0x100) {
        // Only rows that hold a candidate code: a byte of the bit set per eight codes.
        for (uint32_t k = code >> 3; k < (code + 0x100) >> 3; k++) {
            if (!pairs[k]) continue;
            for (uint32_t bit = 0; bit < 8; bit++) {
                if (!(pairs[k] & (1u << bit))) continue;
                uint16_t pair = (uint16_t)(k << 3 | bit);
                nibble_add(t->lead_low, t->lead_high, (uint8_t)(pair >> 8), legacy_bucket(pair));
                nibble_add(t->trail_low, t->trail_high, (uint8_t)pair, legacy_bucket(pair));
            }
        }
    }
    // ASCII: bucket 0 for - and & (any byte after), then one per second letter with the first
    // letters `ascii_word_start` accepts before it (generated from the English anchor words).
    nibble_add(t->first_low, t->first_high, '-', 0);
    nibble_add(t->first_low, t->first_high, '&', 0);
    for (unsigned byte = 0; byte < 256; byte++) nibble_add(t->second_low, t->second_high, (uint8_t)byte, 0);
    for (int k = 0; k < ENGLISH_PAIR_BUCKETS; k++) {
        int bucket = 1 + k;
        for (const char *first = english_pair_buckets[k][0]; *first; first++) {
            nibble_add(t->first_low, t->first_high, (uint8_t)*first, bucket);
            nibble_add(t->first_low, t->first_high, (uint8_t)(*first - 0x20), bucket);
        }
        nibble_add(t->second_low, t->second_high, (uint8_t)english_pair_buckets[k][1][0], bucket);
        nibble_add(t->second_low, t->second_high, (uint8_t)(english_pair_buckets[k][1][0] - 0x20), bucket);
    }
}

/// 32 bits: which bytes of `v` lie in [first, last] (unsigned, first > 0).
__attribute__((target("avx2")))
static inline uint32_t bytes_in(__m256i v, uint8_t first, uint8_t last) {
    __m256i low = _mm256_cmpeq_epi8(_mm256_max_epu8(v, _mm256_set1_epi8((char)first)), v);
    __m256i high = _mm256_cmpeq_epi8(_mm256_min_epu8(v, _mm256_set1_epi8((char)last)), v);
    return (uint32_t)_mm256_movemask_epi8(_mm256_and_si256(low, high));
}

/// Classifies the 64 bytes at `p`, a character start, of a GB18030 or Big5 page (needs
/// p + 65 <= count). Where every lead byte among them is followed by a valid trail byte, the characters
/// are all one or two bytes and their starts follow from runs of lead-range bytes (81–FE):
/// a run begins at a character start, since the byte before it ends a character, and inside
/// it leads and trails alternate. Then `*hits` receives the character starts that may be
/// candidates (a superset, through the tables), `*next` the character start after the block,
/// and it returns 1. Otherwise (four-byte sequences, bytes no character holds) it returns 0
/// and the caller walks the block byte by byte.
__attribute__((target("avx2")))
static int legacy_block(const uint8_t *b, size_t p, const LegacyTables *t, uint64_t *hits, size_t *next) {
    __m256i v0 = _mm256_loadu_si256((const __m256i *)(b + p)), v1 = _mm256_loadu_si256((const __m256i *)(b + p + 32));
    __m256i w0 = _mm256_loadu_si256((const __m256i *)(b + p + 1)), w1 = _mm256_loadu_si256((const __m256i *)(b + p + 33));
    uint64_t lead = (uint64_t)bytes_in(v0, 0x81, 0xFE) | (uint64_t)bytes_in(v1, 0x81, 0xFE) << 32;
    // The byte after each position: a valid trail (40–7E, 80–FE)?
    uint64_t trail_after = ((uint64_t)bytes_in(w0, 0x40, 0x7E) | (uint64_t)bytes_in(w1, 0x40, 0x7E) << 32) |
                           ((uint64_t)bytes_in(w0, 0x80, 0xFE) | (uint64_t)bytes_in(w1, 0x80, 0xFE) << 32);
    const uint64_t even = 0x5555555555555555ULL, odd = ~even;
    uint64_t run_starts = lead & ~(lead << 1);
    // Runs that start at an even position: adding their first bit clears them (carry).
    uint64_t even_runs = lead & ~(lead + (run_starts & even));
    uint64_t leads = (even_runs & even) | (lead & ~even_runs & odd);
    if (leads & ~trail_after) return 0;
    uint64_t starts = ~(leads << 1);
    const __m256i lead_low = shufti_table(t->lead_low), lead_high = shufti_table(t->lead_high);
    const __m256i trail_low = shufti_table(t->trail_low), trail_high = shufti_table(t->trail_high);
    const __m256i first_low = shufti_table(t->first_low), first_high = shufti_table(t->first_high);
    const __m256i second_low = shufti_table(t->second_low), second_high = shufti_table(t->second_high);
    const __m256i zero = _mm256_setzero_si256();
    __m256i pair0 = _mm256_and_si256(nibble_classes(v0, lead_low, lead_high), nibble_classes(w0, trail_low, trail_high));
    __m256i pair1 = _mm256_and_si256(nibble_classes(v1, lead_low, lead_high), nibble_classes(w1, trail_low, trail_high));
    __m256i ascii0 = _mm256_and_si256(nibble_classes(v0, first_low, first_high), nibble_classes(w0, second_low, second_high));
    __m256i ascii1 = _mm256_and_si256(nibble_classes(v1, first_low, first_high), nibble_classes(w1, second_low, second_high));
    uint64_t pair_hits = ~((uint64_t)(uint32_t)_mm256_movemask_epi8(_mm256_cmpeq_epi8(pair0, zero)) |
                           (uint64_t)(uint32_t)_mm256_movemask_epi8(_mm256_cmpeq_epi8(pair1, zero)) << 32);
    uint64_t ascii_hits = ~((uint64_t)(uint32_t)_mm256_movemask_epi8(_mm256_cmpeq_epi8(ascii0, zero)) |
                            (uint64_t)(uint32_t)_mm256_movemask_epi8(_mm256_cmpeq_epi8(ascii1, zero)) << 32);
    *hits = (pair_hits & leads) | (ascii_hits & starts & ~lead);
    *next = p + 64 + (size_t)(leads >> 63);
    return 1;
}
#endif

/// Per encoding (GB18030, Big5): the two-byte codes that can be a candidate, a bit each, and
/// their nibble tables; and the ASCII bytes that can start one. Built once, when loaded.
static uint8_t legacy_pairs[2][8192];
static uint8_t legacy_starts[256];
#if defined(__x86_64__)
static LegacyTables legacy_tables_by_family[2];
#endif

__attribute__((constructor)) static void legacy_build(void) {
    for (int big5 = 0; big5 < 2; big5++) {
        uint8_t *pairs = legacy_pairs[big5];
        const LegacyLabel *labels = big5 ? big5_labels : gb18030_labels;
        size_t label_count = big5 ? sizeof big5_labels / sizeof *big5_labels : sizeof gb18030_labels / sizeof *gb18030_labels;
        const uint16_t *dashes = big5 ? big5_dashes : gb18030_dashes;
        size_t dash_count = big5 ? sizeof big5_dashes / sizeof *big5_dashes : sizeof gb18030_dashes / sizeof *gb18030_dashes;
#define SET_PAIR(code) (pairs[(uint16_t)(code) >> 3] |= (uint8_t)(1u << ((code) & 7)))
        for (size_t k = 0; k < label_count; k++) SET_PAIR(labels[k].label);
        for (size_t k = 0; k < dash_count; k++) SET_PAIR(dashes[k]);
        for (uint32_t code = 0xA200; code <= 0xA3FF; code++) {
            if (legacy_fullwidth_letter((uint16_t)code, big5)) SET_PAIR(code);
        }
#undef SET_PAIR
#if defined(__x86_64__)
        legacy_tables(pairs, &legacy_tables_by_family[big5]);
#endif
    }
    for (const char *c = LEGACY_START_BYTES; *c; c++) legacy_starts[(uint8_t)*c] = 1;
}

size_t beian_find_legacy_candidates(const uint8_t *b, size_t count, size_t from, int big5, int scalar_only,
                                    BeianAnchorState *state, size_t *out, size_t capacity, size_t *resume) {
    LegacyWalk w;
    w.b = b;
    w.count = count;
    w.big5 = big5;
    w.labels = big5 ? big5_labels : gb18030_labels;
    w.label_count = big5 ? sizeof big5_labels / sizeof *big5_labels : sizeof gb18030_labels / sizeof *gb18030_labels;
    w.dashes = big5 ? big5_dashes : gb18030_dashes;
    w.dash_count = big5 ? sizeof big5_dashes / sizeof *big5_dashes : sizeof gb18030_dashes / sizeof *gb18030_dashes;
    w.state = state;
    w.pairs = legacy_pairs[big5 ? 1 : 0];
    w.starts = legacy_starts;
    size_t n = 0;
    int full = 0;
    size_t i = from;  // a character start (0, or where the previous call stopped)
#if defined(__x86_64__)
    if (!scalar_only && beian_scan_uses_avx2()) {
        const LegacyTables *tables = &legacy_tables_by_family[big5 ? 1 : 0];
        while (i + 65 <= count) {
            uint64_t hits;
            size_t next;
            if (!legacy_block(b, i, tables, &hits, &next)) {
                i = legacy_scalar_walk(&w, i, i + 64, out, capacity, &n, &full);
                if (full) { *resume = i; return n; }
                continue;
            }
            while (hits) {
                size_t k = i + (size_t)__builtin_ctzll(hits);
                hits &= hits - 1;
                size_t step = legacy_char_length(b, count, k, 0);
                if (legacy_candidate(&w, k, step)) {
                    out[n++] = k;
                    if (n == capacity) { *resume = k + step; return n; }
                }
            }
            i = next;
        }
    }
#endif
    i = legacy_scalar_walk(&w, i, count, out, capacity, &n, &full);
    *resume = full ? i : count;
    return n;
}

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
