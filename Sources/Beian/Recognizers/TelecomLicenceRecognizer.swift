/// Telecom business licences (电信业务经营许可证, `telecom_licence`), including the B2 licence
/// that commercial ICP services hold.
///
/// Shape (formats.md §2b): `[P | 合字] CAT(.CAT)* - YYYYNNNN [-N] [号]`, CAT = A1, A2, B1, B2 or
/// D1–D3. No province means a national licence issued by MIIT (UNCONFIRMED, so no issue).
/// Fewer than 6 digits after the dash is not taken as a licence at all: short codes such
/// as "A1-2" are common in ordinary text.
struct TelecomLicenceRecognizer: Recognizer {
    static let minimumDigits = 6

    /// Shape, not label: a service class letter (A1, B2, D3 …, or a bare class before a dash).
    var startScalars: [Unicode.Scalar] { ["A", "B", "D"] }

    func recognise(at index: Int, in view: TextView, context: RecognitionContext, into findings: inout [Finding]) -> Int? {
        guard let categoryEnd = category(view, at: index) ?? classWithoutDigit(view, at: index),
              !view.isASCIILetterScalar(index - 1), !view.isDigit(index - 1) else {
            return nil
        }
        var categories = [view.text(index..<categoryEnd)]
        var cursor = categoryEnd
        while cursor < view.count, view[cursor] == ".", let next = category(view, at: cursor + 1) {
            categories.append(view.text(cursor + 1..<next))
            cursor = next
        }
        let dash = view.skipGaps(from: cursor)
        guard dash < view.count, view[dash] == "-",
              let run = view.readDigits(from: view.skipGaps(from: dash + 1), maxJoined: 10, masks: true),
              run.count >= Self.minimumDigits, categories[0].count == 2 || run.count == 8 else {
            return cursor
        }
        var end = run.end
        var site: String?
        if let suffix = view.readSiteSuffix(from: end) {
            site = suffix.site
            end = suffix.end
        }
        end = view.skipNumberMark(from: end) ?? end
        var start = index
        var province: Province?
        var foreignInvested = false
        if let previous = view.previousNonGap(before: index) {
            if previous >= 1, view.match(Labels.foreignInvested, at: previous - 1) != nil {
                foreignInvested = true
                start = previous - 1
            } else if view.isIdeograph(previous), let found = Province(abbreviation: Character(view[previous])) {
                province = found
                start = previous
            }
        }
        let source = context.source(of: start..<end, in: view)
        findings.append(finding(categories: categories, digits: run.digits, site: site, province: province,
                                foreignInvested: foreignInvested, source: source, referenceYear: context.referenceYear))
        return end
    }

    /// A class letter without its digit, right before a dash, after a province abbreviation
    /// (粤B-20050235, printed under 'ICP备案号：'): the index past it. Reported with
    /// `invalid_class`; it must have eight digits to count.
    @inline(__always) private func classWithoutDigit(_ view: TextView, at index: Int) -> Int? {
        guard view[index] == "A" || view[index] == "B" || view[index] == "D", index + 1 < view.count,
              case let dash = view.skipSoftGaps(from: index + 1), dash < view.count, view[dash] == "-",
              let previous = view.previousNonGap(before: index), view.isIdeograph(previous),
              Province(abbreviation: Character(view[previous])) != nil else { return nil }
        return index + 1
    }

    /// A licence category (A1, A2, B1, B2, D1, D2, D3) at `index`: the index past it.
    private func category(_ view: TextView, at index: Int) -> Int? {
        guard index + 1 < view.count else { return nil }
        let letter = view[index], digit = view[index + 1]
        let valid = switch letter {
        case "A", "B": digit == "1" || digit == "2"
        case "D": digit == "1" || digit == "2" || digit == "3"
        default: false
        }
        return valid && !view.isDigit(index + 2) ? index + 2 : nil
    }

    func finding(categories: [String], digits: String, site: String?, province: Province?, foreignInvested: Bool,
                 source: (raw: String, start: Int, end: Int), referenceYear: Int) -> Finding {
        let value = TelecomLicence(categories: categories, digits: digits, site: site, province: province, foreignInvested: foreignInvested)
        return Finding(value, source: source, issues: value.issues(referenceYear: referenceYear))
    }
}
