/// Reading helpers shared by the licence recognisers: brackets, fixed-width numbers, words.
extension TextView {
    /// Opening brackets licences print around years and provinces, after normalisation
    /// (（ and ［ have become ( and [): 〔2020〕, (京), 【2013】, [2017].
    static let openingBrackets: Set<Unicode.Scalar> = ["(", "[", "〔", "【", "〖", "{"]
    static let closingBrackets: Set<Unicode.Scalar> = [")", "]", "〕", "】", "〗", "}"]

    /// If an opening bracket stands at `index` (after soft gaps), the index past it and its gaps.
    func skipOpeningBracket(from index: Int) -> Int? {
        let cursor = skipGaps(from: index)
        guard cursor < count, Self.openingBrackets.contains(self[cursor]) else { return nil }
        return skipGaps(from: cursor + 1)
    }

    /// If a closing bracket stands at `index` (after soft gaps), the index past it and its gaps.
    func skipClosingBracket(from index: Int) -> Int? {
        let cursor = skipGaps(from: index)
        guard cursor < count, Self.closingBrackets.contains(self[cursor]) else { return nil }
        return skipGaps(from: cursor + 1)
    }

    /// If a dash stands at `index` (after soft gaps), the index past it and its gaps.
    func skipDash(from index: Int) -> Int? {
        let cursor = skipGaps(from: index)
        guard cursor < count, self[cursor] == "-" else { return nil }
        return skipGaps(from: cursor + 1)
    }

    /// Exactly the ASCII digits (and, with `masks`, the masks X x *) at `index`, no gaps, as
    /// many as stand there (at most `limit`): the digits and the index past them, or nil.
    func readPlainDigits(from index: Int, limit: Int = 32, masks: Bool = true) -> (digits: String, end: Int)? {
        var cursor = index
        var digits = ""
        while cursor < count, digits.utf8.count < limit, isDigit(cursor) || (masks && isMask(cursor)) {
            digits.unicodeScalars.append(self[cursor])
            cursor += 1
        }
        return digits.isEmpty ? nil : (digits, cursor)
    }

    func isMask(_ index: Int) -> Bool {
        index >= 0 && index < count && (self[index] == "X" || self[index] == "x" || self[index] == "*")
    }

    /// The ASCII letters ending just before `index` (soft gaps before them skipped), and where
    /// they start; nil when no letter stands there.
    func wordBefore(_ index: Int) -> (word: String, start: Int)? {
        guard let last = previousNonGap(before: index), isASCIILetterScalar(last) else { return nil }
        var start = last
        while isASCIILetterScalar(start - 1) { start -= 1 }
        return (text(start..<(last + 1)), start)
    }

    /// The ASCII letters starting at `index` (after soft gaps) and the index past them.
    func wordAt(_ index: Int) -> (word: String, end: Int)? {
        let start = skipGaps(from: index)
        var end = start
        while isASCIILetterScalar(end) { end += 1 }
        return end > start ? (text(start..<end), end) : nil
    }
}

extension TextView {
    /// Skips the words and colon between a licence label and its number ("号：", "编号:").
    func skipNumberWords(from index: Int) -> Int {
        var cursor = skipGaps(from: index)
        if let word = matchAny(Labels.numberWords, at: cursor) { cursor = skipGaps(from: word.end) }
        return skipColon(from: cursor)
    }

    /// Whether the publishing licence's label (网出证 or 新出网证) ends at `index`, gaps aside.
    func endsWithPublishingLabel(at index: Int) -> Bool {
        [Labels.publishing, Labels.publishingOld].contains { label in
            var cursor: Int? = index
            for expected in label.reversed() {
                guard let at = cursor, self[at] == expected else { return false }
                cursor = previousNonGap(before: at)
            }
            return true
        }
    }

    /// The text between brackets that close just before `index` ("京" in (京)-经营性), with
    /// the index of the opening bracket; at most `maxLength` scalars inside.
    func bracketedBefore(_ index: Int, maxLength: Int = 4) -> (inside: String, open: Int)? {
        guard let close = previousNonGap(before: index), Self.closingBrackets.contains(self[close]) else { return nil }
        var cursor = close - 1
        while cursor >= 0, close - cursor <= maxLength + 1 {
            if Self.openingBrackets.contains(self[cursor]) {
                let inside = text((cursor + 1)..<close)
                return inside.isEmpty ? nil : (inside, cursor)
            }
            if self[cursor] == Self.hardGap { return nil }
            cursor -= 1
        }
        return nil
    }
}
