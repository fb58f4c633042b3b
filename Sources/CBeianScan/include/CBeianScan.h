// CBeianScan: the byte loops of Beian's scanner, in C so that they run at memory speed.
//
// Swift keeps the rules; this target only finds where to look. Nothing here allocates.
#ifndef CBEIAN_SCAN_H
#define CBEIAN_SCAN_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

// Limits shared with Swift (each defined here only).
/// The longest tag read as a gap (TextView.maxTagLength).
#define BEIAN_MAX_TAG 4096
/// Digit-like characters a number needs (DigitRun.minimumDigits): every recognised number has
/// at least this many, so every anchor asks for them.
#define BEIAN_MINIMUM_DIGITS 3
/// Bytes decoded before and after an anchor (Prefilter.windowBefore, Prefilter.windowAfter):
/// room for a province, "ICP", a long label and tags before; the number, suffixes and an
/// English label's reach after.
#define BEIAN_WINDOW_BEFORE 192
#define BEIAN_WINDOW_AFTER 384
/// The same windows on GB18030 or Big5 bytes: twice as long, since every character takes at
/// least half as many bytes in UTF-8 as in those encodings.
#define BEIAN_LEGACY_BEFORE (2 * BEIAN_WINDOW_BEFORE)
#define BEIAN_LEGACY_AFTER (2 * BEIAN_WINDOW_AFTER)

/// The state of one UTF-8 anchor walk over a buffer, carried between calls of
/// `beian_find_anchors` so that the search for a number after each anchor stays linear however
/// many anchors there are. Opaque: set up by `beian_anchor_state_init`.
typedef struct BeianAnchorState {
    uint64_t opaque[16];
} BeianAnchorState;

/// The state of one walk over a GB18030 or Big5 buffer (`beian_find_legacy_candidates`).
/// Opaque: set up by `beian_legacy_state_init`.
typedef struct BeianLegacyState {
    uint64_t opaque[16];
} BeianLegacyState;

/// Resets a state before the first call over a buffer; `html` = 1 reads tags as gaps.
void beian_anchor_state_init(BeianAnchorState *_Nonnull state, int html);

/// Writes, in increasing order, the offsets of verified anchors in `bytes[from..<count]`
/// into `out` (at most `capacity`), and returns how many were written. `*resume` is where
/// the next call continues (== count when done).
///
/// An anchor is a label character (备 證 报 诉 …), a telecom dash, an English label word or a
/// character reference that may encode one, which passes two byte-level checks: the
/// character before it (gaps, tags and references skipped) can precede it in a label, and
/// a number of BEIAN_MINIMUM_DIGITS or more digit-like characters starts within `after` bytes of
/// it. `before` bounds the look back. The rules are written out in utf8_rules.c.
///
/// `scalar_only` = 1 uses the portable byte loop instead of the AVX2 one (for tests).
size_t beian_find_anchors(const uint8_t *_Nonnull bytes, size_t count, size_t from, size_t before, size_t after,
                          int scalar_only, BeianAnchorState *_Nonnull state, size_t *_Nonnull out, size_t capacity,
                          size_t *_Nonnull resume);

/// Where, in a GB18030 (`big5` = 0) or Big5 (`big5` = 1) document, an anchor of the decoded
/// text may lie: the label characters in that encoding after a character that may precede
/// them, dashes, "&", English label words and full-width forms, each followed by what may
/// decode to a number. A superset, found on the raw bytes, so that only windows around these
/// are decoded. Same calling pattern as `beian_find_anchors`; `state` is set up by
/// `beian_legacy_state_init` before the first call over a buffer. `scalar_only` = 1 walks byte by byte instead of classifying
/// 64 bytes at a time with AVX2 (for tests).
size_t beian_find_legacy_candidates(const uint8_t *_Nonnull bytes, size_t count, size_t from, int big5, int scalar_only,
                                    BeianLegacyState *_Nonnull state, size_t *_Nonnull out, size_t capacity,
                                    size_t *_Nonnull resume);

/// Resets a legacy walk's state before the first call over a buffer; `html` = 1 reads tags as gaps.
void beian_legacy_state_init(BeianLegacyState *_Nonnull state, int html);

/// The length of the longest prefix of `bytes` that is valid UTF-8 and ends on a character
/// boundary. `count` when all of it is valid; a truncated sequence at the very end counts as
/// valid when `allow_truncated_end` (the rest of a stream may complete it).
size_t beian_utf8_valid_prefix(const uint8_t *_Nonnull bytes, size_t count, int allow_truncated_end);
/// The same, byte by byte (the AVX2 check only says how far the input can be trusted; tests
/// compare the two).
size_t beian_utf8_valid_prefix_scalar(const uint8_t *_Nonnull bytes, size_t count, int allow_truncated_end);

