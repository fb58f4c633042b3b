import CBeianScan
import Foundation
import Testing
@testable import Beian

/// A seeded SplitMix64, so that the random tests are reproducible.
struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

@Suite struct AnchorLoopTests {
    private static let pieces = [
        "备", "備", "证", "報", "訴", "ICP", "ＩＣＰ", "安", "举", "投", "可", "-", "－", "–", "B2", "Ｂ２", "D3", "1", "１２３",
        "&#22791;", "&#x5907;", "&ndash;", "&nbsp;", "&#45;", "report", "ＲＥＰＯＲＴ", "Licence", "tip-off", "complain",
        "<b>", "</a>", " ", "\u{3000}", "x", "中文", "12345678", "X", "\u{FFFD}",
        "码", "碼", "代", "照", "執", "文", "网", "網", "第", "字", "性", "营", "出", "算", "icp", "Security", "POLICE", "Ｐｏｌｉｃｅ",
        // Near the nibble classes' edges: other forms after EF and E2, and words sharing letters.
        "﹣", "—", "−", "∑", "＠", "［", "ｚ", "｛", "，", "【", "solid", "TIP-", "dice", "yep", "Bcp", "comp", "poly", "secure",
    ]

    private func anchors(_ bytes: [UInt8], html: Bool = true, portable: Bool) -> [Int] {
        var found: [Int] = []
        bytes.withUnsafeBufferPointer { buffer in Prefilter.forEachAnchor(in: buffer, html: html, portable: portable) { found.append($0) } }
        return found
    }

    /// The AVX2 loop's candidate mask only narrows where the portable loop looks: both report
    /// the same anchors, including at block edges and in the unaligned tail.
    @Test func avx2AndPortableLoopsAgree() {
        var generator = SeededGenerator(state: 7)
        for _ in 0..<2000 {
            var text = ""
            for _ in 0..<Int.random(in: 1...120, using: &generator) { text += Self.pieces.randomElement(using: &generator)! }
            var bytes = Array(text.utf8)
            // Random bytes too, so that invalid UTF-8 and every byte value reach both loops.
            for _ in 0..<Int.random(in: 0...40, using: &generator) {
                bytes.insert(UInt8.random(in: 0...255, using: &generator), at: Int.random(in: 0...bytes.count, using: &generator))
            }
            let html = Bool.random(using: &generator)
            #expect(anchors(bytes, html: html, portable: false) == anchors(bytes, html: html, portable: true), "\(bytes)")
        }
    }

    /// In text that is not HTML a "tag" is characters: a number inside one must be found, and
    /// a digit before it must not make the search for numbers skip past it. In HTML the tag
    /// hides it, as the naive scanner says.
    @Test func tagsHideNumbersOnlyInHTML() {
        for text in ["B2-2<x 增值电信业务经营许可证 B2-20090003 >", "B2-2<x 京ICP备05002571号 >", "1<i 举报电话：12377 >"] {
            for html in [false, true] {
                let fast = findings(text, html: html).map { "\($0.kind.rawValue) \($0.raw)" }
                #expect(fast == naiveFindings(Array(text.utf8), html: html).map { "\($0.kind.rawValue) \($0.raw)" }, "\(text) html: \(html)")
                #expect(fast.isEmpty == html, "\(text) html: \(html)")
            }
        }
    }

    /// The AVX2 loop drops a label character after an ideograph outside the generated list of
    /// label predecessors; the list must hold every ideograph the rules accept there.
    @Test func theListOfLabelPredecessorsIsComplete() {
        #expect(beian_anchors_self_check() == 1)
    }

