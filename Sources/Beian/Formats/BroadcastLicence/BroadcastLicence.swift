/// A radio and TV programme production licence number (广播电视节目制作经营许可证,
/// `broadcast_licence`), e.g. （沪）字第1248号.
///
/// Shape (formats.md §6.2): `（P）字第 NNNN 号`; the old Shandong `(鲁广社)字第046号`; `（广媒）字第172号`
/// from the national administration (no province, no issue).
public struct BroadcastLicence: BeianFormat {
    /// ``Kind/broadcastLicence``.
    public static let kind = Kind.broadcastLicence
    /// The issuer in brackets as printed: "沪", "鲁广社", "广媒".
    public let issuer: String
    /// The serial digits.
    public let number: String
    /// The province the issuer's first character names (nil for the national administration).
    public let province: Province?

    init(issuer: String, number: String) {
        self.issuer = issuer
        self.number = number
        province = Labels.nationalBroadcastIssuers.contains(issuer) ? nil : issuer.first.flatMap(Province.init(abbreviation:))
    }

    /// True for licences of the national administration (广媒).
    public var isNational: Bool { Labels.nationalBroadcastIssuers.contains(issuer) }

    /// The standard form: （沪）字第1248号.
    public var canonical: String { "（\(issuer)）字第\(number)号" }

    /// Province, older issuer forms, length, then placeholders.
    public func issues(referenceYear: Int) -> [Issue] {
        var issues: [Issue] = []
        if !isNational {
            issues += NumberChecks.provinceIssues(abbreviation: issuer.first, province: province, kind: Self.kind)
            if issuer.count > 1 {
                issues.append(Issue(.legacyFormat, .info, zh: "括号中的「\(issuer)」是旧格式",
                                    en: "\u{201C}\(issuer)\u{201D} in brackets is an older format"))
            }
        }
        if !(3...5).contains(number.utf8.count) { issues.append(.unusualLength(number, usual: "3–5")) }
        if let placeholder = NumberChecks.placeholderIssue(number) { issues.append(placeholder) }
        return issues
    }

    /// The English rendering, "Radio and TV Programme Production Licence (Shanghai) No. 1248".
    public var englishDisplay: String {
        "Radio and TV Programme Production Licence\(province.map { " (\($0.en))" } ?? "") No. \(number)"
    }

    /// Province and number.
    public var parts: [Explanation.Part] {
        [.province(province), .make("编号", "number", number, "省级广播电视局的发证顺序号", "the provincial bureau's serial")].compactMap { $0 }
    }
}
