/// A phone number read from a view and checked against libphonenumber's China data.
struct PhoneNumber {
    var type: PhoneType
    /// E.164 ("+862367158993"), or the bare digits for short numbers and numbers without an area code.
    var number: String
    var canonical: String
    var areaCode: String? = nil
    var phoneExtension: String? = nil
    var province: Province? = nil
    var issues: [Issue]
    /// View indices of the number, extension included.
    var range: Range<Int>
    /// Whether the number has a shape libphonenumber accepts.
    var isWellFormed: Bool { !issues.containsError }

    /// The number as a hotline value.
    var hotline: Hotline {
        Hotline(type: type, number: number, canonical: canonical, areaCode: areaCode, phoneExtension: phoneExtension,
                province: province, problems: issues)
    }
}

/// Reads Chinese phone numbers as footers print them: `+86-23-67158993`, `+86（0）10-…`,
/// `(0571)88933003`, `010-62646869`, `12377`, `4000233233转3`, `400-606-1866`, `010-12321`
/// (formats.md §5 and §8.12).
enum PhoneNumberParser {
    private struct Group {
        var digits: [UInt8]
        var start: Int
        var end: Int
        /// The separator before this group was a dash (not a space).
        var afterDash: Bool
    }

    /// Parses the number starting at `index`. With `strict`, only numbers of a valid shape are
    /// returned; otherwise a digit string of plausible length comes back flagged invalid.
    static func parse(_ view: TextView, at index: Int, strict: Bool) -> PhoneNumber? {
        guard index < view.count else { return nil }
        var cursor = index
        var international = false
        if view[cursor] == "+" {
            let after = view.skipSoftGaps(from: cursor + 1)
            guard let end = view.match(["8", "6"], at: after) else { return nil }
            international = true
            cursor = end
        } else if let end = view.match(["0", "0", "8", "6"], at: cursor), !view.isDigit(end) {
            international = true
            cursor = end
        }
        if international {
            cursor = skipSeparators(view, from: cursor)
            if let end = view.match(["(", "0", ")"], at: cursor) { cursor = skipSeparators(view, from: end) }
        }
        var groups: [Group] = []
        if cursor < view.count, view[cursor] == "(" {
            // (0571)88933003
            let inner = view.skipSoftGaps(from: cursor + 1)
            guard let area = digitGroup(view, at: inner), area.digits.count >= 2, area.digits.count <= 4 else { return nil }
            let close = view.skipSoftGaps(from: area.end)
            guard close < view.count, view[close] == ")" else { return nil }
            groups.append(Group(digits: area.digits, start: cursor, end: close + 1, afterDash: false))
            cursor = skipSeparators(view, from: close + 1)
        }
        var afterDash = false
        while groups.count < 5, var group = digitGroup(view, at: cursor) {
            group.afterDash = afterDash
            groups.append(group)
            let after = view.skipSoftGaps(from: group.end)
            afterDash = after < view.count && view[after] == "-"
            let candidate = afterDash ? view.skipSoftGaps(from: after + 1) : after
            guard candidate > group.end, view.isDigit(candidate) else { break }
            cursor = candidate
        }
        guard !groups.isEmpty else { return nil }
        let start = international ? index : groups[0].start
        // Take the longest run of groups that forms a well-formed number; failing that (unless
        // strict), the longest that has a number's shape, flagged invalid.
        for acceptFlagged in strict ? [false] : [false, true] {
            for taken in stride(from: groups.count, through: 1, by: -1) {
                let digits = groups[0..<taken].flatMap(\.digits)
                guard var phone = classify(digits, international: international),
                      acceptFlagged || phone.isWellFormed else { continue }
                var end = groups[taken - 1].end
                if let (ext, extEnd) = readExtension(view, after: end, nextGroup: taken < groups.count ? groups[taken] : nil) {
                    phone.phoneExtension = ext
                    phone.canonical += " ext. \(ext)"
                    end = extEnd
                }
                phone.range = start..<end
                return phone
            }
        }
        guard !strict else { return nil }
        let digits = groups.flatMap(\.digits)
        guard digits.count >= 5, digits.count <= 13 else { return nil }
        let text = decimal(digits)
        return PhoneNumber(type: .fixed, number: (international ? "+86" : "") + text, canonical: (international ? "+86 " : "") + text,
                           issues: [invalid(text, reason: Bilingual(zh: "不符合任何中国号码格式", en: "it fits no Chinese number format"))],
                           range: start..<groups[groups.count - 1].end)
    }

    private static func skipSeparators(_ view: TextView, from index: Int) -> Int {
        var cursor = view.skipSoftGaps(from: index)
        if cursor < view.count, view[cursor] == "-" { cursor = view.skipSoftGaps(from: cursor + 1) }
        return cursor
    }

    private static func digitGroup(_ view: TextView, at index: Int) -> Group? {
        var cursor = index
        var digits: [UInt8] = []
        while view.isDigit(cursor), digits.count < 16 {
            digits.append(UInt8(view[cursor].value - 0x30))
            cursor += 1
        }
        guard !digits.isEmpty, !view.isDigit(cursor) else { return nil }
        return Group(digits: digits, start: index, end: cursor, afterDash: false)
    }

