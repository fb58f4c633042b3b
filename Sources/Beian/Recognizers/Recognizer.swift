/// Finds one family of identifiers in a decoded view and validates each one.
///
/// A recogniser finds the text and hands the parts it read to the kind's format type
/// (`Sources/Beian/Formats/KIND/`), which validates the value; issues of the text itself (a
/// misspelt label, an ambiguous pinyin province) stay with the recogniser.
///
/// Adding a kind means: its format type and a `FindingDetails` case, one recogniser file, its
/// labels in `Labels`, its anchors in `Prefilter`, and one line in `Recognizers.all`.
protocol Recognizer: Sendable {
    func recognise(in view: TextView, context: RecognitionContext) -> [Finding]
}

enum Recognizers {
    static let all: [any Recognizer] = [
        ICPRecognizer(),
        PublicSecurityFilingRecognizer(),
        TelecomLicenceRecognizer(),
        NewsLicenceRecognizer(),
        HotlineRecognizer(),
        USCCRecognizer(),
        CultureLicenceRecognizer(),
        BroadcastLicenceRecognizer(),
        AudiovisualLicenceRecognizer(),
        PublishingLicenceRecognizer(),
        DrugInfoCertificateRecognizer(),
        ReligiousInfoLicenceRecognizer(),
        AlgorithmFilingRecognizer(),
        GenAIFilingRecognizer(),
    ]
}

/// What recognisers need besides the view: the original bytes (for `raw`) and the year that
/// counts as "now" for year checks.
struct RecognitionContext {
    let bytes: UnsafeBufferPointer<UInt8>
    let referenceYear: Int

    /// The raw text and byte range of the view scalars `range`.
    func source(of range: Range<Int>, in view: TextView) -> (raw: String, start: Int, end: Int) {
        let start = view.starts[range.lowerBound]
        let end = view.ends[range.upperBound - 1]
        let raw = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
        return (raw, start, end)
    }
}

extension TextView {
    /// The abbreviation character written before `index` ("京" in 京 ICP备), if an ideograph
    /// stands there, and its index. The end marks of a previous identifier (号) do not count.
    func abbreviation(before index: Int) -> (Character, Int)? {
        guard let previous = previousNonGap(before: index), isIdeograph(previous),
              self[previous] != Labels.numberMark else { return nil }
        return (Character(self[previous]), previous)
    }
}
