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
        let value = NewsLicence(number: digits)
        return Finding(value, source: source, issues: value.issues(referenceYear: referenceYear))
    }
}
