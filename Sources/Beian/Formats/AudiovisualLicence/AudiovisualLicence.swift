/// An online audio-visual programme licence number (信息网络传播视听节目许可证,
/// `audiovisual_licence`), e.g. 0910417.
///
/// Shape (formats.md §6.3): 7 digits. The first two seem to encode the province in a non-GB/T
/// 2260 order (inferred, unconfirmed), so no province is read from them.
public struct AudiovisualLicence: BeianFormat {
    /// ``Kind/audiovisualLicence``.
    public static let kind = Kind.audiovisualLicence
    /// The digits.
    public let number: String

    init(number: String) { self.number = number }

    /// Always nil: the digits' province order is unconfirmed.
    public var province: Province? { nil }
    /// The standard form: the digits.
    public var canonical: String { number }

    /// Length (seven digits), then placeholders.
    public func issues(referenceYear: Int) -> [Issue] {
        var issues: [Issue] = []
        if number.utf8.count != 7 { issues.append(NumberChecks.invalidLength(number, expected: Bilingual(zh: "7位", en: "7"))) }
        if let placeholder = NumberChecks.placeholderIssue(number) { issues.append(placeholder) }
        return issues
    }

    /// The English rendering, "Online Audio-Visual Programme Licence No. …".
    public var englishDisplay: String { "Online Audio-Visual Programme Licence No. \(number)" }

    /// The first two digits and the number.
    public var parts: [Explanation.Part] {
        [.make("前两位", "first two digits", String(number.prefix(2)), "似为省份（非GB/T 2260顺序；未经证实）", "seem to encode the province, not in GB/T 2260 order (unconfirmed)"),
         .make("编号", "number", number, "国家广播电视总局颁发的7位编号", "the 7-digit number from the NRTA")]
    }
}
