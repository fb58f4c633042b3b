/// One identifier taken apart for people: what it is, who issues it, what each part means
/// and what is wrong with it (`beian explain`). Meanings follow formats.md; parts marked
/// there as INFERRED or UNCONFIRMED say so.
public struct Explanation: Sendable {
    /// One part of the identifier: its name, its value as printed in canonical form, and
    /// what the value says.
    public struct Part: Sendable, Hashable {
        public let name: Bilingual
        public let value: String
        public let meaning: Bilingual
    }

    /// The finding explained, as `check` reports it.
    public let finding: Finding
    /// Who issues this kind of identifier.
    public var issuer: Bilingual { finding.kind.issuer }
    /// The identifier's parts in reading order (province, mark, number, suffix …).
    public let parts: [Part]

    /// Explains a finding (from `BeianScanner.check`).
    public init(_ finding: Finding) {
        self.finding = finding
        parts = Self.parts(of: finding)
    }

    // MARK: Parts per kind

    private static func part(_ zh: String, _ en: String, _ value: String, _ meaningZh: String, _ meaningEn: String) -> Part {
        Part(name: Bilingual(zh: zh, en: en), value: value, meaning: Bilingual(zh: meaningZh, en: meaningEn))
    }

    private static func provincePart(_ finding: Finding, value: String? = nil) -> Part? {
        if let province = finding.province {
            return part("省份", "province", value ?? province.abbreviation, "\(province.zh)（GB/T 2260 代码 \(province.code)）",
                        "\(province.en) (GB/T 2260 code \(province.code))")
        }
        if let candidates = finding.candidates {
            return part("省份", "province", value ?? "?", "拼音可指" + candidates.map(\.zh).joined(separator: "或"),
                        "the pinyin may be " + candidates.map(\.en).joined(separator: " or "))
        }
        return nil
    }

    private static func divisionPart(_ code: String?) -> Part? {
        guard let code else { return nil }
        guard let division = Division(code: code) else {
            return part("行政区划代码", "division code", code, "GB/T 2260 中没有这个代码", "not a code in GB/T 2260")
        }
        return part("行政区划代码", "division code", code, division.names.zh, division.names.en)
    }

    private static func sitePart(_ finding: Finding) -> Part? {
        guard let site = finding.site else { return nil }
        let index = site.filter(\.isNumber)
        let zh = site.hasSuffix("A") ? "该主体下第\(index)个App" : site.hasSuffix("X") ? "该主体下第\(index)个小程序" : "该主体下第\(index)个网站"
        let en = site.hasSuffix("A") ? "the entity's app no. \(index)" : site.hasSuffix("X") ? "the entity's mini-program no. \(index)"
            : "the entity's website no. \(index)"
        return part("网站序号", "site index", "-" + site, zh, en)
    }

