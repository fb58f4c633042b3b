import CBeianScan

/// A stretch of the input decoded for matching: HTML tags and white space folded into gaps,
/// character references decoded, and the text normalised as ICU's transliterator does
/// (full-width to ASCII, traditional to simplified: for windows from the table generated from
/// it, for the reference reading by ICU itself). Every scalar remembers the bytes of the input
/// it came from.
///
/// A gap is either soft (`" "`: spaces, inline tags) or hard (`"\n"`: line breaks, block tags).
/// Any gap may stand between the parts of an identifier (a province and its label, a label and
/// its number, a number and its 号 or suffix), as in HTML source that breaks and indents lines
/// ("京公网安备⏎    11010802027341⏎    号", "沪公网安备<br>31010102006431号"); inside a part (the
/// characters of a label, the digit groups of a number) only soft gaps may.
struct TextView {
    /// Soft gap: spaces, `&nbsp;`, ideographic spaces, inline tags.
    static let softGap: Unicode.Scalar = " "
    /// Hard gap: line breaks and block-level tags.
    static let hardGap: Unicode.Scalar = "\n"

    private(set) var scalars: [Unicode.Scalar] = []
    /// Byte offset in the input where each scalar's source starts.
    private(set) var starts: [Int] = []
    /// Byte offset in the input just past each scalar's source.
    private(set) var ends: [Int] = []
    /// Whether ICU was run on this view (false when the fast path sufficed).
    private(set) var usedTransliterator = false

    var count: Int { scalars.count }

    /// Decodes `range` of `bytes`. With `onlyChangeable`, ICU sees only the runs of scalars
    /// it may change (its source set), and a view without any skips ICU entirely; without it,
    /// the whole view goes through ICU (the reference path).
    init(bytes: UnsafeBufferPointer<UInt8>, range: Range<Int>, html: Bool,
         transliterator: Transliterator, onlyChangeable: Bool) {
        scalars.reserveCapacity(range.count)
        starts.reserveCapacity(range.count)
        ends.reserveCapacity(range.count)
        var index = range.lowerBound
        let limit = range.upperBound
        var needsICU = false
        var attributes: [Attribute] = []
        while index < limit {
            let byte = bytes[index]
            if html, byte == UInt8(ascii: "<") {
                if Self.opensComment(bytes, at: index, limit: limit) {
                    appendBoundary(start: index, end: index + 4)
                    index += 4
                    continue
                }
                if let tag = Self.tag(bytes, at: index, limit: limit) {
                    appendGap(tag.isBlock ? Self.hardGap : Self.softGap, start: index, end: index + tag.length)
                    Self.readableAttributes(bytes, in: index..<index + tag.length, into: &attributes)
                    index += tag.length
                    continue
                }
            }
            if html, byte == UInt8(ascii: "-"), Self.closesComment(bytes, at: index, limit: limit) {
                appendBoundary(start: index, end: index + 3)
                index += 3
                continue
            }
            needsICU = appendCharacter(bytes, at: &index, limit: limit, onlyChangeable: onlyChangeable,
                                       transliterator: transliterator) || needsICU
        }
        // Attribute values read as text of their own, after the page's text and apart from it.
        for attribute in attributes {
            appendBoundary(start: attribute.value.lowerBound, end: attribute.value.lowerBound)
            let first = count
            var cursor = attribute.value.lowerBound
            while cursor < attribute.value.upperBound {
                needsICU = appendCharacter(bytes, at: &cursor, limit: attribute.value.upperBound, onlyChangeable: onlyChangeable,
                                           transliterator: transliterator) || needsICU
            }
            attributeRuns.append((first..<count, attribute.name))
            appendBoundary(start: attribute.value.upperBound, end: attribute.value.upperBound)
        }
        if needsICU {
            if onlyChangeable { normaliseChangeableRuns(with: transliterator) } else { normalise(with: transliterator) }
        }
        foldDashes()
    }

