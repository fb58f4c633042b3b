/// A public security filing number (公安联网备案号, 公网安备, `public_security_filing`), e.g.
/// 京公网安备11010802020088号.
///
/// Shape (formats.md §3): 14 digits (11–13 before the 2016 national platform) whose first six
/// are the GB/T 2260 division of the filing police bureau; the first two must name the
/// province of the abbreviation (inferred from every real example).
public struct PublicSecurityFiling: BeianFormat {
    /// ``Kind/publicSecurityFiling``.
    public static let kind = Kind.publicSecurityFiling
    /// The abbreviation as printed (京), if any.
    public let abbreviation: Character?
    /// The digits (and masks): "11010802020088".
    public let number: String
    /// The province: the abbreviation's, else the division code's.
    public let province: Province?
    /// The six-digit GB/T 2260 division code the number starts with.
    public let division: String?

    /// The division `division` names, looked up once (a finding's checks and its report
    /// both ask); nil when the table does not know the code.
    let namedDivision: Division?

    init(abbreviation: Character?, number: String) {
        self.abbreviation = abbreviation
        self.number = number
        division = NumberChecks.digitPrefix(number, 6)
        namedDivision = division.flatMap(Division.init(code:))
        province = abbreviation.flatMap(Province.init(abbreviation:)) ?? NumberChecks.digitPrefix(number, 2).flatMap(Province.init(code:))
    }

    /// The serial after the division code.
    public var serial: String? { number.count > 6 ? String(number.dropFirst(6)) : nil }

    /// The standard form: 京公网安备11010802020088号.
    public var canonical: String { String(concatenating: abbreviation.map(String.init) ?? "", "公网安备", number, "号") }

    func canonical(reusing raw: String) -> String {
        raw.isConcatenation(of: abbreviation.map(String.init) ?? "", "公网安备", number, "号") ? raw : canonical
    }

    /// Province, length, division (and its agreement with the province), then placeholders.
    public func issues(referenceYear: Int) -> [Issue] {
        var issues: [Issue] = []
        // The province the abbreviation names: `province` when it is the one printed (an
        // abbreviation that names none leaves the division's, with its usual abbreviation).
        let printed = abbreviation.flatMap { province?.abbreviation == String($0) ? province : nil }
        if abbreviation != nil { issues += NumberChecks.provinceIssues(abbreviation: abbreviation, province: printed, kind: Self.kind) }
        let count = number.utf8.count
        switch count {
        case 14: break
        case 11...13:
            issues.append(Issue(.legacyFormat, .info,
                                zh: "\(count)位公安备案号是2016年全国平台之前的旧格式",
                                en: "a \(count)-digit public security filing is a format from before the 2016 national platform"))
        default:
            issues.append(NumberChecks.invalidLength(number, expected: Bilingual(zh: "14位（旧格式11–13位）", en: "14 (11–13 in older filings)")))
        }
        if let code = NumberChecks.digitPrefix(number, 2) {
            if let divisionProvince = printed?.code == code ? printed : Province(code: code) {
                if let printed, printed.code != code {
                    issues.append(Issue(.provinceMismatch, .error,
                                        zh: "行政区划代码 \(division ?? code) 属于\(divisionProvince.zh)（\(code)），但简称「\(printed.abbreviation)」是\(printed.zh)（\(printed.code)）",
                                        en: "division code \(division ?? code) is in \(divisionProvince.en) (\(code)), but \u{201C}\(printed.abbreviation)\u{201D} is \(printed.en) (\(printed.code))"))
                }
                if let division { issues += DivisionCheck.issues(for: division, named: namedDivision) }
            } else {
                issues.append(.unknownDivision(code))
            }
        }
        if let placeholder = NumberChecks.placeholderIssue(number) { issues.append(placeholder) }
        return issues
    }

    /// The English rendering, "Beijing Public Security Filing No. 11010802020088".
    public var englishDisplay: String { String(joiningParts: englishDisplayParts) }

    func englishDisplayParts(_ part: (String) -> Void) {
        EnglishDisplay.parts(province: province, title: "Public Security Filing No. ", number: number, part)
    }

    /// Province, division and serial.
    public var parts: [Explanation.Part] {
        [.province(province), .division(division),
         serial.map { .make("序号", "serial", $0, "备案机关所在地的顺序号", "a serial of the filing police bureau's area") }].compactMap { $0 }
    }
}
