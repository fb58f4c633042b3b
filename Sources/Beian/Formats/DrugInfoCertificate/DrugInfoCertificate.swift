/// An internet drug information service certificate number (互联网药品信息服务资格证书,
/// `drug_info_certificate`), e.g. （京）-经营性-2017-0020.
///
/// Shape (formats.md §6.5): `（P）-(经营性|非经营性)-YYYY-NNNN`.
public struct DrugInfoCertificate: BeianFormat {
    /// ``Kind/drugInfoCertificate``.
    public static let kind = Kind.drugInfoCertificate
    /// The province abbreviation as printed.
    public let abbreviation: Character
    /// 经营性 (commercial) or 非经营性 (non-commercial).
    public let business: String
    /// The four digits of the year.
    public let yearDigits: String
    /// The serial within the year.
    public let serial: String
    /// The province the abbreviation names.
    public let province: Province?

    init(abbreviation: Character, business: String, yearDigits: String, serial: String) {
        self.abbreviation = abbreviation
        self.business = business
        self.yearDigits = yearDigits
        self.serial = serial
        province = Province(abbreviation: abbreviation)
    }

    /// The year of issue.
    public var year: Int? { Int(yearDigits) }
    /// Whether the certificate is for a commercial service (经营性).
    public var isCommercial: Bool { business == "经营性" }
    /// Year and serial: "2017-0020".
    public var number: String { "\(yearDigits)-\(serial)" }

    /// The standard form: （京）-经营性-2017-0020.
    public var canonical: String { "（\(abbreviation)）-\(business)-\(yearDigits)-\(serial)" }

    /// Province, year, serial length, then placeholders.
    public func issues(referenceYear: Int) -> [Issue] {
        var issues = NumberChecks.provinceIssues(abbreviation: abbreviation, province: province, kind: Self.kind)
        issues += NumberChecks.yearIssues(year, kind: Self.kind, referenceYear: referenceYear, earliest: 2001)
        if serial.utf8.count != 4 { issues.append(.unusualLength(serial, usual: "4", serial: true)) }
        if let placeholder = NumberChecks.placeholderIssue(serial) { issues.append(placeholder) }
        return issues
    }

    /// The English rendering, "Internet Drug Information Certificate (Beijing) Commercial 2017-0020".
    public var englishDisplay: String {
        "Internet Drug Information Certificate\(province.map { " (\($0.en))" } ?? "") \(isCommercial ? "Commercial" : "Non-commercial") \(number)"
    }

    /// Province, business, year and serial.
    public var parts: [Explanation.Part] {
        [.province(province),
         .make("性质", "business", business, isCommercial ? "经营性（可收费）" : "非经营性（无偿提供）",
               isCommercial ? "commercial (may charge)" : "non-commercial (free of charge)"),
         .year(year),
         .make("序号", "serial", serial, "当年的顺序号", "a serial within the year")].compactMap { $0 }
    }
}
