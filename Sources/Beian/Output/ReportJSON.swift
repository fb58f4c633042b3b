/// The JSON contract of `beian check --format json` (schema: Samples/schema/check.schema.json).
///
/// Field names and kind and issue codes are public: add fields, never rename or remove them.
public enum ReportJSON {
    /// The version of this JSON layout.
    public static let schemaVersion = 1

    /// One document's report.
    public static func value(of report: Report) -> JSONValue {
        .object([
            ("schema_version", .int(schemaVersion)),
            ("source", .string(report.source)),
            ("url", value(of: report.url)),
            ("format", .string(report.isHTML ? "html" : "text")),
            ("encoding", .string(report.encoding)),
            ("findings", .array(report.findings.map(value(of:)))),
            ("issues", .array(report.issues.map(value(of:)))),
            ("valid", .bool(report.isValid)),
        ])
    }

    /// The line printed for an input that could not be read.
    public static func value(ofError error: BeianError, source: String) -> JSONValue {
        .object([
            ("schema_version", .int(schemaVersion)),
            ("source", .string(source)),
            ("error", bilingual(error.message)),
        ])
    }

    /// A `beian scan --format jsonl` line for one finding: its type, the schema version and
    /// its source, then every field of the finding (schema: Samples/schema/scan.schema.json).
    /// `type` names the line, so the finding's phone type is `phone_type` here. `url` is the
    /// page's when it was fetched over HTTP (null otherwise).
    public static func line(finding: Finding, source: String, url: PageURL? = nil) -> JSONValue {
        guard case .object(let fields) = value(of: finding) else { return value(of: finding) }
        let renamed = fields.map { $0.0 == "type" ? ("phone_type", $0.1) : $0 }
        return .object([("type", .string("finding")), ("schema_version", .int(schemaVersion)), ("source", .string(source)),
                        ("url", value(of: url))] + renamed)
    }

    /// A `beian scan --format jsonl` line closing an input that has document-level issues.
    public static func line(documentOf source: String, encoding: String, issues: [Issue], valid: Bool,
                            url: PageURL? = nil) -> JSONValue {
        .object([
            ("type", .string("document")),
            ("schema_version", .int(schemaVersion)),
            ("source", .string(source)),
            ("url", value(of: url)),
            ("encoding", .string(encoding)),
            ("issues", .array(issues.map(value(of:)))),
            ("valid", .bool(valid)),
        ])
    }

    /// One finding, with every field present (null where it does not apply).
    public static func value(of finding: Finding) -> JSONValue {
        .object([
            ("kind", .string(finding.kind.rawValue)),
            ("raw", .string(finding.raw)),
            ("start", .int(finding.start)),
            ("end", .int(finding.end)),
            ("canonical", .string(finding.canonical)),
            ("number", .string(finding.number)),
            ("province", finding.province.map(value(of:)) ?? .null),
            ("valid", .bool(finding.isValid)),
            ("issues", .array(finding.issues.map(value(of:)))),
            ("names", bilingual(finding.kind.names)),
            ("site", JSONValue(finding.site)),
            ("foreign_invested", JSONValue(finding.foreignInvested)),
            ("division", JSONValue(finding.division)),
            ("category", JSONValue(finding.category)),
            ("year", JSONValue(finding.year)),
            ("area_code", JSONValue(finding.areaCode)),
            ("type", JSONValue(finding.phoneType?.rawValue)),
            ("extension", JSONValue(finding.phoneExtension)),
            ("display", bilingual(finding.display)),
            ("candidates", finding.candidates.map { .array($0.map(value(of:))) } ?? .null),
            ("division_name", finding.divisionDetails.map { bilingual($0.names) } ?? .null),
            ("business", JSONValue(finding.business)),
            ("authority", JSONValue(finding.authority)),
            ("date", JSONValue(finding.date)),
            ("context", .string(finding.context.rawValue)),
            ("attribute", JSONValue(finding.attribute)),
            ("line", JSONValue(finding.position?.line)),
            ("column", JSONValue(finding.position?.column)),
            ("end_line", JSONValue(finding.endPosition?.line)),
            ("end_column", JSONValue(finding.endPosition?.column)),
        ])
    }

    /// `beian explain --format json`: the input and one explanation per identifier found in it
    /// (schema: Samples/schema/explain.schema.json).
    public static func value(explaining input: String, _ explanations: [Explanation]) -> JSONValue {
        .object([
            ("schema_version", .int(schemaVersion)),
            ("input", .string(input)),
            ("explanations", .array(explanations.map(value(of:)))),
            ("valid", .bool(!explanations.isEmpty && explanations.allSatisfy(\.finding.isValid))),
        ])
    }

    /// One explanation: the kind, its issuer, each part with its meaning, the issues, and the
    /// whole finding as `check` reports it.
    public static func value(of explanation: Explanation) -> JSONValue {
        let finding = explanation.finding
        return .object([
            ("kind", .string(finding.kind.rawValue)),
            ("names", bilingual(finding.kind.names)),
            ("issuer", bilingual(explanation.issuer)),
            ("raw", .string(finding.raw)),
            ("canonical", .string(finding.canonical)),
            ("display", bilingual(finding.display)),
            ("valid", .bool(finding.isValid)),
            ("parts", .array(explanation.parts.map { part in
                .object([("name", bilingual(part.name)), ("value", .string(part.value)), ("meaning", bilingual(part.meaning))])
            })),
            ("issues", .array(finding.issues.map(value(of:)))),
            ("finding", value(of: finding)),
        ])
    }

    /// A fetched page's `{"requested", "final", "status"}`, or null for files and standard input.
    public static func value(of url: PageURL?) -> JSONValue {
        guard let url else { return .null }
        return .object([("requested", .string(url.requested)), ("final", .string(url.final)), ("status", .int(url.status))])
    }

    static func bilingual(_ text: Bilingual) -> JSONValue {
        .object([("zh", .string(text.zh)), ("en", .string(text.en))])
    }

    static func value(of province: Province) -> JSONValue {
        .object([
            ("code", .string(province.code)),
            ("abbr", .string(province.abbreviation)),
            ("zh", .string(province.zh)),
            ("en", .string(province.en)),
        ])
    }

    static func value(of issue: Issue) -> JSONValue {
        .object([
            ("code", .string(issue.code.rawValue)),
            ("severity", .string(issue.severity.rawValue)),
            ("zh", .string(issue.message.zh)),
            ("en", .string(issue.message.en)),
        ])
    }
}
