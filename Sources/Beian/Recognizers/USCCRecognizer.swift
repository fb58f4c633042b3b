/// Unified social credit codes (统一社会信用代码, GB 32100-2015, `uscc`).
///
/// Shape (formats.md §6.9): 18 characters of the alphabet `0-9 A-H J-N P-R T U W-Y` (no I, O, Z,
/// S, V): registration authority, entity type, the GB/T 2260 division of the registering
/// office (characters 3–8), the GB 11714 organisation code, and a mod-31 check character
/// (weights 3^(i-1) mod 31, as python-stdnum's `cn.uscc`). Eighteen characters alone are
/// too plain, so a label (统一社会信用代码, 营业执照 …) must precede them.
struct USCCRecognizer: Recognizer {
    var startScalars: [Unicode.Scalar] { Labels.firstScalars(of: .uscc).scalars }

    func recognise(at index: Int, in view: TextView, context: RecognitionContext, into findings: inout [Finding]) -> Int? {
        guard let label = view.matchAny(Labels.uscc, at: index, gapsInside: true) else { return nil }
        var cursor = view.skipGaps(from: label.end)
        // An aside in brackets: 统一社会信用代码（注册号）：
        if let inside = view.skipOpeningBracket(from: cursor) {
            var close = inside
            while close < view.count, close - inside < 8, !TextView.closingBrackets.contains(view[close]), !view.isDigit(close) {
                close += 1
            }
            if close < view.count, TextView.closingBrackets.contains(view[close]) { cursor = close + 1 }
        }
        cursor = view.skipNumberWords(from: cursor)
        var end = cursor
        while end < view.count, end - cursor < 24, view[end].isASCII, isASCIIAlphanumeric(UInt8(view[end].value)) { end += 1 }
        let code = view.text(cursor..<end).uppercased()
        guard Self.hasThreeDigits(code), end - cursor <= 20 else { return label.end }
        let businessLicence = label.literal >= 3
        let source = context.source(of: cursor..<end, in: view)
        findings.append(finding(code: code, businessLicenceLabel: businessLicence, source: source, referenceYear: context.referenceYear))
        return end
    }

    /// Three digits (or masks) in a row: what the prefilter's number needs.
    static func hasThreeDigits(_ code: String) -> Bool {
        var run = 0
        for byte in code.utf8 {
            run = (byte >= 0x30 && byte <= 0x39) || byte == 0x58 || byte == 0x2A ? run + 1 : 0
            if run >= 3 { return true }
        }
        return false
    }

    func finding(code: String, businessLicenceLabel: Bool, source: (raw: String, start: Int, end: Int), referenceYear: Int) -> Finding {
        let value = USCC(code: code, businessLicenceLabel: businessLicenceLabel)
        return Finding(value, source: source, issues: value.issues(referenceYear: referenceYear))
    }
}

extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}
