/// Beian's version: `beian --version` prints it, the `User-Agent` of `beian check URL` and
/// `beian scan --urls` names it, and SARIF reports it as the tool's. Change it here only (no
/// release has been tagged yet).
public enum BeianVersion {
    /// The version, as "MAJOR.MINOR.PATCH".
    public static let current = "0.1.0"
}
