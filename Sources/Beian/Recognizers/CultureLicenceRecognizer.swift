/// Network culture business licences (网络文化经营许可证, `culture_licence`).
///
/// Shape (formats.md §6.1): `P 网文 〔YYYY〕 NNNN(N)-NN(NN) 号`, any bracket pair, 号 optional;
/// older ones `P网文许字【2014】1100-002号`, and the national `文网文[2010]040号` of the Ministry of
/// Culture. The part lengths (4–5 and 2–4 digits) come from real licences, so other lengths
/// are warnings.
struct CultureLicenceRecognizer: Recognizer {
    var startScalars: [Unicode.Scalar] { Labels.firstScalars(of: .culture).scalars }

    func recognise(at index: Int, in view: TextView, context: RecognitionContext, into findings: inout [Finding]) -> Int? {
        guard var cursor = view.match(Labels.culture, at: index, gapsInside: true) else { return nil }
        let labelEnd = cursor
        if let old = view.match(Labels.cultureOldWord, at: view.skipGaps(from: cursor)) { cursor = old }
        guard let yearStart = view.skipOpeningBracket(from: cursor),
              let year = view.readPlainDigits(from: yearStart, limit: 4), year.digits.utf8.count == 4,
              let afterYear = view.skipClosingBracket(from: year.end),
              let first = view.readPlainDigits(from: afterYear, limit: 6) else {
            return labelEnd
        }
        var parts = [first.digits]
        var end = first.end
        if let afterDash = view.skipDash(from: end), let second = view.readPlainDigits(from: afterDash, limit: 6) {
            parts.append(second.digits)
            end = second.end
        }
        end = view.skipNumberMark(from: end) ?? end
        let abbreviation = view.abbreviation(before: index)
        let source = context.source(of: (abbreviation?.1 ?? index)..<end, in: view)
        findings.append(finding(abbreviation: abbreviation?.0, year: year.digits, parts: parts, source: source,
                                referenceYear: context.referenceYear))
        return end
    }

    func finding(abbreviation: Character?, year yearDigits: String, parts: [String],
                 source: (raw: String, start: Int, end: Int), referenceYear: Int) -> Finding {
        let value = CultureLicence(abbreviation: abbreviation, yearDigits: yearDigits, numberParts: parts)
        return Finding(value, source: source, issues: value.issues(referenceYear: referenceYear))
    }
}
