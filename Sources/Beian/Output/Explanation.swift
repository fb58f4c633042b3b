/// One identifier taken apart for people: what it is, who issues it, what each part means
/// and what is wrong with it (`beian explain`). Meanings follow formats.md; parts marked
/// there as INFERRED or UNCONFIRMED say so. Each format type says what its parts mean.
public struct Explanation: Sendable {
    /// One part of the identifier: its name, its value as printed in canonical form, and
    /// what the value says.
    public struct Part: Sendable, Hashable {
        /// The part's name in both languages.
        public let name: Bilingual
        /// The part as the canonical form prints it.
        public let value: String
        /// What the part says, in both languages.
        public let meaning: Bilingual
    }

    /// The finding explained, as `check` reports it.
    public let finding: Finding
    /// Who issues this kind of identifier.
    public var issuer: Bilingual { finding.kind.issuer }
    /// The identifier's parts in reading order (province, mark, number, suffix …).
    public let parts: [Part]

    /// Explains a finding (from `BeianScanner.check`): its value's parts (``BeianFormat/parts``).
    public init(_ finding: Finding) {
        self.finding = finding
        parts = finding.details.parts
    }
}