    /// An extension after a complete number: 转3, -5 (up to 5 digits after a dash), ext. 12.
    private static func readExtension(_ view: TextView, after end: Int, nextGroup: Group?) -> (String, Int)? {
        if let group = nextGroup, group.afterDash, group.digits.count <= 5 {
            return (decimal(group.digits), group.end)
        }
        let marker = view.skipSoftGaps(from: end)
        guard let found = view.matchAny(Labels.phoneExtension, at: marker) else { return nil }
        guard let group = digitGroup(view, at: view.skipSoftGaps(from: found.end)), group.digits.count <= 5 else { return nil }
        return (decimal(group.digits), group.end)
    }

    /// Digit values (0–9) as a decimal string.
    private static func decimal<Digits: Sequence<UInt8>>(_ digits: Digits) -> String {
        String(decoding: digits.map { $0 + 0x30 }, as: UTF8.self)
    }

    /// The number `digits` as a complete Chinese number, or nil if it is not one yet.
    static func classify(_ digits: [UInt8], international: Bool) -> PhoneNumber? {
        guard !digits.isEmpty else { return nil }
        var national = digits
        let text = decimal(_:) as (ArraySlice<UInt8>) -> String
        if national.first == 0 {
            national.removeFirst()  // trunk prefix
            guard !national.isEmpty else { return nil }
            return fixedLine(national)
        }
        if !international, ShortNumbers.isShortNumber(national) {
            let value = text(national[...])
            return PhoneNumber(type: .short, number: value, canonical: value, issues: [], range: 0..<0)
        }
        if national.count == 10, national[0] == 4 || national[0] == 8, national[1] == 0, national[2] == 0 {
            let value = text(national[...])
            return PhoneNumber(type: national[0] == 4 ? .sharedCost : .tollFree, number: "+86" + value,
                               canonical: "+86 \(text(national[0..<3])) \(text(national[3..<6])) \(text(national[6...]))",
                               issues: [], range: 0..<0)
        }
        if national[0] == 1, national.count >= 2, national[1] != 0 {
            guard national.count == 11 else { return nil }
            let value = text(national[...])
            let prefix = national[0..<4].reduce(0) { $0 * 10 + Int($1) }
            var phone = PhoneNumber(type: .mobile, number: "+86" + value,
                                    canonical: "+86 \(text(national[0..<3])) \(text(national[3..<7])) \(text(national[7...]))",
                                    issues: [], range: 0..<0)
            if !AreaCodeTable.mobilePrefixes.contains(prefix) {
                phone.issues.append(invalid(value, reason: Bilingual(zh: "号段 \(text(national[0..<4])) 不是有效的手机号段",
                                                                     en: "\(text(national[0..<4])) is no valid mobile prefix")))
            }
            return phone
        }
        if international { return fixedLine(national) }
        guard national.count == 7 || national.count == 8 else { return nil }
        let value = text(national[...])
        return PhoneNumber(type: .fixed, number: value, canonical: value,
                           issues: [Issue(.missingAreaCode, .warning, zh: "固定电话 \(value) 缺少区号，无法确定所在地",
                                          en: "the landline \(value) has no area code, so its place is unknown")],
                           range: 0..<0)
    }

    private static func fixedLine(_ national: [UInt8]) -> PhoneNumber? {
        let text = decimal(_:) as (ArraySlice<UInt8>) -> String
        let areaLength = AreaCodeTable.areaCodeLength(ofNationalDigits: national)
        guard national.count > areaLength else { return nil }
        let area = text(national[0..<areaLength])
        let subscriber = national[areaLength...]
        // 010-12321: a national service number written with an area code; reported bare.
        if ShortNumbers.isShortNumber(Array(subscriber)), subscriber.count == 5 {
            let value = text(subscriber)
            return PhoneNumber(type: .short, number: value, canonical: value, issues: [], range: 0..<0)
        }
        let row = AreaCodeTable.byCode[area]
        let lengths = row?.subscriberLengths ?? [7, 8]
        guard subscriber.count >= 5, subscriber.count <= 8 else { return nil }
        let split = subscriber.startIndex + subscriber.count - 4
        let value = text(national[...])
        var phone = PhoneNumber(type: .fixed, number: "+86" + value,
                                canonical: "+86 \(area) \(text(subscriber[..<split])) \(text(subscriber[split...]))",
                                areaCode: area, province: row.flatMap { Province(code: $0.province) }, issues: [], range: 0..<0)
        if row == nil {
            phone.issues.append(invalid("0" + value, reason: Bilingual(zh: "区号 0\(area) 不存在", en: "the area code 0\(area) does not exist")))
        } else if !lengths.contains(subscriber.count) {
            let expected = lengths.map(String.init).joined(separator: "/")
            phone.issues.append(invalid("0" + value, reason: Bilingual(
                zh: "区号 0\(area) 后应为\(expected)位号码，而不是\(subscriber.count)位",
                en: "numbers after the area code 0\(area) have \(expected) digits, not \(subscriber.count)")))
        }
        return phone
    }

    private static func invalid(_ number: String, reason: Bilingual) -> Issue {
        Issue(.invalidPhoneNumber, .error, zh: "电话号码 \(number) 无效：\(reason.zh)", en: "the phone number \(number) is invalid: \(reason.en)")
    }
}
