import Testing
@testable import Beian

@Suite struct ICPRecognizerTests {
    @Test func iChongqingFilingIsTheModelFinding() throws {
        let finding = try #require(single("渝ICP备20009753号-2"))
        #expect(finding.kind == .icpFiling)
        #expect(finding.raw == "渝ICP备20009753号-2")
        #expect(finding.canonical == "渝ICP备20009753号-2")
        #expect(finding.number == "20009753")
        #expect(finding.site == "2")
        #expect(finding.province == Province(code: "50"))
        #expect(finding.province?.en == "Chongqing")
        #expect(finding.isValid)
        #expect(finding.issues.isEmpty)
        #expect((finding.start, finding.end) == (0, 22))
    }

    /// Renderings real footers use (formats.md §7, §8); each must give the same value.
    @Test(arguments: [
        ("粵ICP備11018438號", "粤ICP备11018438号", "粤", "11018438", nil),
        ("粤ＩＣＰ备１４０２３０６６号－１", "粤ICP备14023066号-1", "粤", "14023066", "1"),
        ("京 ICP 备 09031924号", "京ICP备09031924号", "京", "09031924", nil),
        ("京\u{3000}ICP\u{3000}备09031924号", "京ICP备09031924号", "京", "09031924", nil),
        ("京ICP备&nbsp;09031924号", "京ICP备09031924号", "京", "09031924", nil),
        ("粤ICP备：11009383号-10", "粤ICP备11009383号-10", "粤", "11009383", "10"),
        ("滇ICP备09010050-5号", "滇ICP备09010050号-5", "滇", "09010050", "5"),
        ("京ICP备09066495号－2号", "京ICP备09066495号-2", "京", "09066495", "2"),
        ("京icp备10216229号", "京ICP备10216229号", "京", "10216229", nil),
        ("陕ICP备05047375", "陕ICP备05047375号", "陕", "05047375", nil),
        ("京 I C P 备&nbsp; 1101 5678 号 - 2", "京ICP备11015678号-2", "京", "11015678", "2"),
        ("沪ICP备2025152989号-1A", "沪ICP备2025152989号-1A", "沪", "2025152989", "1A"),
        ("苏ICP备2026036865号-1x", "苏ICP备2026036865号-1X", "苏", "2026036865", "1X"),
        ("贵ICP备(shou.org.cn)05052049号-13", "贵ICP备05052049号-13", "贵", "05052049", "13"),
        ("&#x7CA4;ICP&#22791;11018438&#21495;", "粤ICP备11018438号", "粤", "11018438", nil),
    ] as [(String, String, String, String, String?)])
    func renderingsNormaliseToOneCanonicalForm(input: String, canonical: String, abbreviation: String, number: String, site: String?) throws {
        let finding = try #require(single(input))
        #expect(finding.kind == .icpFiling)
        #expect(finding.canonical == canonical)
        #expect(finding.province?.abbreviation == abbreviation)
        #expect(finding.number == number)
        #expect(finding.site == site)
        #expect(finding.raw == input, "raw is the input bytes exactly")
    }

    @Test func tagsInsideAnIdentifierAreSkippedButKeptInRaw() throws {
        let html = "<p><span>粤</span><span>ICP</span>备<b>14023066</b>号-1</p>"
        let finding = try #require(single(html, html: true))
        #expect(finding.canonical == "粤ICP备14023066号-1")
        #expect(finding.raw == "粤</span><span>ICP</span>备<b>14023066</b>号-1")
        #expect(slice(html, finding) == finding.raw)
    }

    @Test func theKindFollowsTheValueNotTheLabel() throws {
        let finding = try #require(single("ICP证：浙ICP备09003598号"))
        #expect(finding.kind == .icpFiling)
        #expect(finding.raw == "浙ICP备09003598号")
    }

    @Test func licenceNumbersAreSixDigits() throws {
        let finding = try #require(single("京ICP证030173号"))
        #expect(finding.kind == .icpLicence)
        #expect(finding.number == "030173")
        #expect(finding.isValid)
        let bare = try #require(single("京ICP证000007"))
        #expect(bare.canonical == "京ICP证000007号")
        #expect(codes(single("京ICP证03017")) == [.invalidLength])
    }

    @Test(arguments: [
        "请在阿里云ICP备案系统提交", "ICP-MS 质谱仪", "ICP备案号需在首页底部展示", "腾讯云ICP备案", "ICP证号", "EPICP备123号",
    ])
    func proseIsNoFinding(text: String) {
        #expect(findings(text).isEmpty)
    }

    @Test func anyIdeographBeforeICPIsAnUnknownProvince() throws {
        for (text, abbreviation) in [("青岛ICP备21170231号-333", "岛"), ("秦ICP备15011477号", "秦"), ("云ICP备12006807号-1", "云"), ("港ICP备12006807号", "港")] {
            let finding = try #require(single(text))
            #expect(codes(finding) == [.unknownProvince], "\(text)")
            #expect(finding.province == nil)
            #expect(!finding.isValid)
            #expect(finding.raw.hasPrefix(abbreviation))
        }
    }

    @Test func alternateAbbreviationsAreAcceptedWithInfo() throws {
        for (text, code) in [("川ICP备09150084号", "51"), ("甘ICP备14018586号", "62"), ("贵ICP备06052086号", "52")] {
            let finding = try #require(single(text))
            #expect(codes(finding) == [.alternateAbbreviation])
            #expect(finding.province?.code == code)
            #expect(finding.province?.abbreviation == String(text.first!))
            #expect(finding.isValid)
        }
        #expect(codes(single("蜀ICP备2020028219号-1")).isEmpty)
    }

    @Test func lengthsAndLegacy() {
        #expect(codes(single("陕ICP备040096号")) == [.legacyFormat])
        #expect(codes(single("京ICP备21110142227")) == [.invalidLength])
        #expect(codes(single("京ICP备2111014")) == [.invalidLength])
        #expect(codes(single("京ICP备2018019108号-1")).isEmpty)
    }

    @Test func years() throws {
        let future = try #require(single("京ICP备2099123456号"))
        #expect(future.issues.map(\.severity) == [.error])
        #expect(codes(future) == [.implausibleYear])
        let twoDigit = try #require(single("京ICP备99123456号"))
        #expect(twoDigit.issues.map(\.severity) == [.warning])
        #expect(twoDigit.isValid)
        #expect(codes(single("京ICP备26123456号")).isEmpty, "this year is plausible")
        #expect(codes(single("京ICP备27123456号")) == [.implausibleYear])
    }

    @Test func placeholders() {
        for text in ["京ICP备12345678号", "京ICP备00000000号", "京ICP备87654321号", "京ICP备1234567890号", "粤ICP备XXXXXXXX号", "粤ICP备xxxxxxxx号", "京ICP备****号"] {
            #expect(codes(single(text)).contains(.placeholder), "\(text)")
        }
    }

    @Test func missingProvinceIsInfo() throws {
        let finding = try #require(single("ICP备12161235号"))
        #expect(codes(finding) == [.missingProvince])
        #expect(finding.province == nil)
        #expect(finding.canonical == "ICP备12161235号")
    }
}
