import CBeianScan

/// A place in a document as editors and CI tools count it: a 1-based line and a 1-based column.
///
/// LF, CRLF and CR each end a line. Columns count Unicode scalars of the decoded text, so a
/// page gives the same positions in UTF-8, UTF-16, GB18030 or Big5. A byte-order mark at the
/// start of the input takes no column. (SARIF calls this column kind `unicodeCodePoints`.)
public struct TextPosition: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The line, from 1.
    public let line: Int
    /// The column, from 1, in Unicode scalars.
    public let column: Int

    /// A position: 1-based line and column.
    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    public static func < (lhs: TextPosition, rhs: TextPosition) -> Bool {
        (lhs.line, lhs.column) < (rhs.line, rhs.column)
    }

    /// `line:column`.
    public var description: String { "\(line):\(column)" }
}

/// Counts lines and columns forward through a document, from offset to offset, so that the
/// findings of a page (which come in order) are placed in one linear pass.
///
/// It reads either UTF-8 (the input, or text decoded from another encoding) or the raw bytes
/// of a GB18030 or Big5 page, whose characters it delimits by the rules ICU's converters use:
/// a lead byte 81–FE takes the next byte when that is 40–7E or 80–FE; in GB18030 a lead, a
/// digit, a lead and a digit form one four-byte character; any other byte stands alone (and
/// decodes to one scalar, U+FFFD if nothing else). In UTF-8 a scalar starts at every byte that
/// is not a continuation byte (80–BF), so a stray continuation byte in damaged UTF-8 takes no
/// column.
struct PositionCounter {
    enum Reading {
        case utf8, gb18030, big5
    }

    let reading: Reading
    /// The byte offset counted up to.
    private(set) var offset = 0
    private(set) var line = 1
    private(set) var column = 1

    init(reading: Reading = .utf8) {
        self.reading = reading
    }

    var position: TextPosition { TextPosition(line: line, column: column) }

    /// Moves to `target` (no-op if already there or past it). `bytes[0]` is the byte at offset
    /// `base` of the document; the counter's offset must not lie before `base`.
    mutating func advance(to target: Int, in bytes: UnsafeBufferPointer<UInt8>, base: Int = 0) {
        guard target > offset else { return }
        var index = offset - base
        let end = min(target - base, bytes.count)
        if offset == 0 { index = Self.skipByteOrderMark(bytes, reading: reading, base: base) }
        // Line breaks are counted in C, vectorised: the pass runs over most of every page (CRLF
        // counts once). No byte of a multi-byte GB18030 or Big5 character is CR or LF, so the
        // count holds for them too; characters are then counted after the last break.
        if index < end, let start = bytes.baseAddress {
            let after: Int32 = end < bytes.count ? Int32(bytes[end]) : -1
            var tail = 0
            let breaks = beian_count_line_breaks(start + index, end - index, after, &tail)
            if breaks > 0 {
                line += breaks
                column = 1
                index += tail
            }
        }
        switch reading {
        case .utf8:
            if index < end, let start = bytes.baseAddress {
                column += beian_count_utf8_scalars(start + index, end - index)
                index = end
            }
        case .gb18030, .big5:
            let big5 = reading == .big5
            while index < end {
                let byte = bytes[index]
                if byte < 0x80 {
                    if byte == 0x0A {
                        newLine()
                    } else if byte == 0x0D {
                        if index + 1 < bytes.count, bytes[index + 1] == 0x0A {} else { newLine() }
                    } else {
                        column += 1
                    }
                    index += 1
                    continue
                }
                column += 1
                index += Self.legacyLength(bytes, at: index, big5: big5)
            }
        }
        offset = base + max(index, end)
    }

    /// The position of `target` without moving: for a finding's end, which the next finding's
    /// start may not pass.
    func position(at target: Int, in bytes: UnsafeBufferPointer<UInt8>, base: Int = 0) -> TextPosition {
        var probe = self
        probe.advance(to: target, in: bytes, base: base)
        return probe.position
    }

    private mutating func newLine() {
        line += 1
        column = 1
    }

    /// Where counting starts at the document's first byte: past a byte-order mark.
    private static func skipByteOrderMark(_ bytes: UnsafeBufferPointer<UInt8>, reading: Reading, base: Int) -> Int {
        guard base == 0 else { return 0 }
        switch reading {
        case .utf8:
            return bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0
        case .gb18030:
            return bytes.count >= 4 && bytes[0] == 0x84 && bytes[1] == 0x31 && bytes[2] == 0x95 && bytes[3] == 0x33 ? 4 : 0
        case .big5:
            return 0
        }
    }

    /// The length of the character at `index` as ICU's GB18030 and Big5 converters read it
    /// (as `legacy_char_length` in scan_internal.h).
    @inline(__always)
    private static func legacyLength(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int, big5: Bool) -> Int {
        let byte = bytes[index]
        guard byte >= 0x81, byte != 0xFF, index + 1 < bytes.count else { return 1 }
        let next = bytes[index + 1]
        if (next >= 0x40 && next <= 0x7E) || (next >= 0x80 && next <= 0xFE) { return 2 }
        if !big5, next >= 0x30, next <= 0x39, index + 3 < bytes.count, bytes[index + 2] >= 0x81, bytes[index + 2] <= 0xFE,
           bytes[index + 3] >= 0x30, bytes[index + 3] <= 0x39 { return 4 }
        return 1
    }
}

extension PositionCounter {
    /// Gives each finding (in input order; offsets into `bytes`) its start and end positions.
    static func place(_ findings: inout [Finding], in bytes: UnsafeBufferPointer<UInt8>, reading: Reading = .utf8) {
        var counter = PositionCounter(reading: reading)
        // Through a buffer: an array's element read for one field is otherwise copied whole.
        findings.withUnsafeMutableBufferPointer { findings in
            for index in findings.indices {
                counter.advance(to: findings[index].start, in: bytes)
                findings[index].position = counter.position
                findings[index].endPosition = counter.position(at: findings[index].end, in: bytes)
            }
        }
    }
}
