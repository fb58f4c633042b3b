import Foundation
@testable import Beian

/// Scores findings against hand annotations of real pages (the field corpus of
/// `../shared/field`, and the committed excerpts in `Fixtures/field-excerpts.jsonl`).
///
/// An annotation and a finding match when they name the same file, the same kind and the
/// same key. The key is a per-kind normalisation that both sides can be reduced to, since the
/// annotations write some numbers differently from Beian's `number` contract:
///
/// | kind | key | annotation → key | Beian `number` → key |
/// |---|---|---|---|
/// | `telecom_licence` | last class and digits | `B2-20090059` → `B2-20090059` | `A2.B1.B2-20090003` → `B2-20090003` |
/// | `uscc`, `genai_filing` | letters and digits, upper case | `ZheJiang-X-20230901` → `ZHEJIANGX20230901` | same |
/// | culture, broadcast, publishing, drug, religious licences | digits after the last closing bracket | `[2015]1528-229` → `1528229`; `(粤)-经营性-2018-0092` → `20180092` | `1528-229` → `1528229`; `2018-0092` → `20180092` |
/// | everything else | ASCII digits | `+861085650899` → `861085650899` | same |
///
/// Full-width characters count as their ASCII forms. Annotations of kind `other` and
/// placeholders are optional: a finding on them (same key, or overlapping an `other`
/// annotation) counts neither as found nor as added.
enum FieldScore {
    struct Annotation {
        var kind: String
        var key: String
        var raw: String
        var location: String
        var optional: Bool
        /// UTF-8 byte range in the file, when known.
        var range: Range<Int>?
    }

    struct Tally {
        var found = 0
        var missed = 0
        var added = 0
        var recall: Double { found + missed == 0 ? 1 : Double(found) / Double(found + missed) }
        var precision: Double { found + added == 0 ? 1 : Double(found) / Double(found + added) }
    }

    struct Result {
        var total = Tally()
        var byKind: [String: Tally] = [:]
        var byLocation: [String: Tally] = [:]
        var missed: [String] = []
        var added: [String] = []

        mutating func count(kind: String, location: String, _ update: (inout Tally) -> Void) {
            update(&total)
            update(&byKind[kind, default: Tally()])
            update(&byLocation[location, default: Tally()])
        }

        var summary: String {
            func line(_ name: String, _ tally: Tally) -> String {
                let padded = name.padding(toLength: 24, withPad: " ", startingAt: 0)
                return "  \(padded) found \(tally.found)  missed \(tally.missed)  added \(tally.added)  "
                    + String(format: "recall %.3f  precision %.3f", tally.recall, tally.precision)
            }
            var lines = [line("all", total), "per kind:"]
            lines += byKind.keys.sorted().map { line($0, byKind[$0]!) }
            lines.append("per location:")
            lines += byLocation.keys.sorted().map { line($0, byLocation[$0]!) }
            if !missed.isEmpty { lines.append("missed:"); lines += missed.map { "  " + $0 } }
            if !added.isEmpty { lines.append("added:"); lines += added.map { "  " + $0 } }
            return lines.joined(separator: "\n")
        }
    }

    /// Writes a result to `.build/field-reports/NAME.txt`, where `.ci/run` prints it from:
    /// `swift test` does not show what tests write.
    static func write(_ result: Result, name: String, notes: String = "") {
        let folder = packageRoot.appendingPathComponent(".build/field-reports")
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try? Data((result.summary + notes).utf8).write(to: folder.appendingPathComponent(name + ".txt"))
    }

    static let bracketKinds: Set<String> = ["culture_licence", "broadcast_licence", "publishing_licence",
                                            "drug_info_certificate", "religious_info_licence"]

    /// The key of a number, as the table above says.
    static func key(kind: String, number: String) -> String {
        let folded = String(String.UnicodeScalarView(number.unicodeScalars.map { scalar in
            (0xFF01...0xFF5E).contains(scalar.value) ? Unicode.Scalar(scalar.value - 0xFEE0)! : scalar
        }))
        let digits = { (text: Substring) in String(text.filter(\.isASCII).filter(\.isNumber)) }
        switch kind {
        case "telecom_licence":
            let last = folded.split(separator: ".").last.map(String.init) ?? folded
            return String(last.uppercased().filter { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") })
        case "uscc", "genai_filing":
            return String(folded.uppercased().filter { $0.isASCII && ($0.isLetter || $0.isNumber) })
        case _ where bracketKinds.contains(kind):
            let closing = folded.lastIndex { ")]）】〕".contains($0) }
            return digits(closing.map { folded[folded.index(after: $0)...] } ?? folded[...])
        default:
            return digits(folded[...])
        }
    }

    /// Where an annotation stands, from the start of its note.
    static func location(ofNote note: String) -> String {
        let lowered = note.lowercased()
        if lowered.contains("html attribute") { return "attribute" }
        if lowered.contains("html comment") { return "comment" }
        if lowered.contains("<script>") || lowered.hasPrefix("inside a script") { return "script" }
        return "visible"
    }

    /// Scores one file's findings against its annotations, adding to `result`.
    static func score(file: String, annotations: [Annotation], findings: [Finding], into result: inout Result) {
        var open = annotations
        for finding in findings {
            let kind = finding.kind.rawValue
            let findingKey = key(kind: kind, number: finding.number)
            // The annotation at the finding's own bytes first, then any with the same key.
            let sameKey = { (annotation: Annotation) in !annotation.optional && annotation.kind == kind && annotation.key == findingKey }
            if let index = open.firstIndex(where: { sameKey($0) && $0.range?.overlaps(finding.start..<finding.end) == true })
                ?? open.firstIndex(where: sameKey) {
                result.count(kind: kind, location: open[index].location) { $0.found += 1 }
                open.remove(at: index)
            } else if let index = open.firstIndex(where: { $0.optional && $0.kind == kind && $0.key == findingKey }) {
                open.remove(at: index)
            } else if annotations.contains(where: { $0.kind == "other" && $0.range.map { $0.overlaps(finding.start..<finding.end) } ?? false }) {
                continue
            } else {
                result.count(kind: kind, location: finding.context == .text ? "visible" : finding.context.rawValue) { $0.added += 1 }
                result.added.append("\(file) \(kind) \(finding.raw.debugDescription) @\(finding.start) key \(findingKey)")
            }
        }
        for annotation in open where !annotation.optional {
            result.count(kind: annotation.kind, location: annotation.location) { $0.missed += 1 }
            result.missed.append("\(file) \(annotation.kind) \(annotation.raw.debugDescription) [\(annotation.location)] key \(annotation.key)")
        }
    }
}