    static func parts(of finding: Finding) -> [Part] {
        let number = finding.number
        var parts: [Part?] = []
        switch finding.kind {
        case .icpFiling:
            parts.append(provincePart(finding))
            parts.append(part("标记", "mark", "ICP备", "非经营性互联网信息服务备案（工信部令第33号）", "non-commercial internet information service filing (MIIT Decree 33)"))
            switch number.count {
            case 10: parts.append(part("主体备案号", "entity number", number, "前4位是首次备案年份 \(number.prefix(4))，后6位是序号", "the first four digits are the year of first filing, \(number.prefix(4)), then a 6-digit serial"))
            case 8: parts.append(part("主体备案号", "entity number", number, "前2位是首次备案年份（20\(number.prefix(2))），后6位是序号", "the first two digits are the year of first filing (20\(number.prefix(2))), then a 6-digit serial"))
            default: parts.append(part("主体备案号", "entity number", number, "2000年代早期的号码为6位；通常为8位或10位", "early-2000s numbers have 6 digits; usual numbers 8 or 10"))
            }
            parts.append(sitePart(finding))
        case .icpLicence:
            parts.append(provincePart(finding))
            parts.append(part("标记", "mark", "ICP证", "经营性互联网信息服务许可证（B25类）", "commercial internet information service licence (category B25)"))
            parts.append(part("许可证号", "licence number", number, "6位：年份后两位加序号（据实例推断）", "six digits: a two-digit year and a serial (inferred from examples)"))
            parts.append(sitePart(finding))
        case .telecomLicence:
            parts.append(provincePart(finding) ?? part("省份", "province", "—", "无省份简称：由工业和信息化部颁发（跨地区经营）", "no abbreviation: issued by the MIIT (cross-regional)"))
            let pieces = number.split(separator: "-", maxSplits: 1).map(String.init)
            if pieces.count == 2 {
                let categories = pieces[0].split(separator: ".").map(String.init)
                let zh = categories.map(categoryZh).joined(separator: "；")
                let en = categories.map(categoryEn).joined(separator: "; ")
                parts.append(part("业务类别", "category", pieces[0], zh, en))
                parts.append(part("年份与序号", "year and serial", pieces[1], "前4位是首次发证年份 \(pieces[1].prefix(4))（据实例推断），后为序号", "the first four digits are the year of first issue, \(pieces[1].prefix(4)) (inferred from examples), then a serial"))
            }
            if finding.foreignInvested == true { parts.append(part("外资", "foreign investment", "合字", "外商投资企业的许可证", "a foreign-invested enterprise's licence")) }
            parts.append(sitePart(finding))
        case .publicSecurityFiling:
            parts.append(provincePart(finding))
            parts.append(divisionPart(finding.division))
            if number.count > 6 {
                parts.append(part("序号", "serial", String(number.dropFirst(6)), "备案机关所在地的顺序号", "a serial of the filing police bureau's area"))
            }
        case .newsLicence:
            let code = String(number.prefix(2))
            parts.append(code == "10" ? part("区划", "region", code, "中央级许可（据实例推断）", "central level (inferred from examples)")
                         : provincePart(finding, value: code))
            if let category = finding.category {
                parts.append(part("类别", "category", String(category), category == 1 ? "新闻单位" : "非新闻单位（平台）", category == 1 ? "news organisation" : "other platform"))
            }
            if let year = finding.year { parts.append(part("年份", "year", String(year), "发证年份", "year of issue")) }
            parts.append(part("序号", "serial", String(number.suffix(number.count >= 11 ? 4 : 3)), "当年的顺序号", "a serial within the year"))
        case .hotline:
            if let area = finding.areaCode {
                let place = TelephoneArea.all.first { $0.code == area }?.place ?? Bilingual(zh: "不是有效的区号", en: "not a valid area code")
                parts.append(Part(name: Bilingual(zh: "区号", en: "area code"), value: "0" + area, meaning: place))
            }
            if let type = finding.phoneType { parts.append(part("号码类型", "type", finding.canonical, type.names.zh, type.names.en)) }
            if let ext = finding.phoneExtension { parts.append(part("分机", "extension", ext, "分机号", "extension")) }
        case .uscc:
            let characters = Array(number)
            if characters.count == 18 {
                parts.append(part("登记管理部门", "registration authority", String(characters[0]), authorityZh(characters[0]), authorityEn(characters[0])))
                let type = String(characters[0...1])
                parts.append(part("机构类别", "entity type", type, entityZh(type), entityEn(type)))
                parts.append(divisionPart(finding.division))
                parts.append(part("组织机构代码", "organisation code", String(characters[8...16]), "GB 11714 组织机构代码（含其校验位）", "the GB 11714 organisation code (with its own check character)"))
                let expected = USCCRecognizer.checkCharacter(Array(characters[0...16])).map(String.init) ?? "?"
                parts.append(part("校验码", "check character", String(characters[17]),
                                  expected == String(characters[17]) ? "正确（GB 32100 模31校验）" : "应为「\(expected)」（GB 32100 模31校验）",
                                  expected == String(characters[17]) ? "correct (GB 32100, mod 31)" : "should be \u{201C}\(expected)\u{201D} (GB 32100, mod 31)"))
            }
        case .cultureLicence:
            parts.append(provincePart(finding) ?? part("发证机关", "issuer", "文", "文化部（全国性的早期许可证）", "the Ministry of Culture (early national licence)"))
            parts.append(part("标记", "mark", "网文", "网络文化经营许可证", "network culture business licence"))
            if let year = finding.year { parts.append(part("年份", "year", String(year), "发证年份（据实例推断）", "year of issue (inferred from examples)")) }
            parts.append(part("编号", "number", number, "许可证编号；两部分的含义未经证实（续证时保持不变）", "the licence number; what its two parts mean is unconfirmed (it survives renewal)"))
        case .broadcastLicence:
            parts.append(provincePart(finding))
            parts.append(part("编号", "number", number, "省级广播电视局的发证顺序号", "the provincial bureau's serial"))
        case .audiovisualLicence:
            parts.append(part("前两位", "first two digits", String(number.prefix(2)), "似为省份（非GB/T 2260顺序；未经证实）", "seem to encode the province, not in GB/T 2260 order (unconfirmed)"))
            parts.append(part("编号", "number", number, "国家广播电视总局颁发的7位编号", "the 7-digit number from the NRTA"))
        case .publishingLicence:
            if let authority = finding.authority {
                parts.append(part("发证机关", "authority", authority, authority == "总" ? "原国家新闻出版广电总局（据实例推断）" : "国家新闻出版署（据实例推断）",
                                  authority == "总" ? "the former SAPPRFT (inferred)" : "the NPPA (inferred)"))
            }
            parts.append(provincePart(finding))
            parts.append(part("编号", "number", number, "发证顺序号", "serial of issue"))
        case .drugInfoCertificate:
            parts.append(provincePart(finding))
            if let business = finding.business {
                parts.append(part("性质", "business", business, business == "经营性" ? "经营性（可收费）" : "非经营性（无偿提供）",
                                  business == "经营性" ? "commercial (may charge)" : "non-commercial (free of charge)"))
            }
            if let year = finding.year { parts.append(part("年份", "year", String(year), "发证年份", "year of issue")) }
            parts.append(part("序号", "serial", String(number.split(separator: "-").last ?? ""), "当年的顺序号", "a serial within the year"))
        case .religiousInfoLicence:
            parts.append(provincePart(finding))
            if let year = finding.year { parts.append(part("年份", "year", String(year), "发证年份", "year of issue")) }
            parts.append(part("序号", "serial", number, "7位顺序号", "a 7-digit serial"))
        case .algorithmFiling:
            parts.append(divisionPart(finding.division))
            if number.count == 21 {
                let digits = Array(number)
                parts.append(part("中间位", "middle digits", String(digits[6..<15]), "含义未经证实", "meaning unconfirmed"))
                parts.append(part("年份", "year", String(digits[15..<17]), "似为备案年份后两位（据实例推断）", "seem to be the filing year's last two digits (inferred)"))
                parts.append(part("序号", "serial", String(digits[17..<21]), "似为顺序号（据实例推断）", "seem to be a serial (inferred)"))
            }
        case .genaiFiling:
            parts.append(provincePart(finding, value: String(finding.canonical.prefix { $0 != "-" })))
            let pieces = finding.canonical.split(separator: "-").map(String.init)
            if pieces.count == 3 {
                parts.append(part("模型名称", "model", pieces[1], "服务或模型名称的拼音", "the service's or model's name in pinyin"))
                parts.append(part("日期", "date", String(pieces[2].prefix(8)), "备案日期 \(finding.date ?? "")", "filing date \(finding.date ?? "")"))
                if pieces[2].count == 12 { parts.append(part("序号", "serial", String(pieces[2].suffix(4)), "当日的顺序号", "a serial within the day")) }
            }
        }
        return parts.compactMap { $0 }
    }

