/// Where a concatenated dump of pages (`curl … >> dump`, `cat *.html`) starts its next page: a
/// line that begins with `<!DOCTYPE html` or `<html` (any case) followed by a space, a line
/// break or `>` — except an `<html` that follows its page's own doctype.
enum PageBoundaries {
    /// Bytes a boundary needs from its `<` on, the character after the name included.
    static let lookahead = 16

    private static let doctype = Array("<!doctype html".utf8)
    private static let html = Array("<html".utf8)

    /// The first offset in `from...through` where a tag that may start a page begins a line,
    /// and whether it is a doctype. Needs `lookahead` bytes past `through`, or the input's end.
    static func first(in bytes: UnsafeRawBufferPointer, from: Int, through: Int) -> (offset: Int, isDoctype: Bool)? {
        guard from <= through else { return nil }
        var offset = max(from, 1)
        while offset <= through {
            guard let found = memchrOffset(bytes, UInt8(ascii: "<"), from: offset, through: through) else { return nil }
            let before = bytes[found - 1]
            if before == 0x0A || before == 0x0D, let isDoctype = tag(bytes, at: found) { return (found, isDoctype) }
            offset = found + 1
        }
        return nil
    }

    private static func memchrOffset(_ bytes: UnsafeRawBufferPointer, _ byte: UInt8, from: Int, through: Int) -> Int? {
        guard from <= through, let base = bytes.baseAddress else { return nil }
        guard let hit = memchr(base + from, Int32(byte), through - from + 1) else { return nil }
        return UnsafeRawPointer(hit) - base
    }

    /// Whether a page's text so far is only its doctype (and white space): an `<html` after it
    /// belongs to the same page. `prefix` holds the page's first bytes, up to `prefixLimit`.
    static func isOnlyDoctype(_ prefix: [UInt8]) -> Bool {
        guard prefix.count < prefixLimit else { return false }
        let isSpace = { (byte: UInt8) in byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D || byte == 0xEF || byte == 0xBB || byte == 0xBF }
        guard let open = prefix.firstIndex(where: { !isSpace($0) }),
              prefix.withUnsafeBytes({ tag($0, at: open) == true }),
              let close = prefix[open...].firstIndex(of: UInt8(ascii: ">")) else { return false }
        return prefix[(close + 1)...].allSatisfy(isSpace)
    }

    /// The page bytes kept for `isOnlyDoctype`: a doctype line is shorter.
    static let prefixLimit = 512

    /// Whether a page-starting tag begins at `offset`: true for a doctype, false for `<html`,
    /// nil for neither.
    private static func tag(_ bytes: UnsafeRawBufferPointer, at offset: Int) -> Bool? {
        for name in [doctype, html] {
            let end = offset + name.count
            guard end < bytes.count else { continue }
            var matches = true
            for (index, expected) in name.enumerated() where bytes[offset + index] | (expected >= 0x61 ? 0x20 : 0) != expected {
                matches = false
                break
            }
            let next = bytes[end]
            if matches, next == 0x20 || next == 0x09 || next == 0x0A || next == 0x0D || next == UInt8(ascii: ">") {
                return name == doctype
            }
        }
        return nil
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
