/// Where a concatenated dump of pages (`curl … >> dump`, `cat *.html`) starts its next page: a
/// line that begins with `<!DOCTYPE html` or `<html` (any case) followed by a space, a line
/// break or `>` — except while the page so far is only its prolog (white space, comments, an
/// XML declaration, its doctype).
enum PageBoundaries {
    /// Bytes a boundary needs from its `<` on, the character after the name included.
    static let lookahead = 16

    private static let doctype = Array("<!doctype html".utf8)
    private static let html = Array("<html".utf8)

    /// The first offset in `from...through` where a tag that may start a page begins a line.
    /// Needs `lookahead` bytes past `through`, or the input's end.
    static func first(in bytes: UnsafeRawBufferPointer, from: Int, through: Int) -> Int? {
        guard from <= through else { return nil }
        var offset = max(from, 1)
        while offset <= through {
            guard let found = memchrOffset(bytes, UInt8(ascii: "<"), from: offset, through: through) else { return nil }
            let before = bytes[found - 1]
            if before == 0x0A || before == 0x0D, tag(bytes, at: found) != nil { return found }
            offset = found + 1
        }
        return nil
    }

    private static func memchrOffset(_ bytes: UnsafeRawBufferPointer, _ byte: UInt8, from: Int, through: Int) -> Int? {
        guard from <= through, let base = bytes.baseAddress else { return nil }
        guard let hit = memchr(base + from, Int32(byte), through - from + 1) else { return nil }
        return UnsafeRawPointer(hit) - base
    }

    /// Whether a page's text so far is only its prolog — white space, a byte-order mark, an
    /// XML declaration, comments (`<!-- saved from url=… -->`) and its doctype: a doctype or
    /// `<html` after them belongs to the same page. `prefix` holds the page's first bytes, up
    /// to `prefixLimit`.
    static func isOnlyProlog(_ prefix: [UInt8]) -> Bool {
        guard prefix.count < prefixLimit else { return false }
        var index = 0
        func skip(past terminator: [UInt8]) -> Bool {
            guard let end = find(terminator, in: prefix, from: index) else { return false }
            index = end + terminator.count
            return true
        }
        while index < prefix.count {
            let byte = prefix[index]
            if byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D { index += 1; continue }
            if prefix[index...].starts(with: [0xEF, 0xBB, 0xBF]) { index += 3; continue }
            guard byte == UInt8(ascii: "<") else { return false }
            if prefix[index...].starts(with: Array("<!--".utf8)) {
                guard skip(past: Array("-->".utf8)) else { return true }  // A comment still open.
            } else if prefix[index...].starts(with: Array("<?".utf8)) {
                guard skip(past: Array("?>".utf8)) else { return true }
            } else if prefix.withUnsafeBytes({ tag($0, at: index) == true }) {
                guard skip(past: [UInt8(ascii: ">")]) else { return true }
            } else {
                return false
            }
        }
        return true
    }

    private static func find(_ needle: [UInt8], in bytes: [UInt8], from start: Int) -> Int? {
        guard bytes.count >= needle.count, start <= bytes.count - needle.count else { return nil }
        return (start...(bytes.count - needle.count)).first { bytes[$0..<($0 + needle.count)].elementsEqual(needle) }
    }

    /// The page bytes kept for `isOnlyProlog`: prologs are shorter.
    static let prefixLimit = 4096

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
