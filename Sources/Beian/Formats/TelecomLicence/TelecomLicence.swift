/// A telecom business licence number (电信业务经营许可证, `telecom_licence`), e.g. 粤B2-20090059.
///
/// Shape (formats.md §2b): `[P | 合字] CAT(.CAT)* - YYYYNNNN [-N]`, CAT = A1, A2, B1, B2 or D1–D3.
/// No province means a national licence issued by MIIT (unconfirmed, so no issue).
public struct TelecomLicence: BeianFormat {
    /// ``Kind/telecomLicence``.
    public static let kind = Kind.telecomLicence
    /// The service classes in order: ["B1", "B2"]; a class without its digit ("B") is kept as printed.
    public let categories: [String]
    /// The eight digits after the dash: the year of first issue and a serial.
    public let digits: String
    /// The site index after the digits, if any.
    public let site: String?
    /// The province before the classes, if any.
    public let province: Province?
    /// True for 合字 (foreign-invested) licences.
    public let foreignInvested: Bool

    init(categories: [String], digits: String, site: String?, province: Province?, foreignInvested: Bool) {
        self.categories = categories
        self.digits = digits
        self.site = site
        self.province = province
        self.foreignInvested = foreignInvested
    }

    /// The classes and digits: "B2-20090059".
    public var number: String { categories.joined(separator: ".") + "-" + digits }

    /// The standard form: 粤B2-20090059, 合字B1.B2-20190191.
    public var canonical: String {
        (foreignInvested ? "合字" : (province?.abbreviation ?? "")) + number + (site.map { "-\($0)" } ?? "")
    }

    /// The year of first issue (the first four of eight digits).
    public var year: Int? { digits.utf8.count == 8 ? NumberChecks.integer(digits.prefix(4)) : nil }

    /// Classes, length and year, then placeholders.
    public func issues(referenceYear: Int) -> [Issue] {
        var issues: [Issue] = []
        if let bare = categories.first(where: { $0.count == 1 }) {
            issues.append(Issue(.invalidClass, .error,
                                zh: "业务类别「\(bare)」缺少数字（应为 \(bare)1 或 \(bare)2 等）",
                                en: "the service class \u{201C}\(bare)\u{201D} lacks its digit (\(bare)1, \(bare)2 …)"))
        }
        if digits.utf8.count != 8 {
            issues.append(NumberChecks.invalidLength(digits, expected: Bilingual(zh: "8位（年份4位+序号4位）", en: "8 (a 4-digit year and a 4-digit serial)")))
        } else if let year, let issue = NumberChecks.yearIssue(year, referenceYear: referenceYear, earliest: 2000, what: Self.kind.names) {
            issues.append(issue)
        }
        if let placeholder = NumberChecks.placeholderIssue(digits) { issues.append(placeholder) }
        return issues
    }

    /// The English rendering, "Guangdong Telecom Business Licence B2-20090059".
    public var englishDisplay: String {
        "\(province.map { $0.en + " " } ?? "")Telecom Business Licence \(number)"
    }

    /// Province (or the MIIT), classes, year and serial, foreign investment, site index.
    public var parts: [Explanation.Part] {
        let classes = categories.joined(separator: ".")
        return [.province(province) ?? .make("省份", "province", "—", "无省份简称：由工业和信息化部颁发（跨地区经营）", "no abbreviation: issued by the MIIT (cross-regional)"),
                .make("业务类别", "category", classes, categories.map(Self.categoryZh).joined(separator: "；"),
                      categories.map(Self.categoryEn).joined(separator: "; ")),
                .make("年份与序号", "year and serial", digits, "前4位是首次发证年份 \(digits.prefix(4))（据实例推断），后为序号", "the first four digits are the year of first issue, \(digits.prefix(4)) (inferred from examples), then a serial"),
                foreignInvested ? .make("外资", "foreign investment", "合字", "外商投资企业的许可证", "a foreign-invested enterprise's licence") : nil,
                .site(site)].compactMap { $0 }
    }

    // MARK: Service classes (formats.md §2)

    private static func categoryZh(_ code: String) -> String {
        switch code.prefix(1) {
        case "A": "\(code)：基础电信业务第\(code.hasSuffix("1") ? "一" : "二")类"
        case "B": "\(code)：增值电信业务第\(code.hasSuffix("1") ? "一" : "二")类" + (code == "B2" ? "（含B25信息服务，即ICP）" : "")
        default: "\(code)：含义未经证实（见于域名注册服务机构）"
        }
    }

    private static func categoryEn(_ code: String) -> String {
        switch code.prefix(1) {
        case "A": "\(code): basic telecom, category \(code.hasSuffix("1") ? "I" : "II")"
        case "B": "\(code): value-added telecom, category \(code.hasSuffix("1") ? "I" : "II")" + (code == "B2" ? " (includes B25 information services, the ICP licence)" : "")
        default: "\(code): meaning unconfirmed (seen on domain registrars)"
        }
    }
}
