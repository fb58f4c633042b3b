import Testing
@testable import Beian

@Suite struct PublicSecurityFilingTests {
    @Test(arguments: [
        ("京公网安备 11010802020088号", "京公网安备11010802020088号", "11010802020088", "110108", "11"),
        ("滬公網安備31010402002252號", "沪公网安备31010402002252号", "31010402002252", "310104", "31"),
        ("蒙公网安备15000002000102", "蒙公网安备15000002000102号", "15000002000102", "150000", "15"),
        ("沪公网安备: [31010902002961号]", "沪公网安备31010902002961号", "31010902002961", "310109", "31"),
        ("京公网安备:11010802035340号", "京公网安备11010802035340号", "11010802035340", "110108", "11"),
        ("沪公网安备 &nbsp;&nbsp; 31010402004433号", "沪公网安备31010402004433号", "31010402004433", "310104", "31"),
        ("京公网安备案号：11010802020088", "京公网安备11010802020088号", "11010802020088", "110108", "11"),
    ])
    func renderings(input: String, canonical: String, number: String, division: String, province: String) throws {
        let finding = try #require(single(input))
        #expect(finding.kind == .publicSecurityFiling)
        #expect(finding.canonical == canonical)
        #expect(finding.number == number)
        #expect(finding.division == division)
        #expect(finding.province?.code == province)
        #expect(finding.isValid)
    }

    @Test func prefixlessLabelsStartRawAtTheDigits() throws {
        let finding = try #require(single("公安备案号11010502030143"))
        #expect(finding.raw == "11010502030143")
        #expect(finding.province?.code == "11", "the division gives the province")
        #expect(finding.issues.isEmpty)
    }

    @Test func legacyLengths() {
        #expect(codes(single("京公网安备110105000655号")) == [.legacyFormat])
        #expect(codes(single("沪公网安备31011502009号")) == [.legacyFormat])
        #expect(codes(single("京公网安备1101080202008888号")) == [.invalidLength])
        #expect(codes(single("京公网安备1101080号")) == [.invalidLength])
    }

    @Test func divisionMustAgreeWithTheAbbreviation() throws {
        let mismatch = try #require(findings("京公网安备31010402003828号").first)
        #expect(codes(mismatch) == [.provinceMismatch])
        #expect(mismatch.province?.code == "11", "the abbreviation gives the province")
        #expect(mismatch.issues[0].message.en.contains("Shanghai"))
        #expect(codes(single("京公网安备99010802020088号")) == [.unknownDivision])
    }

    @Test func placeholdersAndMasks() {
        #expect(codes(single("粤公网安备 XXXXXXXXXXXXXX号")) == [.placeholder])
        #expect(codes(single("京公网安备11111111111111号")).contains(.placeholder))
    }

    @Test func unknownPrefixIsFlaggedButTheDivisionStillNamesTheProvince() throws {
        let finding = try #require(single("深公网安备：4403101910665"))
        #expect(codes(finding).contains(.unknownProvince))
        #expect(finding.province?.code == "44")
    }
}

@Suite struct TelecomLicenceTests {
    @Test(arguments: [
        ("粤B2-20090059", "B2-20090059", "粤B2-20090059", "44", nil, false),
        ("B2-20080207", "B2-20080207", "B2-20080207", nil, nil, false),
        ("A2.B1.B2-20090003", "A2.B1.B2-20090003", "A2.B1.B2-20090003", nil, nil, false),
        ("合字B1.B2-20130004", "B1.B2-20130004", "合字B1.B2-20130004", nil, nil, true),
        ("粤B2-20090059-5", "B2-20090059", "粤B2-20090059-5", "44", "5", false),
        ("粤Ｂ２－２００９００５９", "B2-20090059", "粤B2-20090059", "44", nil, false),
        ("沪B2-20050088号", "B2-20050088", "沪B2-20050088", "31", nil, false),
        ("京D3-20250002", "D3-20250002", "京D3-20250002", "11", nil, false),
    ] as [(String, String, String, String?, String?, Bool)])
    func shapes(input: String, number: String, canonical: String, province: String?, site: String?, foreign: Bool) throws {
        let finding = try #require(single(input))
        #expect(finding.kind == .telecomLicence)
        #expect(finding.number == number)
        #expect(finding.canonical == canonical)
        #expect(finding.province?.code == province)
        #expect(finding.site == site)
        #expect(finding.foreignInvested == foreign)
        #expect(finding.isValid)
    }

    @Test func labelsBeforeTheLicenceAreNotPartOfIt() throws {
        let finding = try #require(single("增值电信业务经营许可证：B2-20090059"))
        #expect(finding.raw == "B2-20090059")
        let bilibili = try #require(single("沪ICP证：沪B2-20100043"))
        #expect(bilibili.kind == .telecomLicence)
        #expect(bilibili.raw == "沪B2-20100043")
    }

    @Test func problems() {
        #expect(codes(single("B2-1234567号")) == [.invalidLength, .placeholder])
        #expect(codes(single("粤B2-20990059")) == [.implausibleYear])
        #expect(codes(single("粤B2-19980059")) == [.implausibleYear])
        #expect(single("粤B2-19980059")?.isValid == true, "an early year is a warning")
    }

    @Test(arguments: ["型号 A1-2", "B2-30", "SKUB2-20090059", "grid x2-y3-z", "AB2-20090059"])
    func notLicences(text: String) {
        #expect(findings(text).isEmpty)
    }
}

@Suite struct NewsLicenceTests {
    @Test func iChongqingNewsLicence() throws {
        let finding = try #require(single("互联网新闻信息服务许可证号:50120220004"))
        #expect(finding.kind == .newsLicence)
        #expect(finding.raw == "50120220004")
        #expect(finding.number == "50120220004")
        #expect(finding.province?.code == "50")
        #expect(finding.category == 1)
        #expect(finding.year == 2022)
        #expect(finding.isValid)
    }

    @Test func centralAndLegacy() throws {
        let central = try #require(single("互联网新闻信息服务许可证：10120170079"))
        #expect(central.province == nil)
        #expect(central.issues.isEmpty)
        let legacy = try #require(single("互联网新闻信息服务许可证 3112006001"))
        #expect(codes(legacy) == [.legacyFormat])
        #expect(legacy.year == 2006)
        let traditional = try #require(single("互聯網新聞信息服務許可證：11220180008"))
        #expect(traditional.category == 2)
        let english = try #require(single("Internet News Information Service License No. 11220230001"))
        #expect(english.number == "11220230001")
    }

    @Test func problems() {
        #expect(codes(single("新闻信息服务许可证：99120170079")) == [.unknownDivision])
        #expect(codes(single("新闻信息服务许可证：11320170008")) == [.unknownCategory])
        #expect(codes(single("新闻信息服务许可证：11220990008")) == [.implausibleYear])
        #expect(codes(single("新闻信息服务许可证：1122018")) == [.invalidLength])
    }

    @Test func elevenDigitsWithoutALabelAreNoNewsLicence() {
        #expect(findings("订单号 50120220004").isEmpty)
        #expect(findings("50120220004").isEmpty)
    }
}
