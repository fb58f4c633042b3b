import Foundation
import Testing
@testable import Beian

/// Beian on real pages: the hand-annotated field corpus in `../shared/field` (112 whole files
/// from public repositories; never committed here), scored with `FieldScore`.
///
/// The corpus lives beside the project on its own machines. Elsewhere the test says it is
/// absent and passes; `BEIAN_FIELD` may name another copy of the folder.
@Suite struct FieldCorpusTests {
    static let folder: URL = {
        if let path = ProcessInfo.processInfo.environment["BEIAN_FIELD"] { return URL(fileURLWithPath: path) }
        return packageRoot.deletingLastPathComponent().appendingPathComponent("shared/field")
    }()

    /// The floors this test holds: the field issue's targets (Beian reaches 1.000 and 1.000 on
    /// this corpus, which it was tuned on; the committed excerpts are the held-out check).
    static let minimumRecall = 0.98
    static let minimumPrecision = 0.99

    /// Registrations the corpus's annotations leave out that the field issue asks Beian to
    /// report: scored as annotated (visible), and said so in the report. Each is a form the
    /// issue names, on a page where a careful reader sees it.
    static let errata: [(file: String, kind: String, key: String, why: String)] = [
        ("pages/p015.html", "public_security_filing", "43010402000231",
         "visible 湘公安网备号43010402000231号: the misspelt label 公安网备 the issue lists (malformed_label)"),
        ("pages/p062.html", "hotline", "12318",
         "visible link text 12318举报: a hotline written number first, as the issue asks"),
    ]

    @Test func fieldCorpus() throws {
        let truth = Self.folder.appendingPathComponent("truth.jsonl")
        guard FileManager.default.fileExists(atPath: truth.path) else {
            report("Field corpus absent (\(truth.path)): the field test is skipped. It runs where ../shared/field exists.")
            return
        }
        var result = FieldScore.Result()
        let lines = try String(contentsOf: truth, encoding: .utf8).split(separator: "\n")
        for line in lines {
            let record = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            let file = try #require(record["file"] as? String)
            let bytes = try [UInt8](Data(contentsOf: Self.folder.appendingPathComponent(file)))
            let scalars = Array(String(decoding: bytes, as: UTF8.self).unicodeScalars)
            // Character offsets to byte offsets (the annotations count Unicode scalars).
            var byteOffset = [0]
            byteOffset.reserveCapacity(scalars.count + 1)
            for scalar in scalars { byteOffset.append(byteOffset.last! + UTF8.width(scalar)) }
            let expected = record["expected"] as? [[String: Any]] ?? []
            var annotations = expected.map { entry -> FieldScore.Annotation in
                let kind = entry["kind"] as? String ?? "other"
                let raw = entry["raw"] as? String ?? ""
                let notes = entry["notes"] as? String ?? ""
                let range = (entry["offset"] as? Int).map { offset in
                    byteOffset[offset]..<byteOffset[min(offset + raw.unicodeScalars.count, scalars.count)]
                }
                return FieldScore.Annotation(kind: kind, key: FieldScore.key(kind: kind, number: entry["number"] as? String ?? ""),
                                             raw: raw, location: FieldScore.location(ofNote: notes),
                                             optional: kind == "other" || notes.contains("PLACEHOLDER"), range: range)
            }
            for erratum in Self.errata where erratum.file == file {
                annotations.append(FieldScore.Annotation(kind: erratum.kind, key: erratum.key, raw: "(erratum) " + erratum.why,
                                                         location: "visible", optional: false, range: nil))
            }
            let report = scanner.check(bytes, source: file)
            FieldScore.score(file: file, annotations: annotations, findings: report.findings, into: &result)
        }
        let errata = Self.errata.map { "  \($0.file) \($0.kind) \($0.key): \($0.why)" }.joined(separator: "\n")
        report("Field corpus (\(lines.count) files, with \(Self.errata.count) errata to the annotations):\n" + result.summary
               + "\nerrata:\n" + errata)
        FieldScore.write(result, name: "field-corpus", notes: "\nerrata to the annotations:\n" + errata)
        #expect(result.total.recall >= Self.minimumRecall, "\(result.summary)")
        #expect(result.total.precision >= Self.minimumPrecision, "\(result.summary)")
        // Every entry in an attribute, a comment or a script is found.
        for location in ["attribute", "comment", "script"] {
            #expect(result.byLocation[location]?.missed ?? 0 == 0, "missed in \(location)")
        }
    }
}

/// Writes a line for people reading the test log (standard error: not buffered, so it shows
/// even when the test process ends abruptly).
func report(_ text: String) {
    FileHandle.standardError.write(Data((text + "\n").utf8))
}