    @Test func labelsNeedTheirPrecedingCharacterAndANumber() {
        func count(_ text: String) -> Int { anchors(Array(text.utf8), portable: false).count }
        #expect(count("京ICP备12345678号") == 1)
        #expect(count("京ICP <b>备</b> 1 2 3") == 1)
        #expect(count("京ＩＣＰ备案号") == 0)
        // An English "ICP" needs only label words before its number.
        #expect(count("Beijing ICP prepared NO.16065310-3") == 1)
        #expect(count("ＩＣＰ License No. 030173") == 1)
        #expect(count("ICP-MS 检测 2024") == 0)
        #expect(count("EPICP 12345678") == 0)
        // Every word ICPRecognizer reads after an English "ICP" is one the byte scanner lets through.
        for word in Labels.icpFilingWords.union(Labels.icpLicenceWords).union(Labels.icpNeutralWords) {
            #expect(count("ICP \(word.uppercased()) 16065310") == 1, "\(word)")
            #expect(count("ICP \(word)pad 16065310") == 0, "\(word) inside a longer word")
        }
        #expect(count("设备12345678") == 0)                    // 备 after 设: no label
        #expect(count("京ICP备案号") == 0)                      // no number follows
        #expect(count("京ICP备1号") == 0)                       // one digit is no number
        #expect(count("举报电话：12377") == 1)
        #expect(count("日报 2024年") == 0)
        #expect(count("B2-20090059") == 1)
        #expect(count("x2-20090059") == 0)
        #expect(count("Ｂ２－２００９００５９") == 1)
        #expect(count("ＲＥＰＯＲＴ hotline 12377") == 1)
        // The other licences' labels (formats.md §6), each after its own preceding character.
        #expect(count("统一社会信用代码：91110000101623741K") == 1)
        #expect(count("证券代码：600519") == 0)                  // 代码 of a stock, not 信用代码
        #expect(count("營業執照：91110000101623741K") == 1)
        #expect(count("京网文〔2020〕1039-165号") == 1)
        #expect(count("中文〔2020〕1039-165号") == 0)             // 文 after 中
        #expect(count("（沪）字第1248号") == 1)
        #expect(count("第1248号") == 0)
        #expect(count("（署）网出证（粤）字第054号") == 2)        // 网出证 and 字第
        #expect(count("(京)-经营性-2017-0020") == 1)
        #expect(count("网信算备110108823483901230031号") == 1)
        #expect(count("Beijing-YunQue-20230821") == 1)           // the date's dash
        #expect(count("2023-08-21") == 0)                         // a dash after a digit
        #expect(count("nav-item 12345") == 0)                     // a letter, but no digit right after
        #expect(count("charset=utf-8\">2024 12345") == 0)        // one digit, not an eight-digit date
        #expect(count("Beijing Public Network Security No. 11011302007815") == 1)
        #expect(count("Shanghai Police No. 31011502406720") == 1)
        // References before and as the anchor (&#80; is a letter, so an English word may start there).
        #expect(anchors(Array("IC&#80;&#22791;12345678".utf8), portable: false).contains(7))
    }

    /// The search for a number after anchors stays linear: a megabyte of anchors without
    /// numbers is rejected in one pass (a quadratic search would take minutes).
    @Test func anchorsWithoutNumbersAreRejectedInLinearTime() {
        let bytes = Array(String(repeating: "京ICP备1", count: 100_000).utf8)
        #expect(anchors(bytes, portable: false).isEmpty)
        #expect(anchors(bytes, portable: true).isEmpty)
        // Tags: a number's search steps over one, then searches again from inside it; the
        // tag's end and what follows it are read once, however many searches reach them.
        let tags = Array((String(repeating: "京ICP备1<i ", count: 300) + ">" + String(repeating: " ", count: 1_000_000) + "x").utf8)
        let nested = Array((String(repeating: "京ICP备1<i 1<b 1", count: 200) + String(repeating: "<i ", count: 100_000) + ">").utf8)
        for input in [tags, nested] {
            for html in [false, true] {
                #expect(anchors(input, html: html, portable: false).isEmpty)
            }
        }
    }
}

@Suite struct EncodingTests {
    private let page = "<html><head><meta charset=\"gbk\"></head><body><p>某某网站 京ICP备05002571号 京公网安备 11010802020088号</p></body></html>"

