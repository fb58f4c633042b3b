/// Internet drug information service certificates (互联网药品信息服务资格证书,
/// `drug_info_certificate`).
///
/// Shape (formats.md §6.5): `（P）-(经营性|非经营性)-YYYY-NNNN`, brackets of either width, mixed
/// ones too (（浙)-经营性-2018-0002), and as the field prints them: em or en dashes
/// (（粤）—经营性—2018—0092), the business in brackets (浙-（经营性）-2017-0005), the province
/// without brackets (京-非经营性-2012-0005).
struct DrugInfoCertificateRecognizer: Recognizer {
    var startScalars: [Unicode.Scalar] { Labels.firstScalars(of: .drugBusiness).scalars }

    func recognise(at index: Int, in view: TextView, context: RecognitionContext, into findings: inout [Finding]) -> Int? {
        guard let labelEnd = view.match(Labels.drugBusiness, at: index, gapsInside: true) else { return nil }
        guard let found = read(view, label: index, labelEnd: labelEnd, context: context) else { return labelEnd }
        findings.append(found.finding)
        return found.end
    }

    private func read(_ view: TextView, label: Int, labelEnd: Int, context: RecognitionContext) -> (finding: Finding, end: Int)? {
        var labelStart = label
        var business = "经营性"
        if let previous = view.previousNonGap(before: label), view[previous] == Labels.nonCommercial {
            labelStart = previous
            business = "非经营性"
        }
        // 浙-（经营性）-2017-0005: the business in brackets.
        var before = labelStart, after = labelEnd
        if let open = view.previousNonGap(before: labelStart), TextView.openingBrackets.contains(view[open]),
           let close = view.skipClosingBracket(from: labelEnd) {
            (before, after) = (open, close)
        }
        guard let dash = view.previousNonGap(before: before), view[dash] == "-",
              let (abbreviation, start) = provinceBefore(dash, in: view),
              let yearStart = view.skipDash(from: after),
              let year = view.readPlainDigits(from: yearStart, limit: 4), year.digits.utf8.count == 4,
              let serialStart = view.skipDash(from: year.end),
              let serial = view.readPlainDigits(from: serialStart, limit: 6) else { return nil }
        let source = context.source(of: start..<serial.end, in: view)
        return (finding(abbreviation: abbreviation, business: business, year: year.digits, serial: serial.digits, source: source,
                        referenceYear: context.referenceYear), serial.end)
    }

    /// The province before the dash that precedes the business: in brackets, （粤）—经营性, or
    /// bare, 京-非经营性; the abbreviation and where the certificate starts.
    private func provinceBefore(_ dash: Int, in view: TextView) -> (Character, Int)? {
        if let bracketed = view.bracketedBefore(dash, maxLength: 1), view.isIdeograph(bracketed.open + 1),
           let abbreviation = bracketed.inside.first {
            return (abbreviation, bracketed.open)
        }
        guard let previous = view.previousNonGap(before: dash), view.isIdeograph(previous),
              Province(abbreviation: Character(view[previous])) != nil else { return nil }
        return (Character(view[previous]), previous)
    }

    func finding(abbreviation: Character, business: String, year yearDigits: String, serial: String,
                 source: (raw: String, start: Int, end: Int), referenceYear: Int) -> Finding {
        let value = DrugInfoCertificate(abbreviation: abbreviation, business: business, yearDigits: yearDigits, serial: serial)
        return Finding(value, source: source, issues: value.issues(referenceYear: referenceYear))
    }
}
