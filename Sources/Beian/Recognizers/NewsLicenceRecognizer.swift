/// Internet news information service licences (互联网新闻信息服务许可证, `news_licence`).
///
/// Shape (formats.md §4, INFERRED from real numbers): 11 digits `PP T YYYY NNNN` (2017+) or
/// 10 digits `PP T YYYY NNN` (2005 era). PP is the GB/T 2260 province, 10 for central
/// licensees; T is the category (1 news organisations, 2 other platforms). The digits alone are
/// ambiguous (an 11-digit string may be a mobile number), so a label must precede them.
struct NewsLicenceRecognizer: Recognizer {
    var startScalars: [Unicode.Scalar] { Labels.firstScalars(of: .news).scalars }

    func recognise(at index: Int, in view: TextView, context: RecognitionContext, into findings: inout [Finding]) -> Int? {
        guard let label = view.matchAny(Labels.news, at: index) else { return nil }
        var cursor = view.skipGaps(from: label.end)
        for _ in 0..<2 {
            if let word = view.matchAny(Labels.newsNumberWords, at: cursor) { cursor = view.skipGaps(from: word.end) }
        }
        cursor = view.skipColon(from: cursor)
        guard let run = view.readDigits(from: cursor, maxJoined: 11, masks: true) else { return label.end }
        let end = view.skipNumberMark(from: run.end) ?? run.end
        let source = context.source(of: run.start..<end, in: view)
        findings.append(finding(digits: run.digits, source: source, referenceYear: context.referenceYear))
        return end
    }

    func finding(digits: String, source: (raw: String, start: Int, end: Int), referenceYear: Int) -> Finding {
        var issues: [Issue] = []
        let count = digits.utf8.count
        switch count {
        case 11: break
        case 10:
            issues.append(Issue(.legacyFormat, .info, zh: "10位新闻许可证号是2017年以前的旧格式",
                                en: "a 10-digit news licence number is the pre-2017 format"))
        default:
            issues.append(NumberChecks.invalidLength(digits, expected: Bilingual(zh: "11位（旧格式10位）", en: "11 (10 in older licences)")))
        }
        var province: Province?
        if count >= 2, NumberChecks.integer(digits.prefix(2)) != nil {
            let code = String(digits.prefix(2))
            if code != ProvinceTable.centralNewsCode {
                province = Province(code: code)
                if province == nil {
                    issues.append(Issue(.unknownDivision, .error,
                                        zh: "前两位 \(code) 既不是省级行政区划代码，也不是中央级的10",
                                        en: "the first two digits \(code) are neither a province code nor 10 (central)"))
                }
            }
        }
        var category: Int?
        if count >= 3, let digit = NumberChecks.integer(digits.dropFirst(2).prefix(1)) {
            if digit == 1 || digit == 2 {
                category = digit
            } else {
                issues.append(Issue(.unknownCategory, .warning,
                                    zh: "第3位 \(digit) 不是已知类别（1：新闻单位，2：非新闻单位）",
                                    en: "the third digit \(digit) is no known category (1: news organisation, 2: other)"))
            }
        }
        var year: Int?
        if count >= 7, let value = NumberChecks.integer(digits.dropFirst(3).prefix(4)) {
            year = value
            if let issue = NumberChecks.yearIssue(value, referenceYear: referenceYear, earliest: 2000, what: Kind.newsLicence.names) {
                issues.append(issue)
            }
        }
        if let placeholder = NumberChecks.placeholderIssue(digits) { issues.append(placeholder) }
        return Finding(kind: .newsLicence, raw: source.raw, start: source.start, end: source.end, canonical: digits,
                       number: digits, province: province, issues: issues, category: category, year: year)
    }
}
