/// An ICP filing number (ICP备案号, `icp_filing`), e.g. 渝ICP备20009753号-2.
///
/// Shape (formats.md §1): a province abbreviation, ICP备, the entity's number (10 digits
/// YYYYNNNNNN, 8 digits YYNNNNNN, 6 in the early 2000s) and an optional site index.
public struct ICPFiling: BeianFormat {
    /// ``Kind/icpFiling``.
    public static let kind = Kind.icpFiling
    /// The abbreviation as printed (渝), if any; it may name no province (`unknown_province`).
    public let abbreviation: Character?
    /// The entity's filing number, digits (and masks) only: "20009753".
    public let number: String
    /// The site index after the dash: "2", "1A" (an app), "1X" (a mini-program).
    public let site: String?
    /// The province the abbreviation names.
    public let province: Province?
    /// When a pinyin abbreviation fits two provinces (Jin: 津 or 晋), both; `province` is nil.
    public let candidates: [Province]?

    init(abbreviation: Character?, number: String, site: String?, candidates: [Province]? = nil) {
        self.abbreviation = abbreviation
        self.number = number
        self.site = site
        self.candidates = candidates
        province = abbreviation.flatMap(Province.init(abbreviation:))
    }

    /// The year of first filing the number starts with (4 digits, or 2 read as 20YY), if it has one.
    public var firstFilingYear: Int? {
        switch number.utf8.count {
        case 10: NumberChecks.integer(number.prefix(4))
        case 8: NumberChecks.integer(number.prefix(2)).map { 2000 + $0 }
        default: nil
        }
    }

    /// The standard form: 渝ICP备20009753号-2.
    public var canonical: String { ICPNumber.canonical(abbreviation, mark: "备", number: number, site: site) }

    func canonical(reusing raw: String) -> String {
        ICPNumber.isCanonical(raw, abbreviation, mark: "备", number: number, site: site) ? raw : canonical
    }

    /// Province, length and year rules (formats.md §1), then placeholders.
    public func issues(referenceYear: Int) -> [Issue] {
        var issues = candidates == nil ? NumberChecks.provinceIssues(abbreviation: abbreviation, province: province, kind: Self.kind) : []
        switch number.utf8.count {
        case 6:
            issues.append(Issue(.legacyFormat, .info, zh: "6位ICP备案号是2000年代早期的旧格式",
                                en: "a 6-digit ICP filing number is the early-2000s format"))
        case 8:
            if let year = firstFilingYear, year > referenceYear {
                issues.append(Issue(.implausibleYear, .warning,
                                    zh: "8位备案号的前两位 \(number.prefix(2)) 应为2000年至今的首次备案年份",
                                    en: "the first two digits \(number.prefix(2)) of an 8-digit filing should be its first-filing year, 2000 to now"))
            }
        case 10:
            if let year = firstFilingYear,
               let issue = NumberChecks.yearIssue(year, referenceYear: referenceYear, earliest: 2000, what: Self.kind.names) {
                issues.append(issue)
            }
        default:
            issues.append(NumberChecks.invalidLength(number, expected: Bilingual(zh: "6、8或10位", en: "6, 8 or 10")))
        }
        if let placeholder = NumberChecks.placeholderIssue(number) { issues.append(placeholder) }
        return issues
    }

    /// The English rendering, "Chongqing ICP Filing No. 20009753-2".
    public var englishDisplay: String { String(joiningParts: englishDisplayParts) }

    func englishDisplayParts(_ part: (String) -> Void) {
        EnglishDisplay.parts(province: province, title: "ICP Filing No. ", number: number, site: site, part)
    }

    /// Province, mark, entity number and site index.
    public var parts: [Explanation.Part] {
        let entity: Explanation.Part = switch number.count {
        case 10: .make("主体备案号", "entity number", number, "前4位是首次备案年份 \(number.prefix(4))，后6位是序号", "the first four digits are the year of first filing, \(number.prefix(4)), then a 6-digit serial")
        case 8: .make("主体备案号", "entity number", number, "前2位是首次备案年份（20\(number.prefix(2))），后6位是序号", "the first two digits are the year of first filing (20\(number.prefix(2))), then a 6-digit serial")
        default: .make("主体备案号", "entity number", number, "2000年代早期的号码为6位；通常为8位或10位", "early-2000s numbers have 6 digits; usual numbers 8 or 10")
        }
        return [.province(province, candidates: candidates),
                .make("标记", "mark", "ICP备", "非经营性互联网信息服务备案（工信部令第33号）", "non-commercial internet information service filing (MIIT Decree 33)"),
                entity, .site(site)].compactMap { $0 }
    }
}

/// What ICP filings and licences share: the canonical layout.
enum ICPNumber {
    /// Whether `raw` is already the canonical form.
    static func isCanonical(_ raw: String, _ abbreviation: Character?, mark: String, number: String, site: String?) -> Bool {
        raw.isConcatenation(of: abbreviation.map(String.init) ?? "", "ICP", mark, number, "号", site == nil ? "" : "-", site ?? "")
    }

    /// 渝ICP备20009753号-2, 京ICP证030173号.
    static func canonical(_ abbreviation: Character?, mark: String, number: String, site: String?) -> String {
        String(concatenating: abbreviation.map(String.init) ?? "", "ICP", mark, number, "号", site == nil ? "" : "-", site ?? "")
    }
}
