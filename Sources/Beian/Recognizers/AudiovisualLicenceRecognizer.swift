/// Online audio-visual programme licences (信息网络传播视听节目许可证, `audiovisual_licence`).
///
/// Shape (formats.md §6.3): 7 digits, sometimes with 号. Seven digits alone are anything, so a
/// label (视听节目许可证 …) must precede them. The first two digits seem to encode the province
/// in a non-GB/T 2260 order (INFERRED, UNCONFIRMED), so no province is read from them.
struct AudiovisualLicenceRecognizer: Recognizer {
    var startScalars: [Unicode.Scalar] { Labels.firstScalars(of: .audiovisual).scalars }

    func recognise(at index: Int, in view: TextView, context: RecognitionContext, into findings: inout [Finding]) -> Int? {
        guard let label = view.matchAny(Labels.audiovisual, at: index, gapsInside: true) else { return nil }
        // The number may stand in brackets: 网上传播视听节目许可证（0106168）.
        var numberStart = view.skipNumberWords(from: label.end)
        if let inside = view.skipOpeningBracket(from: numberStart) { numberStart = inside }
        guard let run = view.readDigits(from: numberStart, maxJoined: 9) else { return label.end }
        let end = view.skipNumberMark(from: run.end) ?? run.end
        let source = context.source(of: run.start..<end, in: view)
        findings.append(finding(digits: run.digits, source: source, referenceYear: context.referenceYear))
        return end
    }

    func finding(digits: String, source: (raw: String, start: Int, end: Int), referenceYear: Int) -> Finding {
        let value = AudiovisualLicence(number: digits)
        return Finding(value, source: source, issues: value.issues(referenceYear: referenceYear))
    }
}
