/// Report and complaint hotlines (举报电话, `hotline`): phone numbers that a label calls a
/// reporting or complaint line, in Chinese (违法和不良信息举报电话：12377, 投诉热线 …) or English
/// ("report hotline", "can be reported by calling this telephone number:").
/// Numbers without such a label are not reported.
struct HotlineRecognizer: Recognizer {
    /// Where its labels may start (the label table).
    private static let labelStarts = Labels.firstScalars(of: .hotlineZh)

    /// How far (in scalars) an English label may stand before its number.
    static let englishReach = 120
    /// How many numbers one label may introduce ("12377 0898-68555596" has two).
    static let maxNumbersPerLabel = 4

    /// 举报 and 投诉, and the first letters of the English reporting words.
    var startScalars: [Unicode.Scalar] { Labels.firstScalars(of: .hotlineZh, .hotlineEn).scalars }

    func recognise(at index: Int, in view: TextView, context: RecognitionContext, into findings: inout [Finding]) -> Int? {
        let numberStart: Int?
        let scalar = view[index]
        if Self.labelStarts.contains(scalar) {
            numberStart = chineseLabel(view, at: index)
            if numberStart == nil, let before = shortNumberBefore(view, label: index) {
                findings.append(finding(before, view: view, context: context))
                return index + 1
            }
        } else if scalar.isASCII, !view.isASCIILetterScalar(index - 1), view.matchAny(Labels.hotlineEn, at: index) != nil {
            numberStart = englishLabel(view, at: index)
        } else {
            numberStart = nil
        }
        guard let numberStart, var phone = PhoneNumberParser.parse(view, at: numberStart, strict: false) else { return nil }
        var numbers = 0
        var end = index
        while true {
            findings.append(finding(phone, view: view, context: context))
            numbers += 1
            end = phone.range.upperBound
            guard numbers < Self.maxNumbersPerLabel, let next = nextNumberStart(view, after: end),
                  let another = PhoneNumberParser.parse(view, at: next, strict: true) else { break }
            phone = another
        }
        return end
    }

    /// A short service number written right before 举报 (12377举报, 12318举报): only short
    /// numbers, since a longer one before 举报 is more often something else's; not before
    /// 投诉 (拨打12388投诉举报 is prose), nor in a centre's or site's name (12380举报网,
    /// 12321举报中心).
    private func shortNumberBefore(_ view: TextView, label index: Int) -> PhoneNumber? {
        guard let label = view.match(Labels.report, at: index),
              !Labels.reportingCentreWords.contains(where: { view.match($0, at: view.skipGaps(from: label)) != nil }),
              let last = view.previousNonGap(before: index), view.isDigit(last) else { return nil }
        var start = last
        while view.isDigit(start - 1) { start -= 1 }
        guard !view.isASCIILetterScalar(start - 1), let phone = PhoneNumberParser.parse(view, at: start, strict: true),
              phone.type == .short, phone.range.upperBound == last + 1 else { return nil }
        return phone
    }

    /// How many scalars a parenthetical between a Chinese label and its number may hold
    /// (违法和不良信息举报电话（涉网络暴力有害信息举报、未成年人举报）：010-85651074).
    static let parentheticalReach = 40

    /// After 举报/投诉 and label words (电话, 热线 …), a parenthetical and a colon: where the
    /// number starts.
    private func chineseLabel(_ view: TextView, at index: Int) -> Int? {
        guard let label = view.matchAny(Labels.hotlineZh, at: index),
              !Labels.otherComplaintDomains.contains(where: { index >= $0.count && view.match($0, at: index - $0.count) != nil })
        else { return nil }
        var cursor = label.end
        for _ in 0..<4 {
            guard let word = view.matchAny(Labels.hotlineZhWords, at: view.skipGaps(from: cursor)) else { break }
            cursor = word.end
        }
        if let inside = view.skipOpeningBracket(from: cursor), !isNumberStart(view, inside),
           let close = closingBracket(view, from: inside) {
            cursor = close + 1
        }
        cursor = view.skipColon(from: cursor)
        return isNumberStart(view, cursor) ? cursor : nil
    }

    /// The closing bracket of a parenthetical that starts at `index`, within reach and on
    /// one line.
    private func closingBracket(_ view: TextView, from index: Int) -> Int? {
        var cursor = index
        while cursor < min(view.count, index + Self.parentheticalReach) {
            if TextView.closingBrackets.contains(view[cursor]) { return cursor }
            if view[cursor] == TextView.hardGap || view[cursor] == TextView.boundary { return nil }
            cursor += 1
        }
        return nil
    }

    /// After "report"/"complain": the first number in the same sentence, provided a telephone
    /// word ("hotline", "telephone", "calling" …) stands between, or just before the label.
    private func englishLabel(_ view: TextView, at index: Int) -> Int? {
        var sawPhoneWord = phoneWord(view, in: max(0, index - 40)..<index)
        var cursor = index
        let limit = min(view.count, index + Self.englishReach)
        while cursor < limit {
            let scalar = view[cursor]
            if scalar == TextView.hardGap || scalar == "。" || scalar == "｡" { return nil }
            if scalar == ".", cursor + 1 < view.count, view[cursor + 1] == TextView.softGap,
               view.match(["N", "o", "."], at: cursor - 2) == nil { return nil }
            if !sawPhoneWord, !view.isASCIILetterScalar(cursor - 1), view.matchAny(Labels.phoneWordsEn, at: cursor) != nil {
                sawPhoneWord = true
            }
            if sawPhoneWord, isNumberStart(view, cursor), !view.isASCIILetterScalar(cursor - 1) { return cursor }
            cursor += 1
        }
        return nil
    }

    private func phoneWord(_ view: TextView, in range: Range<Int>) -> Bool {
        range.contains { !view.isASCIILetterScalar($0 - 1) && view.matchAny(Labels.phoneWordsEn, at: $0) != nil }
    }

    private func isNumberStart(_ view: TextView, _ index: Int) -> Bool {
        index < view.count && (view.isDigit(index) || view[index] == "+" || (view[index] == "(" && view.isDigit(view.skipGaps(from: index + 1))))
    }

    /// Where a further number of the same field starts: after soft gaps and at most one joiner.
    private func nextNumberStart(_ view: TextView, after index: Int) -> Int? {
        var cursor = view.skipSoftGaps(from: index)
        if let joiner = view.matchAny(Labels.phoneJoiners, at: cursor) { cursor = view.skipSoftGaps(from: joiner.end) }
        guard cursor > index, isNumberStart(view, cursor) else { return nil }
        return cursor
    }

    private func finding(_ phone: PhoneNumber, view: TextView, context: RecognitionContext) -> Finding {
        let value = phone.hotline
        return Finding(value, source: context.source(of: phone.range, in: view),
                       issues: value.issues(referenceYear: context.referenceYear))
    }
}
