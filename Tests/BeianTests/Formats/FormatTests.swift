import BeianTesting
import Foundation
import PropertyBased
import Testing
@testable import Beian

/// The format types: each reads a bare or labelled value, gives its parts typed, and validates itself.
@Suite struct FormatTests {
    @Test func icpFiling() throws {
        let filing = try #require(ICPFiling(parsing: "渝ICP备20009753号-2"))
        #expect(filing.province?.code == "50" && filing.abbreviation == "渝")
        #expect(filing.number == "20009753" && filing.site == "2" && filing.firstFilingYear == 2020)
        #expect(filing.canonical == "渝ICP备20009753号-2")
        #expect(filing.issues(referenceYear: 2026).isEmpty)
        #expect(filing.display.en == "Chongqing ICP Filing No. 20009753-2")
        let bare = try #require(ICPFiling(parsing: " 2025152989 "))
        #expect(bare.abbreviation == nil && bare.firstFilingYear == 2025)
        #expect(bare.issues(referenceYear: 2026).map(\.code) == [.missingProvince])
        #expect(bare.issues(referenceYear: 2024).map(\.code) == [.missingProvince, .implausibleYear])
        #expect(ICPFiling(parsing: "京ICP证030173号") == nil)
        #expect(ICPFiling(parsing: "渝ICP备20009753号 and more") == nil)
    }

    @Test func icpLicence() throws {
        let licence = try #require(ICPLicence(parsing: "京ICP证030173号"))
        #expect(licence.number == "030173" && licence.province?.code == "11")
        #expect(try #require(ICPLicence(parsing: "ICP证：03017")).issues(referenceYear: 2026).map(\.code) == [.missingProvince, .invalidLength])
    }

    @Test func telecomLicence() throws {
        let bare = try #require(TelecomLicence(parsing: "B2-20090059"))
        #expect(bare.categories == ["B2"] && bare.digits == "20090059" && bare.year == 2009 && bare.province == nil)
        #expect(bare.number == "B2-20090059" && bare.issues(referenceYear: 2026).isEmpty)
        let foreign = try #require(TelecomLicence(parsing: "合字B1.B2-20190191"))
        #expect(foreign.foreignInvested && foreign.categories == ["B1", "B2"] && foreign.canonical == "合字B1.B2-20190191")
        #expect(try #require(TelecomLicence(parsing: "粤B2-20290059")).issues(referenceYear: 2026).map(\.code) == [.implausibleYear])
    }

    @Test func publicSecurityFiling() throws {
        let filing = try #require(PublicSecurityFiling(parsing: "京公网安备 11010802020088号"))
        #expect(filing.division == "110108" && filing.serial == "02020088" && filing.province?.code == "11")
        let bare = try #require(PublicSecurityFiling(parsing: "11010802020088"))
        #expect(bare.abbreviation == nil && bare.province?.code == "11" && bare.canonical == "公网安备11010802020088号")
        #expect(bare.issues(referenceYear: 2026).isEmpty)
        let wrong = PublicSecurityFiling(abbreviation: "沪", number: "11010802020088")
        #expect(wrong.province?.code == "31" && wrong.issues(referenceYear: 2026).map(\.code) == [.provinceMismatch])
        #expect(PublicSecurityFiling(abbreviation: nil, number: "99010802020088").issues(referenceYear: 2026).map(\.code) == [.unknownDivision])
    }

    @Test func newsLicence() throws {
        let licence = try #require(NewsLicence(parsing: "互联网新闻信息服务许可证：11120170012"))
        #expect(licence.province?.code == "11" && licence.category == 1 && licence.year == 2017 && !licence.isCentral)
        #expect(NewsLicence(parsing: "11120170012") == licence)
        let central = NewsLicence(number: "10120170012")
        #expect(central.isCentral && central.province == nil && central.issues(referenceYear: 2026).isEmpty)
        #expect(NewsLicence(number: "99320170012").issues(referenceYear: 2026).map(\.code) == [.unknownDivision, .unknownCategory])
    }

    @Test func hotline() throws {
        let short = try #require(Hotline(parsing: "12377"))
        #expect(short.type == .short && short.canonical == "12377" && short.areaCode == nil)
        let fixed = try #require(Hotline(parsing: "举报电话：023-67158993"))
        #expect(fixed.type == .fixed && fixed.areaCode == "23" && fixed.province?.code == "50" && fixed.canonical == "+86 23 6715 8993")
        #expect(try #require(Hotline(parsing: "010-1234567")).issues(referenceYear: 2026).map(\.code) == [.invalidPhoneNumber])
    }

