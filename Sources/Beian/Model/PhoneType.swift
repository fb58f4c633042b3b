/// The type of a hotline number, in libphonenumber's terms. Raw values are a JSON contract.
public enum PhoneType: String, Sendable, CaseIterable, Hashable {
    /// A landline with an area code.
    case fixed
    /// An 11-digit mobile number.
    case mobile
    /// A national short number such as 12377.
    case short
    /// An 800 number.
    case tollFree = "toll_free"
    /// A 400 number.
    case sharedCost = "shared_cost"

    /// The type's name in Chinese and English.
    public var names: Bilingual {
        switch self {
        case .fixed: Bilingual(zh: "固定电话", en: "fixed line")
        case .mobile: Bilingual(zh: "移动电话", en: "mobile")
        case .short: Bilingual(zh: "短号码", en: "short number")
        case .tollFree: Bilingual(zh: "免费电话（800）", en: "toll-free (800)")
        case .sharedCost: Bilingual(zh: "分摊付费电话（400）", en: "shared cost (400)")
        }
    }
}