    // MARK: Code tables (formats.md §2, §6.9)

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

    private static let authorities: [Character: Bilingual] = [
        "1": Bilingual(zh: "机构编制", en: "institutional establishment"), "2": Bilingual(zh: "外交", en: "foreign affairs"),
        "3": Bilingual(zh: "司法行政", en: "justice"), "4": Bilingual(zh: "文化", en: "culture"), "5": Bilingual(zh: "民政", en: "civil affairs"),
        "6": Bilingual(zh: "旅游", en: "tourism"), "7": Bilingual(zh: "宗教", en: "religious affairs"), "8": Bilingual(zh: "工会", en: "trade unions"),
        "9": Bilingual(zh: "工商（市场监督管理）", en: "market regulation"), "A": Bilingual(zh: "中央军委改革和编制办公室", en: "the CMC reform and establishment office"),
        "N": Bilingual(zh: "农业", en: "agriculture"), "Y": Bilingual(zh: "其他", en: "other"),
    ]

    private static func authorityZh(_ character: Character) -> String { authorities[character]?.zh ?? "未知的登记管理部门代码" }
    private static func authorityEn(_ character: Character) -> String { authorities[character]?.en ?? "an unknown registration authority code" }

    private static let entityTypes: [String: Bilingual] = [
        "91": Bilingual(zh: "企业", en: "enterprise"), "92": Bilingual(zh: "个体工商户", en: "individual business"),
        "93": Bilingual(zh: "农民专业合作社", en: "farmers' cooperative"), "11": Bilingual(zh: "机关", en: "government organ"),
        "12": Bilingual(zh: "事业单位", en: "public institution"), "51": Bilingual(zh: "社会团体", en: "social organisation"),
        "52": Bilingual(zh: "民办非企业单位", en: "private non-enterprise unit"), "53": Bilingual(zh: "基金会", en: "foundation"),
    ]

    private static func entityZh(_ code: String) -> String { entityTypes[code]?.zh ?? "其他机构类别" }
    private static func entityEn(_ code: String) -> String { entityTypes[code]?.en ?? "another entity type" }
}