    @Test func uscc() throws {
        let code = try #require(USCC(parsing: "91350211M0000XUF46"))
        #expect(code.registrationAuthority == "9" && code.entityType == "91" && code.division == "350211")
        #expect(code.organisationCode == "M0000XUF4" && code.checkCharacter == "6" && code.expectedCheckCharacter == "R")
        #expect(code.issues(referenceYear: 2026).map(\.code) == [.badCheckCharacter])
        #expect(USCC(parsing: "统一社会信用代码：91350211M0000XUF46") == code)
        let fixed = try #require(USCC(parsing: "91350211M0000XUF4R"))
        #expect(fixed.issues(referenceYear: 2026).isEmpty && fixed.province?.code == "35")
        #expect(try #require(USCC(parsing: "91350211M0000XUF4")).issues(referenceYear: 2026).map(\.code) == [.invalidLength])
    }

    @Test func cultureLicence() throws {
        let licence = try #require(CultureLicence(parsing: "京网文〔2020〕1039-165号"))
        #expect(licence.province?.code == "11" && licence.year == 2020 && licence.numberParts == ["1039", "165"] && !licence.isNational)
        #expect(licence.issues(referenceYear: 2026).isEmpty)
        let national = try #require(CultureLicence(parsing: "文网文[2010]040号"))
        #expect(national.isNational && national.province == nil && national.issues(referenceYear: 2026).map(\.code) == [.legacyFormat])
        #expect(national.display.en.hasPrefix("Ministry of Culture "))
    }

    @Test func broadcastLicence() throws {
        let licence = try #require(BroadcastLicence(parsing: "（沪）字第1248号"))
        #expect(licence.issuer == "沪" && licence.province?.code == "31" && licence.number == "1248")
        #expect(licence.issues(referenceYear: 2026).isEmpty)
        #expect(BroadcastLicence(issuer: "广媒", number: "172").isNational)
        #expect(BroadcastLicence(issuer: "鲁广社", number: "046").issues(referenceYear: 2026).map(\.code) == [.legacyFormat])
    }

    @Test func audiovisualLicence() throws {
        let licence = try #require(AudiovisualLicence(parsing: "0910417"))
        #expect(licence.number == "0910417" && licence.province == nil && licence.issues(referenceYear: 2026).isEmpty)
        #expect(AudiovisualLicence(parsing: "信息网络传播视听节目许可证：0910417") == licence)
    }

    @Test func publishingLicence() throws {
        let licence = try #require(PublishingLicence(parsing: "（署）网出证（粤）字第054号"))
        #expect(licence.authority == "署" && licence.province?.code == "44" && licence.number == "054" && !licence.isPredecessor)
        let old = try #require(PublishingLicence(parsing: "新出网证（京）字045号"))
        #expect(old.isPredecessor && old.issues(referenceYear: 2026).map(\.code) == [.legacyFormat])
    }

    @Test func drugInfoCertificate() throws {
        let certificate = try #require(DrugInfoCertificate(parsing: "（京）-经营性-2017-0020"))
        #expect(certificate.isCommercial && certificate.year == 2017 && certificate.serial == "0020" && certificate.number == "2017-0020")
        #expect(certificate.issues(referenceYear: 2026).isEmpty)
        #expect(try #require(DrugInfoCertificate(parsing: "京-非经营性-2012-0005")).business == "非经营性")
    }

    @Test func religiousInfoLicence() throws {
        let licence = try #require(ReligiousInfoLicence(parsing: "京（2022）0000043"))
        #expect(licence.province?.code == "11" && licence.year == 2022 && licence.number == "0000043")
        #expect(licence.issues(referenceYear: 2026).isEmpty)
        #expect(ReligiousInfoLicence(abbreviation: "京", yearDigits: "2021", serial: "0000043").issues(referenceYear: 2026).map(\.code) == [.implausibleYear])
    }

    @Test func algorithmFiling() throws {
        let filing = try #require(AlgorithmFiling(parsing: "网信算备110108823483901230031号"))
        #expect(filing.division == "110108" && filing.province?.code == "11" && filing.issues(referenceYear: 2026).isEmpty)
        #expect(AlgorithmFiling(parsing: "110108823483901230031") == filing)
    }

    @Test func genaiFiling() throws {
        let filing = try #require(GenAIFiling(parsing: "Beijing-YunQue-20230821"))
        #expect(filing.province?.code == "11" && filing.model == "YunQue" && filing.date == "2023-08-21" && filing.serial == nil)
        #expect(filing.issues(referenceYear: 2026).isEmpty)
        #expect(GenAIFiling(province: Province(code: "11")!, model: "YunQue", digits: "20230231").issues(referenceYear: 2026).map(\.code) == [.invalidDate])
    }

