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
