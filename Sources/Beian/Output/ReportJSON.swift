/// The JSON contract of `beian check --format json` (schema: Samples/schema/check.schema.json).
///
/// Field names and kind and issue codes are public: add fields, never rename or remove them.
public enum ReportJSON {
    /// The version of this JSON layout.
    public static let schemaVersion = 1

    /// One document's report.
    public static func value(of report: Report) -> JSONValue {
        JSONTreeBuilder.build { write(report: report, to: &$0) }
    }

    /// Writes one document's report (the same bytes as `value(of:).serialized()`).
    public static func write(report: Report, to writer: JSONWriter) {
        var sink = writer
        write(report: report, to: &sink)
    }

    /// A `beian serve` response: the request's `id` (null when it had none), then the report's
    /// fields.
    package static func write(report: Report, id: String?, to writer: JSONWriter) {
        var sink = writer
        write(report: report, id: .some(id), to: &sink)
    }

    /// A `beian serve` response to a bad request: `{"id", "error": {"zh", "en"}}`.
    package static func writeError(_ message: Bilingual, id: String?, to writer: JSONWriter) {
        var sink = writer
        sink.beginObject()
        sink.key("id"); sink.string(id)
        sink.key("error"); write(bilingual: message, to: &sink)
        sink.endObject()
    }

    static func write<Sink: JSONSink>(report: Report, id: String?? = nil, to sink: inout Sink) {
        writeReportHead(source: report.source, url: report.url, record: report.record, isHTML: report.isHTML,
                        encoding: report.encoding, id: id, to: &sink)
        for finding in report.findings { write(finding: finding, to: &sink) }
        writeReportTail(issues: report.issues, valid: report.isValid, to: &sink)
    }

    /// The start of a report, up to and including the `[` of `findings`: a report streamed as
    /// it is checked writes this, then each finding (`write(finding:to:)`; the writer puts the
    /// commas), then `writeReportTail`. Between parts, the bytes may be written out
    /// (`JSONWriter.removeWritten()`).
    package static func writeReportHead(source: String, url: PageURL?, record: RecordOrigin? = nil, isHTML: Bool, encoding: String,
                                       to writer: JSONWriter) {
        var sink = writer
        writeReportHead(source: source, url: url, record: record, isHTML: isHTML, encoding: encoding, to: &sink)
    }

    /// The end of a streamed report: closes `findings`, then `issues` and `valid`.
    package static func writeReportTail(issues: [Issue], valid: Bool, to writer: JSONWriter) {
        var sink = writer
        writeReportTail(issues: issues, valid: valid, to: &sink)
    }

    private static func writeReportHead<Sink: JSONSink>(source: String, url: PageURL?, record: RecordOrigin?, isHTML: Bool,
                                                        encoding: String, id: String?? = nil, to sink: inout Sink) {
        sink.beginObject()
        if let id {
            sink.key("id"); sink.string(id)
        }
        sink.key("schema_version"); sink.int(schemaVersion)
        sink.key("source"); sink.string(source)
        sink.key("url"); write(url: url, to: &sink)
        sink.key("record"); write(record: record, to: &sink)
        sink.key("format"); sink.string(isHTML ? "html" : "text")
        sink.key("encoding"); sink.string(encoding)
        sink.key("findings"); sink.beginArray()
    }

