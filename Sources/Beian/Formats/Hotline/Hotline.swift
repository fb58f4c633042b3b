/// A report or complaint hotline number (举报电话, `hotline`), e.g. 12377 or +86 23 6715 8993.
///
/// Read and checked against libphonenumber's China data by `PhoneNumberParser` (formats.md §5):
/// the area code and subscriber lengths are checked as the digits are classified, and the
/// value keeps what that found.
public struct Hotline: BeianFormat {
    /// ``Kind/hotline``.
    public static let kind = Kind.hotline
    /// The number's type.
    public let type: PhoneType
    /// E.164 ("+862367158993"), or the bare digits for short numbers and numbers without an area code.
    public let number: String
    /// The standard form: "+86 23 6715 8993", "12377".
    public let canonical: String
    /// The area code without the trunk 0 ("23"), for landlines.
    public let areaCode: String?
    /// The extension, if any.
    public let phoneExtension: String?
    /// The province of the area code.
    public let province: Province?
    /// What the classification found wrong (area code, length, mobile prefix).
    let problems: [Issue]

    init(type: PhoneType, number: String, canonical: String, areaCode: String? = nil, phoneExtension: String? = nil,
         province: Province? = nil, problems: [Issue]) {
        self.type = type
        self.number = number
        self.canonical = canonical
        self.areaCode = areaCode
        self.phoneExtension = phoneExtension
        self.province = province
        self.problems = problems
    }

    /// The number's problems; none depends on the year.
    public func issues(referenceYear: Int) -> [Issue] { problems }

    /// The English rendering: the canonical form.
    public var englishDisplay: String { canonical }

    /// Area code, type and extension.
    public var parts: [Explanation.Part] {
        var parts: [Explanation.Part] = []
        if let areaCode {
            let place = TelephoneArea.all.first { $0.code == areaCode }?.place ?? Bilingual(zh: "不是有效的区号", en: "not a valid area code")
            parts.append(Explanation.Part(name: Bilingual(zh: "区号", en: "area code"), value: "0" + areaCode, meaning: place))
        }
        parts.append(.make("号码类型", "type", canonical, type.names.zh, type.names.en))
        if let phoneExtension { parts.append(.make("分机", "extension", phoneExtension, "分机号", "extension")) }
        return parts
    }
}