    /// Appends the character (or reference) at `index` and moves past it; whether ICU must see it.
    private mutating func appendCharacter(_ bytes: UnsafeBufferPointer<UInt8>, at index: inout Int, limit: Int,
                                          onlyChangeable: Bool, transliterator: Transliterator) -> Bool {
        var scalar: Unicode.Scalar
        var length: Int
        if bytes[index] == UInt8(ascii: "&"), let entity = HTMLEntities.decode(bytes, at: index, limit: limit) {
            (scalar, length) = entity
        } else {
            (scalar, length) = decodeUTF8Scalar(bytes, at: index, limit: limit)
        }
        defer { index += length }
        if let gap = Self.gapKind(of: scalar) {
            appendGap(gap, start: index, end: index + length)
            return false
        }
        append(scalar, start: index, end: index + length)
        return scalar.value >= 0x80 && (!onlyChangeable || transliterator.changeable.contains(scalar))
    }

    /// Separates text that must not join: the inside of a comment from what surrounds it, an
    /// attribute value from the page's text. Neither a gap nor a character any label holds.
    static let boundary: Unicode.Scalar = "\u{FFFC}"

    /// Runs of the view read from attribute values (title, alt …), with the attribute's name.
    private(set) var attributeRuns: [(range: Range<Int>, name: String)] = []

    /// The attribute whose value holds the input byte `offset`, if the view read one there.
    func attribute(atByte offset: Int) -> String? {
        attributeRuns.first { run in
            !run.range.isEmpty && starts[run.range.lowerBound] <= offset && offset < ends[run.range.upperBound - 1]
        }?.name
    }

    // MARK: Building

    private mutating func append(_ scalar: Unicode.Scalar, start: Int, end: Int) {
        scalars.append(scalar)
        starts.append(start)
        ends.append(end)
    }

    private mutating func appendBoundary(start: Int, end: Int) {
        append(Self.boundary, start: start, end: end)
    }

    private mutating func appendGap(_ gap: Unicode.Scalar, start: Int, end: Int) {
        if let last = scalars.last, Self.isGap(last), ends[ends.count - 1] == start {
            ends[ends.count - 1] = end
            if gap == Self.hardGap { scalars[scalars.count - 1] = Self.hardGap }
            return
        }
        append(gap, start: start, end: end)
    }

    /// Runs ICU over the whole view at once; falls back to one scalar at a time when the
    /// transliteration changes the number of scalars, so that positions stay exact.
    private mutating func normalise(with transliterator: Transliterator) {
        usedTransliterator = true
        var text = String.UnicodeScalarView()
        text.append(contentsOf: scalars)
        let whole = Array(transliterator.apply(String(text)).unicodeScalars)
        if whole.count == scalars.count {
            scalars = whole
        } else {
            var cache: [Unicode.Scalar: [Unicode.Scalar]] = [:]
            var newScalars: [Unicode.Scalar] = [], newStarts: [Int] = [], newEnds: [Int] = []
            for (index, scalar) in scalars.enumerated() {
                var mapped = [scalar]
                if scalar.value >= 0x80 {
                    if let known = cache[scalar] {
                        mapped = known
                    } else {
                        mapped = Array(transliterator.apply(String(Character(scalar))).unicodeScalars)
                        if mapped.isEmpty { mapped = [scalar] }
                        cache[scalar] = mapped
                    }
                }
                for item in mapped {
                    newScalars.append(item)
                    newStarts.append(starts[index])
                    newEnds.append(ends[index])
                }
            }
            (scalars, starts, ends) = (newScalars, newStarts, newEnds)
        }
    }

