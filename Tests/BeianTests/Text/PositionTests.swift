import CBeianScan
import Foundation
import Testing
@testable import Beian

/// Lines and columns of findings: counted in Unicode scalars of the decoded text, LF, CRLF
/// and CR ending lines, the same for check and streams and in every encoding.
@Suite struct PositionTests {
    /// A page whose lines end in LF, CRLF and CR, with wide characters before the findings.
    static let page = "首页 · 关于我们\n联系：北京市\r\n版权所有 © 2024\r  京ICP备16065310号-3 京公网安备\n11010802020088号\n"

    static func positions(_ findings: [Finding]) -> [String] {
        findings.map { "\($0.position.map(String.init(describing:)) ?? "-")-\($0.endPosition.map(String.init(describing:)) ?? "-")" }
    }

    @Test func linesEndAtLFCRLFAndCRAndColumnsCountScalars() {
        let found = scanner.check(Self.page).findings
        #expect(found.map(\.kind) == [.icpFiling, .publicSecurityFiling])
        // Line 4 starts after the CR; "  " then the filing: column 3. The public security
        // filing starts at 京 on line 4 and ends on line 5 (its number is on the next line).
        #expect(Self.positions(found) == ["4:3-4:19", "4:20-5:16"])
    }

    @Test func aByteOrderMarkTakesNoColumn() {
        let found = scanner.check([0xEF, 0xBB, 0xBF] + Array("京ICP备16065310号".utf8)).findings
        #expect(Self.positions(found) == ["1:1-1:15"])
    }

    @Test(arguments: ["GB18030", "Big5", "UTF-16LE", "UTF-16BE"])
    func everyEncodingGivesTheUTF8Positions(encoding: String) throws {
        let utf8 = scanner.check(Self.page).findings
        // Big5 has no simplified 关 or 联; the traditional page reads the same characters' count.
        let text = encoding == "Big5" ? "首頁 · 關於我們\n聯繫：北京市\r\n版權所有 © 2024\r  京ICP備16065310號-3 京公網安備\n11010802020088號\n"
                                      : Self.page
        let bytes = try #require(TextEncoding.encode(text, as: encoding))
        let report = scanner.check(bytes, encoding: encoding)
        #expect(report.encoding == (encoding == "Big5" ? "Big5" : encoding))
        #expect(Self.positions(report.findings) == Self.positions(utf8), "\(encoding)")
        #expect(report.findings.map(\.start) != utf8.map(\.start) || encoding == "UTF-8")
    }

    @Test(arguments: ["UTF-8", "GB18030", "Big5", "UTF-16LE"])
    func streamsGiveTheSamePositionsAsCheck(encoding: String) throws {
        // Enough text before and between the findings that the stream scans several chunks
        // and drops text between them.
        var text = ""
        for line in 0..<3000 {
            text += line % 2 == 0 ? "第\(line)行，文字文字文字。\r\n" : "line \(line)\r"
            if line % 500 == 7 {
                text += encoding == "Big5" ? "  京ICP備16065310號-3 京公網安備 11010802020088號\n" : "  京ICP备16065310号-3 京公网安备 11010802020088号\n"
            }
        }
        let bytes = try #require(encoding == "UTF-8" ? Array(text.utf8) : TextEncoding.encode(text, as: encoding))
        let whole = scanner.check(bytes, encoding: encoding).findings
        let stream = BeianStream(scanner: scanner, encoding: encoding, chunkSize: BeianStream.minimumChunkSize)
        var streamed: [Finding] = []
        var offset = 0
        while offset < bytes.count {
            let end = min(bytes.count, offset + 3001)
            streamed += stream.feed(Array(bytes[offset..<end]))
            offset = end
        }
        streamed += stream.finish()
        #expect(whole.count == 12)
        #expect(Self.positions(streamed) == Self.positions(whole), "\(encoding)")
        #expect(whole.first?.position == TextPosition(line: 9, column: 3))
    }

    @Test func gb18030FourByteCharactersAndBig5PairsAreOneColumn() throws {
        // 𠀀 (U+20000) is four bytes in GB18030, é two.
        let text = "é\u{20000}x 京ICP备16065310号"
        let gb = try #require(TextEncoding.encode(text, as: "GB18030"))
        #expect(gb.count == text.utf8.count - 3)
        #expect(Self.positions(scanner.check(gb, encoding: "GB18030").findings) == ["1:5-1:19"])
        #expect(Self.positions(scanner.check(text).findings) == ["1:5-1:19"])
    }

