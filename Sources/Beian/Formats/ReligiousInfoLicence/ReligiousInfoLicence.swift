/// An internet religious information service licence number (互联网宗教信息服务许可证,
/// `religious_info_licence`), e.g. 京（2022）0000043.
///
/// Shape (formats.md §6.6): `P（YYYY）NNNNNNN`; one footer prints `20220000005` (year and serial,
/// no province).
public struct ReligiousInfoLicence: BeianFormat {
    /// ``Kind/religiousInfoLicence``.
    public static let kind = Kind.religiousInfoLicence
    /// The Measures for internet religious information services took effect on 2022-03-01.
    static let earliestYear = 2022
    /// The province abbreviation as printed, if any.
    public let abbreviation: Character?
    /// The four digits of the year.
    public let yearDigits: String
    /// The serial: the number.
    public let number: String
    /// The province the abbreviation names.
    public let province: Province?

    init(abbreviation: Character?, yearDigits: String, serial: String) {
        self.abbreviation = abbreviation
        self.yearDigits = yearDigits
        number = serial
        province = abbreviation.flatMap(Province.init(abbreviation:))
    }

    /// The year of issue.
    public var year: Int? { Int(yearDigits) }

    /// The standard form: 京（2022）0000043.
    public var canonical: String { "\(abbreviation.map(String.init) ?? "")（\(yearDigits)）\(number)" }

    /// Province, year, length (seven digits), then placeholders.
    public func issues(referenceYear: Int) -> [Issue] {
        var issues = NumberChecks.provinceIssues(abbreviation: abbreviation, province: province, kind: Self.kind)
        issues += NumberChecks.yearIssues(year, kind: Self.kind, referenceYear: referenceYear, earliest: Self.earliestYear)
        if number.utf8.count != 7 { issues.append(NumberChecks.invalidLength(number, expected: Bilingual(zh: "7位", en: "7"))) }
        if let placeholder = NumberChecks.placeholderIssue(number) { issues.append(placeholder) }
        return issues
    }

    /// The English rendering, "Beijing Internet Religious Information Licence (2022) 0000043".
    public var englishDisplay: String {
        "\(province.map { $0.en + " " } ?? "")Internet Religious Information Licence (\(year.map(String.init) ?? "")) \(number)"
    }

    /// Province, year and serial.
    public var parts: [Explanation.Part] {
        [.province(province), .year(year), .make("序号", "serial", number, "7位顺序号", "a 7-digit serial")].compactMap { $0 }
    }
}
