import Testing
@testable import Beian

/// Forms real pages print (the field corpus, ../shared/field, and Fixtures/field-excerpts.jsonl),
/// one rule each, written for the form rather than for one page.
@Suite struct FieldFormTests {
    /// Line breaks, indentation and tags may stand between the parts of an identifier.
    @Test(arguments: [
        ("<p>京公网安备\n                11010802027341\n                号</p>", "11010802027341", Kind.publicSecurityFiling, true),
        ("<p>沪公网安备<br>31010102006431号</p>", "31010102006431", .publicSecurityFiling, true),
        ("<p>京 ICP 证 040089\n                号-1</p>", "040089", .icpLicence, true),
        ("<span>京</span></a> <a href=\"x\">ICP备<img src=\"i.png\">12045678号</a>", "12045678", .icpFiling, true),
        ("京ICP备\n12045678号\n-2", "12045678", .icpFiling, false),
        ("号-6京\n          公网安备11010202000010", "11010202000010", .publicSecurityFiling, false),
    ])
    func gapsBetweenParts(text: String, number: String, kind: Kind, html: Bool) throws {
        let found = try #require(findings(text, html: html).first { $0.number == number })
        #expect(found.kind == kind)
        #expect(found.province != nil)
    }

    /// A line break inside a number still ends it: digit groups join only across spaces.
    @Test func digitGroupsDoNotJoinAcrossLines() {
        #expect(findings("京公网安备 1101 0802\n020088号").map(\.number) != ["11010802020088"])
    }

    @Test(arguments: [
        ("广播电视节目制作经营许可证（京）字第03889号", Kind.broadcastLicence, "03889", "11"),
        ("广播电视节目制作经营许可证（广媒）字第172号", .broadcastLicence, "172", nil),
        ("网上传播视听节目许可证（0106168）", .audiovisualLicence, "0106168", nil),
        ("信息网络传播视听节目许可证(0108322)", .audiovisualLicence, "0108322", nil),
        ("网络视听许可证1908317号", .audiovisualLicence, "1908317", nil),
        ("网络出版服务许可证（京）字121号", .publishingLicence, "121", "11"),
        ("（粤）—经营性—2018—0092", .drugInfoCertificate, "2018-0092", "44"),
        ("浙-（经营性）-2017-0005", .drugInfoCertificate, "2017-0005", "33"),
        ("京-非经营性-2012-0005", .drugInfoCertificate, "2012-0005", "11"),
    ] as [(String, Kind, String, String?)])
    func labelForms(text: String, kind: Kind, number: String, province: String?) throws {
        let found = try #require(single(text))
        #expect(found.kind == kind)
        #expect(found.number == number)
        #expect(found.province?.code == province)
        #expect(found.isValid, "\(found.issues)")
    }

