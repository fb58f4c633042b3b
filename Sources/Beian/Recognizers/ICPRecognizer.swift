/// ICP filings (ICP备案号, `icp_filing`) and old-style ICP licences (ICP证, `icp_licence`).
///
/// Shape (formats.md §1, §2a): `P ICP 备|证 [:] NNNNNNNN [号] [-N[A|X]] [号]`, with soft gaps
/// anywhere, "ICP" in any case or width. The kind follows the mark after ICP (备 or 证),
/// not the label before: "ICP证：浙ICP备09003598号" is a filing.
struct ICPRecognizer: Recognizer {
    var startScalars: [Unicode.Scalar] { Labels.firstScalars(of: .icp).scalars }

    func recognise(at index: Int, in view: TextView, context: RecognitionContext, into findings: inout [Finding]) -> Int? {
        guard !view.isASCIILetterScalar(index - 1),
              let afterICP = view.match(Labels.icp, at: index, gapsInside: true) else {
            return nil
        }
        let markIndex = view.skipGaps(from: afterICP)
        guard markIndex < view.count, view[markIndex] == Labels.filingMark || view[markIndex] == Labels.licenceMark else {
            if let english = englishFinding(in: view, icp: index, afterICP: afterICP, context: context) {
                findings.append(english.finding)
                return english.end
            }
            return afterICP
        }
        let kind: Kind = view[markIndex] == Labels.filingMark ? .icpFiling : .icpLicence
        // ICP备案：12345678 — 备案 written as one word, a misspelt label.
        var afterMark = markIndex + 1
        var misspelt = false
        if kind == .icpFiling, afterMark < view.count, view[afterMark] == "案" {
            afterMark = view.match(["案", "号"], at: afterMark) ?? afterMark + 1
            misspelt = true
        }
        let numberStart = skipHostAside(view, from: view.skipColon(from: afterMark))
        guard let run = view.readDigits(from: numberStart, maxJoined: kind == .icpFiling ? 10 : 6, masks: true) else {
            return markIndex + 1
        }
        var end = run.end
        if let afterMark = view.skipNumberMark(from: end) { end = afterMark }
        var site: String?
        if let suffix = view.readSiteSuffix(from: end) {
            site = suffix.site
            end = view.skipNumberMark(from: suffix.end) ?? suffix.end
        }
        if let virtual = virtualRegistryStart(view, icp: index) {
            var shown = finding(kind: kind, abbreviation: nil, digits: run.digits, site: site,
                                source: context.source(of: virtual..<end, in: view), referenceYear: context.referenceYear)
            shown.virtualRegistry = shown.raw
            findings.append(shown)
            return end
        }
        let abbreviation = view.abbreviation(before: index)
        let source = context.source(of: (abbreviation?.1 ?? index)..<end, in: view)
        var found = finding(kind: kind, abbreviation: abbreviation?.0, digits: run.digits, site: site,
                            source: source, referenceYear: context.referenceYear)
        if misspelt {
            let usual = "\(abbreviation.map { String($0.0) } ?? "")ICP备\(run.digits)号"
            found.issues.insert(.misspeltLabel("ICP备案", usual: usual), at: 0)
        }
        findings.append(consume found)
        return end
    }

    /// Where a joke or virtual registry's mark before the "ICP" at `icp` starts (萌ICP备,
    /// 喵喵ICP, Moe-ICP, Nya ICP), if one stands there.
    func virtualRegistryStart(_ view: TextView, icp: Int) -> Int? {
        var cursor = icp
        while let previous = view.previousNonGap(before: cursor), Labels.virtualRegistryMarks.contains(view[previous]) {
            cursor = previous
        }
        if cursor < icp { return cursor }
        var before = icp
        if let dash = view.previousNonGap(before: icp), view[dash] == "-" { before = dash }
        guard let word = view.wordBefore(before), Labels.virtualRegistryWords.contains(word.word.lowercased()) else { return nil }
        return word.start
    }

    // MARK: English and pinyin footers