    /// Runs ICU over each run of scalars it may change; a run whose length changes is mapped
    /// one scalar at a time, so that positions stay exact.
    private mutating func normaliseChangeableRuns(with transliterator: Transliterator) {
        usedTransliterator = true
        var newScalars: [Unicode.Scalar] = [], newStarts: [Int] = [], newEnds: [Int] = []
        newScalars.reserveCapacity(count)
        newStarts.reserveCapacity(count)
        newEnds.reserveCapacity(count)
        var index = 0
        while index < count {
            guard transliterator.changeable.contains(scalars[index]) else {
                newScalars.append(scalars[index])
                newStarts.append(starts[index])
                newEnds.append(ends[index])
                index += 1
                continue
            }
            var end = index + 1
            while end < count, transliterator.changeable.contains(scalars[end]) { end += 1 }
            let mapped = transliterator.apply(scalars[index..<end])
            if mapped.count == end - index {
                newScalars += mapped
                newStarts += starts[index..<end]
                newEnds += ends[index..<end]
            } else {
                for position in index..<end {
                    let one = transliterator.apply(scalars[position...position])
                    for scalar in one.isEmpty ? [scalars[position]] : one {
                        newScalars.append(scalar)
                        newStarts.append(starts[position])
                        newEnds.append(ends[position])
                    }
                }
            }
            index = end
        }
        (scalars, starts, ends) = (newScalars, newStarts, newEnds)
    }

    /// Folds the dash look-alikes footers use (`Labels.dashes`: ‐ ‑ ‒ – — − ﹣ －) into ASCII "-".
    private mutating func foldDashes() {
        let lowest = Self.lowestDash
        for index in scalars.indices where scalars[index].value >= lowest && Labels.dashes.contains(scalars[index]) {
            scalars[index] = "-"
        }
    }

    private static let lowestDash = Labels.dashes.map(\.value).min() ?? 0

    static func isGap(_ scalar: Unicode.Scalar) -> Bool { scalar == softGap || scalar == hardGap }

    private static func gapKind(of scalar: Unicode.Scalar) -> Unicode.Scalar? {
        switch scalar.value {
        case 0x0A, 0x0D, 0x0B, 0x0C, 0x2028, 0x2029: hardGap
        case 0x20, 0x09, 0xA0, 0x3000, 0x2000...0x200B, 0x202F, 0x205F, 0xFEFF: softGap
        default: nil
        }
    }

    // MARK: Tags

    /// Tags that end a line of text; identifiers never run across them.
    private static let blockTags: Set<String> = [
        "br", "p", "div", "li", "ul", "ol", "tr", "td", "th", "table", "tbody", "thead", "h1", "h2", "h3", "h4",
        "h5", "h6", "footer", "header", "section", "article", "nav", "aside", "hr", "dd", "dt", "dl", "main",
        "body", "html", "head", "title", "script", "style", "form", "blockquote", "pre", "address", "figure",
    ]

    /// Whether "<!--" stands at `index`: a comment opens, whose inside is read as text.
    static func opensComment(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int, limit: Int) -> Bool {
        index + 3 < limit && bytes[index] == UInt8(ascii: "<") && bytes[index + 1] == UInt8(ascii: "!")
            && bytes[index + 2] == UInt8(ascii: "-") && bytes[index + 3] == UInt8(ascii: "-")
    }

    /// Whether "-->" stands at `index`: a comment closes.
    static func closesComment(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int, limit: Int) -> Bool {
        index + 2 < limit && bytes[index] == UInt8(ascii: "-") && bytes[index + 1] == UInt8(ascii: "-")
            && bytes[index + 2] == UInt8(ascii: ">")
    }

    /// An attribute value the page shows people (a tooltip, an image's text): its bytes and name.
    struct Attribute {
        var value: Range<Int>
        var name: String
    }

    /// Attributes whose values people read: tooltips, image text, labels, meta content.
    /// Others (href, src, class …) hold URLs and names, whose digits are no registration.
    static let readableAttributeNames: [String] = [
        "title", "alt", "content", "value", "placeholder", "aria-label", "label", "summary",
        "data-title", "data-original-title", "data-content", "data-tooltip", "data-tip",
    ]
    private static let readableAttributeBytes: [[UInt8]] = readableAttributeNames.map { Array($0.utf8) }

