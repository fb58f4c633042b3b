/// Radio and TV programme production licences (广播电视节目制作经营许可证, `broadcast_licence`).
///
/// Shape (formats.md §6.2): `（P）字第 NNNN 号`, also `P字第NNNN号` without brackets, the old
/// Shandong `(鲁广社)字第046号`, and `（广媒）字第172号` from the national administration (no
/// province, no issue). A province (or 广媒) must stand there: 字第 alone is common prose.
/// After 网出证（P） the same shape belongs to a publishing licence, which wins.
struct BroadcastLicenceRecognizer: Recognizer {
    var startScalars: [Unicode.Scalar] { Labels.firstScalars(of: .broadcast).scalars }

    func recognise(at index: Int, in view: TextView, context: RecognitionContext, into findings: inout [Finding]) -> Int? {
        guard let labelEnd = view.match(Labels.broadcast, at: index, gapsInside: true) else { return nil }
        var start: Int
        var abbreviation: Character
        var extra = ""
        if let bracketed = view.bracketedBefore(index), bracketed.inside.unicodeScalars.allSatisfy(Self.isIdeograph) {
            if let before = view.previousNonGap(before: bracketed.open), view.endsWithPublishingLabel(at: before) {
                return labelEnd
            }
            start = bracketed.open
            abbreviation = bracketed.inside.first!
            extra = String(bracketed.inside.dropFirst())
        } else if let printed = view.abbreviation(before: index), Province(abbreviation: printed.0) != nil {
            (abbreviation, start) = printed
        } else {
            return labelEnd
        }
        guard let run = view.readDigits(from: view.skipGaps(from: labelEnd), maxJoined: 6) else { return labelEnd }
        let end = view.skipNumberMark(from: run.end) ?? run.end
        let source = context.source(of: start..<end, in: view)
        findings.append(finding(abbreviation: abbreviation, extra: extra, digits: run.digits, source: source,
                                referenceYear: context.referenceYear))
        return end
    }

    static func isIdeograph(_ scalar: Unicode.Scalar) -> Bool {
        (0x3400...0x9FFF).contains(scalar.value) || (0xF900...0xFAFF).contains(scalar.value) || scalar.value >= 0x20000
    }

    func finding(abbreviation: Character, extra: String, digits: String, source: (raw: String, start: Int, end: Int),
                 referenceYear: Int) -> Finding {
        let value = BroadcastLicence(issuer: "\(abbreviation)\(extra)", number: digits)
        return Finding(value, source: source, issues: value.issues(referenceYear: referenceYear))
    }
}
