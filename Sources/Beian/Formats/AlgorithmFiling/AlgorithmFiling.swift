/// An algorithm filing number (算法备案, 网信算备, `algorithm_filing`), e.g. 网信算备110108823483901230031号.
///
/// Shape (formats.md §6.7): 21 digits whose first six look like a GB/T 2260 division (inferred
/// from every example), so they are checked against the division table. What the other digits
/// mean is unconfirmed.
public struct AlgorithmFiling: BeianFormat {
    /// ``Kind/algorithmFiling``.
    public static let kind = Kind.algorithmFiling
    /// The number of digits.
    static let length = 21
    /// The digits (and masks).
    public let number: String
    /// The six-digit division the number starts with.
    public let division: String?
    /// The province of the division.
    public let province: Province?

    init(number: String) {
        self.number = number
        division = NumberChecks.digitPrefix(number, 6)
        province = division.flatMap { Province(code: String($0.prefix(2))) }
    }

    /// The standard form: 网信算备110108823483901230031号.
    public var canonical: String { "网信算备\(number)号" }

    /// Length (21 digits), the division, then placeholders.
    public func issues(referenceYear: Int) -> [Issue] {
        var issues: [Issue] = []
        if number.utf8.count != Self.length { issues.append(NumberChecks.invalidLength(number, expected: Bilingual(zh: "21位", en: "21"))) }
        if let division { issues += DivisionCheck.issues(for: division).1 }
        if let placeholder = NumberChecks.placeholderIssue(number) { issues.append(placeholder) }
        return issues
    }

    /// The English rendering, "CAC Algorithm Filing No. …".
    public var englishDisplay: String { "CAC Algorithm Filing No. \(number)" }

    /// Division, middle digits, year and serial.
    public var parts: [Explanation.Part] {
        var parts = [Explanation.Part.division(division)].compactMap { $0 }
        if number.count == Self.length {
            let digits = Array(number)
            parts.append(.make("中间位", "middle digits", String(digits[6..<15]), "含义未经证实", "meaning unconfirmed"))
            parts.append(.make("年份", "year", String(digits[15..<17]), "似为备案年份后两位（据实例推断）", "seem to be the filing year's last two digits (inferred)"))
            parts.append(.make("序号", "serial", String(digits[17..<21]), "似为顺序号（据实例推断）", "seem to be a serial (inferred)"))
        }
        return parts
    }
}