    /// The readable attribute named by `range` of `bytes` (any case), compared byte by byte
    /// so that the many other attributes of a page cost no string.
    private static func readableAttributeName(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> String? {
        for (index, name) in readableAttributeBytes.enumerated() where name.count == range.count {
            var same = true
            for (offset, byte) in name.enumerated() where bytes[range.lowerBound + offset] | 0x20 != byte | 0x20 {
                same = false
                break
            }
            if same { return readableAttributeNames[index] }
        }
        return nil
    }

    /// Appends the readable attribute values of the start tag in `range` to `attributes`.
    static func readableAttributes(_ bytes: UnsafeBufferPointer<UInt8>, in range: Range<Int>, into attributes: inout [Attribute]) {
        var cursor = range.lowerBound + 1
        let end = range.upperBound
        guard cursor < end, isASCIILetter(bytes[cursor]) else { return }
        while cursor < end, !isSpace(bytes[cursor]), bytes[cursor] != UInt8(ascii: ">"), bytes[cursor] != UInt8(ascii: "/") { cursor += 1 }
        while cursor < end {
            while cursor < end, isSpace(bytes[cursor]) || bytes[cursor] == UInt8(ascii: "/") { cursor += 1 }
            let nameStart = cursor
            while cursor < end, isAttributeNameByte(bytes[cursor]) { cursor += 1 }
            guard cursor > nameStart else { return }
            let nameEnd = cursor
            while cursor < end, isSpace(bytes[cursor]) { cursor += 1 }
            guard cursor < end, bytes[cursor] == UInt8(ascii: "=") else { continue }
            cursor += 1
            while cursor < end, isSpace(bytes[cursor]) { cursor += 1 }
            guard cursor < end else { return }
            var value: Range<Int>
            let quote = bytes[cursor]
            if quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") {
                var close = cursor + 1
                while close < end, bytes[close] != quote { close += 1 }
                value = cursor + 1..<close
                cursor = min(close + 1, end)
            } else {
                var close = cursor
                while close < end, !isSpace(bytes[close]), bytes[close] != UInt8(ascii: ">") { close += 1 }
                value = cursor..<close
                cursor = close
            }
            guard !value.isEmpty, let name = readableAttributeName(bytes, nameStart..<nameEnd) else { continue }
            attributes.append(Attribute(value: value, name: name))
        }
    }

