/// Where in a document a finding stands. The raw values are a public JSON contract.
///
/// In a document that is not HTML every finding stands in `text`.
public enum FindingContext: String, Sendable, CaseIterable, Hashable {
    /// Text a browser shows (or plain text).
    case text
    /// The value of an attribute people read: `title`, `alt`, `content` … (see `Finding.attribute`).
    case attribute
    /// Inside an HTML comment (`<!-- … -->`): not shown on the page.
    case comment
    /// Inside a `<script>` element: JSON, template literals and strings a script may show.
    case script

    /// Whether the page shows a finding here to its readers, so that it counts for
    /// `missing_required`: text and script (a script's strings are what it renders), not an
    /// attribute or a comment.
    public var isShown: Bool { self == .text || self == .script }
}
