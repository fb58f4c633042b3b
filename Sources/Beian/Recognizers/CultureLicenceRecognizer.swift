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
        let national = abbreviation == "文"
        var issues: [Issue] = []
        var province: Province?
        if national {
            issues.append(Issue(.legacyFormat, .info, zh: "「文网文」是文化部早期颁发的全国性许可证格式",
                                en: "\u{201C}文网文\u{201D} is the early national format issued by the Ministry of Culture"))
        } else {
            (province, issues) = NumberChecks.province(abbreviation: abbreviation, kind: .cultureLicence)
        }
        let year = Int(yearDigits)
        issues += Finding.yearIssues(year, kind: .cultureLicence, referenceYear: referenceYear, earliest: 2000)
        let lengths = parts.map(\.utf8.count)
        if !national, !(lengths.count == 2 && (4...5).contains(lengths[0]) && (2...4).contains(lengths[1])) {
            issues.append(Issue(.invalidLength, .warning,
                                zh: "编号 \(parts.joined(separator: "-")) 不是常见的「4–5位-2–4位」格式",
                                en: "\(parts.joined(separator: "-")) is not the usual 4–5 digits, dash, 2–4 digits"))
        }
        let number = parts.joined(separator: "-")
        if let placeholder = NumberChecks.placeholderIssue(parts.joined()) { issues.append(placeholder) }
        let prefix = abbreviation.map(String.init) ?? ""
        return Finding(kind: .cultureLicence, raw: source.raw, start: source.start, end: source.end,
                       canonical: "\(prefix)网文〔\(yearDigits)〕\(number)号", number: number, province: province,
                       issues: issues, year: year)
    }
}
