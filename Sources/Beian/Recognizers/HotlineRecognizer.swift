/// Report and complaint hotlines (举报电话, `hotline`): phone numbers that a label calls a
/// reporting or complaint line, in Chinese (违法和不良信息举报电话：12377, 投诉热线 …) or English
/// ("report hotline", "can be reported by calling this telephone number:").
/// Numbers without such a label are not reported.
struct HotlineRecognizer: Recognizer {
    /// How far (in scalars) an English label may stand before its number.
    static let englishReach = 120
    /// How many numbers one label may introduce ("12377 0898-68555596" has two).
    static let maxNumbersPerLabel = 4

    func recognise(in view: TextView, context: RecognitionContext) -> [Finding] {
        var findings: [Finding] = []
        var index = 0
        while index < view.count {
            let numberStart: Int?
            let scalar = view[index]
            if scalar == "举" || scalar == "投" {
                numberStart = chineseLabel(view, at: index)
            } else if scalar.isASCII, !view.isASCIILetterScalar(index - 1), view.matchAny(Labels.hotlineEn, at: index) != nil {
                numberStart = englishLabel(view, at: index)
            } else {
                numberStart = nil
            }
            guard let numberStart, var phone = PhoneNumberParser.parse(view, at: numberStart, strict: false) else {
                index += 1
                continue
            }
            var numbers = 0
            while true {
                findings.append(finding(phone, view: view, context: context))
                numbers += 1
                index = phone.range.upperBound
                guard numbers < Self.maxNumbersPerLabel, let next = nextNumberStart(view, after: index),
                      let another = PhoneNumberParser.parse(view, at: next, strict: true) else { break }
                phone = another
            }
        }
        return findings
    }

    /// After 举报/投诉 and label words (电话, 热线 …) and a colon: where the number starts.
    private func chineseLabel(_ view: TextView, at index: Int) -> Int? {
        guard let label = view.matchAny(Labels.hotlineZh, at: index) else { return nil }
        var cursor = label.end
        for _ in 0..<4 {
            guard let word = view.matchAny(Labels.hotlineZhWords, at: view.skipGaps(from: cursor)) else { break }
            cursor = word.end
        }
        cursor = view.skipColon(from: cursor)
        return isNumberStart(view, cursor) ? cursor : nil
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
        var cursor = view.skipGaps(from: index)
        if let joiner = view.matchAny(Labels.phoneJoiners, at: cursor) { cursor = view.skipGaps(from: joiner.end) }
        guard cursor > index, isNumberStart(view, cursor) else { return nil }
        return cursor
    }

    private func finding(_ phone: PhoneNumber, view: TextView, context: RecognitionContext) -> Finding {
        let source = context.source(of: phone.range, in: view)
        return Finding(kind: .hotline, raw: source.raw, start: source.start, end: source.end, canonical: phone.canonical,
                       number: phone.number, province: phone.province, issues: phone.issues, areaCode: phone.areaCode,
                       phoneType: phone.type, phoneExtension: phone.phoneExtension)
    }
}
