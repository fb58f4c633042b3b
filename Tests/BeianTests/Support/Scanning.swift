import Foundation
@_spi(Reference) @testable import Beian

/// One scanner for all tests, with a fixed "now" so year checks do not drift.
let scanner: BeianScanner = {
    do { return try BeianScanner(referenceYear: 2026) } catch { fatalError("ICU unavailable: \(error)") }
}()

/// The findings of a text document.
func findings(_ text: String, html: Bool = false) -> [Finding] {
    scanner.check(text, isHTML: html).findings
}

/// The single finding of `text`; records a failure when there is not exactly one.
func single(_ text: String, html: Bool = false) -> Finding? {
    let found = findings(text, html: html)
    return found.count == 1 ? found[0] : nil
}

func codes(_ finding: Finding?) -> [IssueCode] { finding?.issues.map(\.code) ?? [] }

/// The package's root folder, found from this file's path (Tests/BeianTests/Support/).
let packageRoot: URL = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

/// The bytes of `text` between a finding's offsets.
func slice(_ text: String, _ finding: Finding) -> String {
    let bytes = Array(text.utf8)
    return String(decoding: bytes[finding.start..<finding.end], as: UTF8.self)
}

/// The reference scanner: the whole input decoded and normalised as one view, then the same
/// recognisers. The prefilter and windows must find exactly what it finds.
func naiveFindings(_ bytes: [UInt8], html: Bool) -> [Finding] {
    bytes.withUnsafeBufferPointer { scanner.referenceFindings(in: $0, isHTML: html) }
}
