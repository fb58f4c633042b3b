import CBeianScan

/// Finds anchors in raw UTF-8 bytes, so that only small windows around them are decoded and
/// normalised.
///
/// The anchors and their zero-false-negative invariant are defined, and written out, in
/// `Sources/CBeianScan/utf8_rules.c`: a label character (备 證 报 诉 …) that the right character
/// precedes, a telecom dash after a category, or an English label word, each followed by a
/// number of at least `TextView.minimumDigits` digits within `windowAfter` bytes. When a
/// recogniser learns a new label, its row and anchor belong in `Labels.table` (then run the
/// generator, docs/labels.md), and `PrefilterTests` checks the invariant against the naive scanner.
enum Prefilter {
    /// Bytes decoded before an anchor: room for a province, "ICP", a long label and tags between
    /// (BEIAN_WINDOW_BEFORE, shared with the byte scanner).
    static let windowBefore = Int(BEIAN_WINDOW_BEFORE)
    /// Bytes decoded after an anchor: room for the number, suffixes and an English label's reach
    /// (BEIAN_WINDOW_AFTER).
    static let windowAfter = Int(BEIAN_WINDOW_AFTER)
    /// The largest merged window. A longer run of anchors starts a new window, which overlaps
    /// the last by whole anchor windows, so no identifier is cut; duplicates are resolved later.
    static let maxWindow = 65_536

    /// Calls `body` with the byte offset of every anchor, in increasing order.
    /// - Parameters:
    ///   - html: whether tags are gaps (HTML) or characters (other text), as TextView reads them.
    ///   - portable: use the portable byte loop rather than the AVX2 one (tests).
    static func forEachAnchor(in bytes: UnsafeBufferPointer<UInt8>, html: Bool, portable: Bool = false, _ body: (Int) -> Void) {
        guard let base = bytes.baseAddress, !bytes.isEmpty else { return }
        var state = BeianAnchorState()
        beian_anchor_state_init(&state, html ? 1 : 0)
        withUnsafeTemporaryAllocation(of: Int.self, capacity: 256) { out in
            var from = 0
            while from < bytes.count {
                var resume = 0
                let found = beian_find_anchors(base, bytes.count, from, windowBefore, windowAfter, portable ? 1 : 0,
                                               &state, out.baseAddress!, out.count, &resume)
                for index in 0..<found { body(out[index]) }
                from = resume
            }
        }
    }

    /// The windows around all anchors, merged while they overlap (up to `maxWindow`), each
    /// snapped to UTF-8 boundaries.
    static func windows(in bytes: UnsafeBufferPointer<UInt8>, html: Bool) -> [Range<Int>] {
        var windows: [Range<Int>] = []
        forEachAnchor(in: bytes, html: html) { anchor in
            var start = max(0, anchor - windowBefore)
            while start > 0, !isUTF8Boundary(bytes[start]) { start -= 1 }
            var end = min(bytes.count, anchor + windowAfter)
            while end < bytes.count, !isUTF8Boundary(bytes[end]) { end += 1 }
            merge(start..<end, into: &windows)
        }
        return windows
    }

    /// Appends `window` to increasing `windows`, merged with the last while they overlap and
    /// the merged window stays within `maxWindow`.
    static func merge(_ window: Range<Int>, into windows: inout [Range<Int>]) {
        if let last = windows.last, window.lowerBound <= last.upperBound, window.upperBound - last.lowerBound <= maxWindow {
            windows[windows.count - 1] = last.lowerBound..<max(last.upperBound, window.upperBound)
        } else {
            windows.append(window)
        }
    }
}