    /// An English or pinyin ICP finding whose "ICP" stands at `icp`: a province (name or
    /// pinyin syllable) before it or after the number (", Shanghai", "by Jiangsu …"), label
    /// words, then the number. Either a province before or a label word is required.
    func englishFinding(in view: TextView, icp: Int, afterICP: Int, context: RecognitionContext) -> (finding: Finding, end: Int)? {
        // "ICP" written as one word, all half- or all full-width: the prefilter's English anchor.
        let widths = (icp..<afterICP).map { view.ends[$0] - view.starts[$0] }
        guard afterICP - icp == 3, widths.allSatisfy({ $0 == widths[0] }), widths[0] == 1 || widths[0] == 3 else { return nil }
        var cursor = view.skipGaps(from: afterICP)
        var sawWord = false
        var filing = false
        var licence = false
        for _ in 0..<4 {
            if cursor < view.count, view[cursor] == ":" || view[cursor] == "-" || view[cursor] == "." || view[cursor] == "#" {
                cursor = view.skipGaps(from: cursor + 1)
                continue
            }
            guard let word = view.wordAt(cursor) else { break }
            let key = word.word.lowercased()
            if Labels.icpFilingWords.contains(key) {
                filing = true
            } else if Labels.icpLicenceWords.contains(key) {
                licence = true
            } else if !Labels.icpNeutralWords.contains(key) {
                break
            }
            sawWord = true
            cursor = view.skipGaps(from: word.end)
        }
        let named = view.provinceNamed(before: icp)
        var provinces = named?.provinces ?? []
        let start = named?.start ?? icp
        guard sawWord || !provinces.isEmpty,
              let run = view.readDigits(from: cursor, maxJoined: 10, masks: true) else { return nil }
        var end = run.end
        var site: String?
        if let suffix = view.readSiteSuffix(from: end) {
            site = suffix.site
            end = suffix.end
        }
        if let virtual = virtualRegistryStart(view, icp: icp) {
            var shown = finding(kind: .icpFiling, abbreviation: nil, digits: run.digits, site: site,
                                source: context.source(of: virtual..<end, in: view), referenceYear: context.referenceYear)
            shown.virtualRegistry = shown.raw
            return (shown, end)
        }
        if provinces.isEmpty, let after = provinceAfter(in: view, from: end) { provinces = [after] }
        let kind: Kind = filing ? .icpFiling : (licence || run.count == 6) ? .icpLicence : .icpFiling
        let source = context.source(of: start..<end, in: view)
        guard provinces.count == 2 else {
            let result = finding(kind: kind, abbreviation: provinces.first.flatMap { $0.abbreviation.first }, digits: run.digits,
                                 site: site, source: source, referenceYear: context.referenceYear)
            return (result, end)
        }
        var result = finding(kind: kind, abbreviation: nil, digits: run.digits, site: site, source: source,
                             referenceYear: context.referenceYear, candidates: provinces)
        let syllable = view.wordBefore(icp)?.word ?? ""
        result.issues.insert(ProvinceSpellings.ambiguity(syllable, provinces), at: 0)
        return (result, end)
    }

    /// A province named after an English ICP number: ", Shanghai" or "by Jiangsu Communications Administration".
    private func provinceAfter(in view: TextView, from index: Int) -> Province? {
        var cursor = view.skipGaps(from: index)
        if cursor < view.count, view[cursor] == "," {
            cursor += 1
        } else if let by = view.wordAt(cursor), by.word.lowercased() == "by" {
            cursor = by.end
        } else {
            return nil
        }
        guard let word = view.wordAt(cursor) else { return nil }
        return ProvinceSpellings.province(fullName: word.word)
    }

    /// Skips "(shou.org.cn)" between 备 and the number, as in 贵ICP备(shou.org.cn)05052049号-13.
    private func skipHostAside(_ view: TextView, from index: Int) -> Int {
        guard index < view.count, view[index] == "(" else { return index }
        var cursor = index + 1
        while cursor < view.count, cursor - index <= 64 {
            let scalar = view[cursor]
            if scalar == ")" { return view.skipGaps(from: cursor + 1) }
            guard scalar.isASCII, isASCIIAlphanumeric(UInt8(scalar.value)) || scalar == "." || scalar == "-" else { return index }
            cursor += 1
        }
        return index
    }

    func finding(kind: Kind, abbreviation: Character?, digits: String, site: String?,
                 source: (raw: String, start: Int, end: Int), referenceYear: Int, candidates: [Province]? = nil) -> Finding {
        if kind == .icpFiling {
            let value = ICPFiling(abbreviation: abbreviation, number: digits, site: site, candidates: candidates)
            return Finding(value, source: source, issues: value.issues(referenceYear: referenceYear))
        }
        let value = ICPLicence(abbreviation: abbreviation, number: digits, site: site, candidates: candidates)
        return Finding(value, source: source, issues: value.issues(referenceYear: referenceYear))
    }
}