    private static func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || (byte >= 0x09 && byte <= 0x0D) }

    private static func isAttributeNameByte(_ byte: UInt8) -> Bool {
        isASCIIAlphanumeric(byte) || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "_") || byte == UInt8(ascii: ":")
    }

    /// The tag starting at `index`: its length in bytes and whether it breaks lines.
    /// Nil when the "<" starts no tag, or the tag does not end before `limit` (it is then text).
    static func tag(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int, limit: Int) -> (length: Int, isBlock: Bool)? {
        guard index + 1 < limit else { return nil }
        let next = bytes[index + 1]
        guard isASCIILetter(next) || next == UInt8(ascii: "/") || next == UInt8(ascii: "!") || next == UInt8(ascii: "?") else {
            return nil
        }
        // "<!--" opens a comment, whose inside is read as text (`opensComment`); not a tag.
        if opensComment(bytes, at: index, limit: limit) { return nil }
        let maxEnd = min(limit, index + maxTagLength)
        var cursor = index + 1
        var quote: UInt8 = 0
        while cursor < maxEnd {
            let byte = bytes[cursor]
            if quote != 0 {
                if byte == quote { quote = 0 }
            } else if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
                quote = byte
            } else if byte == UInt8(ascii: ">") {
                return (cursor + 1 - index, isBlockTag(bytes, from: index + 1, limit: cursor))
            }
            cursor += 1
        }
        // Cut off by the end of the decoded range: the tag runs to its end.
        return maxEnd == limit && limit - index < maxTagLength ? (limit - index, false) : nil
    }

    /// Longest tag Beian skips; a longer one is read as text (BEIAN_MAX_TAG, shared with the byte scanner).
    static let maxTagLength = Int(BEIAN_MAX_TAG)

    private static func isBlockTag(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, limit: Int) -> Bool {
        var cursor = start
        if cursor < limit, bytes[cursor] == UInt8(ascii: "/") { cursor += 1 }
        var name = ""
        while cursor < limit, isASCIIAlphanumeric(bytes[cursor]), name.utf8.count < 12 {
            name.unicodeScalars.append(Unicode.Scalar(bytes[cursor] | 0x20))
            cursor += 1
        }
        return blockTags.contains(name)
    }

    // MARK: Reading

    subscript(index: Int) -> Unicode.Scalar { scalars[index] }

    func isGap(at index: Int) -> Bool { Self.isGap(scalars[index]) }

    /// The first index at or after `index` that is not a gap (soft or hard): the step between
    /// the parts of an identifier.
    func skipGaps(from index: Int) -> Int {
        var cursor = index
        while cursor < count, Self.isGap(scalars[cursor]) {
            cursor += 1
        }
        return cursor
    }

    /// The first index at or after `index` that is not a soft gap: the step inside a part
    /// (between the digit groups of a number, the characters of a label).
    func skipSoftGaps(from index: Int) -> Int {
        var cursor = index
        while cursor < count, scalars[cursor] == Self.softGap {
            cursor += 1
        }
        return cursor
    }

    /// The last index before `index` that is not a gap, or nil.
    func previousNonGap(before index: Int) -> Int? {
        var cursor = index - 1
        while cursor >= 0, Self.isGap(scalars[cursor]) { cursor -= 1 }
        return cursor >= 0 ? cursor : nil
    }

    /// If `literal` stands at `index` (ASCII letters compared without case; soft gaps allowed
    /// between its scalars when `gapsInside`), the index just past it.
    func match(_ literal: [Unicode.Scalar], at index: Int, gapsInside: Bool = false) -> Int? {
        var cursor = index
        for (offset, expected) in literal.enumerated() {
            if offset > 0, gapsInside { cursor = skipSoftGaps(from: cursor) }
            guard cursor >= 0, cursor < count, Self.equalFoldingCase(scalars[cursor], expected) else { return nil }
            cursor += 1
        }
        return cursor
    }

    /// The first of `literals` that stands at `index`, with the index past it.
    func matchAny(_ literals: [[Unicode.Scalar]], at index: Int, gapsInside: Bool = false) -> (literal: Int, end: Int)? {
        for (number, literal) in literals.enumerated() {
            if let end = match(literal, at: index, gapsInside: gapsInside) { return (number, end) }
        }
        return nil
    }

    @inline(__always) static func equalFoldingCase(_ a: Unicode.Scalar, _ b: Unicode.Scalar) -> Bool {
        if a == b { return true }
        guard a.isASCII, b.isASCII else { return false }
        let x = UInt8(a.value), y = UInt8(b.value)
        return isASCIILetter(x) && x | 0x20 == y | 0x20
    }

    func isDigit(_ index: Int) -> Bool {
        index >= 0 && index < count && scalars[index].value >= 0x30 && scalars[index].value <= 0x39
    }

    func isASCIILetterScalar(_ index: Int) -> Bool {
        index >= 0 && index < count && scalars[index].isASCII && isASCIILetter(UInt8(scalars[index].value))
    }

    /// Whether the scalar at `index` is a CJK ideograph (a possible province abbreviation).
    func isIdeograph(_ index: Int) -> Bool {
        guard index >= 0, index < count else { return false }
        switch scalars[index].value {
        case 0x4E00...0x9FFF, 0x3400...0x4DBF, 0xF900...0xFAFF, 0x20000...0x2FFFF: return true
        default: return false
        }
    }

    /// The normalised text of `range` (gaps dropped).
    func text(_ range: Range<Int>) -> String {
        var result = String.UnicodeScalarView()
        for index in range where !isGap(at: index) { result.append(scalars[index]) }
        return String(result)
    }
}
