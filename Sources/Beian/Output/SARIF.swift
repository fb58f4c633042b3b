/// `beian check --format sarif`: the pages of a run as one SARIF 2.1.0 log, for GitHub code
/// scanning and other SARIF readers.
///
/// One run; the tool's driver with one rule per issue code (help in both languages); one
/// result per issue, its level from the issue's severity (error → error, warning → warning,
/// info → note), located at the finding's lines and columns (`columnKind`
/// `unicodeCodePoints`), or at the file alone for document-level issues; unreadable pages
/// as tool execution notifications.
public enum SARIFReport {
    /// The schema the log declares.
    public static let schemaURI = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
    /// Where the tool is documented.
    public static let informationURI = "https://github.com/beian/beian"
    /// The key of Beian's entry in `partialFingerprints`.
    public static let fingerprintKey = "beian/v1"

    /// The log of one run over `pages`; messages in `languages` ("中文 / English" for both).
    public static func value(of pages: [CheckedPage], languages: [Language], toolVersion: String = BeianVersion.current) -> JSONValue {
        let codes = IssueCode.allCases
        let ruleIndex = Dictionary(uniqueKeysWithValues: codes.enumerated().map { ($0.element, $0.offset) })
        var results: [JSONValue] = []
        var notifications: [JSONValue] = []
        for page in pages {
            if case .unreadable(let source, let message) = page {
                notifications.append(.object([
                    ("level", .string("error")),
                    ("message", .object([("text", .string(text(message, languages)))])),
                    ("locations", .array([location(source, finding: nil)])),
                ]))
                continue
            }
            for occurrence in page.occurrences {
                results.append(.object([
                    ("ruleId", .string(occurrence.issue.code.rawValue)),
                    ("ruleIndex", .int(ruleIndex[occurrence.issue.code] ?? 0)),
                    ("level", .string(level(occurrence.issue.severity))),
                    ("message", .object([("text", .string(occurrence.message(in: languages)))])),
                    ("locations", .array([location(occurrence.source, finding: occurrence.finding)])),
                    ("partialFingerprints", .object([(fingerprintKey, .string(occurrence.fingerprint))])),
                ]))
            }
        }
        let rules: [JSONValue] = codes.map { code in
            .object([
                ("id", .string(code.rawValue)),
                ("shortDescription", .object([("text", .string(text(code.summary, languages)))])),
                ("fullDescription", .object([("text", .string(code.summary.description))])),
                ("help", .object([("text", .string("\(code.summary.zh) / \(code.summary.en) (\(code.rawValue); "
                                                    + "见 / see \(informationURI)#issue-codes)"))])),
                ("helpUri", .string(informationURI + "#issue-codes")),
                ("properties", .object([("zh", .string(code.summary.zh)), ("en", .string(code.summary.en)),
                                        ("document_level", .bool(code.isDocumentLevel))])),
            ])
        }
        let driver: JSONValue = .object([
            ("name", .string("beian")),
            ("version", .string(toolVersion)),
            ("semanticVersion", .string(toolVersion)),
            ("informationUri", .string(informationURI)),
            ("rules", .array(rules)),
        ])
        let invocation: JSONValue = .object([
            ("executionSuccessful", .bool(notifications.isEmpty)),
            ("toolExecutionNotifications", .array(notifications)),
        ])
        let run: JSONValue = .object([
            ("tool", .object([("driver", driver)])),
            ("invocations", .array([invocation])),
            ("columnKind", .string("unicodeCodePoints")),
            ("results", .array(results)),
        ])
        return .object([("$schema", .string(schemaURI)), ("version", .string("2.1.0")), ("runs", .array([run]))])
    }

    /// SARIF's level for a severity.
    public static func level(_ severity: Severity) -> String {
        switch severity {
        case .error: "error"
        case .warning: "warning"
        case .info: "note"
        }
    }

    /// A path as a relative URI reference: bytes other than letters, digits, `-._~/` are
    /// percent-encoded (so spaces, colons and Chinese file names stay valid).
    public static func uri(forPath path: String) -> String {
        var result = ""
        for byte in path.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                 UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"), UInt8(ascii: "/"):
                result.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                let hex = String(byte, radix: 16, uppercase: true)
                result += "%" + (hex.count == 1 ? "0" + hex : hex)
            }
        }
        return result
    }

    private static func location(_ source: String, finding: Finding?) -> JSONValue {
        var physical: [(String, JSONValue)] = [("artifactLocation", .object([("uri", .string(uri(forPath: source)))]))]
        if let start = finding?.position, let end = finding?.endPosition {
            physical.append(("region", .object([
                ("startLine", .int(start.line)),
                ("startColumn", .int(start.column)),
                ("endLine", .int(end.line)),
                ("endColumn", .int(end.column)),
            ])))
        }
        return .object([("physicalLocation", .object(physical))])
    }

    private static func text(_ message: Bilingual, _ languages: [Language]) -> String {
        languages.map { message.text(in: $0) }.joined(separator: " / ")
    }
}

