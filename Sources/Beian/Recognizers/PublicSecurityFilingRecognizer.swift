/// Public security filings (公安联网备案号, `public_security_filing`).
///
/// Shape (formats.md §3): `P 公网安备 [:] [[] RRRRRRNNNNNNNN [号]`. Digits 1–6 are the GB/T 2260
/// division of the filing police bureau; digits 1–2 must name the province of P (INFERRED from
/// every real example, so a mismatch is reported, not hidden). Also the prefix-less labels
/// 公安备案号 and 网安备案号, whose `raw` starts at the first digit. Misspelt labels real footers
/// print (公网备, 公安网备, 网安备, 公网安备案号) are read with `malformed_label`. Filings from
/// before the national platform named the city bureau (北京市公安局朝阳分局备案编号110105006009):
/// read from 公安局 to 备案, with `legacy_format`.
struct PublicSecurityFilingRecognizer: Recognizer {
    /// How many scalars may stand between 公安局 and 备案 (朝阳分局, 网警支队, 网络安全保卫支队).
    static let bureauReach = 12
    /// Where its labels may start (the label table): English and pinyin labels; the Chinese
    /// ones; a city bureau's.
    private static let englishStarts = Labels.firstScalars(of: .publicSecurityEnglish, .publicSecurityPinyin)
    private static let chineseStarts = Labels.firstScalars(of: .publicSecurity, .publicSecurityBare, .publicSecurityMisspelt,
                                                           .policeBureau)
    private static let bureauStarts = Labels.firstScalars(of: .policeBureau)
    private static let openers: Set<Unicode.Scalar> = ["[", "【", "(", "〔"]

    /// 公网安备, its bare and misspelt forms and city bureaus (公…, 网…), and the English labels
    /// (Public Security …, Gongwang Anbei).
    var startScalars: [Unicode.Scalar] { Self.englishStarts.scalars + Self.chineseStarts.scalars }

    func recognise(at index: Int, in view: TextView, context: RecognitionContext, into findings: inout [Finding]) -> Int? {
        let scalar = view[index]
        if Self.englishStarts.contains(scalar),
           let english = englishFinding(in: view, at: index, context: context) {
            findings.append(english.finding)
            return english.end
        }
        guard Self.chineseStarts.contains(scalar) else { return nil }
        if Self.bureauStarts.contains(scalar), let bureau = cityBureauFinding(in: view, at: index, context: context) {
            findings.append(bureau.finding)
            return bureau.end
        }
        var labelEnd: Int
        let prefixed: Bool
        var misspelt: String?
        if let end = view.match(Labels.publicSecurity, at: index, gapsInside: true) {
            labelEnd = end
            if let tail = view.matchAny(Labels.publicSecurityTails, at: end) {
                labelEnd = tail.end
                // 公网安备案号 reads as if 备案 were one word.
                if view[end] == "案" { misspelt = view.text(index..<tail.end) }
            }
            prefixed = true
        } else if let bare = view.matchAny(Labels.publicSecurityBare, at: index) {
            labelEnd = bare.end
            prefixed = false
        } else if let wrong = view.matchAny(Labels.publicSecurityMisspelt, at: index, gapsInside: true) {
            labelEnd = view.matchAny(Labels.publicSecurityTails, at: wrong.end)?.end ?? wrong.end
            misspelt = view.text(index..<labelEnd)
            prefixed = true
        } else {
            return nil
        }
        labelEnd = view.skipColon(from: labelEnd)
        if labelEnd < view.count, Self.openers.contains(view[labelEnd]) { labelEnd = view.skipGaps(from: labelEnd + 1) }
        guard let run = view.readDigits(from: labelEnd, maxJoined: 14, masks: true) else { return nil }
        let end = view.skipNumberMark(from: run.end) ?? run.end
        let abbreviation = prefixed ? view.abbreviation(before: index) : nil
        let start = prefixed ? (abbreviation?.1 ?? index) : run.start
        let source = context.source(of: start..<end, in: view)
        var found = finding(abbreviation: abbreviation?.0, digits: run.digits, source: source, referenceYear: context.referenceYear)
        if let misspelt {
            found.issues.insert(.misspeltLabel(misspelt, usual: "公网安备"), at: 0)
        }
        findings.append(consume found)
        return end
    }

