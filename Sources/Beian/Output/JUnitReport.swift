/// `beian check --format junit`: the pages of a run as JUnit XML, for GitLab, Jenkins, Azure
/// Pipelines and other CI systems that read test reports.
///
/// One `testsuite` for the run, one `testcase` per page (`name` and `file` the page's path),
/// one `failure` per issue at least as severe as the run's `--fail-on` threshold (its `type`
/// the issue code, its `message` the issue's message, its text the position and finding), and
/// an `error` for a page that could not be read. The counts in `testsuites` and `testsuite`
/// count pages: `tests` all of them, `failures` those with a failure, `errors` the unreadable.
public enum JUnitReport {
    /// The XML document for `pages`; messages in `languages`; issues at `failOn` or more severe fail.
    public static func xml(for pages: [CheckedPage], languages: [Language], failOn: Severity = .error,
                           suiteName: String = "beian check") -> String {
        var cases: [String] = []
        var failures = 0, errors = 0
        for page in pages {
            let name = escape(page.source)
            var testcase = "    <testcase classname=\"beian\" name=\"\(name)\" file=\"\(name)\""
            switch page {
            case .unreadable(_, let message):
                errors += 1
                let text = escape(languages.map { message.text(in: $0) }.joined(separator: " / "))
                testcase += ">\n      <error type=\"unreadable\" message=\"\(text)\"/>\n    </testcase>"
            case .report:
                let failing = page.occurrences.filter { $0.issue.severity.fails(at: failOn) }
                if failing.isEmpty {
                    testcase += "/>"
                } else {
                    failures += 1
                    testcase += ">\n"
                    for occurrence in failing {
                        let place = occurrence.finding?.position.map { "\(occurrence.source):\($0)" } ?? occurrence.source
                        let detail = "\(place) \(occurrence.issue.severity.rawValue) \(occurrence.issue.code.rawValue)"
                            + (occurrence.finding.map { " \($0.raw) [\($0.kind.rawValue)]" } ?? "")
                        testcase += "      <failure type=\"\(occurrence.issue.code.rawValue)\" message=\"\(escape(occurrence.message(in: languages)))\">"
                            + escape(detail) + "</failure>\n"
                    }
                    testcase += "    </testcase>"
                }
            }
            cases.append(testcase)
        }
        let counts = "tests=\"\(pages.count)\" failures=\"\(failures)\" errors=\"\(errors)\""
        return """
        <?xml version="1.0" encoding="UTF-8"?>
        <testsuites name="beian" \(counts)>
          <testsuite name="\(escape(suiteName))" \(counts) skipped="0">
        \(cases.joined(separator: "\n"))
          </testsuite>
        </testsuites>

        """
    }

    /// Text escaped for XML attributes and content; characters XML 1.0 forbids become U+FFFD.
    static func escape(_ text: String) -> String {
        var result = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&apos;"
            case "\n": result += "&#10;"
            case "\r": result += "&#13;"
            case "\t": result += "&#9;"
            default:
                if scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF {
                    result += "\u{FFFD}"
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result
    }
}
