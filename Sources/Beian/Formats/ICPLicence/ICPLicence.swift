/// An old-style commercial ICP licence number (ICP证, `icp_licence`), e.g. 京ICP证030173号.
///
/// Shape (formats.md §2a): a province abbreviation, ICP证, six digits (a two-digit year and a
/// serial, inferred from examples) and an optional site index.
public struct ICPLicence: BeianFormat {
    /// ``Kind/icpLicence``.
    public static let kind = Kind.icpLicence
    /// The abbreviation as printed (京), if any.
    public let abbreviation: Character?
    /// The licence's digits: "030173".
    public let number: String
    /// The site index after the dash, if any.
    public let site: String?
    /// The province the abbreviation names.
    public let province: Province?
    /// When a pinyin abbreviation fits two provinces, both; `province` is nil.
    public let candidates: [Province]?

    init(abbreviation: Character?, number: String, site: String?, candidates: [Province]? = nil) {
        self.abbreviation = abbreviation
        self.number = number
        self.site = site
        self.candidates = candidates
        province = abbreviation.flatMap(Province.init(abbreviation:))
    }

    /// The standard form: 京ICP证030173号.
    public var canonical: String { ICPNumber.canonical(abbreviation, mark: "证", number: number, site: site) }

    func canonical(reusing raw: String) -> String {
        ICPNumber.isCanonical(raw, abbreviation, mark: "证", number: number, site: site) ? raw : canonical
    }

    /// Province and length (six digits), then placeholders.
    public func issues(referenceYear: Int) -> [Issue] {
        var issues = candidates == nil ? NumberChecks.provinceIssues(abbreviation: abbreviation, province: province, kind: Self.kind) : []
        if number.utf8.count != 6 {
            issues.append(NumberChecks.invalidLength(number, expected: Bilingual(zh: "6位", en: "6")))
        }
        if let placeholder = NumberChecks.placeholderIssue(number) { issues.append(placeholder) }
        return issues
    }

    /// The English rendering, "Beijing ICP Licence No. 030173".
    public var englishDisplay: String { String(joiningParts: englishDisplayParts) }

    func englishDisplayParts(_ part: (String) -> Void) {
        EnglishDisplay.parts(province: province, title: "ICP Licence No. ", number: number, site: site, part)
    }

    /// Province, mark, licence number and site index.
    public var parts: [Explanation.Part] {
        [.province(province, candidates: candidates),
         .make("标记", "mark", "ICP证", "经营性互联网信息服务许可证（B25类）", "commercial internet information service licence (category B25)"),
         .make("许可证号", "licence number", number, "6位：年份后两位加序号（据实例推断）", "six digits: a two-digit year and a serial (inferred from examples)"),
         .site(site)].compactMap { $0 }
    }
}
