/// Network publishing service licences (网络出版服务许可证, `publishing_licence`).
///
/// Shape (formats.md §6.4): `（总|署）网出证（P）字第? NNN 号`; 总 is the former SAPPRFT, 署 the
/// NPPA (INFERRED). The predecessor 互联网出版许可证 reads `新出网证（P）字NNN号` (legacy_format).
/// The licence's name may stand for 网出证: `网络出版服务许可证（京）字121号` (people.cn).
struct PublishingLicenceRecognizer: Recognizer {
    var startScalars: [Unicode.Scalar] { Labels.firstScalars(of: .publishing, .publishingName, .publishingOld).scalars }

    func recognise(at index: Int, in view: TextView, context: RecognitionContext, into findings: inout [Finding]) -> Int? {
        var labelEnd: Int?
        var old = false
        if let end = view.match(Labels.publishing, at: index, gapsInside: true)
            ?? view.match(Labels.publishingName, at: index, gapsInside: true).map(view.skipColon) {
            labelEnd = end
        } else if let end = view.match(Labels.publishingOld, at: index, gapsInside: true) {
            labelEnd = end
            old = true
        }
        guard let labelEnd else { return nil }
        guard let found = read(view, labelStart: index, labelEnd: labelEnd, old: old, context: context) else { return labelEnd }
        findings.append(found.finding)
        return found.end
    }

    private func read(_ view: TextView, labelStart: Int, labelEnd: Int, old: Bool,
                      context: RecognitionContext) -> (finding: Finding, end: Int)? {
        guard let inside = view.skipOpeningBracket(from: labelEnd), inside < view.count, view.isIdeograph(inside),
              let afterProvince = view.skipClosingBracket(from: inside + 1),
              afterProvince < view.count, view[afterProvince] == Labels.character else { return nil }
        var cursor = view.skipGaps(from: afterProvince + 1)
        if cursor < view.count, view[cursor] == Labels.ordinal { cursor = view.skipGaps(from: cursor + 1) }
        guard let run = view.readDigits(from: cursor, maxJoined: 5) else { return nil }
        let end = view.skipNumberMark(from: run.end) ?? run.end
        var start = labelStart
        var authority: String?
        if !old, let bracketed = view.bracketedBefore(labelStart, maxLength: 1), bracketed.inside == "总" || bracketed.inside == "署" {
            authority = bracketed.inside
            start = bracketed.open
        }
        let source = context.source(of: start..<end, in: view)
        return (finding(authority: authority, abbreviation: Character(view[inside]), digits: run.digits, old: old, source: source,
                        referenceYear: context.referenceYear), end)
    }

    func finding(authority: String?, abbreviation: Character, digits: String, old: Bool,
                 source: (raw: String, start: Int, end: Int), referenceYear: Int) -> Finding {
        let value = PublishingLicence(authority: authority, abbreviation: abbreviation, number: digits, isPredecessor: old)
        return Finding(value, source: source, issues: value.issues(referenceYear: referenceYear))
    }
}
