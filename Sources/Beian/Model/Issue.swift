/// A problem found in a finding or a document: a stable code, a severity and a message.
///
/// Validation problems are issues, never thrown errors: a finding with an error-severity
/// issue is reported with `isValid == false`.
public struct Issue: Sendable, Hashable {
    public let code: IssueCode
    public let severity: Severity
    /// The message for people, naming the values involved.
    public let message: Bilingual

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
