/// Finds anchor positions in raw UTF-8 bytes, so that only small windows around them are
/// decoded and normalised.
///
/// **Invariant (zero false negatives):** every identifier a recogniser accepts contains at
/// least one anchor, as written in the input:
/// - 备 備 (ICP备, 公网安备, 公安备案号) and 证 證 証 (ICP证, 许可证 of the news label);
/// - 报 報 诉 訴 (举报, 投诉 of Chinese hotline labels);
/// - "report", "complain", "tip-off", "licen[cs]e" in any ASCII case (English labels);
/// - a dash between a telecom licence's category and its digits: ASCII "-" with a digit 1–3
///   (ASCII or full-width) in the 8 bytes before it, full-width "－", or ‐ ‑ ‒ – — − ﹣;
/// - "&#", "&m", "&n", "&h": a character reference may encode any of the above.
/// When a recogniser learns a new literal, its anchor belongs here, and `PrefilterTests`
/// checks the invariant against the naive scanner.
enum Prefilter {
    /// Calls `body` with the byte offset of every anchor, in increasing order.
    static func forEachAnchor(in bytes: UnsafeBufferPointer<UInt8>, _ body: (Int) -> Void) {
        let count = bytes.count
        var index = 0
        while index < count {
            let byte = bytes[index]
            switch byte {
            case 0xE5, 0xE6, 0xE8, 0xEF, 0xE2:
                if index + 2 < count, isCJKAnchor(byte, bytes[index + 1], bytes[index + 2]) {
                    body(index)
                    index += 3
                    continue
                }
            case UInt8(ascii: "-"):
                if isTelecomDash(bytes, at: index) { body(index) }
            case UInt8(ascii: "&"):
                if index + 1 < count {
                    let next = bytes[index + 1]
                    if next == UInt8(ascii: "#") || next == UInt8(ascii: "m") || next == UInt8(ascii: "n") || next == UInt8(ascii: "h") {
                        body(index)
                    }
                }
            case UInt8(ascii: "r"), UInt8(ascii: "R"):
                if matchesFoldingCase(bytes, at: index, "report") { body(index) }
            case UInt8(ascii: "c"), UInt8(ascii: "C"):
                if matchesFoldingCase(bytes, at: index, "complain") { body(index) }
            case UInt8(ascii: "t"), UInt8(ascii: "T"):
                if matchesFoldingCase(bytes, at: index, "tip-off") { body(index) }
            case UInt8(ascii: "l"), UInt8(ascii: "L"):
                if matchesFoldingCase(bytes, at: index, "licence") || matchesFoldingCase(bytes, at: index, "license") { body(index) }
            default:
                break
            }
            index += 1
        }
    }

    /// The three-byte UTF-8 anchors.
    @inline(__always)
    private static func isCJKAnchor(_ a: UInt8, _ b: UInt8, _ c: UInt8) -> Bool {
        switch (a, b, c) {
        case (0xE5, 0xA4, 0x87), (0xE5, 0x82, 0x99): true          // 备 備
        case (0xE8, 0xAF, 0x81), (0xE8, 0xAD, 0x89), (0xE8, 0xA8, 0xBC): true  // 证 證 証
        case (0xE6, 0x8A, 0xA5), (0xE5, 0xA0, 0xB1): true          // 报 報
        case (0xE8, 0xAF, 0x89), (0xE8, 0xA8, 0xB4): true          // 诉 訴
        case (0xEF, 0xBC, 0x8D), (0xEF, 0xB9, 0xA3): true          // － ﹣
        case (0xE2, 0x80, 0x90...0x95), (0xE2, 0x88, 0x92): true   // ‐ ‑ ‒ – — ―  −
        default: false
        }
    }

    /// A "-" with a digit 1–3 (ASCII, or the last byte of full-width １–３) shortly before it.
    @inline(__always)
    private static func isTelecomDash(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Bool {
        var cursor = index - 1
        let floor = max(0, index - 8)
        while cursor >= floor {
            let byte = bytes[cursor]
            if byte >= UInt8(ascii: "1") && byte <= UInt8(ascii: "3") { return true }
            if byte >= 0x91 && byte <= 0x93, cursor >= 2, bytes[cursor - 1] == 0xBC, bytes[cursor - 2] == 0xEF { return true }
            cursor -= 1
        }
        return false
    }

    @inline(__always)
    private static func matchesFoldingCase(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int, _ word: StaticString) -> Bool {
        bytesMatchFoldingCase(bytes, at: index, word, limit: bytes.count)
    }

    /// Bytes decoded before an anchor: room for a province, "ICP", a long label and tags between.
    static let windowBefore = 192
    /// Bytes decoded after an anchor: room for the number, suffixes and an English label's reach.
    static let windowAfter = 384

    /// The merged windows around all anchors, each snapped to UTF-8 boundaries.
    static func windows(in bytes: UnsafeBufferPointer<UInt8>) -> [Range<Int>] {
        var windows: [Range<Int>] = []
        forEachAnchor(in: bytes) { anchor in
            var start = max(0, anchor - windowBefore)
            while start > 0, !isUTF8Boundary(bytes[start]) { start -= 1 }
            var end = min(bytes.count, anchor + windowAfter)
            while end < bytes.count, !isUTF8Boundary(bytes[end]) { end += 1 }
            if let last = windows.last, start <= last.upperBound {
                windows[windows.count - 1] = last.lowerBound..<max(last.upperBound, end)
            } else {
                windows.append(start..<end)
            }
        }
        return windows
    }
}