    /// The counter, advanced in random steps over random text (long runs so that the vector
    /// loops and their edges are used), agrees with a naive count of the decoded prefix, in
    /// UTF-8 and in the legacy encodings (whose line breaks are counted as UTF-8's are).
    @Test(arguments: ["UTF-8", "GB18030", "Big5"])
    func counterAgreesWithANaiveCount(encoding: String) throws {
        var generator = SystemRandomNumberGenerator()
        let pieces = ["a", "\r", "\n", "\r\n", "京", " ", "abcdefghijklmnop", "\r\r\n\n", "號碼"]
            + (encoding == "Big5" ? [] : ["é", "𠀀"])
        let reading: PositionCounter.Reading = switch encoding {
        case "GB18030": .gb18030
        case "Big5": .big5
        default: .utf8
        }
        func encoded(_ text: String) throws -> [UInt8] {
            encoding == "UTF-8" ? Array(text.utf8) : try #require(TextEncoding.encode(text, as: encoding))
        }
        for _ in 0..<300 {
            let text = (0..<Int.random(in: 0...120, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
            let bytes = try encoded(text)
            // Character starts, as findings start, never between CR and LF; with the naive
            // position of each.
            var starts: [(offset: Int, position: TextPosition)] = []
            var offset = 0, line = 1, column = 1, previousCR = false
            for scalar in text.unicodeScalars {
                if !(scalar == "\n" && previousCR) { starts.append((offset, TextPosition(line: line, column: column))) }
                if scalar == "\n" {
                    if !previousCR { line += 1 }
                    column = 1
                } else if scalar == "\r" {
                    line += 1
                    column = 1
                } else {
                    column += 1
                }
                previousCR = scalar == "\r"
                offset += try encoded(String(scalar)).count
            }
            starts.append((bytes.count, TextPosition(line: line, column: column)))
            let targets = starts.filter { _ in Bool.random(using: &generator) }
            bytes.withUnsafeBufferPointer { buffer in
                var counter = PositionCounter(reading: reading)
                for target in targets {
                    #expect(counter.position(at: target.offset, in: buffer) == target.position, "\(text.debugDescription) at \(target.offset)")
                    counter.advance(to: target.offset, in: buffer)
                    #expect(counter.position == target.position, "\(text.debugDescription) at \(target.offset)")
                }
            }
        }
    }

    /// The C line-break count (its AVX2 and SSE2 loops, their edges and the byte after the
    /// range) against a naive count, on random bytes thick with CR and LF.
    @Test func lineBreakCountAgreesWithANaiveCount() {
        var generator = SystemRandomNumberGenerator()
        let alphabet: [UInt8] = [0x0A, 0x0D, 0x0D, 0x41, 0xE4, 0x20]
        for _ in 0..<2000 {
            let count = Int.random(in: 0...(Bool.random(using: &generator) ? 140 : 20_000), using: &generator)
            let bytes = (0..<count).map { _ in alphabet.randomElement(using: &generator)! }
            let after = [-1, 0x0A, 0x0D, 0x41].randomElement(using: &generator)!
            var breaks = 0, tail = 0
            for (index, byte) in bytes.enumerated() {
                if byte == 0x0A { breaks += 1; tail = index + 1 }
                if byte == 0x0D {
                    tail = index + 1
                    let next = index + 1 < count ? Int(bytes[index + 1]) : after
                    if next != 0x0A { breaks += 1 }
                }
            }
            var counted = 0
            let found = bytes.withUnsafeBufferPointer { buffer in
                beian_count_line_breaks(buffer.baseAddress ?? UnsafePointer(bitPattern: 1)!, count, Int32(after), &counted)
            }
            #expect(found == breaks && counted == tail, "\(count) bytes, after \(after)")
        }
    }

    @Test func positionsAreInTheJSON() throws {
        let value = ReportJSON.value(of: scanner.check(Self.page)).serialized()
        #expect(value.contains(#""line":4,"column":3,"end_line":4,"end_column":19"#))
        #expect(value.contains(#""line":4,"column":20,"end_line":5,"end_column":16"#))
    }

    @Test func textReportNamesFileLineAndColumn() {
        let text = TextReport(languages: [.en]).render(scanner.check(Self.page, source: "footer.html"))
        #expect(text.contains("✔ 京ICP备16065310号-3  footer.html:4:3  [icp_filing"))
        let line = TextReport(languages: [.en]).render(scanner.check(Self.page).findings[0], source: "footer.html")
        #expect(line.hasPrefix("footer.html:4:3: ✔ 京ICP备16065310号-3  [icp_filing"))
    }
}
