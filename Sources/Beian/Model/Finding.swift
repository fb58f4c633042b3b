/// One registration or licence string found in a document, normalised and validated.
///
/// Positions are byte offsets in the original input (not characters), half-open.
/// Fields that do not apply to the finding's kind are nil.
public struct Finding: Sendable, Hashable, CustomReflectable {
    /// The finding's values, behind one reference: a finding is copied on its way to a report
    /// (into lists, across threads, out of arrays), and a copy then retains one object instead
    /// of each of its strings and lists. Copy on write: setters copy a shared box first.
    private var storage: Storage

    /// What the identifier is.
    public var kind: Kind { storage.values.kind }
    /// The identifier exactly as in the input, labels excluded.
    public internal(set) var raw: String {
        get { storage.values.raw }
        set { update { $0.raw = newValue } }
    }
    /// Byte offset of `raw`'s first byte in the input.
    public internal(set) var start: Int {
        get { storage.values.start }
        set { update { $0.start = newValue } }
    }
    /// Byte offset just past `raw`'s last byte in the input.
    public internal(set) var end: Int {
        get { storage.values.end }
        set { update { $0.end = newValue } }
    }
    /// Line and column of `raw`'s first character (see `TextPosition`); nil only for findings
    /// not placed in a whole document (`BeianScanner.findings(in:isHTML:)` places them too).
    public internal(set) var position: TextPosition? {
        get { storage.values.position }
        set { update { $0.position = newValue } }
    }
    /// Line and column just past `raw`'s last character (exclusive, as SARIF's `endColumn`).
    public internal(set) var endPosition: TextPosition? {
        get { storage.values.endPosition }
        set { update { $0.endPosition = newValue } }
    }
    /// The normalised form in the standard layout, e.g. 粤ICP备11018438号 or +86 23 6715 8993.
    public var canonical: String { storage.values.canonical }
    /// The kind's number: ICP entity digits, licence "B2-20090059", E.164 phone number …
    public var number: String { storage.values.number }
    /// The province the identifier names, if any.
    public var province: Province? { storage.values.province }
    /// What is wrong with the identifier, in the order found (empty when nothing is).
    public internal(set) var issues: [Issue] {
        get { storage.values.issues }
        set { update { $0.issues = newValue } }
    }

    /// Where the finding stands: text, an attribute value, a comment or a script.
    public internal(set) var context: FindingContext {
        get { storage.values.context }
        set { update { $0.context = newValue } }
    }
    /// For `context == .attribute`, the attribute's name in lower case (`title`, `alt` …).
    public internal(set) var attribute: String? {
        get { storage.values.attribute }
        set { update { $0.attribute = newValue } }
    }
    /// Set on what a joke or virtual registry prints in an ICP filing's shape (萌ICP备…号):
    /// the text shown. Such findings never reach a report; the document gets
    /// `virtual_registry` instead.
    var virtualRegistry: String? {
        get { storage.values.virtualRegistry }
        set { update { $0.virtualRegistry = newValue } }
    }

    /// The value found: a case per kind, holding the kind's format type with its typed parts.
    /// The flat fields below (`site`, `division` …) are read from it.
    public var details: FindingDetails { storage.values.details }

    /// A finding of `value`, read from `source`, with its issues (the value's own and the text's).
    init<Value: FindingValue>(_ value: Value, source: (raw: String, start: Int, end: Int), issues: [Issue]) {
        storage = Storage(Values(kind: Value.kind, raw: source.raw, start: source.start, end: source.end,
                                 canonical: value.canonical(reusing: source.raw), number: value.number,
                                 province: value.province, issues: issues, details: value.findingDetails))
    }

    /// Changes the values, first copying them when another finding shares them.
    private mutating func update(_ change: (inout Values) -> Void) {
        if !isKnownUniquelyReferenced(&storage) { storage = Storage(storage.values) }
        change(&storage.values)
    }

    public static func == (lhs: Finding, rhs: Finding) -> Bool {
        lhs.storage === rhs.storage || lhs.storage.values == rhs.storage.values
    }

    public func hash(into hasher: inout Hasher) { storage.values.hash(into: &hasher) }

