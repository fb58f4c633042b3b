/// A unified social credit code (统一社会信用代码, GB 32100-2015, `uscc`), e.g. 91110000101623741K.
///
/// Shape (formats.md §6.9): 18 characters of the alphabet `0-9 A-H J-N P-R T U W-Y` (no I, O, Z,
/// S, V): registration authority, entity type, the GB/T 2260 division of the registering office
/// (characters 3–8), the GB 11714 organisation code, and a mod-31 check character (weights
/// 3^(i-1) mod 31, as python-stdnum's `cn.uscc`). Under a business licence label, a 15-digit
/// registration number from before 2015 is read too (`legacy_format`).
public struct USCC: BeianFormat {
    /// ``Kind/uscc``.
    public static let kind = Kind.uscc
    static let alphabet = Array("0123456789ABCDEFGHJKLMNPQRTUWXY")
    static let weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]

    /// The code in upper case.
    public let number: String
    /// True for a 15-digit business registration number (营业执照注册号) read under a business licence label.
    public let isRegistrationNumber: Bool
    /// The six-digit division of the registering office.
    public let division: String?
    /// The province of the division.
    public let province: Province?

    /// Reads `code` (upper case); `businessLicenceLabel` says a business licence label stood before it.
    init(code: String, businessLicenceLabel: Bool) {
        number = code
        let count = code.count
        isRegistrationNumber = count == 15 && businessLicenceLabel && code.allSatisfy(\.isASCIIDigit)
        if isRegistrationNumber {
            division = String(code.prefix(6))
        } else if count == 18 {
            let region = code.dropFirst(2).prefix(6)
            division = region.allSatisfy(\.isASCIIDigit) ? String(region) : nil
        } else {
            division = nil
        }
        province = division.flatMap { Province(code: String($0.prefix(2))) }
    }

    /// The standard form: the code in upper case.
    public var canonical: String { number }

    /// The registration authority (character 1).
    public var registrationAuthority: Character? { number.count == 18 ? number.first : nil }
    /// The entity type (characters 1–2, e.g. "91" for an enterprise).
    public var entityType: String? { number.count == 18 ? String(number.prefix(2)) : nil }
    /// The GB 11714 organisation code (characters 9–17).
    public var organisationCode: String? { number.count == 18 ? String(number.dropFirst(8).prefix(9)) : nil }
    /// The check character as printed (character 18).
    public var checkCharacter: Character? { number.count == 18 ? number.last : nil }

    /// The check character the first 17 characters call for; nil when the code is not 18
    /// characters or one is outside the alphabet.
    public var expectedCheckCharacter: Character? {
        guard number.count == 18 else { return nil }
        var sum = 0
        for (character, weight) in zip(number, Self.weights) {
            guard let value = Self.alphabet.firstIndex(of: character) else { return nil }
            sum += value * weight
        }
        return Self.alphabet[(31 - sum % 31) % 31]
    }

    /// Length, alphabet and check character; the division; placeholders.
    public func issues(referenceYear: Int) -> [Issue] {
        var issues: [Issue] = []
        let count = number.count
        if isRegistrationNumber {
            issues.append(Issue(.legacyFormat, .info, zh: "15位营业执照注册号是2015年统一社会信用代码之前的旧格式",
                                en: "a 15-digit business registration number is the format from before the 2015 credit codes"))
        } else if count != 18 {
            issues.append(Issue(.invalidLength, .error, zh: "代码 \(number) 有 \(count) 个字符，应为18个",
                                en: "\(number) has \(count) characters; expected 18"))
        } else {
            let outside = number.filter { !Self.alphabet.contains($0) }
            if !outside.isEmpty {
                issues.append(Issue(.invalidCharacter, .error,
                                    zh: "代码含有编码规则不允许的字符「\(outside)」（不用I、O、Z、S、V）",
                                    en: "the code has \u{201C}\(outside)\u{201D}, which GB 32100 does not use (no I, O, Z, S, V)"))
            } else if let expected = expectedCheckCharacter, let printed = checkCharacter, expected != printed {
                issues.append(Issue(.badCheckCharacter, .error,
                                    zh: "校验码应为「\(expected)」，而不是「\(printed)」（2015年前试点地区发放的部分代码也不符合校验规则）",
                                    en: "the check character should be \u{201C}\(expected)\u{201D}, not \u{201C}\(printed)\u{201D} (some codes issued by pilot areas before 2015 fail the check too)"))
            }
        }
        if let division { issues += DivisionCheck.issues(for: division).1 }
        if Set(number).count <= 2 || number.contains("*") {
            issues.append(Issue(.placeholder, .error, zh: "代码 \(number) 是占位符", en: "\(number) is a placeholder"))
        }
        return issues
    }

    /// The English rendering, "Unified Social Credit Code …".
    public var englishDisplay: String { "Unified Social Credit Code \(number)" }

    /// Authority, entity type, division, organisation code and check character (18-character codes).
    public var parts: [Explanation.Part] {
        guard let authority = registrationAuthority, let type = entityType, let organisation = organisationCode,
              let printed = checkCharacter.map(String.init) else { return [] }
        let expected = expectedCheckCharacter.map(String.init) ?? "?"
        return [.make("登记管理部门", "registration authority", String(authority), Self.authorities[authority]?.zh ?? "未知的登记管理部门代码",
                      Self.authorities[authority]?.en ?? "an unknown registration authority code"),
                .make("机构类别", "entity type", type, Self.entityTypes[type]?.zh ?? "其他机构类别", Self.entityTypes[type]?.en ?? "another entity type"),
                .division(division),
                .make("组织机构代码", "organisation code", organisation, "GB 11714 组织机构代码（含其校验位）", "the GB 11714 organisation code (with its own check character)"),
                .make("校验码", "check character", printed,
                      expected == printed ? "正确（GB 32100 模31校验）" : "应为「\(expected)」（GB 32100 模31校验）",
                      expected == printed ? "correct (GB 32100, mod 31)" : "should be \u{201C}\(expected)\u{201D} (GB 32100, mod 31)")]
            .compactMap { $0 }
    }

    // MARK: Code tables (formats.md §6.9)

    private static let authorities: [Character: Bilingual] = [
        "1": Bilingual(zh: "机构编制", en: "institutional establishment"), "2": Bilingual(zh: "外交", en: "foreign affairs"),
        "3": Bilingual(zh: "司法行政", en: "justice"), "4": Bilingual(zh: "文化", en: "culture"), "5": Bilingual(zh: "民政", en: "civil affairs"),
        "6": Bilingual(zh: "旅游", en: "tourism"), "7": Bilingual(zh: "宗教", en: "religious affairs"), "8": Bilingual(zh: "工会", en: "trade unions"),
        "9": Bilingual(zh: "工商（市场监督管理）", en: "market regulation"), "A": Bilingual(zh: "中央军委改革和编制办公室", en: "the CMC reform and establishment office"),
        "N": Bilingual(zh: "农业", en: "agriculture"), "Y": Bilingual(zh: "其他", en: "other"),
    ]

    private static let entityTypes: [String: Bilingual] = [
        "91": Bilingual(zh: "企业", en: "enterprise"), "92": Bilingual(zh: "个体工商户", en: "individual business"),
        "93": Bilingual(zh: "农民专业合作社", en: "farmers' cooperative"), "11": Bilingual(zh: "机关", en: "government organ"),
        "12": Bilingual(zh: "事业单位", en: "public institution"), "51": Bilingual(zh: "社会团体", en: "social organisation"),
        "52": Bilingual(zh: "民办非企业单位", en: "private non-enterprise unit"), "53": Bilingual(zh: "基金会", en: "foundation"),
    ]
}