    /// A parenthetical or qualifier between a hotline label and its number; other domains'
    /// complaint lines are no hotline.
    @Test func hotlineLabels() throws {
        let long = try #require(single("违法和不良信息举报电话（涉网络暴力有害信息举报、未成年人举报）：010-85651074"))
        #expect(long.number == "+861085651074")
        #expect(findings("全国旅游投诉电话: 12345").isEmpty)
        for (text, number) in [("12377举报", "12377"), ("拨打12318举报", "12318"), ("<a href=\"x\">12318举报</a>", "12318")] {
            let first = try #require(single(text), "\(text)")
            #expect(first.number == number && first.phoneType == .short)
        }
        #expect(findings("订单13800138000举报").isEmpty, "only short service numbers stand before their label")
        for name in ["中组部12380举报网", "12321举报中心", "拨打12388投诉举报"] { #expect(findings(name).isEmpty, "\(name)") }
        #expect(findings("消费投诉热线：12315").isEmpty)
    }

    @Test func cityPoliceFilings() throws {
        let bureau = try #require(single("北京市公安局朝阳分局备案编号110105006009"))
        #expect(bureau.kind == .publicSecurityFiling)
        #expect(bureau.raw == "110105006009")
        #expect(bureau.division == "110105" && bureau.province?.code == "11")
        #expect(codes(bureau).contains(.legacyFormat) && bureau.isValid)
        let squad = try #require(single("杭州市公安局网警支队备案：33010002000001"))
        #expect(squad.province?.code == "33" && codes(squad).contains(.legacyFormat))
        #expect(single("文保网安备案号：1101080200008")?.kind == .publicSecurityFiling)
    }

    @Test(arguments: ["京公网备11010802020088号", "京公安网备11010802020088号", "京网安备11010802020088号", "京公网安备案号11010802020088",
                      "京公安网备号11010802020088号"])
    func misspeltPublicSecurityLabels(text: String) throws {
        let found = try #require(single(text))
        #expect(found.kind == .publicSecurityFiling && found.number == "11010802020088" && found.province?.code == "11")
        #expect(codes(found).first == .malformedLabel)
        #expect(found.issues.first?.severity == .warning)
        #expect(found.issues.first?.message.zh.contains("公网安备") == true)
        #expect(found.isValid)
    }

    @Test func misspeltICPLabelAndATelecomLicenceWithoutItsClassDigit() throws {
        let filing = try #require(single("京ICP备案：12045678号"))
        #expect(filing.kind == .icpFiling && codes(filing) == [.malformedLabel])
        #expect(filing.issues[0].message.en.contains("京ICP备12045678号"))
        let telecom = try #require(single("ICP备案号：粤B-20050235"))
        #expect(telecom.kind == .telecomLicence && telecom.raw == "粤B-20050235" && telecom.province?.code == "44")
        #expect(codes(telecom) == [.invalidClass] && !telecom.isValid)
        #expect(findings("型号B-20050235").isEmpty, "a class without its digit needs a province before it")
    }

    /// Pinyin public security labels, and province names written in two words.
    @Test(arguments: [
        ("Zhe Gong Wang An Bei 33068102000388", Kind.publicSecurityFiling, "33"),
        ("E Gongwang Anbei 42011202001821", .publicSecurityFiling, "42"),
        ("Jing Gongwang Anbei No. 11010802016198", .publicSecurityFiling, "11"),
        ("Guang Dong ICP Bei 05070829", .icpFiling, "44"),
        ("Zhe Jiang ICP Bei 12045675", .icpFiling, "33"),
        ("Inner Mongolia ICP Bei 15000102", .icpFiling, "15"),
    ] as [(String, Kind, String)])
    func pinyinForms(text: String, kind: Kind, province: String) throws {
        let found = try #require(single(text))
        #expect(found.kind == kind && found.province?.code == province)
        #expect(found.raw == text.replacingOccurrences(of: " No.", with: "").components(separatedBy: " No ").first! || found.raw == text)
    }

    /// The pinyin label's syllables may stand apart, but a syllable cut inside ("Go ng") is no
    /// label, for the byte scanner (which anchors on the whole first syllable) and the reference
    /// reading alike. Found by the fuzzer: the reference reading took "Go      ng" for Gong.
    @Test func aPinyinSyllableCutInsideIsNoLabel() {
        let text = "      <span>Zhe Go      ng Wang An Bei\t\t 16534051<div css="
        for html in [false, true] {
            #expect(findings(text, html: html).isEmpty)
            #expect(naiveFindings(Array(text.utf8), html: html).isEmpty)
        }
        #expect(single("Zhe Gong  Wang An  Bei 33068102000388")?.number == "33068102000388")
    }

    /// Joke registries are never ICP filings; the document says what it shows.
    @Test(arguments: ["萌ICP备20220417号", "Moe-ICP No.20210789", "喵喵ICP备20230001号", "Nya ICP Bei 20240001"])
    func virtualRegistries(text: String) {
        let report = scanner.check("本站 " + text + " 京ICP备12045678号")
        #expect(report.findings.map(\.number) == ["12045678"])
        #expect(report.issues.map(\.code) == [.virtualRegistry])
        #expect(report.issues.first?.severity == .info)
        #expect(report.issues.first?.message.zh.contains(text) == true)
    }

    /// Context: text, attribute (named), comment, script; page checks count only what is shown.
    @Test func contexts() throws {
        let page = """
        <html><head><meta name="description" content="京ICP备12045678号"></head><body>
        <a href="https://beian.miit.gov.cn/" title="京ICP备12045678号">京ICP备12045678号</a>
        <!-- <p>沪ICP备06027390号</p> -->
        <script>var footer = `<p>京公网安备 11010802020088号</p>`;</script>
        </body></html>
        """
        let report = scanner.check(page, required: [.icpFiling, .publicSecurityFiling])
        #expect(report.findings.map(\.context) == [.attribute, .attribute, .text, .comment, .script])
        #expect(report.findings.map(\.attribute) == ["content", "title", nil, nil, nil])
        #expect(!report.issues.map(\.code).contains(.provinceInconsistent), "a commented-out registration is not compared")
        #expect(!report.issues.map(\.code).contains(.missingRequired))
        let hidden = scanner.check(#"<p>x</p><!-- 京ICP备12045678号 --><img alt="京公网安备 11010802020088号">"#,
                                   required: [.icpFiling, .publicSecurityFiling])
        #expect(hidden.issues.filter { $0.code == .missingRequired }.count == 2)
        #expect(scanner.check("<!-- 京ICP备12045678号 -->", isHTML: false).findings.first?.context == .text)
    }
}
