/// Unified social credit codes (统一社会信用代码, GB 32100-2015, `uscc`).
///
/// Shape (formats.md §6.9): 18 characters of the alphabet `0-9 A-H J-N P-R T U W-Y` (no I, O, Z,
/// S, V): registration authority, entity type, the GB/T 2260 division of the registering
/// office (characters 3–8), the GB 11714 organisation code, and a mod-31 check character
/// (weights 3^(i-1) mod 31, as python-stdnum's `cn.uscc`). Eighteen characters alone are
/// too plain, so a label (统一社会信用代码, 营业执照 …) must precede them.
struct USCCRecognizer: Recognizer {
    static let alphabet = Array("0123456789ABCDEFGHJKLMNPQRTUWXY")
    static let weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]

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
        findings.append(finding(code: code, businessLicenceLabel: businessLicence, source: source))
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

    /// The check character for the first 17 characters, or nil when one is outside the alphabet.
    static func checkCharacter(_ first17: [Character]) -> Character? {
        var sum = 0
        for (character, weight) in zip(first17, weights) {
            guard let value = alphabet.firstIndex(of: character) else { return nil }
            sum += value * weight
        }
        return alphabet[(31 - sum % 31) % 31]
    }

    func finding(code: String, businessLicenceLabel: Bool, source: (raw: String, start: Int, end: Int)) -> Finding {
        var issues: [Issue] = []
        let characters = Array(code)
        var division: String?
        var province: Province?
        if characters.count == 15, businessLicenceLabel, code.allSatisfy(\.isASCIIDigit) {
            issues.append(Issue(.legacyFormat, .info, zh: "15位营业执照注册号是2015年统一社会信用代码之前的旧格式",
                                en: "a 15-digit business registration number is the format from before the 2015 credit codes"))
            division = String(code.prefix(6))
        } else if characters.count != 18 {
            issues.append(Issue(.invalidLength, .error, zh: "代码 \(code) 有 \(characters.count) 个字符，应为18个",
                                en: "\(code) has \(characters.count) characters; expected 18"))
        } else {
            let outside = characters.filter { !Self.alphabet.contains($0) }
            if !outside.isEmpty {
                let list = String(outside)
                issues.append(Issue(.invalidCharacter, .error,
                                    zh: "代码含有编码规则不允许的字符「\(list)」（不用I、O、Z、S、V）",
                                    en: "the code has \u{201C}\(list)\u{201D}, which GB 32100 does not use (no I, O, Z, S, V)"))
            } else if let expected = Self.checkCharacter(Array(characters.prefix(17))), expected != characters[17] {
                issues.append(Issue(.badCheckCharacter, .error,
                                    zh: "校验码应为「\(expected)」，而不是「\(characters[17])」（2015年前试点地区发放的部分代码也不符合校验规则）",
                                    en: "the check character should be \u{201C}\(expected)\u{201D}, not \u{201C}\(characters[17])\u{201D} (some codes issued by pilot areas before 2015 fail the check too)"))
            }
            let region = String(characters[2..<8])
            if region.allSatisfy(\.isASCIIDigit) { division = region }
        }
        if let division {
            let checked = DivisionCheck.issues(for: division)
            province = Province(code: String(division.prefix(2)))
            issues += checked.1
        }
        if Set(characters).count <= 2 || code.contains("*") {
            issues.append(Issue(.placeholder, .error, zh: "代码 \(code) 是占位符", en: "\(code) is a placeholder"))
        }
        return Finding(kind: .uscc, raw: source.raw, start: source.start, end: source.end, canonical: code, number: code,
                       province: province, issues: issues, division: division)
    }
}

extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}
