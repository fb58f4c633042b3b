import CBeianScan

/// Knows, for offsets given in increasing order, whether a page's bytes there are text, in
/// a comment or in a script element. It reads forward only, from one question to the next,
/// with the vector searches of `markup.c`: linear over a page however many findings it has.
///
/// The rules (markup.c): a comment runs from "<!--" to the next "-->"; a script from a
/// `<script…>` start tag to the next "</script" (any case). Attribute values are told apart
/// by `TextView`, which reads them.
struct MarkupTracker {
    /// The offset up to which the state is known.
    private(set) var position = 0
    private var state = State.text

    private enum State {
        case text, comment, script
        var context: FindingContext {
            switch self {
            case .text: .text
            case .comment: .comment
            case .script: .script
            }
        }
    }

    /// The context at `offset` (at or after the last one asked) in `bytes`, which hold the
    /// page from offset `base` on (a stream's window) and reach past `offset`.
    mutating func context(at offset: Int, in bytes: UnsafeBufferPointer<UInt8>, base: Int = 0) -> FindingContext {
        guard let pointer = bytes.baseAddress else { return state.context }
        while position < offset {
            let from = max(position - base, 0), to = offset - base
            switch state {
            case .text:
                var kind: Int32 = 0
                let found = beian_next_markup_open(pointer, bytes.count, from, to, 0, &kind)
                guard found >= 0, found < bytes.count else { position = offset; return state.context }
                if kind == BEIAN_MARKUP_COMMENT {
                    state = .comment
                    position = base + found + 4
                } else if let tag = TextView.tag(bytes, at: found, limit: bytes.count) {
                    state = .script
                    position = base + found + tag.length
                } else {
                    position = base + found + 1
                }
            case .comment, .script:
                let kind = state == .comment ? BEIAN_MARKUP_COMMENT : BEIAN_MARKUP_SCRIPT
                let found = beian_next_markup_close(pointer, bytes.count, from, to, 0, Int32(kind))
                guard found >= 0, found < bytes.count else { position = offset; return state.context }
                state = .text
                position = base + found + (kind == BEIAN_MARKUP_COMMENT ? 3 : 2)
            }
        }
        return state.context
    }

    /// Sets the context of `findings` (in order, offsets into `bytes`): attribute values as
    /// `view`s marked them, the rest from the markup around them.
    mutating func mark(_ findings: inout [Finding], in bytes: UnsafeBufferPointer<UInt8>, base: Int = 0) {
        for index in findings.indices where findings[index].context != .attribute {
            findings[index].context = context(at: findings[index].start, in: bytes, base: base)
        }
    }
}
