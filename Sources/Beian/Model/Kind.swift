/// The kind of a registration or licence string. The raw values are a public JSON contract.
public enum Kind: String, Sendable, CaseIterable, Hashable, Comparable {
    /// ICP备案号, e.g. 渝ICP备20009753号-2.
    case icpFiling = "icp_filing"
    /// ICP证 (old-style commercial ICP licence), e.g. 京ICP证030173号.
    case icpLicence = "icp_licence"
    /// 增值电信业务经营许可证 and other telecom licences, e.g. 粤B2-20090059.
    case telecomLicence = "telecom_licence"
    /// 公安联网备案号 (公网安备), e.g. 京公网安备11010802020088号.
    case publicSecurityFiling = "public_security_filing"
    /// 互联网新闻信息服务许可证, e.g. 50120220004.
    case newsLicence = "news_licence"
    /// 违法和不良信息举报电话, e.g. 12377 or +86 23 6715 8993.
    case hotline
    /// 统一社会信用代码 (GB 32100-2015), e.g. 91110000101623741K.
    case uscc
    /// 网络文化经营许可证 (文网文), e.g. 京网文〔2020〕1039-165号.
    case cultureLicence = "culture_licence"
    /// 广播电视节目制作经营许可证, e.g. （沪）字第1248号.
    case broadcastLicence = "broadcast_licence"
    /// 信息网络传播视听节目许可证, e.g. 0910417.
    case audiovisualLicence = "audiovisual_licence"
    /// 网络出版服务许可证, e.g. （署）网出证（粤）字第054号.
    case publishingLicence = "publishing_licence"
    /// 互联网药品信息服务资格证书, e.g. (京)-经营性-2017-0020.
    case drugInfoCertificate = "drug_info_certificate"
    /// 互联网宗教信息服务许可证, e.g. 京（2022）0000043.
    case religiousInfoLicence = "religious_info_licence"
    /// 算法备案 (网信算备), e.g. 网信算备110108823483901230031号.
    case algorithmFiling = "algorithm_filing"
    /// 生成式人工智能服务备案, e.g. Beijing-YunQue-20230821.
    case genaiFiling = "genai_filing"

    /// The kind's name in Chinese and English.
    public var names: Bilingual {
        switch self {
        case .icpFiling: Bilingual(zh: "ICP备案号", en: "ICP filing number")
        case .icpLicence: Bilingual(zh: "ICP经营许可证号", en: "ICP licence number")
        case .telecomLicence: Bilingual(zh: "电信业务经营许可证号", en: "Telecom business licence number")
        case .publicSecurityFiling: Bilingual(zh: "公安联网备案号", en: "Public security filing number")
        case .newsLicence: Bilingual(zh: "互联网新闻信息服务许可证号", en: "Internet news information service licence number")
        case .hotline: Bilingual(zh: "违法和不良信息举报电话", en: "Illegal and harmful information report hotline")
        case .uscc: Bilingual(zh: "统一社会信用代码", en: "Unified social credit code")
        case .cultureLicence: Bilingual(zh: "网络文化经营许可证", en: "Network culture business licence")
        case .broadcastLicence: Bilingual(zh: "广播电视节目制作经营许可证", en: "Radio and TV programme production licence")
        case .audiovisualLicence: Bilingual(zh: "信息网络传播视听节目许可证", en: "Online audio-visual programme licence")
        case .publishingLicence: Bilingual(zh: "网络出版服务许可证", en: "Network publishing service licence")
        case .drugInfoCertificate: Bilingual(zh: "互联网药品信息服务资格证书", en: "Internet drug information service certificate")
        case .religiousInfoLicence: Bilingual(zh: "互联网宗教信息服务许可证", en: "Internet religious information service licence")
        case .algorithmFiling: Bilingual(zh: "算法备案编号", en: "Algorithm filing number")
        case .genaiFiling: Bilingual(zh: "生成式人工智能服务备案号", en: "Generative AI service filing number")
        }
    }

    /// Who issues the kind, in Chinese and English (formats.md §1–§6).
    public var issuer: Bilingual {
        switch self {
        case .icpFiling: Bilingual(zh: "工业和信息化部（ICP/IP地址/域名信息备案管理系统），由各省通信管理局审核",
                                   en: "the MIIT filing system, reviewed by the provincial communications administration")
        case .icpLicence, .telecomLicence:
            Bilingual(zh: "工业和信息化部或省通信管理局", en: "the MIIT or a provincial communications administration")
        case .publicSecurityFiling: Bilingual(zh: "公安机关（全国互联网安全管理服务平台）", en: "the police (national internet security management platform)")
        case .newsLicence: Bilingual(zh: "国家或省级互联网信息办公室", en: "the national or provincial Cyberspace Administration")
        case .hotline: Bilingual(zh: "网信部门或网站自设的举报受理机构", en: "a cyberspace administration or the site's own report office")
        case .uscc: Bilingual(zh: "登记管理部门（企业为市场监督管理部门）", en: "the registration authority (market regulation for companies)")
        case .cultureLicence: Bilingual(zh: "省级文化和旅游厅（早期为文化部）", en: "the provincial culture and tourism department (early on, the Ministry of Culture)")
        case .broadcastLicence: Bilingual(zh: "省级广播电视局", en: "the provincial radio and TV bureau")
        case .audiovisualLicence: Bilingual(zh: "国家广播电视总局", en: "the National Radio and Television Administration")
        case .publishingLicence: Bilingual(zh: "国家新闻出版署（原新闻出版广电总局）", en: "the National Press and Publication Administration (formerly SAPPRFT)")
        case .drugInfoCertificate: Bilingual(zh: "省级药品监督管理局", en: "the provincial medical products administration")
        case .religiousInfoLicence: Bilingual(zh: "省级宗教事务部门", en: "the provincial religious affairs department")
        case .algorithmFiling, .genaiFiling: Bilingual(zh: "国家互联网信息办公室", en: "the Cyberspace Administration of China")
        }
    }

    /// Kinds whose province says where the site's operator is registered; these must agree.
    /// A generative-AI filing names the model's provider, who need not run the site.
    var carriesRegistrationProvince: Bool {
        self != .hotline && self != .genaiFiling
    }

    public static func < (lhs: Kind, rhs: Kind) -> Bool {
        lhs.ordinal < rhs.ordinal
    }

    /// The kind's place in `allCases` (declaration order): a payload-free enum is stored as its
    /// case's number in that order (a test holds it to `allCases`).
    var ordinal: Int { Int(unsafeBitCast(self, to: UInt8.self)) }
}
