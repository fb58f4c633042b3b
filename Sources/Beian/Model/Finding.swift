/// One registration or licence string found in a document, normalised and validated.
///
/// Positions are byte offsets in the original input (not characters), half-open.
/// Fields that do not apply to the finding's kind are nil.
public struct Finding: Sendable, Hashable {
    public let kind: Kind
    /// The identifier exactly as in the input, labels excluded.
    public let raw: String
    /// Byte offset of `raw`'s first byte in the input.
    public internal(set) var start: Int
    /// Byte offset just past `raw`'s last byte in the input.
    public internal(set) var end: Int
    /// Line and column of `raw`'s first character (see `TextPosition`); nil only for findings
    /// not placed in a whole document (`BeianScanner.findings(in:isHTML:)` places them too).
    public internal(set) var position: TextPosition?
    /// Line and column just past `raw`'s last character (exclusive, as SARIF's `endColumn`).
    public internal(set) var endPosition: TextPosition?
    /// The normalised form in the standard layout, e.g. 粤ICP备11018438号 or +86 23 6715 8993.
    public let canonical: String
    /// The kind's number: ICP entity digits, licence "B2-20090059", E.164 phone number …
    public let number: String
    /// The province the identifier names, if any.
    public let province: Province?
    public internal(set) var issues: [Issue]

    /// Where the finding stands: text, an attribute value, a comment or a script.
    public internal(set) var context: FindingContext = .text
    /// For `context == .attribute`, the attribute's name in lower case (`title`, `alt` …).
    public internal(set) var attribute: String?
    /// Set on what a joke or virtual registry prints in an ICP filing's shape (萌ICP备…号):
    /// the text shown. Such findings never reach a report; the document gets
    /// `virtual_registry` instead.
    var virtualRegistry: String?
    /// The fields only some kinds have, out of line: a finding is copied several times on its
    /// way out, and one reference copies faster than a dozen optionals (nil when all are nil).
    private let details: DetailsBox?

    /// True when the finding has no error-severity issue. Says nothing of whether a registry
    /// holds the number: Beian checks form and consistency only.
    public var isValid: Bool { !issues.containsError }

    /// The byte range of `raw` in the input.
    public var byteRange: Range<Int> { start..<end }

    init(kind: Kind, raw: String, start: Int, end: Int, canonical: String, number: String,
         province: Province?, issues: [Issue], site: String? = nil, foreignInvested: Bool? = nil,
         division: String? = nil, category: Int? = nil, year: Int? = nil, areaCode: String? = nil,
         phoneType: PhoneType? = nil, phoneExtension: String? = nil, business: String? = nil,
         authority: String? = nil, date: String? = nil, candidates: [Province]? = nil) {
        self.kind = kind
        self.raw = raw
        self.start = start
        self.end = end
        self.canonical = canonical
        self.number = number
        self.province = province
        self.issues = issues
        let details = Details(site: site, foreignInvested: foreignInvested, division: division, category: category,
                              year: year, areaCode: areaCode, phoneType: phoneType, phoneExtension: phoneExtension,
                              business: business, authority: authority, date: date, candidates: candidates)
        self.details = details == Details() ? nil : DetailsBox(value: details)
    }

    /// The division that `division` names, with its full name in both languages.
    public var divisionDetails: Division? { division.flatMap { Division(code: $0) } }

    /// ICP filings and licences, telecom licences: the site index after the dash ("2", "1A").
    public var site: String? { details?.value.site }
    /// Telecom licences: true for 合字 (foreign-invested) licences.
    public var foreignInvested: Bool? { details?.value.foreignInvested }
    /// The six-digit GB/T 2260 division code: public security filings, USCCs (characters 3–8),
    /// algorithm filings.
    public var division: String? { details?.value.division }
    /// News licences: the category digit (1 or 2).
    public var category: Int? { details?.value.category }
    /// The year of issue or filing: news, culture, drug and religious licences, generative-AI
    /// filings (from the date).
    public var year: Int? { details?.value.year }
    /// Hotlines: the area code without the trunk 0 ("23").
    public var areaCode: String? { details?.value.areaCode }
    /// Hotlines: the number's type.
    public var phoneType: PhoneType? { details?.value.phoneType }
    /// Hotlines: the extension, if any.
    public var phoneExtension: String? { details?.value.phoneExtension }
    /// Drug information certificates: 经营性 (commercial) or 非经营性 (non-commercial).
    public var business: String? { details?.value.business }
    /// Network publishing licences: the issuing administration's mark, 总 or 署.
    public var authority: String? { details?.value.authority }
    /// Generative-AI filings: the filing date, "2023-08-21".
    public var date: String? { details?.value.date }
    /// When a pinyin abbreviation fits two provinces (Jin: 津 or 晋), both; `province` is nil.
    public var candidates: [Province]? { details?.value.candidates }

    /// The kind-specific fields (see their computed properties above).
    struct Details: Hashable, Sendable {
        var site: String? = nil
        var foreignInvested: Bool? = nil
        var division: String? = nil
        var category: Int? = nil
        var year: Int? = nil
        var areaCode: String? = nil
        var phoneType: PhoneType? = nil
        var phoneExtension: String? = nil
        var business: String? = nil
        var authority: String? = nil
        var date: String? = nil
        var candidates: [Province]? = nil
    }

    /// `Details` behind one reference, compared by value.
    final class DetailsBox: Hashable, Sendable {
        let value: Details
        init(value: Details) { self.value = value }
        static func == (lhs: DetailsBox, rhs: DetailsBox) -> Bool { lhs.value == rhs.value }
        func hash(into hasher: inout Hasher) { hasher.combine(value) }
    }

    func adding(_ extra: [Issue]) -> Finding {
        var copy = self
        copy.issues += extra
        return copy
    }
}
