/// A text in Chinese and English. Every message Beian shows exists in both.
public struct Bilingual: Sendable, Hashable, CustomStringConvertible {
    /// Simplified Chinese.
    public let zh: String
    /// English.
    public let en: String

    /// A text in Chinese and in English.
    public init(zh: String, en: String) {
        self.zh = zh
        self.en = en
    }

    /// The text in one language.
    public func text(in language: Language) -> String {
        language == .zh ? zh : en
    }

    public var description: String { "\(zh) / \(en)" }
}

/// A language Beian writes in.
public enum Language: String, Sendable, CaseIterable {
    case zh
    case en
}
