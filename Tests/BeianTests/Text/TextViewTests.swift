import Testing
@testable import Beian

@Suite struct TextViewTests {
    private func view(_ text: String, html: Bool = false) -> TextView {
        let bytes = Array(text.utf8)
        return bytes.withUnsafeBufferPointer { scanner.fullView(of: $0, isHTML: html) }
    }

    @Test func everyScalarKnowsItsBytes() {
        let text = "粵ＩＣＰ&nbsp;備"
        let decoded = view(text)
        #expect(decoded.text(0..<decoded.count) == "粤ICP备")
        #expect(decoded.starts == [0, 3, 6, 9, 12, 18])
        #expect(decoded.ends == [3, 6, 9, 12, 18, 21])
    }

    @Test func tagsBecomeGapsOnlyInHTML() {
        let html = view("京<b>ICP</b><br>备", html: true)
        #expect(html.scalars.map(String.init).joined() == "京 ICP\n备")
        let text = view("京<b>ICP</b>备", html: false)
        #expect(text.text(0..<text.count) == "京<b>ICP</b>备")
    }

    /// A comment's inside is read, fenced off from the text around it by boundaries.
    @Test func commentsAndUnclosedTags() {
        let closed = view("a<!-- 京ICP备12345678号 -->b", html: true)
        #expect(closed.text(0..<closed.count) == "a\u{FFFC}京ICP备12345678号\u{FFFC}b")
        let unclosed = view("a < b", html: true)
        #expect(unclosed.text(0..<unclosed.count) == "a<b")
    }

    /// Readable attribute values (title, alt …) follow the text, each fenced off; others
    /// (href, src) are not read.
    @Test func readableAttributesFollowTheText() {
        let tagged = view(#"<a href="x?code=123" title="京ICP备1号">t</a><img alt='沪' src="y.png">"#, html: true)
        #expect(tagged.text(0..<tagged.count) == "t\u{FFFC}京ICP备1号\u{FFFC}\u{FFFC}沪\u{FFFC}")
    }

    @Test func invalidUTF8BecomesReplacementCharactersOfOneByte() {
        let bytes: [UInt8] = [0xE5, 0xA4, 0x41, 0xFF, 0xC0, 0x80, 0xED, 0xA0, 0x80]
        let decoded = bytes.withUnsafeBufferPointer { scanner.fullView(of: $0, isHTML: false) }
        #expect(decoded.scalars.first == "\u{FFFD}")
        #expect(decoded.scalars.contains("A"))
        #expect(decoded.ends.last == bytes.count)
        #expect(zip(decoded.starts, decoded.ends).allSatisfy { $0 < $1 })
    }

    @Test func numericAndNamedReferences() {
        let decoded = view("&#x4eac;&#73;&amp;&bogus;&#xZZ;")
        #expect(decoded.text(0..<decoded.count) == "京I&&bogus;&#xZZ;")
    }

    @Test func fastPathSkipsICUForCanonicalText() {
        func window(_ text: String) -> TextView {
            let bytes = Array(text.utf8)
            return bytes.withUnsafeBufferPointer { scanner.view(of: $0, range: 0..<$0.count, isHTML: false) }
        }
        #expect(!window("京ICP备12345678号 违法和不良信息举报电话:12377").usedTransliterator)
        #expect(window("京ICP備12345678號").usedTransliterator)
        #expect(window("京ＩＣＰ备").usedTransliterator)
        #expect(window("京ICP備12345678號").text(0..<14) == "京ICP备12345678号")
    }

    @Test func dashLookAlikesFoldToHyphen() {
        let decoded = view("B2–2009—1−2")
        #expect(decoded.text(0..<decoded.count) == "B2-2009-1-2")
    }
}

@Suite struct PrefilterTests {
    private func naive(_ text: String, html: Bool) -> [Finding] { naiveFindings(Array(text.utf8), html: html) }

    private static let pieces = [
        "渝ICP备20009753号-2", "粵ICP備11018438號", "京ＩＣＰ备１２０１８８８８号", "京公网安备 11010802020088号", "粤B2-20090059",
        "互联网新闻信息服务许可证号:50120220004", "违法和不良信息举报电话：12377", "举报电话：010-62646869",
        "reported by calling this telephone number:+86-23-67158993", "合字B1.B2-20130004", "<a href=\"https://beian.miit.gov.cn\">",
        "</a>", "<span>", "</span>", "<br>", "&nbsp;", " ", "\n", "版权所有", "阿里云ICP备案", "ICP-MS", "订单号12345678901",
        "备", "证", "-", "B2", "1", "举报", "report", "x2-y3", "&#22791;", "&#x4eac;", "<p title=\"京ICP备11111111号\">",
        "\u{FFFD}", "é", "ICP", "号", "公网安备", "\u{3000}",
        "统一社会信用代码：91110000101623741K", "京网文〔2020〕1039-165号", "（沪）字第1248号", "（署）网出证（粤）字第054号",
        "(京)-经营性-2017-0020", "互联网宗教信息服务许可证：京（2022）0000043", "网信算备110108823483901230031号",
        "Beijing-YunQue-20230821", "视听节目许可证 0910417", "Beijing ICP prepared NO.16065310-3", "Jin ICP Bei 05002571",
        "Shanghai Police No. 31011502406720", "ICP License No. 030173", "網文", "字第", "经营性", "代碼", "執照", "-", "2023",
    ]

    @Test func prefilterAgreesWithTheNaiveScannerOnRandomDocuments() {
        var generator = SeededGenerator(state: 20_261_125)
        for round in 0..<400 {
            var text = ""
            let length = Int.random(in: 1...60, using: &generator)
            for _ in 0..<length { text += Self.pieces.randomElement(using: &generator)! }
            // Stretch some documents so that windows are separated by long filler.
            if round % 4 == 0 { text = String(repeating: "页面正文。", count: 80) + text + String(repeating: "x", count: 500) }
            let html = round % 2 == 0
            let fast = scanner.check(text, isHTML: html).findings
            let reference = naive(text, html: html)
            #expect(fast == reference, "round \(round): \(text)")
            if fast != reference { return }
        }
    }

    /// The windows' invariant: every identifier lies inside the window of one of its anchors.
    @Test func everyRecognisedIdentifierLiesInAnAnchorsWindow() {
        for piece in Self.pieces {
            let bytes = Array(piece.utf8)
            var anchors: [Int] = []
            bytes.withUnsafeBufferPointer { buffer in Prefilter.forEachAnchor(in: buffer, html: false) { anchors.append($0) } }
            for finding in naive(piece, html: false) {
                let covered = anchors.contains {
                    $0 - Prefilter.windowBefore <= finding.start && finding.end <= $0 + Prefilter.windowAfter
                }
                #expect(covered, "\(piece): \(finding.raw)")
            }
        }
    }
}

@Suite struct CanonicalScalarTests {
    @Test func labelCharactersSurviveICU() {
        let transliterator = try! Transliterator()
        for scalar in "京沪粤渝蜀川备证号公网安举报电话许可".unicodeScalars {
            #expect(transliterator.apply(String(Character(scalar))) == String(Character(scalar)), "\(scalar)")
        }
    }
}
