/// A problem found in a finding or a document: a stable code, a severity and a message.
///
/// Validation problems are issues, never thrown errors: a finding with an error-severity
/// issue is reported with `isValid == false`.
public struct Issue: Sendable, Hashable {
    /// What is wrong: a public JSON code.
    public let code: IssueCode
    /// How much it matters: error, warning or info.
    public let severity: Severity
    /// The message for people, naming the values involved.
    public let message: Bilingual

    /// An issue with its message in both languages.
    public init(_ code: IssueCode, _ severity: Severity, zh: String, en: String) {
        self.code = code
        self.severity = severity
        message = Bilingual(zh: zh, en: en)
    }
}

extension Array where Element == Issue {
    /// Whether any issue is an error.
    var containsError: Bool { contains { $0.severity == .error } }
}
