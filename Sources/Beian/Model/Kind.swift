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

    /// The kind's name in Chinese and English.
    public var names: Bilingual {
        switch self {
        case .icpFiling: Bilingual(zh: "ICP备案号", en: "ICP filing number")
        case .icpLicence: Bilingual(zh: "ICP经营许可证号", en: "ICP licence number")
        case .telecomLicence: Bilingual(zh: "电信业务经营许可证号", en: "Telecom business licence number")
        case .publicSecurityFiling: Bilingual(zh: "公安联网备案号", en: "Public security filing number")
        case .newsLicence: Bilingual(zh: "互联网新闻信息服务许可证号", en: "Internet news information service licence number")
        case .hotline: Bilingual(zh: "违法和不良信息举报电话", en: "Illegal and harmful information report hotline")
        }
    }

    /// Kinds whose province says where the site's operator is registered; these must agree.
    var carriesRegistrationProvince: Bool {
        self != .hotline
    }

    public static func < (lhs: Kind, rhs: Kind) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}
