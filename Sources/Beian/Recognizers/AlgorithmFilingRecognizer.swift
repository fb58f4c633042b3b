/// Algorithm filings (算法备案, `algorithm_filing`).
///
/// Shape (formats.md §6.7): `网信算备 [:] NNNNNNNNNNNNNNNNNNNNN 号`, 21 digits whose first six look
/// like a GB/T 2260 division (INFERRED from every example: 110108 Haidian, 330110 Yuhang), so
/// they are checked against the division table. What the other digits mean is UNCONFIRMED.
struct AlgorithmFilingRecognizer: Recognizer {
    static let length = 21

    var startScalars: [Unicode.Scalar] { Labels.firstScalars(of: .algorithm).scalars }

    func recognise(at index: Int, in view: TextView, context: RecognitionContext, into findings: inout [Finding]) -> Int? {
        guard let labelEnd = view.match(Labels.algorithm, at: index, gapsInside: true) else { return nil }
        guard let run = view.readDigits(from: view.skipNumberWords(from: labelEnd), maxJoined: Self.length + 2, masks: true,
                                        maxRun: Self.length + 2) else {
            return labelEnd
        }
        let end = view.skipNumberMark(from: run.end) ?? run.end
        let source = context.source(of: index..<end, in: view)
        findings.append(finding(digits: run.digits, source: source))
        return end
    }

    func finding(digits: String, source: (raw: String, start: Int, end: Int)) -> Finding {
        var issues: [Issue] = []
        if digits.utf8.count != Self.length {
            issues.append(NumberChecks.invalidLength(digits, expected: Bilingual(zh: "21位", en: "21")))
        }
        var division: String?
        var province: Province?
        if digits.utf8.count >= 6, NumberChecks.integer(digits.prefix(6)) != nil {
            division = String(digits.prefix(6))
            province = Province(code: String(digits.prefix(2)))
            issues += DivisionCheck.issues(for: division!).1
        }
        if let placeholder = NumberChecks.placeholderIssue(digits) { issues.append(placeholder) }
        return Finding(kind: .algorithmFiling, raw: source.raw, start: source.start, end: source.end,
                       canonical: "网信算备\(digits)号", number: digits, province: province, issues: issues, division: division)
    }
}
