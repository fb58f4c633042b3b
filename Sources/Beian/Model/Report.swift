/// The result of checking one document: its findings and the document-level issues.
public struct Report: Sendable, Hashable {
    /// Where the document came from: a path, or "-" for standard input.
    public let source: String
    /// Findings in input order.
    public let findings: [Finding]
    /// Issues about the document as a whole (province_inconsistent, missing_required …).
    public let issues: [Issue]
    /// Whether the document was read as HTML.
    public let isHTML: Bool
    /// The character encoding the document was read in: "UTF-8", "GB18030", "Big5", …
    public let encoding: String
    /// For a page fetched over HTTP, the URL requested, the final URL and the status; nil for
    /// files and standard input. Set by whoever fetched the page (`BeianScanner` never fetches).
    public var url: PageURL?
    /// For a page read from a crawl file (WARC, JSON lines), the record it came from; nil for
    /// plain inputs. Set by whoever read the record.
    public var record: RecordOrigin?

    /// True when neither the document nor any finding has an error.
    public var isValid: Bool { !issues.containsError && findings.withUnsafeBufferPointer { $0.allSatisfy(\.isValid) } }

    /// A report of one document; `isValid` is computed from the findings and issues.
    public init(source: String, findings: [Finding], issues: [Issue], isHTML: Bool, encoding: String = "UTF-8",
                url: PageURL? = nil) {
        self.source = source
        // What virtual registries print is no finding (the issues say what the page shows).
        self.findings = findings.filter { $0.virtualRegistry == nil }
        self.issues = issues
        self.isHTML = isHTML
        self.encoding = encoding
        self.url = url
    }
}
