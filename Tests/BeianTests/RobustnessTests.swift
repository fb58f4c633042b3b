import Testing
@testable import Beian

/// Junk in, a clean result out: no crash, no hang (python-stdnum's robustness test, for Beian).
@Suite struct RobustnessTests {
    @Test func emptyInput() {
        let report = scanner.check([UInt8]())
        #expect(report.findings.isEmpty)
        #expect(report.issues.map(\.code) == [.noFindings])
    }

    @Test func invalidUTF8AndNULBytesAroundAnIdentifier() throws {
        var bytes: [UInt8] = [0xFF, 0x00, 0xE5, 0xA4]
        let start = bytes.count
        bytes += Array("渝ICP备20009753号".utf8)
        bytes += [0x00, 0xC0, 0xAF, 0xED, 0xA0, 0x80]
        let finding = try #require(scanner.check(bytes).findings.first)
        #expect(finding.start == start)
        #expect(finding.raw == "渝ICP备20009753号")
    }

    /// Swift strings cannot hold lone surrogates: decoding UTF-16 with one gives U+FFFD, and
    /// the identifier beside it keeps its UTF-8 offsets.
    @Test func loneSurrogatesInStringInput() throws {
        let units: [UInt16] = [0xD800, 0x0041] + Array("京ICP备05002571号".utf16) + [0xDC00]
        let text = String(decoding: units, as: UTF16.self)
        let finding = try #require(scanner.check(text).findings.first)
        #expect(finding.start == 4)  // U+FFFD (3 bytes) and "A"
        #expect(finding.raw == "京ICP备05002571号")
    }

    /// A 100 MB line through the streaming API: no line breaks, two identifiers, bounded work.
    @Test func aHundredMegabyteLine() {
        let stream = BeianStream(scanner: scanner)
        let filler = Array(String(repeating: "页面正文，没有换行。", count: 3_500).utf8)  // 105 000 bytes
        var found: [Finding] = []
        var total = 0
        for index in 0..<1_000 {
            var piece = filler
            if index == 3 || index == 997 { piece += Array(" 京ICP备05002571号 ".utf8) }
            found += stream.feed(piece)
            total += piece.count
        }
        found += stream.finish()
        #expect(total > 100_000_000)
        #expect(found.map(\.number) == ["05002571", "05002571"])
        #expect(found.allSatisfy { $0.end - $0.start == "京ICP备05002571号".utf8.count })
    }

    @Test func aMegabyteOfAnchors() {
        let text = String(repeating: "备", count: 350_000)
        #expect(scanner.check(text).findings.isEmpty)
        let filings = String(repeating: "京ICP备", count: 50_000)
        #expect(scanner.check(filings).findings.isEmpty)
        // One digit is no number (TextView.minimumDigits); three are, of the wrong length.
        let ones = String(repeating: "京ICP备1", count: 20_000)
        #expect(scanner.check(ones).findings.isEmpty)
        let threes = String(repeating: "京ICP备123", count: 20_000)
        let found = scanner.check(threes).findings
        #expect(found.count == 20_000)
        #expect(found.allSatisfy { $0.issues.map(\.code) == [.invalidLength] })
    }

    @Test func deeplyNestedTagsAndAnUnclosedComment() throws {
        let nested = String(repeating: "<div><span>", count: 20_000) + "京ICP备05002571号" + String(repeating: "</span></div>", count: 20_000)
        #expect(scanner.check(nested, isHTML: true).findings.map(\.number) == ["05002571"])
        // An unclosed comment runs to the end: what it holds is found, as comments.
        let comment = "<p>京ICP备05002571号</p><!-- " + String(repeating: "京ICP备11111111号 ", count: 100)
        let found = scanner.check(comment, isHTML: true).findings
        #expect(found.map(\.number) == ["05002571"] + Array(repeating: "11111111", count: 100))
        #expect(found.map(\.context) == [.text] + Array(repeating: .comment, count: 100))
    }

    @Test func aLongLineOfDigitsAndDashes() {
        let digits = "举报电话：" + String(repeating: "1234567890", count: 100_000)
        #expect(scanner.check(digits).findings.isEmpty)
        let dashes = String(repeating: "B2-", count: 200_000)
        #expect(scanner.check(dashes).findings.isEmpty)
    }

    @Test func binaryNoise() {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<20 {
            let bytes = (0..<4096).map { _ in UInt8.random(in: 0...255, using: &generator) }
            let report = scanner.check(bytes)
            for finding in report.findings { #expect(finding.start < finding.end && finding.end <= bytes.count) }
        }
    }
}
