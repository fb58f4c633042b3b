/// A generative-AI service filing number (生成式人工智能服务备案, `genai_filing`), e.g.
/// Beijing-YunQue-20230821.
///
/// Shape (formats.md §6.8): `Province-ModelName-YYYYMMDD[NNNN]`, the province in pinyin, the model
/// in CamelCase pinyin, the filing date and, in later ones, a four-digit serial.
public struct GenAIFiling: BeianFormat {
    /// ``Kind/genaiFiling``.
    public static let kind = Kind.genaiFiling
    /// The Interim Measures for generative AI services took effect on 2023-08-15.
    static let earliestYear = 2023
    /// The province the filing names (the model's provider's).
    public let province: Province?
    /// The model's or service's name as printed: "YunQue".
    public let model: String
    /// The date's eight digits and the serial's four, if printed: "20230821".
    public let digits: String

    init(province: Province, model: String, digits: String) {
        self.province = province
        self.model = model
        self.digits = digits
    }

    /// The filing year.
    public var year: Int? { Int(digits.prefix(4)) ?? 0 }
    /// The filing date, "2023-08-21".
    public var date: String { "\(digits.prefix(4))-\(digits.dropFirst(4).prefix(2))-\(digits.dropFirst(6).prefix(2))" }
    /// The serial within the day (later filings), if printed.
    public var serial: String? { digits.utf8.count == 12 ? String(digits.suffix(4)) : nil }

    /// The standard form: Beijing-YunQue-20230821.
    public var canonical: String { "\(String((province?.en ?? "").filter { $0 != " " }))-\(model)-\(digits)" }
    /// The canonical form.
    public var number: String { canonical }

    /// The date's validity and year.
    public func issues(referenceYear: Int) -> [Issue] {
        var issues: [Issue] = []
        // Read with masks: false, so all digits.
        let year = Int(digits.prefix(4)) ?? 0
        let month = Int(digits.dropFirst(4).prefix(2)) ?? 0
        let day = Int(digits.dropFirst(6).prefix(2)) ?? 0
        if !(1...12).contains(month) || day < 1 || day > Self.days(in: month, of: year) {
            issues.append(Issue(.invalidDate, .error, zh: "备案日期 \(digits.prefix(8)) 不是有效日期",
                                en: "the filing date \(digits.prefix(8)) is no valid date"))
        }
        issues += NumberChecks.yearIssues(year, kind: Self.kind, referenceYear: referenceYear, earliest: Self.earliestYear)
        return issues
    }

    static func days(in month: Int, of year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// The English rendering: the canonical form.
    public var englishDisplay: String { canonical }

    /// Province, model, date and serial.
    public var parts: [Explanation.Part] {
        [.province(province, value: String(canonical.prefix { $0 != "-" })),
         .make("模型名称", "model", model, "服务或模型名称的拼音", "the service's or model's name in pinyin"),
         .make("日期", "date", String(digits.prefix(8)), "备案日期 \(date)", "filing date \(date)"),
         serial.map { .make("序号", "serial", $0, "当日的顺序号", "a serial within the day") }].compactMap { $0 }
    }
}
