/// Internet drug information service certificates (互联网药品信息服务资格证书,
/// `drug_info_certificate`).
///
/// Shape (formats.md §6.5): `（P）-(经营性|非经营性)-YYYY-NNNN`, brackets of either width, mixed
/// ones too (（浙)-经营性-2018-0002).
struct DrugInfoCertificateRecognizer: Recognizer {
    func recognise(in view: TextView, context: RecognitionContext) -> [Finding] {
        var findings: [Finding] = []
        var index = 0
        while index < view.count {
            guard view[index] == "经", let labelEnd = view.match(Labels.drugBusiness, at: index, gapsInside: true) else {
                index += 1
                continue
            }
            guard let found = read(view, label: index, labelEnd: labelEnd, context: context) else {
                index = labelEnd
                continue
            }
            findings.append(found.finding)
            index = found.end
        }
        return findings
    }

    private func read(_ view: TextView, label: Int, labelEnd: Int, context: RecognitionContext) -> (finding: Finding, end: Int)? {
        var labelStart = label
        var business = "经营性"
        if let previous = view.previousNonGap(before: label), view[previous] == Labels.nonCommercial {
            labelStart = previous
            business = "非经营性"
        }
        guard let dash = view.previousNonGap(before: labelStart), view[dash] == "-",
              let bracketed = view.bracketedBefore(dash, maxLength: 1), view.isIdeograph(bracketed.open + 1),
              let abbreviation = bracketed.inside.first,
              let yearStart = view.skipDash(from: labelEnd),
              let year = view.readPlainDigits(from: yearStart, limit: 4), year.digits.utf8.count == 4,
              let serialStart = view.skipDash(from: year.end),
              let serial = view.readPlainDigits(from: serialStart, limit: 6) else { return nil }
        let source = context.source(of: bracketed.open..<serial.end, in: view)
        return (finding(abbreviation: abbreviation, business: business, year: year.digits, serial: serial.digits, source: source,
                        referenceYear: context.referenceYear), serial.end)
    }

    func finding(abbreviation: Character, business: String, year yearDigits: String, serial: String,
                 source: (raw: String, start: Int, end: Int), referenceYear: Int) -> Finding {
        let (province, provinceIssues) = NumberChecks.province(abbreviation: abbreviation, kind: .drugInfoCertificate)
        var issues = provinceIssues
        let year = Int(yearDigits)
        issues += Finding.yearIssues(year, kind: .drugInfoCertificate, referenceYear: referenceYear, earliest: 2001)
        if serial.utf8.count != 4 {
            issues.append(Issue(.invalidLength, .warning, zh: "序号 \(serial) 不是常见的4位", en: "the serial \(serial) is not the usual 4 digits"))
        }
        if let placeholder = NumberChecks.placeholderIssue(serial) { issues.append(placeholder) }
        return Finding(kind: .drugInfoCertificate, raw: source.raw, start: source.start, end: source.end,
                       canonical: "（\(abbreviation)）-\(business)-\(yearDigits)-\(serial)", number: "\(yearDigits)-\(serial)",
                       province: province, issues: issues, year: year, business: business)
    }
}