    /// Kind.parse gives the finding, with the value as its details and the flat fields read from it.
    @Test func kindParse() throws {
        let finding = try #require(Kind.uscc.parse("91350211M0000XUF46", using: scanner))
        #expect(finding.kind == .uscc && finding.division == "350211" && finding.raw == "91350211M0000XUF46")
        guard case .uscc(let code) = finding.details else { Issue.record("not a USCC: \(finding.details)"); return }
        #expect(code.expectedCheckCharacter == "R")
        #expect(Kind.newsLicence.parse("hello", using: scanner) == nil)
        #expect(Kind.newsLicence.parse("京公网安备11010802020088号", using: scanner) == nil)
        #expect(Kind.publicSecurityFiling.parse("京公网安备11010802020088号 渝ICP备20009753号", using: scanner) == nil)
    }

    /// A bare value's readings: one for a shape only one kind fits, several for an ambiguous digit run.
    @Test func bareValueReadings() {
        #expect(scanner.readings(ofBareValue: "11010802020088").map(\.kind) == [.publicSecurityFiling])
        #expect(scanner.readings(ofBareValue: "11120170012").map(\.kind) == [.publicSecurityFiling, .newsLicence])
        #expect(scanner.readings(ofBareValue: "91350211M0000XUF46").map(\.kind) == [.uscc])
        #expect(scanner.readings(ofBareValue: "hello").isEmpty)
    }

    /// The JSON of an ambiguous bare value lists the candidate kinds and matches explain.schema.json.
    @Test func candidatesJSONMatchesTheSchema() throws {
        let url = packageRoot.appendingPathComponent("Samples/schema/explain.schema.json")
        let schema = try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as! [String: Any]
        let json = ReportJSON.value(explaining: "11120170012", candidates: [.publicSecurityFiling, .newsLicence]).serialized()
        let object = try JSONSerialization.jsonObject(with: Data(json.utf8)) as! [String: Any]
        #expect(SchemaValidator(root: schema).errors(object, schema).isEmpty)
        let candidates = object["candidates"] as! [[String: Any]]
        #expect(candidates.map { $0["kind"] as! String } == ["public_security_filing", "news_licence"])
        #expect((candidates[1]["names"] as! [String: String])["zh"] == "互联网新闻信息服务许可证号")
    }

    /// Explanation and display ask the value: each finding's parts and rendering are its details'.
    @Test func explanationAndDisplayComeFromTheValue() throws {
        let finding = try #require(single("沪ICP备2025152989号-1A"))
        #expect(Explanation(finding).parts == finding.details.parts)
        #expect(finding.display == finding.details.display)
        #expect(finding.details.format.canonical == finding.canonical)
    }

    /// For every generated identifier, the kind reads its canonical form back to the same canonical form.
    @Test func kindParseReadsEveryCanonicalFormBack() async {
        await propertyCheck(count: PropertyTests.cases, input: BeianGen.identifier()) { identifier in
            guard let first = scanner.check(identifier.label + identifier.text).findings.first else {
                Issue.record("not found: \(identifier)")
                return
            }
            let again = identifier.kind.parse(first.canonical, using: scanner)
            #expect(again?.canonical == first.canonical, "\(identifier)")
            #expect(again?.details == first.details, "\(identifier)")
        }
    }
}

/// A finding keeps its values behind one shared reference; it must still behave as a value.
@Suite struct FindingValueTests {
    @Test func aChangedCopyLeavesTheOriginalAlone() throws {
        let original = try #require(scanner.check("京ICP备05002571号").findings.first)
        var copy = original
        copy.start += 10
        copy.issues.append(Issue(.legacyFormat, .info, zh: "测试", en: "test"))
        copy.context = .comment
        #expect(original.start == copy.start - 10 && original.issues.isEmpty && original.context == .text)
        #expect(copy != original)
        copy.start -= 10
        copy.issues.removeAll()
        copy.context = .text
        #expect(copy == original && copy.hashValue == original.hashValue)
    }

    @Test func findingsReadTwiceAreEqualAndShowTheirValues() throws {
        let text = "京公网安备11010802020088号"
        let once = try #require(scanner.check(text).findings.first)
        let again = try #require(scanner.check(text).findings.first)
        #expect(once == again && Set([once, again]).count == 1)
        let shown = String(describing: once)
        #expect(shown.contains("raw: \"京公网安备11010802020088号\"") && shown.contains("start: 0"))
    }
}
