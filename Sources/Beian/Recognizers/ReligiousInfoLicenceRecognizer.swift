/// Internet religious information service licences (互联网宗教信息服务许可证,
/// `religious_info_licence`).
///
/// Shape (formats.md §6.6): `P（YYYY）NNNNNNN`; one footer prints `20220000005` (year and serial,
/// no province). The shape alone is too plain, so the label must precede it.
struct ReligiousInfoLicenceRecognizer: Recognizer {
    var startScalars: [Unicode.Scalar] { Labels.firstScalars(of: .religious).scalars }

    func recognise(at index: Int, in view: TextView, context: RecognitionContext, into findings: inout [Finding]) -> Int? {
        guard let labelEnd = view.match(Labels.religious, at: index, gapsInside: true) else { return nil }
        guard let found = read(view, from: view.skipNumberWords(from: labelEnd), context: context) else { return labelEnd }
        findings.append(found.finding)
        return found.end
    }

    private func read(_ view: TextView, from start: Int, context: RecognitionContext) -> (finding: Finding, end: Int)? {
        var cursor = start
        var abbreviation: Character?
        if cursor < view.count, view.isIdeograph(cursor) {
            abbreviation = Character(view[cursor])
            cursor += 1
        }
        let year: String
        let serial: (digits: String, end: Int)
        if let yearStart = view.skipOpeningBracket(from: cursor) {
            guard let digits = view.readPlainDigits(from: yearStart, limit: 4), digits.digits.utf8.count == 4,
                  let serialStart = view.skipClosingBracket(from: digits.end),
                  let run = view.readPlainDigits(from: serialStart, limit: 9) else { return nil }
            year = digits.digits
            serial = run
        } else {
            guard abbreviation == nil, let run = view.readPlainDigits(from: cursor, limit: 13), run.digits.utf8.count >= 8 else { return nil }
            year = String(run.digits.prefix(4))
            serial = (String(run.digits.dropFirst(4)), run.end)
        }
        let source = context.source(of: start..<serial.end, in: view)
        return (finding(abbreviation: abbreviation, year: year, serial: serial.digits, source: source,
                        referenceYear: context.referenceYear), serial.end)
    }

    func finding(abbreviation: Character?, year yearDigits: String, serial: String,
                 source: (raw: String, start: Int, end: Int), referenceYear: Int) -> Finding {
        let value = ReligiousInfoLicence(abbreviation: abbreviation, yearDigits: yearDigits, serial: serial)
        return Finding(value, source: source, issues: value.issues(referenceYear: referenceYear))
    }
}
