import Testing
@testable import Beian

/// The other footer licences (formats.md §6): each kind in its renderings, validated.
@Suite struct OtherLicenceTests {
    /// Real values and their renderings (full-width, traditional, spaced, bracket variants):
    /// input, kind, canonical, number, province code.
    @Test(arguments: [
        ("统一社会信用代码：91110000101623741K", Kind.uscc, "91110000101623741K", "91110000101623741K", "11"),
        ("統一社會信用代碼：９１１１００００１０１６２３７４１Ｋ", .uscc, "91110000101623741K", "91110000101623741K", "11"),
        ("营业执照：91440300ma5h0hlk5u", .uscc, "91440300MA5H0HLK5U", "91440300MA5H0HLK5U", "44"),
        ("京网文〔2020〕1039-165号", .cultureLicence, "京网文〔2020〕1039-165号", "1039-165", "11"),
        ("粵網文[2017]6138-1456號", .cultureLicence, "粤网文〔2017〕6138-1456号", "6138-1456", "44"),
        ("琼网文（2017）5780-224号", .cultureLicence, "琼网文〔2017〕5780-224号", "5780-224", "46"),
        ("沪 网文 【2013】 0480 - 056 号", .cultureLicence, "沪网文〔2013〕0480-056号", "0480-056", "31"),
        ("滇网文许字【2014】1100-002号", .cultureLicence, "滇网文〔2014〕1100-002号", "1100-002", "53"),
        ("（沪）字第1248号", .broadcastLicence, "（沪）字第1248号", "1248", "31"),
        ("(京)字第 06990 号", .broadcastLicence, "（京）字第06990号", "06990", "11"),
        ("京字第2037号", .broadcastLicence, "（京）字第2037号", "2037", "11"),
        ("信息网络传播视听节目许可证：0910417", .audiovisualLicence, "0910417", "0910417", "-"),
        ("信息網絡傳播視聽節目許可證 １１０９３６４號", .audiovisualLicence, "1109364", "1109364", "-"),
        ("（署）网出证（粤）字第054号", .publishingLicence, "（署）网出证（粤）字第054号", "054", "44"),
        ("(总)网出证(京)字第 271 号", .publishingLicence, "（总）网出证（京）字第271号", "271", "11"),
        ("（總）網出證（京）字151號", .publishingLicence, "（总）网出证（京）字第151号", "151", "11"),
        ("(京)-经营性-2017-0020", .drugInfoCertificate, "（京）-经营性-2017-0020", "2017-0020", "11"),
        ("（浙)-經營性-2018-0002", .drugInfoCertificate, "（浙）-经营性-2018-0002", "2018-0002", "33"),
        ("（沪）－非经营性－２０１３－００３４", .drugInfoCertificate, "（沪）-非经营性-2013-0034", "2013-0034", "31"),
        ("互联网宗教信息服务许可证：京（2022）0000043", .religiousInfoLicence, "京（2022）0000043", "0000043", "11"),
        ("互聯網宗教信息服務許可證 浙(2022)0000120", .religiousInfoLicence, "浙（2022）0000120", "0000120", "33"),
        ("网信算备110108823483901230031号", .algorithmFiling, "网信算备110108823483901230031号", "110108823483901230031", "11"),
        ("網信算備：330110507206401230035號", .algorithmFiling, "网信算备330110507206401230035号", "330110507206401230035", "33"),
        ("Beijing-YunQue-20230821", .genaiFiling, "Beijing-YunQue-20230821", "Beijing-YunQue-20230821", "11"),
        ("ZheJiang-TongYiQianWen-20230901", .genaiFiling, "Zhejiang-TongYiQianWen-20230901", "Zhejiang-TongYiQianWen-20230901", "33"),
        ("Ｈｕｎａｎ－ＰｉｎＣａｉＭａｏ－２０２４１２３１０００３", .genaiFiling, "Hunan-PinCaiMao-202412310003", "Hunan-PinCaiMao-202412310003", "43"),
    ] as [(String, Kind, String, String, String)])
    func renderingsAreRecognisedAndValid(input: String, kind: Kind, canonical: String, number: String, province: String) throws {
        let finding = try #require(single(input), "\(input)")
        #expect(finding.kind == kind)
        #expect(finding.canonical == canonical)
        #expect(finding.number == number)
        #expect((finding.province?.code ?? "-") == province)
        #expect(finding.isValid, "\(finding.issues.map(\.message.en))")
    }

    @Test func usccCheckCharacterAlphabetAndRegion() throws {
        // 全聚德's code passes; a pilot-area code from before 2015 fails the check, and says so.
        let good = try #require(single("统一社会信用代码：91110000101623741K"))
        #expect(good.issues.isEmpty)
        #expect(good.division == "110000")
        #expect(good.divisionDetails?.names == Bilingual(zh: "北京市", en: "Beijing"))
        let pilot = try #require(single("统一社会信用代码：91350211M0000XUF46"))
        #expect(codes(pilot) == [.badCheckCharacter])
        #expect(pilot.issues[0].message.en.contains("pilot areas before 2015"))
        #expect(pilot.issues[0].message.zh.contains("应为「R」"))     // as python-stdnum computes it
        #expect(codes(single("统一社会信用代码：91110000101623741O")) == [.invalidCharacter])
        #expect(codes(single("统一社会信用代码：9111000010162374")) == [.invalidLength])
        // Characters 3–8 must be a division: 99 is no province, 110199 no county of Beijing.
        #expect(codes(single("统一社会信用代码：91990000101623741K")).contains(.unknownDivision))
        #expect(codes(single("统一社会信用代码：91110199101623741K")).contains(.unknownCounty))
        // Eighteen characters without a label are not taken for a code.
        #expect(findings("订单 91110000101623741K").isEmpty)
    }

