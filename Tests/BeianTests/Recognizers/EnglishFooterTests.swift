import Testing
@testable import Beian

/// English and pinyin footers of mainland sites (formats.md §7).
@Suite struct EnglishFooterTests {
    /// input, kind, canonical, province code or "-", raw
    @Test(arguments: [
        ("Beijing ICP prepared NO.16065310-3", Kind.icpFiling, "京ICP备16065310号-3", "11", "Beijing ICP prepared NO.16065310-3"),
        ("Shanghai ICP: No. 13002172-3", .icpFiling, "沪ICP备13002172号-3", "31", "Shanghai ICP: No. 13002172-3"),
        ("Record License No. : Shanghai ICP 2021019987-1", .icpFiling, "沪ICP备2021019987号-1", "31", "Shanghai ICP 2021019987-1"),
        ("Beijing ICP - 10046444", .icpFiling, "京ICP备10046444号", "11", "Beijing ICP - 10046444"),
        ("Zhejiang ICP Filing No. 2026012266-1", .icpFiling, "浙ICP备2026012266号-1", "33", "Zhejiang ICP Filing No. 2026012266-1"),
        ("ICP License No. 15058768 by Jiangsu Communications Administration", .icpFiling, "苏ICP备15058768号", "32", "ICP License No. 15058768"),
        ("ICP License No. 2022020686, Shanghai", .icpFiling, "沪ICP备2022020686号", "31", "ICP License No. 2022020686"),
        ("Jing ICP Bei 05002571", .icpFiling, "京ICP备05002571号", "11", "Jing ICP Bei 05002571"),
        ("Zhe ICP Bei 12045675", .icpFiling, "浙ICP备12045675号", "33", "Zhe ICP Bei 12045675"),
        ("Inner Mongolia ICP Filing No. 19003669", .icpFiling, "蒙ICP备19003669号", "15", "Inner Mongolia ICP Filing No. 19003669"),
        ("ICP License No. 030173", .icpLicence, "ICP证030173号", "-", "ICP License No. 030173"),
        ("Beijing Public Network Security No. 11011302007815", .publicSecurityFiling, "京公网安备11011302007815号", "11",
         "Beijing Public Network Security No. 11011302007815"),
        ("Shanghai Police No. 31011502406720", .publicSecurityFiling, "沪公网安备31011502406720号", "31", "Shanghai Police No. 31011502406720"),
        // A product's English footer (a label variant added by one table row, CONTRIBUTING.md).
        ("Guangdong PSB Record No. 44030002008220", .publicSecurityFiling, "粤公网安备44030002008220号", "44",
         "Guangdong PSB Record No. 44030002008220"),
    ] as [(String, Kind, String, String, String)])
    func englishFormsAreRead(input: String, kind: Kind, canonical: String, province: String, raw: String) throws {
        let finding = try #require(single(input), "\(input)")
        #expect(finding.kind == kind)
        #expect(finding.canonical == canonical)
        #expect((finding.province?.code ?? "-") == province)
        #expect(finding.raw == raw)
    }

    @Test func ambiguousPinyinListsBothProvinces() throws {
        for (syllable, codes) in [("Jin", ["12", "14"]), ("Ji", ["13", "22"]), ("Yu", ["41", "50"]), ("Gui", ["45", "52"]),
                                  ("Gan", ["62", "36"])] {
            let finding = try #require(single("\(syllable) ICP Bei 05002571"))
            #expect(finding.province == nil)
            #expect(finding.candidates?.map(\.code) == codes, "\(syllable)")
            #expect(finding.issues.map(\.code) == [.ambiguousProvince])
            #expect(finding.issues[0].severity == .warning)
            let names = finding.candidates!.map(\.en)
            #expect(names.allSatisfy { finding.issues[0].message.en.contains($0) })
        }
    }

    @Test func aPublicSecurityNumberSettlesAnAmbiguousSyllable() throws {
        let finding = try #require(single("Jin Public Security Filing No. 12010402000001"))
        #expect(finding.province?.code == "12")
        #expect(finding.candidates == nil)
    }

    @Test func withoutAProvinceTheFindingSaysSo() throws {
        let finding = try #require(single("ICP License No. 030173"))
        #expect(finding.province == nil)
        #expect(finding.issues.map(\.code) == [.missingProvince])
        #expect(finding.issues[0].severity == .info)
    }

    @Test func englishNoiseIsNotAFinding() {
        #expect(findings("ICP-MS 2024 analysis of 12345 samples").isEmpty)
        #expect(findings("Police officers 12 345 678").isEmpty)
        #expect(findings("PSB 2023 annual report, 14 pages").isEmpty)   // no "No." or "Record" between
        #expect(findings("Security update 2023-08-21").isEmpty)
        #expect(findings("ICP 12345678").isEmpty)                 // neither a province nor a label word
    }

    @Test func displayGivesBothLanguages() throws {
        let finding = try #require(single("渝ICP备20009753号-2"))
        #expect(finding.display == Bilingual(zh: "渝ICP备20009753号-2", en: "Chongqing ICP Filing No. 20009753-2"))
        let english = try #require(single("Beijing ICP prepared NO.16065310-3"))
        #expect(english.display == Bilingual(zh: "京ICP备16065310号-3", en: "Beijing ICP Filing No. 16065310-3"))
    }
}
