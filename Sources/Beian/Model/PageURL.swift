/// Where a page fetched over HTTP came from: the URL asked for, the URL that answered after
/// redirects, and that answer's status. Reports of files and standard input have none.
///
/// JSON: the `url` field of `beian check` reports and `beian scan` lines,
/// `{"requested": …, "final": …, "status": 200}`, or null.
public struct PageURL: Sendable, Hashable {
    /// The URL as given (on the command line, in a list of URLs).
    public let requested: String
    /// The URL the body came from, after redirects; link checks resolve relative links against it.
    public let final: String
    /// The final response's HTTP status (200–299 for a page that was checked).
    public let status: Int

    /// The URLs and status of a fetched page.
    public init(requested: String, final: String, status: Int) {
        self.requested = requested
        self.final = final
        self.status = status
    }
}
