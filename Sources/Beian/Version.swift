/// Beian's version: `beian --version` prints it, and the `User-Agent` of `beian check URL` and
/// `beian scan --urls` names it. Change it here only.
public enum BeianVersion {
    /// The version, as "MAJOR.MINOR.PATCH".
    public static let current = "0.1.0"
}
