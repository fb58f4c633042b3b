/// `beian check --format github`: GitHub Actions workflow commands, one line per issue, which
/// the runner shows as annotations on the files:
///
/// ```
/// ::error file=site/index.html,line=12,col=5,endLine=12,endColumn=21,title=beian invalid_length::京ICP备1234567号: …
/// ```
///
/// `::error`, `::warning` and `::notice` follow the severity; document-level issues
/// name the file only. Values are escaped as the runner requires: in the message `%`, CR and
/// LF; in properties also `:` and `,`.
public enum GitHubAnnotations {
    /// The annotation lines of one page (no trailing newline on each).
    public static func lines(for page: CheckedPage, languages: [Language]) -> [String] {
        if case .unreadable(let source, let message) = page {
            let text = languages.map { message.text(in: $0) }.joined(separator: " / ")
            return ["::error " + properties([("file", source), ("title", "beian unreadable")]) + "::" + escapeData(text)]
        }
        return page.occurrences.map { occurrence in
            var fields = [("file", occurrence.source)]
            if let start = occurrence.finding?.position, let end = occurrence.finding?.endPosition {
                fields += [("line", String(start.line)), ("col", String(start.column)),
                           ("endLine", String(end.line)), ("endColumn", String(end.column))]
            }
            fields.append(("title", "beian \(occurrence.issue.code.rawValue)"))
            return "::\(command(occurrence.issue.severity)) " + properties(fields) + "::" + escapeData(occurrence.message(in: languages))
        }
    }

    /// The workflow command for a severity: error, warning or notice.
    public static func command(_ severity: Severity) -> String {
        switch severity {
        case .error: "error"
        case .warning: "warning"
        case .info: "notice"
        }
    }

    /// A message escaped for a workflow command: `%` → %25, CR → %0D, LF → %0A.
    public static func escapeData(_ text: String) -> String {
        var result = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "%": result += "%25"
            case "\r": result += "%0D"
            case "\n": result += "%0A"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// A property value escaped for a workflow command: as a message, and `:` → %3A, `,` → %2C.
    public static func escapeProperty(_ text: String) -> String {
        escapeData(text).replacingColonsAndCommas()
    }

    private static func properties(_ fields: [(String, String)]) -> String {
        fields.map { "\($0.0)=\(escapeProperty($0.1))" }.joined(separator: ",")
    }
}

private extension String {
    func replacingColonsAndCommas() -> String {
        var result = ""
        for scalar in unicodeScalars {
            switch scalar {
            case ":": result += "%3A"
            case ",": result += "%2C"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}