    /// A city bureau's filing (北京市公安局朝阳分局备案编号110105006009) whose 公安局 stands at
    /// `index`: the finding, from the first digit, and the view index past it.
    private func cityBureauFinding(in view: TextView, at index: Int, context: RecognitionContext) -> (finding: Finding, end: Int)? {
        guard let bureauEnd = view.match(Labels.policeBureau, at: index) else { return nil }
        var cursor = bureauEnd
        while cursor < min(view.count, bureauEnd + Self.bureauReach), view.isIdeograph(cursor) {
            if let words = view.matchAny(Labels.policeFilingWords, at: cursor) {
                guard let run = view.readDigits(from: view.skipColon(from: words.end), maxJoined: 14) else { return nil }
                let end = view.skipNumberMark(from: run.end) ?? run.end
                var found = finding(abbreviation: nil, digits: run.digits, source: context.source(of: run.start..<end, in: view),
                                    referenceYear: context.referenceYear)
                if !found.issues.contains(where: { $0.code == .legacyFormat }) {
                    found.issues.append(Issue(.legacyFormat, .info,
                                              zh: "由城市公安局备案，是2016年全国平台之前的旧格式",
                                              en: "filed with a city police bureau, a format from before the 2016 national platform"))
                }
                return (found, end)
            }
            cursor += 1
        }
        return nil
    }

    // MARK: English footers

    /// Where the pinyin label (Gong Wang An Bei) that starts at `index` ends: its syllables in
    /// order, gaps allowed between them, none inside one.
    private func pinyinLabelEnd(in view: TextView, at index: Int) -> Int? {
        var cursor = index
        for (number, syllable) in Labels.publicSecurityPinyin.enumerated() {
            if number > 0 { cursor = view.skipSoftGaps(from: cursor) }
            guard let end = view.match(syllable, at: cursor) else { return nil }
            cursor = end
        }
        return cursor
    }

    /// The English finding whose label starts at `index`, and the view index past it.
    func englishFinding(in view: TextView, at index: Int, context: RecognitionContext) -> (finding: Finding, end: Int)? {
        guard !view.isASCIILetterScalar(index - 1) else { return nil }
        let pinyin = pinyinLabelEnd(in: view, at: index)
        guard let labelEnd = pinyin ?? view.matchAny(Labels.publicSecurityEnglish, at: index)?.end,
              !view.isASCIILetterScalar(labelEnd) else { return nil }
        var cursor = view.skipGaps(from: labelEnd)
        // The pinyin label is the filing's own name: no "No." needs to follow it.
        var sawWord = pinyin != nil
        for _ in 0..<4 {
            if cursor < view.count, view[cursor] == ":" || view[cursor] == "." || view[cursor] == "#" {
                cursor = view.skipGaps(from: cursor + 1)
                continue
            }
            guard let word = view.wordAt(cursor), Labels.publicSecurityEnglishWords.contains(word.word.lowercased()) else { break }
            sawWord = true
            cursor = view.skipGaps(from: word.end)
        }
        // "Police 12345678901234" alone is too loose: "No." or "Filing" must stand between.
        guard sawWord, let run = view.readDigits(from: cursor, maxJoined: 14, masks: true) else { return nil }
        let named = view.provinceNamed(before: index)
        var provinces = named?.provinces ?? []
        // An ambiguous syllable is settled by the division code, which names the province.
        if provinces.count == 2 { provinces = provinces.filter { run.digits.hasPrefix($0.code) } }
        let start = provinces.isEmpty ? index : named!.start
        let source = context.source(of: start..<run.end, in: view)
        return (finding(abbreviation: provinces.first.flatMap { $0.abbreviation.first }, digits: run.digits, source: source,
                        referenceYear: context.referenceYear), run.end)
    }

    func finding(abbreviation: Character?, digits: String, source: (raw: String, start: Int, end: Int), referenceYear: Int) -> Finding {
        let value = PublicSecurityFiling(abbreviation: abbreviation, number: digits)
        return Finding(value, source: source, issues: value.issues(referenceYear: referenceYear))
    }
}
