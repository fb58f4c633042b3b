import CBeianScan
import Testing

/// The AVX2 UTF-8 check only says how far the input can be trusted; the answer must always be
/// the byte-by-byte walk's.
@Suite struct UTF8ValidationTests {
    private func both(_ bytes: [UInt8], truncatedEnd: Bool = false) -> (fast: Int, scalar: Int) {
        bytes.withUnsafeBufferPointer { buffer in
            let base = buffer.baseAddress!
            return (beian_utf8_valid_prefix(base, buffer.count, truncatedEnd ? 1 : 0),
                    beian_utf8_valid_prefix_scalar(base, buffer.count, truncatedEnd ? 1 : 0))
        }
    }

    /// Every lead byte with every second byte, followed by continuations, at offsets around the
    /// 32-byte block boundary and inside a block of other non-ASCII text: overlongs, surrogates,
    /// code points above U+10FFFF, missing and extra continuations.
    @Test func everyTwoBytePrefixAgrees() {
        let text = Array("备案号：京ICP备05002571号，公网安备11010802020088号".utf8)
        for offset in [29, 31, 32, 45] {
            for lead in 0x80...0xFF {
                for second in 0...0xFF {
                    // Followed by none to two more continuations, so that each sequence length
                    // is complete once (an extra continuation is an error of its own).
                    for more in 0...2 {
                        // Whole characters up to the offset: non-ASCII text, then ASCII.
                        var bytes = Array(String(repeating: "备", count: offset / 3).utf8)
                        while bytes.count < offset { bytes.append(0x41) }
                        bytes += [UInt8(lead), UInt8(second)] + Array(repeating: 0x80, count: more)
                        bytes += text
                        let result = both(bytes)
                        if result.fast != result.scalar {
                            Issue.record("lead \(lead) second \(second) + \(more) at \(offset): \(result.fast) vs \(result.scalar)")
                            return
                        }
                    }
                }
            }
        }
    }

    /// Random mixtures of valid characters (one to four bytes) and stray bytes, with and without
    /// a truncated end.
    @Test func randomInputsAgree() {
        var generator = SystemRandomNumberGenerator()
        let characters: [[UInt8]] = ["a", " ", "<", "é", "备", "號", "😀", "\u{10FFFF}", "\u{FFFD}"].map { Array($0.utf8) }
        for round in 0..<4000 {
            var bytes: [UInt8] = []
            let length = Int.random(in: 64...400, using: &generator)
            let strays = round % 4  // some inputs are valid throughout
            while bytes.count < length {
                if strays > 0, Int.random(in: 0..<200, using: &generator) < strays {
                    bytes.append(UInt8.random(in: 0x80...0xFF, using: &generator))
                } else {
                    bytes += characters.randomElement(using: &generator)!
                }
            }
            if round % 3 == 0 { bytes.removeLast(Int.random(in: 0...2, using: &generator)) }
            for truncatedEnd in [false, true] {
                let result = both(bytes, truncatedEnd: truncatedEnd)
                #expect(result.fast == result.scalar, "\(bytes)")
            }
        }
    }

    @Test func validTextIsValidWhole() {
        let bytes = Array(String(repeating: "举报电话：0 京ICP备05002571号 ", count: 50).utf8)
        #expect(both(bytes).fast == bytes.count)
        // 190 bytes are five whole repetitions; then a lead byte without its continuations.
        let broken = bytes.prefix(190) + [0xE4, 0x41] + bytes.prefix(190)
        #expect(both(Array(broken)).fast == 190)
    }
}
