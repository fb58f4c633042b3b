/// A network culture business licence number (网络文化经营许可证, 文网文, `culture_licence`), e.g.
/// 京网文〔2020〕1039-165号.
///
/// Shape (formats.md §6.1): `P 网文 〔YYYY〕 NNNN(N)-NN(NN) 号`; older ones `P网文许字【2014】1100-002号`,
/// and the national `文网文[2010]040号` of the Ministry of Culture. The part lengths (4–5 and 2–4
/// digits) come from real licences, so other lengths are warnings.
public struct CultureLicence: BeianFormat {
    /// ``Kind/cultureLicence``.
    public static let kind = Kind.cultureLicence
    /// The abbreviation as printed (京), or 文 for the Ministry of Culture's national licences.
    public let abbreviation: Character?
    /// The four digits of the year in brackets.
    public let yearDigits: String
    /// The number's parts between dashes: ["1039", "165"].
    public let numberParts: [String]
    /// The province the abbreviation names (nil for national licences).
    public let province: Province?

    init(abbreviation: Character?, yearDigits: String, numberParts: [String]) {
        self.abbreviation = abbreviation
        self.yearDigits = yearDigits
        self.numberParts = numberParts
        province = abbreviation == "文" ? nil : abbreviation.flatMap(Province.init(abbreviation:))
    }

    /// True for the Ministry of Culture's early national licences (文网文).
    public var isNational: Bool { abbreviation == "文" }
    /// The year of issue.
    public var year: Int? { Int(yearDigits) }
    /// The number: "1039-165".
    public var number: String { numberParts.joined(separator: "-") }

    /// The standard form: 京网文〔2020〕1039-165号.
    public var canonical: String { "\(abbreviation.map(String.init) ?? "")网文〔\(yearDigits)〕\(number)号" }

    /// Issuer, year and part lengths, then placeholders.
    public func issues(referenceYear: Int) -> [Issue] {
        var issues: [Issue]
        if isNational {
            issues = [Issue(.legacyFormat, .info, zh: "「文网文」是文化部早期颁发的全国性许可证格式",
                            en: "\u{201C}文网文\u{201D} is the early national format issued by the Ministry of Culture")]
        } else {
            issues = NumberChecks.provinceIssues(abbreviation: abbreviation, province: province, kind: Self.kind)
        }
        issues += NumberChecks.yearIssues(year, kind: Self.kind, referenceYear: referenceYear, earliest: 2000)
        let lengths = numberParts.map(\.utf8.count)
        if !isNational, !(lengths.count == 2 && (4...5).contains(lengths[0]) && (2...4).contains(lengths[1])) {
            issues.append(Issue(.invalidLength, .warning,
                                zh: "编号 \(number) 不是常见的「4–5位-2–4位」格式",
                                en: "\(number) is not the usual 4–5 digits, dash, 2–4 digits"))
        }
        if let placeholder = NumberChecks.placeholderIssue(numberParts.joined()) { issues.append(placeholder) }
        return issues
    }

    /// The English rendering, "Beijing Network Culture Licence (2020) 1039-165".
    public var englishDisplay: String {
        let issuer = isNational ? "Ministry of Culture " : (province.map { $0.en + " " } ?? "")
        return "\(issuer)Network Culture Licence (\(year.map(String.init) ?? "")) \(number)"
    }

    /// Issuer, mark, year and number.
    public var parts: [Explanation.Part] {
        [.province(province) ?? .make("发证机关", "issuer", "文", "文化部（全国性的早期许可证）", "the Ministry of Culture (early national licence)"),
         .make("标记", "mark", "网文", "网络文化经营许可证", "network culture business licence"),
         .year(year, inferred: true),
         .make("编号", "number", number, "许可证编号；两部分的含义未经证实（续证时保持不变）", "the licence number; what its two parts mean is unconfirmed (it survives renewal)")]
            .compactMap { $0 }
    }
}