    /// Shows the values (`print`, `dump`, test failures), not the box they are kept in.
    public var customMirror: Mirror { Mirror(self, children: Mirror(reflecting: storage.values).children, displayStyle: .struct) }

    /// What a finding holds (see the properties of the same names).
    private struct Values: Hashable, Sendable {
        let kind: Kind
        var raw: String
        var start: Int
        var end: Int
        var position: TextPosition?
        var endPosition: TextPosition?
        let canonical: String
        let number: String
        let province: Province?
        var issues: [Issue]
        var context: FindingContext = .text
        var attribute: String?
        var virtualRegistry: String?
        let details: FindingDetails
    }

    /// The box of a finding's values. Only a finding that holds the sole reference changes it.
    private final class Storage: @unchecked Sendable {
        @exclusivity(unchecked) var values: Values
        init(_ values: Values) { self.values = values }
    }

    /// True when the finding has no error-severity issue. Says nothing of whether a registry
    /// holds the number: Beian checks form and consistency only.
    public var isValid: Bool { !issues.containsError }

    /// The byte range of `raw` in the input.
    public var byteRange: Range<Int> { start..<end }

    /// The division that `division` names, with its full name in both languages.
    public var divisionDetails: Division? {
        if case .publicSecurityFiling(let value) = details { return value.namedDivision }
        return division.flatMap { Division(code: $0) }
    }

    /// ICP filings and licences, telecom licences: the site index after the dash ("2", "1A").
    public var site: String? {
        switch details {
        case .icpFiling(let value): value.site
        case .icpLicence(let value): value.site
        case .telecomLicence(let value): value.site
        default: nil
        }
    }
    /// Telecom licences: true for 合字 (foreign-invested) licences.
    public var foreignInvested: Bool? {
        if case .telecomLicence(let value) = details { return value.foreignInvested }
        return nil
    }
    /// The six-digit GB/T 2260 division code: public security filings, USCCs (characters 3–8),
    /// algorithm filings.
    public var division: String? {
        switch details {
        case .publicSecurityFiling(let value): value.division
        case .uscc(let value): value.division
        case .algorithmFiling(let value): value.division
        default: nil
        }
    }
    /// News licences: the category digit (1 or 2).
    public var category: Int? {
        if case .newsLicence(let value) = details { return value.category }
        return nil
    }
    /// The year of issue or filing: news, culture, drug and religious licences, generative-AI
    /// filings (from the date).
    public var year: Int? {
        switch details {
        case .newsLicence(let value): value.year
        case .cultureLicence(let value): value.year
        case .drugInfoCertificate(let value): value.year
        case .religiousInfoLicence(let value): value.year
        case .genaiFiling(let value): value.year
        default: nil
        }
    }
    /// Hotlines: the area code without the trunk 0 ("23").
    public var areaCode: String? {
        if case .hotline(let value) = details { return value.areaCode }
        return nil
    }
    /// Hotlines: the number's type.
    public var phoneType: PhoneType? {
        if case .hotline(let value) = details { return value.type }
        return nil
    }
    /// Hotlines: the extension, if any.
    public var phoneExtension: String? {
        if case .hotline(let value) = details { return value.phoneExtension }
        return nil
    }
    /// Drug information certificates: 经营性 (commercial) or 非经营性 (non-commercial).
    public var business: String? {
        if case .drugInfoCertificate(let value) = details { return value.business }
        return nil
    }
    /// Network publishing licences: the issuing administration's mark, 总 or 署.
    public var authority: String? {
        if case .publishingLicence(let value) = details { return value.authority }
        return nil
    }
    /// Generative-AI filings: the filing date, "2023-08-21".
    public var date: String? {
        if case .genaiFiling(let value) = details { return value.date }
        return nil
    }
    /// When a pinyin abbreviation fits two provinces (Jin: 津 or 晋), both; `province` is nil.
    public var candidates: [Province]? {
        switch details {
        case .icpFiling(let value): value.candidates
        case .icpLicence(let value): value.candidates
        default: nil
        }
    }

    func adding(_ extra: [Issue]) -> Finding {
        var copy = self
        copy.issues += extra
        return copy
    }
}
