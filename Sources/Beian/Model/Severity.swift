/// How much an issue matters. Only errors make a finding or a document invalid.
public enum Severity: String, Sendable, CaseIterable, Hashable, Comparable {
    case error
    case warning
    case info

    /// The severity's name in Chinese and English.
    public var names: Bilingual {
        switch self {
        case .error: Bilingual(zh: "错误", en: "error")
        case .warning: Bilingual(zh: "警告", en: "warning")
        case .info: Bilingual(zh: "提示", en: "info")
        }
    }

    public static func < (lhs: Severity, rhs: Severity) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}
