import ArgumentParser
import Beian

/// A comma-separated list of kind codes, as `--require icp_filing,public_security_filing` takes it.
struct KindList: ExpressibleByArgument {
    let kinds: Set<Kind>

    init?(argument: String) {
        var kinds = Set<Kind>()
        for code in argument.split(separator: ",") {
            guard let kind = Kind(rawValue: code.trimmingSpaces()) else { return nil }
            kinds.insert(kind)
        }
        guard !kinds.isEmpty else { return nil }
        self.kinds = kinds
    }

    static var allValueStrings: [String] { Kind.allCases.map(\.rawValue) }
}

private extension Substring {
    func trimmingSpaces() -> String {
        String(drop { $0 == " " }.reversed().drop { $0 == " " }.reversed())
    }
}