    @Test func declaredGBKIsDecodedAndOffsetsStayInTheOriginalBytes() throws {
        let bytes = try #require(encode(page, as: "GBK"))
        let report = scanner.check(bytes)
        #expect(report.encoding == "GB18030")
        #expect(report.findings.map(\.number) == ["05002571", "11010802020088"])
        for finding in report.findings {
            let original = try #require(decode(Array(bytes[finding.start..<finding.end]), as: "GBK"))
            #expect(original == finding.raw)
        }
    }

    /// Valid UTF-8 with a multi-byte sequence is UTF-8 whatever a declaration says (a page
    /// transcoded when saved): the report says which declaration it overrode.
    @Test func validUTF8OutranksDeclarations() throws {
        let transcoded = scanner.check(Array(page.utf8))
        #expect(transcoded.encoding == "UTF-8")
        #expect(transcoded.findings.map(\.number) == ["05002571", "11010802020088"])
        #expect(transcoded.issues.map(\.code).first == .charsetMismatch)
        #expect(transcoded.issues.first?.severity == .info && transcoded.issues.first?.message.en.contains("gbk") == true)
        let fromHTTP = scanner.check(Array("京ICP备05002571号".utf8), declaredCharset: "big5")
        #expect(fromHTTP.encoding == "UTF-8" && fromHTTP.issues.first?.message.en.contains("big5") == true)
        // ASCII alone is no evidence: the declaration decides, and nothing is overridden.
        let ascii = scanner.check(Array("<meta charset=\"gbk\"><p>ICP</p>".utf8))
        #expect(ascii.encoding == "GB18030" && !ascii.issues.map(\.code).contains(.charsetMismatch))
        // The transport's declaration outranks <meta> when the bytes are not UTF-8.
        let gbk = try #require(encode(page, as: "GBK"))
        let big5Declared = scanner.check(gbk, declaredCharset: "gbk")
        #expect(big5Declared.encoding == "GB18030")
        let wrongMeta = Array("<meta charset=\"big5\">".utf8) + (try #require(encode("京ICP备05002571号 版权所有", as: "GBK")))
        #expect(scanner.check(wrongMeta, declaredCharset: "GB2312").findings.map(\.number) == ["05002571"])
    }

    /// Short GBK and Big5 footers, whole or cut, are read in their encoding; UTF-16 without a
    /// mark only for an even length with a zero column.
    @Test func shortInputs() throws {
        let footer = "京ICP备12045678号 京公网安备11010802020088号"
        let gbk = try #require(encode(footer, as: "GBK"))
        for bytes in [gbk, Array(gbk.dropLast())] {
            let report = scanner.check(bytes)
            #expect(report.encoding == "GB18030")
        }
        #expect(scanner.check(gbk).findings.map(\.number) == ["12045678", "11010802020088"])
        let big5 = try #require(encode("京ICP備12045678號 京公網安備11010802020088號", as: "Big5"))
        #expect(scanner.check(big5).encoding == "Big5")
        #expect(scanner.check(Array(big5.dropLast())).encoding == "Big5")
        #expect(scanner.check(big5).findings.map(\.number) == ["12045678", "11010802020088"])
        let utf16 = try #require(encode("ICP 12045678", as: "UTF-16LE"))
        #expect(scanner.check(utf16).encoding == "UTF-16LE")
        #expect(scanner.check(Array(utf16.dropLast())).encoding != "UTF-16LE", "never UTF-16 for an odd length")
    }

    @Test func undeclaredBig5IsDetected() throws {
        let text = "本網站內容僅供參考，未經許可不得轉載。版權所有 示例資訊科技有限公司 粵ICP備11018438號 違法和不良信息舉報電話：020-12345678"
        let bytes = try #require(encode(text, as: "Big5"))
        let report = scanner.check(bytes)
        #expect(report.encoding == "Big5")
        #expect(report.findings.map(\.canonical) == ["粤ICP备11018438号", "+86 20 1234 5678"])
        let first = try #require(report.findings.first)
        #expect(decode(Array(bytes[first.start..<first.end]), as: "Big5") == "粵ICP備11018438號")
    }

    /// The raw-byte checks of GB18030 and Big5 pages (a label's predecessors, words after 举报,
    /// "Service" before "License", a telephone word near "report", ICP label words) let through
    /// what the UTF-8 rules accept, written in full width or beside double-byte characters.
    @Test func legacyPagesFindWhatUTF8Finds() throws {
        let footers = [
            "网站 京网文〔2021〕1234-056号 ", "統一社會信用代碼：91110108551385082Q", "舉報電話：010-12345678",
            "投诉　热线　(010)12345678", "Internet News Information Service Ｌｉｃｅｎｓｅ： 11120170001",
            "Report illegal content, Ｔｅｌ：010-12345678", "违法信息 report, ｈｏｔｌｉｎｅ 12377", "Beijing ICP License No.：030173",
            "浙ＩＣＰ备１２０３４５６７号", "证号 京ICP证030173号", "ICP-MS 2024 ICP　備案 京ICP備05002571號",
            // A number written before 举报 with an ideographic space between (a fuzzer find: the
            // legacy walk did not skip that space as the UTF-8 rule does).
            "未经许可 0-12378　举报邮箱：jubao@example.com",
        ]
        for footer in footers {
            let expected = findings(footer).map { "\($0.kind.rawValue) \($0.canonical)" }
            #expect(!expected.isEmpty, "\(footer)")
            for encoding in ["GB18030", "Big5"] {
                // Big5 lacks the simplified characters; the footer as Big5 reads it back is the reference.
                guard let bytes = encode(footer, as: encoding), let readBack = decode(bytes, as: encoding) else { continue }
                let reference = findings(readBack).map { "\($0.kind.rawValue) \($0.canonical)" }
                let legacy = scanner.check(bytes, encoding: encoding).findings.map { "\($0.kind.rawValue) \($0.canonical)" }
                #expect(legacy == reference, "\(encoding): \(readBack)")
                if encoding == "GB18030" { #expect(legacy == expected, "\(footer)") }
            }
        }
    }

    /// Four-byte GB18030 sequences (U+00A0 is 81 30 84 36) take twice the bytes of their UTF-8:
    /// a number 120 no-break spaces after its label is still within the UTF-8 window, and must
    /// be found in GB18030 too; sequences that straddle the AVX2 walk's 64-byte blocks too.
    @Test func fourByteSequencesKeepWindowsWhole() throws {
        let footers = [
            "京ICP备" + String(repeating: "\u{00A0}", count: 120) + "05002571号",
            "举报电话" + String(repeating: "\u{00A0}", count: 150) + "010-12345678",
            String(repeating: "😀x", count: 40) + "京公网安备 11010802020088号😀" + String(repeating: "\u{00A0}中", count: 50) + "粤B2-20090059",
        ]
        for footer in footers {
            let expected = findings(footer).map { "\($0.kind.rawValue) \($0.canonical)" }
            #expect(!expected.isEmpty)
            let bytes = try #require(encode(footer, as: "GB18030"))
            #expect(scanner.check(bytes, encoding: "GB18030").findings.map { "\($0.kind.rawValue) \($0.canonical)" } == expected)
        }
    }

    /// The AVX2 walk over GB18030 and Big5 classifies 64 bytes at a time from the runs of lead
    /// bytes; the byte-by-byte walk reads character by character. They find the same
    /// candidates, on encoded text and on random bytes (invalid sequences, four-byte sequences,
    /// stray trails); and the page gives what its decoding gives as UTF-8, so both walks split
    /// characters where ICU's converters do.
    @Test func legacyWalksAgree() throws {
        var generator = SeededGenerator(state: 11)
        let pieces = ["备", "證", "报", "举报", "ICP备", "京ICP證", "\u{00A0}", "😀", "－", "Ｔｅｌ", "，", "。", "中文内容",
                      "report", "tel", "B2-", "12345", "&#22791;", "<b>", " ", "license", "Service ", "ICP-MS", "安备", "代码", "用",
                      "Police No. 1101", "粵ICP備11018438號"]
        for round in 0..<1500 {
            let family: LegacyWindows.Family = round % 2 == 0 ? .gb18030 : .big5
            let encoding = family == .gb18030 ? "GB18030" : "Big5"
            var text = ""
            for _ in 0..<Int.random(in: 1...200, using: &generator) { text += pieces.randomElement(using: &generator)! }
            var bytes = try #require(encode(text, as: encoding))
            for _ in 0..<Int.random(in: 0...30, using: &generator) {
                bytes.insert(UInt8.random(in: 0...255, using: &generator), at: Int.random(in: 0...bytes.count, using: &generator))
            }
            let html = Bool.random(using: &generator)
            func candidates(portable: Bool) -> [Int] {
                var found: [Int] = []
                bytes.withUnsafeBufferPointer {
                    LegacyWindows.forEachCandidate(in: $0, family: family, html: html, portable: portable) { found.append($0) }
                }
                return found
            }
            #expect(candidates(portable: false) == candidates(portable: true), "\(encoding) \(bytes)")
            let decoded = try #require(decode(bytes, as: encoding))
            let legacy = scanner.check(bytes, isHTML: html, encoding: encoding).findings.map { "\($0.kind.rawValue) \($0.canonical)" }
            #expect(legacy == findings(decoded, html: html).map { "\($0.kind.rawValue) \($0.canonical)" }, "\(encoding) \(bytes)")
        }
    }

    @Test func byteOrderMarksAndOverrides() throws {
        let utf16 = [UInt8]([0xFF, 0xFE]) + "京ICP备05002571号".utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        let report = scanner.check(utf16)
        #expect(report.encoding == "UTF-16LE")
        #expect(report.findings.first?.start == 2)
        #expect(report.findings.first?.end == utf16.count)
        // A declaration is overridden by the caller; a String is always its own UTF-8.
        let utf8 = Array(page.utf8)
        #expect(scanner.check(utf8, encoding: "utf-8").encoding == "UTF-8")
        #expect(scanner.check(page).encoding == "UTF-8")
        #expect(scanner.check(page).findings.count == 2)
        #expect(Encodings.canonicalName("no-such-charset") == nil)
        #expect(Encodings.canonicalName("GB2312") == "GB18030")
    }

    @Test func damagedUTF8StaysUTF8() {
        var bytes = Array(String(repeating: "页面正文，", count: 20).utf8)
        bytes += [0xFF, 0xC0] + Array("京ICP备05002571号".utf8)
        let report = scanner.check(bytes)
        #expect(report.encoding == "UTF-8")
        #expect(report.findings.map(\.number) == ["05002571"])
    }

    private func encode(_ text: String, as encoding: String) -> [UInt8]? { TextEncoding.encode(text, as: encoding) }
    private func decode(_ bytes: [UInt8], as encoding: String) -> String? { TextEncoding.decode(bytes, as: encoding) }
}

@Suite struct StreamTests {
    /// A character of a GB18030 or Big5 stream cut between two pieces keeps its offset: the
    /// bytes the decoder held count from where they began (a fault found by feeding
    /// `beian scan -` a GBK page whose character straddled the 64 KiB read).
    @Test func charactersCutBetweenPiecesKeepTheirOffsets() throws {
        for (encoding, filler, footer) in [("GBK", "正文内容 ", "京ICP备12045678号 正文"), ("Big5", "正文內容 ", "京ICP備12045678號 正文")] {
            let unit = try #require(TextEncoding.encode(filler, as: encoding))
            for cut in [65534, 65535] {
                var bytes = Array(Array(repeating: unit, count: 20_000).joined().prefix(cut)) + [0x20]
                bytes += try #require(TextEncoding.encode(footer, as: encoding))
                let whole = scanner.check(bytes).findings.map { $0.byteRange }
                #expect(!whole.isEmpty)
                for split in [65535, 65536, 65537] {
                    let stream = BeianStream(scanner: scanner)
                    var found = stream.feed(Array(bytes[..<split]))
                    found += stream.feed(Array(bytes[split...]))
                    found += stream.finish()
                    #expect(found.map(\.byteRange) == whole, "\(encoding) cut \(cut) split \(split)")
                }
            }
        }
    }

    /// Fed in pieces of any size, a stream finds exactly what checking the whole input finds,
    /// at the same offsets, in UTF-8 and in GB18030.
    @Test func piecesOfAnySizeGiveTheWholeDocumentsFindings() throws {
        var generator = SeededGenerator(state: 42)
        let footer = "<p>京ICP备05002571号 京公网安备 11010802020088号 粤B2-20090059 违法和不良信息举报电话：12377</p>"
        let filler = "<div class=\"nav\">新闻 政务 服务 互动</div><p>" + String(repeating: "正文内容，设备与报道。", count: 30) + "</p>\n"
        var page = "<html><body>"
        for index in 0..<400 { page += index % 37 == 0 ? footer : filler }
        page += "</body></html>"
        let utf8 = Array(page.utf8)
        let gbk = try #require(TextEncoding.encode(page, as: "GB18030"))
        for bytes in [utf8, gbk] {
            let whole = scanner.check(bytes, encoding: bytes == utf8 ? nil : "GB18030")
            #expect(whole.findings.count == 44)
            for _ in 0..<3 {
                let stream = BeianStream(scanner: scanner, encoding: bytes == utf8 ? nil : "GB18030",
                                         chunkSize: Int.random(in: 8192...40_000, using: &generator))
                var found: [Finding] = []
                var offset = 0
                while offset < bytes.count {
                    let size = Int.random(in: 1...30_000, using: &generator)
                    let end = min(bytes.count, offset + size)
                    found += stream.feed(Array(bytes[offset..<end]))
                    offset = end
                }
                found += stream.finish()
                #expect(found.count == whole.findings.count)
                #expect(found == whole.findings, "first difference at \(zip(found, whole.findings).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? -1)")
                #expect(stream.issues == whole.issues)
                #expect(stream.encoding == whole.encoding)
            }
        }
    }

    /// A stream scans a long stretch in two halves at once (`parallelScanMinimum`): dense
    /// findings of several kinds, many standing across wherever the middle falls, come out as
    /// one scan of the whole gives them, in text, HTML and GB18030.
    @Test func halvesScannedAtOnceFindWhatOneScanFinds() throws {
        let line = "京ICP备05002571号-2 沪公网安备31010402001234号 粤B2-20090059 电话：023-67158993 "
        let text = String(repeating: line, count: 4000)
        let html = "<html><body>" + String(repeating: "<p title=\"京ICP备05002571号\">" + line + "</p>", count: 3000) + "</body></html>"
        let chunk = 2 * BeianStream.parallelScanMinimum
        for (document, encoding) in [(text, nil), (html, nil), (text, "GB18030")] as [(String, String?)] {
            let bytes = try #require(encoding.map { TextEncoding.encode(document, as: $0) } ?? Array(document.utf8))
            #expect(bytes.count > 2 * chunk)
            let whole = scanner.check(bytes, encoding: encoding)
            let stream = BeianStream(scanner: scanner, encoding: encoding, chunkSize: chunk)
            var found = stream.feed(bytes)
            found += stream.finish()
            #expect(found.count == whole.findings.count)
            let firstDifference = zip(found, whole.findings).enumerated().first { $0.element.0 != $0.element.1 }
            #expect(firstDifference == nil, "first difference at \(firstDifference?.offset ?? -1): \(String(describing: firstDifference?.element))")
            #expect(stream.issues == whole.issues)
        }
    }

    /// Documents above the whole-document limit are checked as streams by `check` itself.
    @Test func largeDocumentsAreCheckedInPieces() {
        let block = String(repeating: "页面正文。", count: 100_000) + "京ICP备05002571号\n"
        let text = String(repeating: block, count: 12)
        #expect(text.utf8.count > BeianScanner.wholeDocumentLimit)
        let report = scanner.check(text)
        #expect(report.findings.count == 12)
        let bytes = Array(text.utf8)
        #expect(report.findings.allSatisfy { String(decoding: bytes[$0.start..<$0.end], as: UTF8.self) == "京ICP备05002571号" })
    }
}