/// The number of bytes that are not part of a valid UTF-8 sequence; `*multibyte` receives
/// the number of valid multi-byte sequences. Text in GBK or Big5 read as UTF-8 is nearly all
/// errors; UTF-8 with a few damaged bytes is nearly all valid sequences.
size_t beian_utf8_count_errors(const uint8_t *_Nonnull bytes, size_t count, size_t *_Nonnull multibyte);

/// The last index in [from, to) holding `byte`, or SIZE_MAX.
size_t beian_last_index_of(const uint8_t *_Nonnull bytes, size_t from, size_t to, uint8_t byte);

/// Whether the tables generated from the label table agree with the rules (for tests): every
/// ideograph from U+4000 on that may precede a label character is in the list of them.
int beian_anchors_self_check(void);

/// Kinds of markup that set a finding's context (markup.c).
enum { BEIAN_MARKUP_COMMENT = 1, BEIAN_MARKUP_SCRIPT = 2 };

/// The first offset in [from, to) where a comment ("<!--") or a script start tag ("<script"
/// then no name character) opens, with its kind in `*kind`; SIZE_MAX when none does. Reads
/// up to 8 bytes past `to` (within `count`) to check a match that starts before it.
/// `scalar_only` = 1 uses the portable loop instead of the AVX2 one (for tests).
size_t beian_next_markup_open(const uint8_t *_Nonnull bytes, size_t count, size_t from, size_t to, int scalar_only,
                              int *_Nonnull kind);

/// The first offset in [from, to) where markup of `kind` closes ("-->" for a comment,
/// "</script" in any case for a script); SIZE_MAX when none does.
size_t beian_next_markup_close(const uint8_t *_Nonnull bytes, size_t count, size_t from, size_t to, int scalar_only, int kind);

/// Whether the AVX2 loop is in use on this machine.
int beian_scan_uses_avx2(void);

/// Line breaks in `bytes` (LF; CR not followed by LF, `after` being the byte after the last,
/// or -1), and in `*tail` the offset just past the last LF or CR (0 if none) (positions.c).
size_t beian_count_line_breaks(const uint8_t *_Nonnull bytes, size_t count, int after, size_t *_Nonnull tail);

/// UTF-8 scalars in `bytes`: the bytes that are no continuation byte (80–BF).
size_t beian_count_utf8_scalars(const uint8_t *_Nonnull bytes, size_t count);

/// How many bytes from the start of `bytes` JSON output copies as they are: the index of the
/// first control byte, quote, backslash or 0xE2 (the lead byte of U+2028/U+2029), or `count`.
size_t beian_json_plain_prefix(const uint8_t *_Nonnull bytes, size_t count);

/// Copies `bytes` to `output` up to the first byte JSON output escapes (see
/// `beian_json_plain_prefix`) and returns how many it copied. `output` must have room for
/// `count + 16` bytes: whole blocks of 16 are stored, bytes past the returned count are
/// scratch (bytes.c).
size_t beian_json_copy_plain(uint8_t *_Nonnull output, const uint8_t *_Nonnull bytes, size_t count);

/// Copies `count` bytes (at most 64) without a call to `memcpy`: a JSON key or a short
/// fragment, whose copy costs less than the call. `output` must have room for `count` bytes.
static inline void beian_copy_short(uint8_t *_Nonnull output, const uint8_t *_Nonnull bytes, size_t count) {
    if (count >= 8) {
        uint64_t word;
        while (count > 16) {
            __builtin_memcpy(&word, bytes, 8);
            __builtin_memcpy(output, &word, 8);
            output += 8; bytes += 8; count -= 8;
        }
        // 8 to 16 bytes left: two words, overlapping in the middle.
        uint64_t last;
        __builtin_memcpy(&word, bytes, 8);
        __builtin_memcpy(&last, bytes + count - 8, 8);
        __builtin_memcpy(output, &word, 8);
        __builtin_memcpy(output + count - 8, &last, 8);
    } else if (count >= 4) {
        uint32_t word, last;
        __builtin_memcpy(&word, bytes, 4);
        __builtin_memcpy(&last, bytes + count - 4, 4);
        __builtin_memcpy(output, &word, 4);
        __builtin_memcpy(output + count - 4, &last, 4);
    } else {
        while (count > 0) { *output++ = *bytes++; count--; }
    }
}

#ifdef __cplusplus
}
#endif

#endif
