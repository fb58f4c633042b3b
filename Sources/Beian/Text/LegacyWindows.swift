import CBeianScan

/// Pages in GB18030 (GBK, GB2312) or Big5, read without decoding all of them: possible
/// anchors are found on the raw bytes (`beian_find_legacy_candidates`), and only windows
/// around them go through ICU's converter and then the UTF-8 scanner.
enum LegacyWindows {
    enum Family {
        case gb18030, big5

        /// The most raw bytes one byte of UTF-8 may take: a GB18030 four-byte sequence can
        /// decode to two bytes of UTF-8 (U+00A0 is 81 30 84 36); a Big5 character never takes
        /// more bytes than its UTF-8.
        var stretch: Int { self == .gb18030 ? 2 : 1 }

        init?(encoding: String) {
            switch encoding {
            case "GB18030": self = .gb18030
            case "Big5": self = .big5
            default: return nil
            }
        }
    }

    /// Raw bytes decoded before a candidate: its anchor window, and room for the link around it.
    static let before = 2048
    /// Raw bytes decoded after a candidate: its anchor window (384 bytes of UTF-8, so up to
    /// `stretch` times as many raw bytes) and a margin.
    static func after(_ family: Family) -> Int { Prefilter.windowAfter * family.stretch + margin }
    /// Findings this close to a cut window edge are left to the window that holds them whole.
    static let margin = 128
    /// How far a window edge moves to reach a byte that no multi-byte character contains.
    static let snapReach = 64

    /// The findings of a document in `family`, offsets into its raw bytes. `scanText` scans
    /// decoded UTF-8 text.
    static func scan(_ bytes: UnsafeBufferPointer<UInt8>, family: Family, html: Bool, decoder: Decoder,
                     scanText: (UnsafeBufferPointer<UInt8>) -> [Finding]) -> [Finding] {
        var findings: [Finding] = []
        for window in windows(in: bytes, family: family, html: html, decoder: decoder) {
            decoder.reset()
            let (decoded, offsets) = decoder.decode(UnsafeBufferPointer(rebasing: bytes[window]), flush: true)
            let local = decoded.withUnsafeBufferPointer { scanText($0) }
            for finding in local {
                var moved = finding
                moved.start = window.lowerBound + Int(offsets[finding.start])
                moved.end = finding.end < offsets.count ? window.lowerBound + Int(offsets[finding.end]) : window.upperBound
                let clearOfStart = window.lowerBound == 0 || moved.start >= window.lowerBound + margin
                let clearOfEnd = window.upperBound == bytes.count || moved.end <= window.upperBound - margin
                if clearOfStart && clearOfEnd { findings.append(moved) }
            }
        }
        BeianScanner.resolveOverlaps(&findings)
        return findings
    }

    /// Windows around the candidates that hold an anchor, merged while they overlap (up to
    /// `Prefilter.maxWindow`), with edges moved to bytes below 0x30, which are never part of a
    /// multi-byte character in GB18030 or Big5.
    ///
    /// A candidate is first probed: the bytes of its anchor window are decoded and searched
    /// with the UTF-8 anchor rules (text takes at most `stretch` times as many raw bytes as
    /// UTF-8 bytes, so a probe that many times the anchor window holds the whole UTF-8 window).
    /// Only a candidate with an anchor opens a full window.
    static func windows(in bytes: UnsafeBufferPointer<UInt8>, family: Family, html: Bool, decoder: Decoder) -> [Range<Int>] {
        var windows: [Range<Int>] = []
        forEachCandidate(in: bytes, family: family, html: html) { candidate in
            // Inside the last window, well clear of its end: already decoded whole.
            if let last = windows.last, candidate + after(family) <= last.upperBound { return }
            guard probe(bytes, at: candidate, family: family, html: html, decoder: decoder) else { return }
            let start = snapBack(bytes, max(0, candidate - before))
            let end = snapForward(bytes, min(bytes.count, candidate + after(family)))
            Prefilter.merge(start..<end, into: &windows)
        }
        return windows
    }

    /// Calls `body` with the offset of every candidate found on the raw bytes, in increasing order.
    /// - Parameters:
    ///   - html: whether tags are gaps (HTML) or characters (other text).
    ///   - portable: walk byte by byte rather than 64 bytes at a time with AVX2 (tests).
    static func forEachCandidate(in bytes: UnsafeBufferPointer<UInt8>, family: Family, html: Bool, portable: Bool = false,
                                 _ body: (Int) -> Void) {
        guard let base = bytes.baseAddress, !bytes.isEmpty else { return }
        var state = BeianLegacyState()
        beian_legacy_state_init(&state, html ? 1 : 0)
        withUnsafeTemporaryAllocation(of: Int.self, capacity: 256) { out in
            var from = 0
            while from < bytes.count {
                var resume = 0
                let found = beian_find_legacy_candidates(base, bytes.count, from, family == .big5 ? 1 : 0, portable ? 1 : 0,
                                                         &state, out.baseAddress!, out.count, &resume)
                for index in 0..<found { body(out[index]) }
                from = resume
            }
        }
    }

    /// Whether the anchor window of `candidate`, decoded, holds a UTF-8 anchor.
    private static func probe(_ bytes: UnsafeBufferPointer<UInt8>, at candidate: Int, family: Family, html: Bool,
                              decoder: Decoder) -> Bool {
        let start = snapBack(bytes, max(0, candidate - Prefilter.windowBefore * family.stretch))
        let end = snapForward(bytes, min(bytes.count, candidate + Prefilter.windowAfter * family.stretch))
        decoder.reset()
        let (decoded, _) = decoder.decode(UnsafeBufferPointer(rebasing: bytes[start..<end]), flush: true)
        var found = false
        decoded.withUnsafeBufferPointer { text in Prefilter.forEachAnchor(in: text, html: html) { _ in found = true } }
        return found
    }

    private static func snapBack(_ bytes: UnsafeBufferPointer<UInt8>, _ index: Int) -> Int {
        var cursor = index
        while cursor > 0, index - cursor < snapReach {
            if bytes[cursor - 1] < 0x30 { return cursor }
            cursor -= 1
        }
        return cursor
    }

    private static func snapForward(_ bytes: UnsafeBufferPointer<UInt8>, _ index: Int) -> Int {
        var cursor = index
        while cursor < bytes.count, cursor - index < snapReach {
            if bytes[cursor] < 0x30 { return cursor }
            cursor += 1
        }
        return cursor
    }
}