    @Test func cultureLicenceYearsLengthsAndTheNationalForm() throws {
        #expect(codes(single("京网文〔2031〕1039-165号")) == [.implausibleYear])
        #expect(codes(single("京网文〔2020〕10-165号")) == [.invalidLength])
        let national = try #require(single("文网文[2010]040号"))
        #expect(national.province == nil)
        #expect(codes(national) == [.legacyFormat])
        #expect(codes(single("浙网文[2013]***-027号")).contains(.placeholder))
        #expect(findings("网文〔2020〕小说").isEmpty)
    }

    @Test func broadcastNeedsAProvinceAndYieldsToPublishing() throws {
        #expect(findings("第1248号").isEmpty)
        #expect(findings("文字第1248号").isEmpty)              // 文 is no province, and no brackets
        #expect(findings("(2020)字第1248号").isEmpty)          // a year in brackets, not a province
        #expect(codes(single("（萌）字第1248号")) == [.unknownProvince])
        let old = try #require(single("(鲁广社)字第046号"))
        #expect(old.province?.code == "37")
        #expect(codes(old) == [.legacyFormat])
        // （粤）字第054号 inside a publishing licence: the longer match wins.
        let found = findings("（署）网出证（粤）字第054号")
        #expect(found.map(\.kind) == [.publishingLicence])
        #expect(found.first?.authority == "署")
    }

    @Test func publishingPredecessorAndLengths() throws {
        let old = try #require(single("新出网证(京)字150号"))
        #expect(old.kind == .publishingLicence)
        #expect(codes(old) == [.legacyFormat])
        #expect(old.authority == nil)
        #expect(codes(single("（署）网出证（粤）字第05401号")) == [.invalidLength])
    }

    @Test func drugCertificateBusinessAndYear() throws {
        let commercial = try #require(single("(京)-经营性-2017-0020"))
        #expect(commercial.business == "经营性")
        #expect(commercial.year == 2017)
        #expect(commercial.display.en == "Internet Drug Information Certificate (Beijing) Commercial 2017-0020")
        let other = try #require(single("（沪）-非经营性-2013-0034"))
        #expect(other.business == "非经营性")
        #expect(other.raw == "（沪）-非经营性-2013-0034")
        #expect(codes(single("(京)-经营性-2099-0020")) == [.implausibleYear])
        #expect(findings("经营性-2017-0020").isEmpty)     // no province in brackets
        #expect(findings("(a)-经营性-2017-0020").isEmpty)
    }

    @Test func religiousLicenceNeedsItsLabel() throws {
        #expect(findings("京（2022）0000043").isEmpty)
        let bare = try #require(single("互联网宗教信息服务许可证：20220000005"))
        #expect(bare.province == nil)
        #expect(bare.year == 2022)
        #expect(codes(bare) == [.missingProvince])
        #expect(codes(single("互联网宗教信息服务许可证：京（2019）0000043")) == [.implausibleYear])
        #expect(codes(single("互联网宗教信息服务许可证：京（2022）000043")) == [.invalidLength])
    }

    @Test func audiovisualNeedsItsLabelAndSevenDigits() throws {
        #expect(findings("0910417").isEmpty)
        #expect(codes(single("视听节目许可证：09104170")) == [.invalidLength])
    }

    @Test func algorithmFilingDivisions() throws {
        let filing = try #require(single("网信算备110108823483901230031号"))
        #expect(filing.division == "110108")
        #expect(filing.divisionDetails?.names == Bilingual(zh: "北京市海淀区", en: "Haidian District, Beijing"))
        #expect(codes(single("网信算备11010882348390123003号")) == [.invalidLength])
        #expect(codes(single("网信算备990108823483901230031号")) == [.unknownDivision])
        #expect(codes(single("网信算备110199823483901230031号")) == [.unknownCounty])
        // 崇文区 (110103) was merged into 东城区 in 2010: still known, with a note.
        #expect(codes(single("网信算备110103823483901230031号")) == [.abolishedDivision])
    }

    @Test func genaiFilingDatesAndProvinces() throws {
        #expect(codes(single("Beijing-Demo-20230230")) == [.invalidDate])
        #expect(codes(single("Beijing-Demo-20240229")) == [])
        #expect(codes(single("Beijing-Demo-20220101")) == [.implausibleYear])
        #expect(findings("Atlantis-Demo-20230821").isEmpty)       // no province
        #expect(findings("2023-08-21 news-item-20230821x").isEmpty)
        // The model's province need not be the site's: no province_inconsistent.
        let report = scanner.check("沪ICP备13002172号-3 Beijing-YunQue-20230821")
        #expect(report.findings.count == 2)
        #expect(report.issues.isEmpty)
    }
}
