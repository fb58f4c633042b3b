/// One registration or licence format as a value: its parts as typed properties, its own
/// validation, its canonical form, its rendering and its explanation.
///
/// Each kind has one conforming type (``ICPFiling``, ``USCC`` …). Recognisers find the text and
/// build the value; ``Finding/details`` carries it.
///
/// ```swift
/// let code = USCC(parsing: "91350211M0000XUF46")
/// code?.issues(referenceYear: 2026).map(\.code)   // [.badCheckCharacter]
/// ```
public protocol BeianFormat: Sendable, Hashable {
    /// The kind this format is.
    static var kind: Kind { get }
    /// Reads a bare or labelled string holding one identifier of this kind and nothing else
    /// ("91350211M0000XUF46", "统一社会信用代码：91350211M0000XUF46"); nil when it holds none, or more.
    init?(parsing string: String)
    /// The normalised form in the standard layout, e.g. 粤ICP备11018438号.
    var canonical: String { get }
    /// The kind's number, as ``Finding/number`` reports it.
    var number: String { get }
    /// The province the identifier names, if any.
    var province: Province? { get }
    /// The problems of the value itself (length, years, divisions, check characters …), in
    /// the order a finding reports them; problems of the text around it (a misspelt label)
    /// are the recogniser's.
    /// - Parameter referenceYear: the year that counts as "now" for year checks.
    func issues(referenceYear: Int) -> [Issue]
    /// The English rendering: "Chongqing ICP Filing No. 20009753-2" (``display``'s `en`).
    var englishDisplay: String { get }
    /// The identifier's parts in reading order, with what each one means (`beian explain`).
    var parts: [Explanation.Part] { get }
}

extension BeianFormat {
    /// The identifier in each language: the canonical Chinese form and the English rendering.
    public var display: Bilingual { Bilingual(zh: canonical, en: englishDisplay) }

    /// Reads the string with the recognisers (see ``Kind/parse(_:using:)``).
    public init?(parsing string: String) {
        guard let value = Self.kind.parse(string)?.details.format as? Self else { return nil }
        self = value
    }
}

extension Kind {
    /// Reads a string as one identifier of this kind: bare ("91350211M0000XUF46",
    /// "11010802020088") or with its label ("统一社会信用代码：…"). The recognisers read it, with
    /// the kind's label put before a bare value; exactly one finding of this kind must end where
    /// the string ends, and nothing else may be found.
    /// - Parameters:
    ///   - string: the value, surrounding white space ignored.
    ///   - scanner: the scanner to read with (its reference year dates the issues); nil uses
    ///     one shared scanner, and nil comes back when ICU is missing.
    /// - Returns: the finding, with its issues; nil when the string is not one identifier of this kind.
    /// Offsets, `raw` and positions are those of `string`, as `check(string)` would give them.
    public func parse(_ string: String, using scanner: BeianScanner? = nil) -> Finding? {
        guard let scanner = scanner ?? BeianScanner.shared else { return nil }
        let (trimmed, leading) = string.trimmingWhiteSpaceWithOffset
        guard !trimmed.isEmpty else { return nil }
        let valueEnd = leading + trimmed.utf8.count
        if let finding = scanner.check(string).findings.only, finding.kind == self, finding.end == valueEnd {
            return finding
        }
        guard !bareLabel.isEmpty else { return nil }
        // The value with its label: the finding must be the value, from its first byte to its last.
        let text = bareLabel + trimmed
        guard var finding = scanner.check(text).findings.only, finding.kind == self,
              finding.start <= bareLabel.utf8.count, finding.end == text.utf8.count else { return nil }
        finding.start = leading
        finding.end = valueEnd
        finding.raw = trimmed
        var placed = [finding]
        Array(string.utf8).withUnsafeBufferPointer { PositionCounter.place(&placed, in: $0) }
        return placed[0]
    }

    /// The label put before a bare value so that the recognisers read it as this kind; empty
    /// for kinds found by their shape alone.
    var bareLabel: String {
        switch self {
        case .icpFiling: "ICP备"
        case .icpLicence: "ICP证"
        case .publicSecurityFiling: "公网安备"
        case .newsLicence: "互联网新闻信息服务许可证："
        case .hotline: "举报电话："
        case .uscc: "统一社会信用代码："
        case .audiovisualLicence: "信息网络传播视听节目许可证："
        case .religiousInfoLicence: "互联网宗教信息服务许可证："
        case .algorithmFiling: "网信算备"
        case .telecomLicence, .cultureLicence, .broadcastLicence, .publishingLicence, .drugInfoCertificate, .genaiFiling: ""
        }
    }
}

extension BeianScanner {
    /// One scanner for ``Kind/parse(_:using:)`` and ``BeianFormat/init(parsing:)``; nil when ICU is missing.
    static let shared: BeianScanner? = try? BeianScanner()

    /// Issues that say a bare value is not of the kind tried: the wrong length, no valid phone
    /// number, or no plausible year where the kind's digits hold one.
    static let misfits: Set<IssueCode> = [.invalidLength, .invalidPhoneNumber, .implausibleYear]

    /// What a bare value may be, for `beian explain VALUE` when nothing is found in it as in a
    /// document: for an 18-character code, a USCC; for a run of digits, each kind that reads it
    /// with its label and without a misfit: a wrong length, no valid phone number, or an
    /// implausible year (11–14 digits may be a news licence, a public security filing or a
    /// phone number).
    /// - Parameter value: the value, surrounding white space ignored; a trailing 号 is allowed.
    /// - Returns: one finding per kind that fits, in kind order; none when the shape fits none.
    public func readings(ofBareValue value: String) -> [Finding] {
        let trimmed = value.trimmingWhiteSpace
        var shape = trimmed
        if shape.hasSuffix("号") { shape.removeLast() }
        let alphanumeric = !shape.isEmpty && shape.utf8.allSatisfy { isASCIIAlphanumeric($0) }
        let kinds: [Kind]
        if alphanumeric, shape.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) {
            kinds = Kind.allCases.filter { !$0.bareLabel.isEmpty && $0 != .uscc }
        } else if alphanumeric, shape.utf8.count == 18 {
            kinds = [.uscc]
        } else {
            kinds = []
        }
        return kinds.compactMap { kind in
            guard let finding = kind.parse(value, using: self),
                  !finding.issues.contains(where: { Self.misfits.contains($0.code) }) else { return nil }
            return finding
        }
    }
}

extension Array {
    /// The only element, or nil when there is none or more than one.
    var only: Element? { count == 1 ? first : nil }
}

extension String {
    /// The string without white space (and no-break spaces) at either end.
    var trimmingWhiteSpace: String { trimmingWhiteSpaceWithOffset.text }

    /// The string without white space at either end, and how many UTF-8 bytes were cut before it.
    var trimmingWhiteSpaceWithOffset: (text: String, leading: Int) {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
              let last = scalars.lastIndex(where: { !$0.properties.isWhitespace }) else { return ("", 0) }
        return (String(scalars[first...last]), utf8.distance(from: startIndex, to: first))
    }
}
