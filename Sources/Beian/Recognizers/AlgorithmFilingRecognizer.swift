/// Algorithm filings (算法备案, `algorithm_filing`).
///
/// Shape (formats.md §6.7): `网信算备 [:] NNNNNNNNNNNNNNNNNNNNN 号`, 21 digits whose first six look
/// like a GB/T 2260 division (INFERRED from every example: 110108 Haidian, 330110 Yuhang), so
/// they are checked against the division table. What the other digits mean is UNCONFIRMED.
struct AlgorithmFilingRecognizer: Recognizer {
    static let length = AlgorithmFiling.length

    var startScalars: [Unicode.Scalar] { Labels.firstScalars(of: .algorithm).scalars }

    func recognise(at index: Int, in view: TextView, context: RecognitionContext, into findings: inout [Finding]) -> Int? {
        guard let labelEnd = view.match(Labels.algorithm, at: index, gapsInside: true) else { return nil }
        guard let run = view.readDigits(from: view.skipNumberWords(from: labelEnd), maxJoined: Self.length + 2, masks: true,
                                        maxRun: Self.length + 2) else {
            return labelEnd
        }
        let end = view.skipNumberMark(from: run.end) ?? run.end
        let source = context.source(of: index..<end, in: view)
        findings.append(finding(digits: run.digits, source: source, referenceYear: context.referenceYear))
        return end
    }

    func finding(digits: String, source: (raw: String, start: Int, end: Int), referenceYear: Int) -> Finding {
        let value = AlgorithmFiling(number: digits)
        return Finding(value, source: source, issues: value.issues(referenceYear: referenceYear))
    }
}
