/// The closed set of problems Beian reports. Raw values are a public JSON contract.
public enum IssueCode: String, Sendable, CaseIterable, Hashable {
    // Findings
    case unknownProvince = "unknown_province"
    case alternateAbbreviation = "alternate_abbreviation"
    case missingProvince = "missing_province"
    case invalidLength = "invalid_length"
    case legacyFormat = "legacy_format"
    case provinceMismatch = "province_mismatch"
    case unknownDivision = "unknown_division"
    case unknownCategory = "unknown_category"
    case implausibleYear = "implausible_year"
    case placeholder
    case invalidPhoneNumber = "invalid_phone_number"
    case missingAreaCode = "missing_area_code"
    case linkMismatch = "link_mismatch"
    case noMIITLink = "no_miit_link"
    case ambiguousProvince = "ambiguous_province"
    case unknownCounty = "unknown_county"
    case abolishedDivision = "abolished_division"
    case badCheckCharacter = "bad_check_character"
    case invalidCharacter = "invalid_character"
    case invalidDate = "invalid_date"
    case malformedLabel = "malformed_label"
    case invalidClass = "invalid_class"
    case outdatedLink = "outdated_link"
    case noMPSLink = "no_mps_link"
    // Documents
    case provinceInconsistent = "province_inconsistent"
    case hotlineOtherProvince = "hotline_other_province"
    case noFindings = "no_findings"
    case missingRequired = "missing_required"
    case charsetMismatch = "charset_mismatch"
    case virtualRegistry = "virtual_registry"

    /// What the code means, in one line per language.
    public var summary: Bilingual {
        switch self {
        case .unknownProvince: Bilingual(zh: "省份简称不是31个省级行政区之一", en: "the abbreviation is none of the 31 provinces")
        case .alternateAbbreviation: Bilingual(zh: "使用了较少见的省份简称（川、甘、贵）", en: "a less common province abbreviation (川, 甘, 贵)")
        case .missingProvince: Bilingual(zh: "缺少省份简称", en: "no province abbreviation")
        case .invalidLength: Bilingual(zh: "号码位数不符合格式", en: "the number has the wrong number of digits")
        case .legacyFormat: Bilingual(zh: "旧版格式", en: "an older format")
        case .provinceMismatch: Bilingual(zh: "行政区划代码与省份简称不一致", en: "the division code and the abbreviation name different provinces")
        case .unknownDivision: Bilingual(zh: "前两位不是省级行政区划代码", en: "the first two digits are no province code")
        case .unknownCategory: Bilingual(zh: "类别位不是1或2", en: "the category digit is neither 1 nor 2")
        case .implausibleYear: Bilingual(zh: "号码中的年份不合理", en: "the year in the number is implausible")
        case .placeholder: Bilingual(zh: "占位号码（重复、顺序或掩码数字）", en: "a placeholder (repeated, sequential or masked digits)")
        case .invalidPhoneNumber: Bilingual(zh: "电话号码的区号或位数无效", en: "the phone number's area code or length is invalid")
        case .missingAreaCode: Bilingual(zh: "固定电话缺少区号", en: "a landline number without its area code")
        case .linkMismatch: Bilingual(zh: "链接中的备案号与显示的不一致", en: "the link's record code differs from the text")
        case .noMIITLink: Bilingual(zh: "ICP备案号未链接到工信部备案系统", en: "the ICP filing is not linked to the MIIT filing system")
        case .ambiguousProvince: Bilingual(zh: "拼音简称可指两个省份", en: "the pinyin abbreviation fits two provinces")
        case .unknownCounty: Bilingual(zh: "省内没有这个县级行政区划代码", en: "the province has no such county-level division code")
        case .abolishedDivision: Bilingual(zh: "行政区划代码已撤销", en: "the division code has been abolished")
        case .badCheckCharacter: Bilingual(zh: "校验码不符", en: "the check character is wrong")
        case .invalidCharacter: Bilingual(zh: "含有编码规则不允许的字符", en: "a character the code's alphabet does not allow")
        case .invalidDate: Bilingual(zh: "日期无效", en: "the date is invalid")
        case .malformedLabel: Bilingual(zh: "标签写法不规范", en: "the label is misspelt")
        case .invalidClass: Bilingual(zh: "许可证的业务类别无效", en: "the licence's service class is invalid")
        case .outdatedLink: Bilingual(zh: "链接指向已停用的备案网站", en: "the link goes to a retired filing site")
        case .noMPSLink: Bilingual(zh: "公安备案号未链接到全国互联网安全管理服务平台",
                                   en: "the public security filing is not linked to the national filing platform")
        case .provinceInconsistent: Bilingual(zh: "同一页面的备案和许可证属于不同省份", en: "the page's registrations name different provinces")
        case .hotlineOtherProvince: Bilingual(zh: "举报电话位于其他省份", en: "the hotline is in another province")
        case .noFindings: Bilingual(zh: "未发现备案或许可证信息", en: "no registration or licence found")
        case .missingRequired: Bilingual(zh: "缺少必需的项目", en: "a required kind is missing")
        case .charsetMismatch: Bilingual(zh: "声明的编码与内容不符", en: "the declared encoding does not match the bytes")
        case .virtualRegistry: Bilingual(zh: "页面显示的是虚拟（玩笑）备案号，不是ICP备案",
                                         en: "the page shows a virtual (joke) registration, not an ICP filing")
        }
    }

    /// Whether the code is reported on a whole document rather than on one finding.
    public var isDocumentLevel: Bool {
        switch self {
        case .provinceInconsistent, .hotlineOtherProvince, .noFindings, .missingRequired, .charsetMismatch, .virtualRegistry: true
        default: false
        }
    }
}
