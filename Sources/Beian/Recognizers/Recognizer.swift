/// Finds one family of identifiers in a decoded view and validates each one.
///
/// A recogniser finds the text and hands the parts it read to the kind's format type
/// (`Sources/Beian/Formats/KIND/`), which validates the value; issues of the text itself (a
/// misspelt label, an ambiguous pinyin province) stay with the recogniser.
///
/// A recogniser is tried only where one of its `startScalars` stands: `Recognizers.recognise`
/// walks a view once and dispatches each scalar to the recognisers that may start there.
/// Adding a kind or a label: CONTRIBUTING.md.
protocol Recognizer: Sendable {
    /// The scalars at which this recogniser's labels or shapes start, as the view holds them
    /// (normalised: simplified, half-width). ASCII letters match either case. A superset is
    /// safe (the recogniser checks again); a missing scalar loses every identifier that starts
    /// with it.
    var startScalars: [Unicode.Scalar] { get }

    /// Tries to read an identifier whose label or shape starts at `index`, appending what it
    /// finds to `findings`. Returns the index this recogniser resumes at (past what it read or
    /// rejected), or nil when nothing of its kind starts at `index`.
    func recognise(at index: Int, in view: TextView, context: RecognitionContext, into findings: inout [Finding]) -> Int?
}

extension Recognizer {
    /// This recogniser alone over a whole view: what it contributes to `Recognizers.recognise`.
    func recognise(in view: TextView, context: RecognitionContext) -> [Finding] {
        var findings: [Finding] = []
        var index = 0
        while index < view.count {
            index = recognise(at: index, in: view, context: context, into: &findings) ?? index + 1
        }
        return findings
    }
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

    /// For each bucket of scalars (`bucket(of:)`), a bit per recogniser in `all` that may start
    /// at a scalar of that bucket. Scalars that share a bucket only cost a failed attempt.
    static let dispatch: [UInt16] = {
        precondition(all.count <= UInt16.bitWidth)
        var table = [UInt16](repeating: 0, count: bucketCount)
        for (bit, recognizer) in all.enumerated() {
            for scalar in recognizer.startScalars {
                var forms = [scalar]
                if scalar.isASCII, isASCIILetter(UInt8(scalar.value)) {
                    forms = [Unicode.Scalar(UInt8(scalar.value) | 0x20), Unicode.Scalar(UInt8(scalar.value) & ~0x20)]
                }
                for form in forms { table[bucket(of: form)] |= 1 << bit }
            }
        }
        return table
    }()

    static let bucketCount = 4096
    @inline(__always) static func bucket(of scalar: Unicode.Scalar) -> Int { Int(scalar.value) & (bucketCount - 1) }

    /// Every recogniser over a view in one walk. The findings are those of running each
    /// recogniser over the whole view in turn (`Recognizer.recognise(in:context:)`), in the
    /// order of `all`: each recogniser resumes where its last attempt left it.
    static func recognise(in view: TextView, context: RecognitionContext) -> [Finding] {
        var findings: [Finding] = []
        recognise(in: view, context: context, into: &findings)
        return findings
    }

    /// Appends the findings of one walk to `findings`, in the order the walk meets them
    /// (nearly the order of their starts).
    static func recognise(in view: TextView, context: RecognitionContext, into findings: inout [Finding]) {
        var resume = [Int](repeating: 0, count: all.count)
        dispatch.withUnsafeBufferPointer { dispatch in
            for index in 0..<view.count {
                var mask = dispatch[bucket(of: view[index])]
                while mask != 0 {
                    let bit = mask.trailingZeroBitCount
                    mask &= mask - 1
                    guard resume[bit] <= index else { continue }
                    if let next = all[bit].recognise(at: index, in: view, context: context, into: &findings) {
                        resume[bit] = next
                    }
                }
            }
        }
    }
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
