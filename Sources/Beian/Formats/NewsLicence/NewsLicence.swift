/// An internet news information service licence number (互联网新闻信息服务许可证, `news_licence`),
/// e.g. 11120170012.
///
/// Shape (formats.md §4, inferred from real numbers): 11 digits `PP T YYYY NNNN` (2017 on) or 10
/// digits `PP T YYYY NNN` (2005 era). PP is the GB/T 2260 province, 10 for central licensees;
/// T is the category (1 news organisations, 2 other platforms).
public struct NewsLicence: BeianFormat {
    /// ``Kind/newsLicence``.
    public static let kind = Kind.newsLicence
    /// The code for central licensees in place of a province.
    static let centralCode = ProvinceTable.centralNewsCode
    /// The digits (and masks).
    public let number: String
    /// The province of the first two digits (nil for central licensees, 10).
    public let province: Province?
    /// The category digit, 1 (news organisations) or 2 (other platforms); nil when it is neither.
    public let category: Int?
    /// The year of issue (digits 4–7).
    public let year: Int?

    init(number: String) {
        self.number = number
        let count = number.utf8.count
        province = NumberChecks.digitPrefix(number, 2).flatMap { $0 == Self.centralCode ? nil : Province(code: $0) }
        let digit = count >= 3 ? NumberChecks.integer(number.dropFirst(2).prefix(1)) : nil
        category = digit == 1 || digit == 2 ? digit : nil
        year = count >= 7 ? NumberChecks.integer(number.dropFirst(3).prefix(4)) : nil
    }

    /// Whether the first two digits are the central code, 10.
    public var isCentral: Bool { number.hasPrefix(Self.centralCode) }

    /// The standard form: the digits.
    public var canonical: String { number }

    /// Length, region, category and year, then placeholders.
    public func issues(referenceYear: Int) -> [Issue] {
        var issues: [Issue] = []
        let count = number.utf8.count
        switch count {
        case 11: break
        case 10:
            issues.append(Issue(.legacyFormat, .info, zh: "10位新闻许可证号是2017年以前的旧格式",
                                en: "a 10-digit news licence number is the pre-2017 format"))
        default:
            issues.append(NumberChecks.invalidLength(number, expected: Bilingual(zh: "11位（旧格式10位）", en: "11 (10 in older licences)")))
        }
        if let code = NumberChecks.digitPrefix(number, 2), code != Self.centralCode, province == nil {
            issues.append(.unknownDivision(code, central: Self.centralCode))
        }
        if count >= 3, let digit = NumberChecks.integer(number.dropFirst(2).prefix(1)), category == nil {
            issues.append(Issue(.unknownCategory, .warning,
                                zh: "第3位 \(digit) 不是已知类别（1：新闻单位，2：非新闻单位）",
                                en: "the third digit \(digit) is no known category (1: news organisation, 2: other)"))
        }
        if let year, let issue = NumberChecks.yearIssue(year, referenceYear: referenceYear, earliest: 2000, what: Self.kind.names) {
            issues.append(issue)
        }
        if let placeholder = NumberChecks.placeholderIssue(number) { issues.append(placeholder) }
        return issues
    }

    /// The English rendering, "Internet News Information Service Licence No. …".
    public var englishDisplay: String {
        "Internet News Information Service Licence No. \(number)"
    }

    /// Region, category, year and serial.
    public var parts: [Explanation.Part] {
        let code = String(number.prefix(2))
        return [code == Self.centralCode ? .make("区划", "region", code, "中央级许可（据实例推断）", "central level (inferred from examples)")
                    : .province(province, value: code),
                category.map { .make("类别", "category", String($0), $0 == 1 ? "新闻单位" : "非新闻单位（平台）", $0 == 1 ? "news organisation" : "other platform") },
                .year(year),
                .make("序号", "serial", String(number.suffix(number.count >= 11 ? 4 : 3)), "当年的顺序号", "a serial within the year")]
            .compactMap { $0 }
    }
}
