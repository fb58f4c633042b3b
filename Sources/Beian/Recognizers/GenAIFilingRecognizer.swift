/// Generative-AI service filings (生成式人工智能服务备案, `genai_filing`).
///
/// Shape (formats.md §6.8): `Province-ModelName-YYYYMMDD[NNNN]`, the province in pinyin
/// (Beijing, ZheJiang), the model in CamelCase pinyin, the filing date and, in later ones, a
/// four-digit serial. Found by its own shape, label or not: a dash after a letter, then the
/// date; the province must be a real province name.
struct GenAIFilingRecognizer: Recognizer {
    /// Shape, not label: the dash between a pinyin model name and the date.
    var startScalars: [Unicode.Scalar] { ["-"] }

    func recognise(at index: Int, in view: TextView, context: RecognitionContext, into findings: inout [Finding]) -> Int? {
        guard index >= 1, view[index] == "-", view.isASCIILetterScalar(index - 1),
              let date = view.readPlainDigits(from: index + 1, limit: 13, masks: false),
              date.digits.utf8.count == 8 || date.digits.utf8.count == 12, !view.isASCIILetterScalar(date.end) else {
            return nil
        }
        var modelStart = index - 1
        while modelStart > 0, view[modelStart - 1].isASCII, isASCIIAlphanumeric(UInt8(view[modelStart - 1].value)) {
            modelStart -= 1
        }
        var provinceStart = modelStart - 1
        guard provinceStart > 0, view[provinceStart] == "-" else { return nil }
        let provinceEnd = provinceStart
        while provinceStart > 0, view.isASCIILetterScalar(provinceStart - 1) { provinceStart -= 1 }
        guard provinceStart < provinceEnd, !view.isDigit(provinceStart - 1),
              let province = ProvinceSpellings.province(fullName: view.text(provinceStart..<provinceEnd)) else {
            return nil
        }
        let source = context.source(of: provinceStart..<date.end, in: view)
        findings.append(finding(province: province, model: view.text(modelStart..<index), digits: date.digits, source: source,
                                referenceYear: context.referenceYear))
        return date.end
    }

    func finding(province: Province, model: String, digits: String, source: (raw: String, start: Int, end: Int),
                 referenceYear: Int) -> Finding {
        let value = GenAIFiling(province: province, model: model, digits: digits)
        return Finding(value, source: source, issues: value.issues(referenceYear: referenceYear))
    }
}
