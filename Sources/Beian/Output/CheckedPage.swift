/// One input of a CI run (`beian check` over files or a site): its report, or why it could
/// not be read. The CI formats (`SARIFReport`, `GitHubAnnotations`, `JUnitReport`) take these.
public enum CheckedPage: Sendable, Hashable {
    case report(Report)
    /// The input could not be checked; `message` says why.
    case unreadable(source: String, message: Bilingual)

    /// The path or name the page was given as.
    public var source: String {
        switch self {
        case .report(let report): report.source
        case .unreadable(let source, _): source
        }
    }

    /// Every issue of the page in order, each with the finding it belongs to (nil for
    /// document-level issues, which come after the findings' issues).
    public var occurrences: [IssueOccurrence] {
        guard case .report(let report) = self else { return [] }
        var seen: [String: Int] = [:]
        var result: [IssueOccurrence] = []
        func add(_ issue: Issue, _ finding: Finding?) {
            let key = issue.code.rawValue + "\u{0}" + (finding?.canonical ?? "")
            let index = seen[key, default: 0]
            seen[key] = index + 1
            result.append(IssueOccurrence(issue: issue, finding: finding, source: report.source, index: index))
        }
        for finding in report.findings {
            for issue in finding.issues { add(issue, finding) }
        }
        for issue in report.issues { add(issue, nil) }
        return result
    }

    /// Whether the page has an issue at least as severe as `threshold`.
    public func fails(at threshold: Severity) -> Bool {
        occurrences.contains { $0.issue.severity.fails(at: threshold) }
    }
}

/// One issue where it stands: in a finding (with its position) or in the page as a whole.
public struct IssueOccurrence: Sendable, Hashable {
    /// The issue.
    public let issue: Issue
    /// The finding the issue belongs to; nil for a document-level issue.
    public let finding: Finding?
    /// The page's path or name.
    public let source: String
    /// How many issues with the same code and the same canonical value came before this one in
    /// the page (from 0): tells repeated registrations apart without using line numbers.
    public let index: Int

    /// The message in `languages`, joined by " / ", after the finding's raw text if any.
    public func message(in languages: [Language]) -> String {
        let text = languages.map { issue.message.text(in: $0) }.joined(separator: " / ")
        return finding.map { "\($0.raw): \(text)" } ?? text
    }

    /// A fingerprint stable across runs and across edits elsewhere in the file: a hash of the
    /// rule, the path, the finding's canonical value and `index` (never of line numbers).
    public var fingerprint: String {
        let key = [issue.code.rawValue, source, finding?.canonical ?? "", String(index)].joined(separator: "\u{0}")
        return StableHash.hex(key)
    }
}

extension Severity {
    /// Whether an issue of this severity fails a run that fails on `threshold` and above
    /// (`--fail-on warning`: errors and warnings fail).
    public func fails(at threshold: Severity) -> Bool { self <= threshold }
}

/// A hash that does not change between runs or platforms (unlike `Hasher`): two 64-bit
/// FNV-1a hashes of the UTF-8 bytes with different offsets, as 32 hex digits.
enum StableHash {
    static func hex(_ text: String) -> String {
        var first: UInt64 = 0xcbf2_9ce4_8422_2325
        var second: UInt64 = 0x8422_2325_cbf2_9ce4
        for byte in text.utf8 {
            first = (first ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
            second = (second ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
        }
        func pad(_ value: UInt64) -> String {
            let digits = String(value, radix: 16)
            return String(repeating: "0", count: 16 - digits.count) + digits
        }
        return pad(first) + pad(second)
    }
}
