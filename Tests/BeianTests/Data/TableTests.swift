import Testing
@testable import Beian

@Suite struct TableTests {
    @Test func thirtyOneProvincesWithUniqueCodesAndAbbreviations() {
        #expect(ProvinceTable.rows.count == 31)
        #expect(Set(ProvinceTable.rows.map(\.code)).count == 31)
        let abbreviations = ProvinceTable.rows.flatMap { [$0.abbreviation] + $0.alternates }
        #expect(Set(abbreviations).count == abbreviations.count)
    }

    /// The two tables come from different sources; they must tell the same story.
    @Test func everyCapitalAreaCodeLiesInItsProvince() {
        for row in ProvinceTable.rows {
            let area = AreaCodeTable.byCode[row.capitalAreaCode]
            #expect(area?.province == row.code, "\(row.zh) \(row.capitalAreaCode)")
        }
    }

    @Test func areaCodeLengthsFollowLibphonenumber() {
        #expect(AreaCodeTable.byCode["10"]?.subscriberLengths == [8])
        #expect(AreaCodeTable.byCode["571"]?.subscriberLengths == [8])
        #expect(AreaCodeTable.byCode["917"]?.subscriberLengths == [7])
        #expect(AreaCodeTable.byCode["433"]?.subscriberLengths == [7, 8])
        #expect(AreaCodeTable.byCode["26"] == nil)
        #expect(AreaCodeTable.rows.allSatisfy { Province(code: $0.province) != nil })
    }

    @Test func provinceLookups() {
        #expect(Province(abbreviation: "渝")?.code == "50")
        #expect(Province(abbreviation: "川")?.isAlternateAbbreviation == true)
        #expect(Province(abbreviation: "秦") == nil)
        #expect(Province(abbreviation: "云") == nil)
        #expect(Province(code: "14")?.en == "Shanxi")
        #expect(Province(code: "61")?.en == "Shaanxi")
    }
}

@Suite struct DivisionTableTests {
    @Test func divisionsHaveFullNamesInBothLanguages() throws {
        #expect(Division(code: "110108")?.names == Bilingual(zh: "北京市海淀区", en: "Haidian District, Beijing"))
        #expect(Division(code: "330110")?.names == Bilingual(zh: "浙江省杭州市余杭区", en: "Yuhang District, Hangzhou, Zhejiang"))
        #expect(Division(code: "440300")?.names == Bilingual(zh: "广东省深圳市", en: "Shenzhen, Guangdong"))
        // Place-name readings of polyphonic characters, fixed in generate_divisions.py.
        #expect(Division(code: "510100")?.names.en == "Chengdu, Sichuan")
        #expect(Division(code: "430102")?.names.en == "Furong District, Changsha, Hunan")
        #expect(Division(code: "330382")?.names.en == "Yueqing City, Wenzhou, Zhejiang")
        #expect(Division(code: "500000")?.level == .province)
        #expect(Division(code: "440300")?.level == .prefecture)
        #expect(Division(code: "110103")?.abolishedAfter == 2010)
        #expect(Division(code: "110199") == nil)
        #expect(Division(code: "11010") == nil)
    }

    @Test func everyProvinceHasCountiesInUseWithinIt() {
        for province in Province.all {
            let counties = Division.counties(in: province)
            #expect(counties.count >= 10, "\(province.en)")
            #expect(counties.allSatisfy { $0.code.hasPrefix(province.code) && $0.level == .county && $0.abolishedAfter == nil })
        }
    }

    @Test func pinyinSpellingsNameProvinces() {
        #expect(ProvinceSpellings.provinces(named: "ZheJiang").map(\.code) == ["33"])
        #expect(ProvinceSpellings.provinces(named: "shaanxi").map(\.code) == ["61"])
        #expect(ProvinceSpellings.provinces(named: "Shanxi").map(\.code) == ["14"])
        #expect(ProvinceSpellings.provinces(named: "Yue").map(\.code) == ["44"])
        #expect(ProvinceSpellings.provinces(named: "Yu").map(\.code) == ["41", "50"])
        #expect(ProvinceSpellings.provinces(named: "Atlantis").isEmpty)
    }
}