    private static func writeReportTail<Sink: JSONSink>(issues: [Issue], valid: Bool, to sink: inout Sink) {
        sink.endArray()
        sink.key("issues"); write(issues: issues, to: &sink)
        sink.key("valid"); sink.bool(valid)
        sink.endObject()
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
    public static func line(finding: Finding, source: String, url: PageURL? = nil, record: RecordOrigin? = nil) -> JSONValue {
        JSONTreeBuilder.build { write(line: finding, source: source, url: url, record: record, to: &$0) }
    }

    /// Writes `line(finding:source:url:)`'s bytes, without a line break.
    public static func writeLine(finding: Finding, source: String, url: PageURL? = nil, record: RecordOrigin? = nil,
                                 to writer: JSONWriter) {
        var sink = writer
        write(line: finding, source: source, url: url, record: record, to: &sink)
    }

    static func write<Sink: JSONSink>(line finding: Finding, source: String, url: PageURL?, record: RecordOrigin?,
                                      to sink: inout Sink) {
        writeLineHead(type: "finding", source: source, url: url, record: record, to: &sink)
        writeFields(of: finding, phoneTypeKey: "phone_type", to: &sink)
        sink.endObject()
    }

    /// The members every scan line starts with: its type, the schema version, where it came from.
    private static func writeLineHead<Sink: JSONSink>(type: String, source: String, url: PageURL?, record: RecordOrigin?,
                                                      to sink: inout Sink) {
        sink.beginObject()
        sink.key("type"); sink.string(type)
        sink.key("schema_version"); sink.int(schemaVersion)
        sink.key("source"); sink.string(source)
        sink.key("url"); write(url: url, to: &sink)
        sink.key("record"); write(record: record, to: &sink)
    }

    /// A `beian scan --format jsonl` line closing an input that has document-level issues.
    public static func line(documentOf source: String, encoding: String, issues: [Issue], valid: Bool,
                            url: PageURL? = nil, record: RecordOrigin? = nil) -> JSONValue {
        JSONTreeBuilder.build {
            write(documentOf: source, encoding: encoding, issues: issues, valid: valid, url: url, record: record, to: &$0)
        }
    }

    /// Writes `line(documentOf:encoding:issues:valid:url:)`'s bytes, without a line break.
    public static func writeLine(documentOf source: String, encoding: String, issues: [Issue], valid: Bool,
                                 url: PageURL? = nil, record: RecordOrigin? = nil, to writer: JSONWriter) {
        var sink = writer
        write(documentOf: source, encoding: encoding, issues: issues, valid: valid, url: url, record: record, to: &sink)
    }

    private static func write<Sink: JSONSink>(documentOf source: String, encoding: String, issues: [Issue], valid: Bool,
                                              url: PageURL?, record: RecordOrigin?, to sink: inout Sink) {
        writeLineHead(type: "document", source: source, url: url, record: record, to: &sink)
        sink.key("encoding"); sink.string(encoding)
        sink.key("issues"); write(issues: issues, to: &sink)
        sink.key("valid"); sink.bool(valid)
        sink.endObject()
    }

    /// One finding, with every field present (null where it does not apply).
    public static func value(of finding: Finding) -> JSONValue {
        JSONTreeBuilder.build { write(finding: finding, to: &$0) }
    }

    /// Writes `value(of: finding)`'s bytes (after a comma when the writer is in a list).
    public static func write(finding: Finding, to writer: JSONWriter) {
        var sink = writer
        write(finding: finding, to: &sink)
    }

    static func write<Sink: JSONSink>(finding: Finding, to sink: inout Sink) {
        sink.beginObject()
        writeFields(of: finding, phoneTypeKey: "type", to: &sink)
        sink.endObject()
    }

    /// The finding's members; the phone type is `type` in reports and `phone_type` in scan
    /// lines, whose `type` names the line.
    private static func writeFields<Sink: JSONSink>(of finding: Finding, phoneTypeKey: StaticString, to sink: inout Sink) {
        sink.key("kind"); sink.string(finding.kind.rawValue)
        sink.key("raw"); sink.string(finding.raw)
        sink.key("start"); sink.int(finding.start)
        sink.key("end"); sink.int(finding.end)
        sink.key("canonical"); sink.string(finding.canonical)
        sink.key("number"); sink.string(finding.number)
        sink.key("province"); write(province: finding.province, to: &sink)
        sink.key("valid"); sink.bool(finding.isValid)
        sink.key("issues"); write(issues: finding.issues, to: &sink)
        sink.key("names")
        sink.value(prewritten: Prewritten.names(of: finding.kind)) { write(bilingual: finding.kind.names, to: &$0) }
        sink.key("site"); sink.string(finding.site)
        sink.key("foreign_invested"); sink.bool(finding.foreignInvested)
        sink.key("division"); sink.string(finding.division)
        sink.key("category"); sink.int(finding.category)
        sink.key("year"); sink.int(finding.year)
        sink.key("area_code"); sink.string(finding.areaCode)
        sink.key(phoneTypeKey); sink.string(finding.phoneType?.rawValue)
        sink.key("extension"); sink.string(finding.phoneExtension)
        // The English display's pieces go straight to the sink: no string built per finding.
        sink.key("display")
        sink.beginObject()
        sink.key("zh"); sink.string(finding.canonical)
        sink.key("en"); sink.string(joining: finding.details.englishDisplayParts)
        sink.endObject()
        sink.key("candidates")
        if let candidates = finding.candidates {
            sink.beginArray()
            for province in candidates { write(province: province, to: &sink) }
            sink.endArray()
        } else {
            sink.null()
        }
        sink.key("division_name")
        if let division = finding.divisionDetails { write(bilingual: division.names, to: &sink) } else { sink.null() }
        sink.key("business"); sink.string(finding.business)
        sink.key("authority"); sink.string(finding.authority)
        sink.key("date"); sink.string(finding.date)
        sink.key("context"); sink.string(finding.context.rawValue)
        sink.key("attribute"); sink.string(finding.attribute)
        sink.key("line"); sink.int(finding.position?.line)
        sink.key("column"); sink.int(finding.position?.column)
        sink.key("end_line"); sink.int(finding.endPosition?.line)
        sink.key("end_column"); sink.int(finding.endPosition?.column)
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

    /// `beian explain --format json` for a bare value that fits several kinds: no explanation,
    /// and the kinds it may be (`candidates`, each with its names), to choose from with `--kind`.
    /// - Parameters:
    ///   - input: the value as given.
    ///   - candidates: the kinds the value fits.
    public static func value(explaining input: String, candidates: [Kind]) -> JSONValue {
        .object([
            ("schema_version", .int(schemaVersion)),
            ("input", .string(input)),
            ("explanations", .array([])),
            ("valid", .bool(false)),
            ("candidates", .array(candidates.map { .object([("kind", .string($0.rawValue)), ("names", bilingual($0.names))]) })),
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
        JSONTreeBuilder.build { write(url: url, to: &$0) }
    }

    private static func write<Sink: JSONSink>(url: PageURL?, to sink: inout Sink) {
        guard let url else { return sink.null() }
        sink.beginObject()
        sink.key("requested"); sink.string(url.requested)
        sink.key("final"); sink.string(url.final)
        sink.key("status"); sink.int(url.status)
        sink.endObject()
    }

    /// A crawl record's `{"file","id","offset","uncompressed_offset","date"}` (WARC) or
    /// `{"line","id"}` (JSON lines), or null for plain inputs.
    static func write<Sink: JSONSink>(record: RecordOrigin?, to sink: inout Sink) {
        guard let record else { return sink.null() }
        sink.beginObject()
        switch record {
        case let .warc(file, id, offset, uncompressedOffset, date):
            sink.key("file"); sink.string(file)
            sink.key("id"); sink.string(id)
            sink.key("offset"); sink.int(offset)
            sink.key("uncompressed_offset"); sink.int(uncompressedOffset)
            sink.key("date"); sink.string(date)
        case let .jsonl(line, id):
            sink.key("line"); sink.int(line)
            sink.key("id"); sink.string(id)
        }
        sink.endObject()
    }

    static func bilingual(_ text: Bilingual) -> JSONValue {
        JSONTreeBuilder.build { write(bilingual: text, to: &$0) }
    }

    fileprivate static func write<Sink: JSONSink>(bilingual text: Bilingual, to sink: inout Sink) {
        sink.beginObject()
        sink.key("zh"); sink.string(text.zh)
        sink.key("en"); sink.string(text.en)
        sink.endObject()
    }

    private static func write<Sink: JSONSink>(province: Province?, to sink: inout Sink) {
        guard let province else { return sink.null() }
        sink.value(prewritten: Prewritten.province(province)) { writeFields(of: province, to: &$0) }
    }

    fileprivate static func writeFields<Sink: JSONSink>(of province: Province, to sink: inout Sink) {
        sink.beginObject()
        sink.key("code"); sink.string(province.code)
        sink.key("abbr"); sink.string(province.abbreviation)
        sink.key("zh"); sink.string(province.zh)
        sink.key("en"); sink.string(province.en)
        sink.endObject()
    }

    static func value(of issue: Issue) -> JSONValue {
        JSONTreeBuilder.build { write(issue: issue, to: &$0) }
    }

    private static func write<Sink: JSONSink>(issues: [Issue], to sink: inout Sink) {
        sink.beginArray()
        for issue in issues { write(issue: issue, to: &sink) }
        sink.endArray()
    }

    private static func write<Sink: JSONSink>(issue: Issue, to sink: inout Sink) {
        sink.beginObject()
        sink.key("code"); sink.string(issue.code.rawValue)
        sink.key("severity"); sink.string(issue.severity.rawValue)
        sink.key("zh"); sink.string(issue.message.zh)
        sink.key("en"); sink.string(issue.message.en)
        sink.endObject()
    }
}

/// The JSON of values every finding repeats (a kind's names, a province), written once.
private enum Prewritten {
    private static let kindNames: [[UInt8]] = Kind.allCases.map { kind in
        JSONWriter.bytes { ReportJSON.write(bilingual: kind.names, to: &$0) }
    }

    static func names(of kind: Kind) -> [UInt8] { kindNames[kind.ordinal] }

    /// Each province's object, by row of the table and abbreviation (usual, then alternates).
    private static let provinces: [[[UInt8]]] = ProvinceTable.rows.indices.map { row in
        (0...ProvinceTable.rows[row].alternates.count).map { spelling in
            JSONWriter.bytes { ReportJSON.writeFields(of: Province(row: row, spelling: spelling), to: &$0) }
        }
    }

    static func province(_ province: Province) -> [UInt8] { provinces[province.tableIndex.row][province.tableIndex.spelling] }
}
