/// Checks shared by several kinds: placeholders, years, province codes.
enum NumberChecks {
    /// Whether digits look like a template's placeholder rather than a real number: one digit
    /// repeated (00000000), a straight run up or down (12345678, 1234567890, 87654321), or masks.
    /// formats.md §8.8.
    static func isPlaceholder(_ digits: String) -> Bool {
        var digits = digits
        return digits.withUTF8 { bytes in
            guard bytes.count >= 4 else { return false }
            // One pass, no arrays: a mask character, or every step the same 0, +1 or −1 (mod 10).
            var repeated = true, rising = true, falling = true
            for index in bytes.indices {
                let byte = bytes[index]
                guard byte >= 0x30 && byte <= 0x39 else { return true }
                guard index > 0 else { continue }
                // The step mod 10 without a division: 9 → 0 rises, 0 → 9 falls.
                let step = Int(byte) - Int(bytes[index - 1])
                repeated = repeated && step == 0
                rising = rising && (step == 1 || step == -9)
                falling = falling && (step == -1 || step == 9)
            }
            return repeated || rising || falling
        }
    }

    static func placeholderIssue(_ digits: String) -> Issue? {
        guard isPlaceholder(digits) else { return nil }
        return Issue(.placeholder, .error,
                     zh: "号码 \(digits) 是占位符（重复、顺序或掩码数字），不是真实编号",
                     en: "\(digits) is a placeholder (repeated, sequential or masked digits), not a real number")
    }

    /// An issue when a four-digit year is after `referenceYear` (error) or before `earliest` (warning).
    static func yearIssue(_ year: Int, referenceYear: Int, earliest: Int, what: Bilingual) -> Issue? {
        if year > referenceYear {
            return Issue(.implausibleYear, .error,
                         zh: "\(what.zh)中的年份 \(year) 晚于今年（\(referenceYear)）",
                         en: "the year \(year) in the \(what.en) is after the current year (\(referenceYear))")
        }
        if year < earliest {
            return Issue(.implausibleYear, .warning,
                         zh: "\(what.zh)中的年份 \(year) 早于 \(earliest) 年，不太可能",
                         en: "the year \(year) in the \(what.en) is before \(earliest), which is unlikely")
        }
        return nil
    }

    /// Issues of a year read from a licence: after now (error) or before `earliest` (warning).
    static func yearIssues(_ year: Int?, kind: Kind, referenceYear: Int, earliest: Int) -> [Issue] {
        guard let year else { return [] }
        return yearIssue(year, referenceYear: referenceYear, earliest: earliest, what: kind.names).map { [$0] } ?? []
    }

    /// The first `count` bytes of `text` when they are all ASCII digits ("110108" of a
    /// public security filing), read byte-wise.
    static func digitPrefix(_ text: String, _ count: Int) -> String? {
        var text = text
        return text.withUTF8 { bytes -> String? in
            guard bytes.count >= count else { return nil }
            let prefix = UnsafeBufferPointer(rebasing: bytes[..<count])
            guard prefix.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else { return nil }
            return String(decoding: prefix, as: UTF8.self)
        }
    }

    /// The integer value of an all-digit string slice.
    static func integer(_ digits: Substring) -> Int? {
        guard !digits.isEmpty, digits.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else { return nil }
        return Int(digits)
    }

    static func invalidLength(_ digits: String, expected: Bilingual) -> Issue {
        let count = digits.utf8.count
        return Issue(.invalidLength, .error,
                     zh: "号码 \(digits) 有 \(count) 位，应为\(expected.zh)",
                     en: "\(digits) has \(count) digits; expected \(expected.en)")
    }

    /// The issues of an abbreviation whose province (`Province(abbreviation:)`) is known:
    /// missing_province, unknown_province or alternate_abbreviation.
    static func provinceIssues(abbreviation: Character?, province: Province?, kind: Kind) -> [Issue] {
        guard let abbreviation else {
            return [Issue(.missingProvince, .info,
                          zh: "\(kind.names.zh)前没有省份简称",
                          en: "the \(kind.names.en) has no province abbreviation")]
        }
        guard let province else {
            return [Issue(.unknownProvince, .error,
                          zh: "「\(abbreviation)」不是省级行政区简称",
                          en: "\u{201C}\(abbreviation)\u{201D} is not the abbreviation of any province")]
        }
        guard province.isAlternateAbbreviation else { return [] }
        let row = province.tableRow
        return [Issue(.alternateAbbreviation, .info,
                      zh: "「\(abbreviation)」是\(province.zh)较少见的简称，通常写作「\(row.abbreviation)」",
                      en: "\u{201C}\(abbreviation)\u{201D} is a less common abbreviation of \(province.en); most filings use \u{201C}\(row.abbreviation)\u{201D}")]
    }
}
