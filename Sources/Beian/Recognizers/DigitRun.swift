import CBeianScan

/// A number read from a view: its digits (masks X, x and * kept as printed) and where it lies.
struct DigitRun {
    var digits: String
    /// View index of the first digit.
    var start: Int
    /// View index just past the last digit.
    var end: Int

    var count: Int { digits.utf8.count }
}

extension TextView {
    /// The longest run of digits (and masks) that can be a number.
    static let maxRunLength = 16
    /// The fewest digits (and masks) a number has: shorter runs ("京ICP备1") are no identifier.
    /// The prefilter relies on it (BEIAN_MINIMUM_DIGITS, shared with the byte scanner).
    static let minimumDigits = Int(BEIAN_MINIMUM_DIGITS)

    /// Reads the number at `index`. Digit groups split by soft gaps ("1234 5678") are joined
    /// while the joined length stays within `maxJoined`; a hard gap always ends the number.
    /// With `masks`, X, x and * count as digits (placeholders such as 粤ICP备XXXXXXXX号).
    /// Nil when the number has fewer than `minimumDigits` or a run is longer than `maxRun`.
    func readDigits(from index: Int, maxJoined: Int, masks: Bool = false, maxRun: Int = maxRunLength) -> DigitRun? {
        var run = DigitRun(digits: "", start: index, end: index)
        var cursor = index
        guard isNumberScalar(cursor, masks: masks) else { return nil }
        while true {
            var groupEnd = cursor
            while isNumberScalar(groupEnd, masks: masks) {
                groupEnd += 1
                // A longer run is no identifier (and reading it would depend on window size).
                if groupEnd - cursor > maxRun { return nil }
            }
            // Digits and masks are ASCII: one byte each, written in one go.
            let first = cursor
            let group = String(unsafeUninitializedCapacity: groupEnd - first) { bytes in
                for index in first..<groupEnd { bytes[index - first] = UInt8(truncatingIfNeeded: self[index].value) }
                return groupEnd - first
            }
            if !run.digits.isEmpty, run.count + group.utf8.count > maxJoined { break }
            run.digits += group
            run.end = groupEnd
            let next = skipSoftGaps(from: groupEnd)
            guard next > groupEnd, isDigit(next), run.count < maxJoined else { break }
            cursor = next
        }
        return run.count >= Self.minimumDigits ? run : nil
    }

    private func isNumberScalar(_ index: Int, masks: Bool) -> Bool {
        guard index < count else { return false }
        let value = self[index].value
        if value >= 0x30 && value <= 0x39 { return true }
        return masks && (value == 0x58 || value == 0x78 || value == 0x2A)
    }

    /// Reads a site suffix "-N", "-NA" or "-NX" at `index` (soft gaps allowed around the dash):
    /// the suffix without its dash and the index past it, or nil.
    func readSiteSuffix(from index: Int) -> (site: String, end: Int)? {
        let dash = skipGaps(from: index)
        guard dash < count, self[dash] == "-" else { return nil }
        let first = skipGaps(from: dash + 1)
        var cursor = first
        var site = ""
        while isDigit(cursor), site.utf8.count < 5 {
            site.unicodeScalars.append(self[cursor])
            cursor += 1
        }
        guard !site.isEmpty, !isDigit(cursor) else { return nil }
        // App (A) and mini-program (X) filings, formats.md §1 (INFERRED from examples).
        if cursor < count, self[cursor] == "A" || self[cursor] == "X" || self[cursor] == "a" || self[cursor] == "x",
           !isASCIILetterScalar(cursor + 1) {
            site.unicodeScalars.append(Unicode.Scalar(UInt8(self[cursor].value) & ~0x20))
            cursor += 1
        }
        return (site, cursor)
    }

    /// If 号 stands at `index` (after soft gaps), the index past it.
    func skipNumberMark(from index: Int) -> Int? {
        let next = skipGaps(from: index)
        return next < count && self[next] == Labels.numberMark ? next + 1 : nil
    }

    /// Skips soft gaps and one colon (half-width after normalisation), then soft gaps again.
    func skipColon(from index: Int) -> Int {
        var cursor = skipGaps(from: index)
        if cursor < count, self[cursor] == ":" { cursor = skipGaps(from: cursor + 1) }
        return cursor
    }
}
