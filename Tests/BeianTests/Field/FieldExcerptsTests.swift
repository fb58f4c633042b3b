import Foundation
import Testing
@testable import Beian

/// Short real footers collected from public sources and annotated by hand
/// (`Fixtures/field-excerpts.jsonl`, described in `Fixtures/FIELD-EXCERPTS.md`): what the
/// field corpus is thin on — traditional, English and pinyin footers, 合字 licences, USCCs,
/// government sites. Committed, so this test runs in every clone.
@Suite struct FieldExcerptsTests {
    static let file = packageRoot.appendingPathComponent("Tests/BeianTests/Fixtures/field-excerpts.jsonl")

    /// What Beian reaches on the excerpts today; a drop fails the test.
    static let minimumRecall = 0.92
    static let minimumPrecision = 0.98

    @Test func fieldExcerpts() throws {
        var result = FieldScore.Result()
        let lines = try String(contentsOf: Self.file, encoding: .utf8).split(separator: "\n")
        #expect(lines.count >= 80)
        for line in lines {
            let record = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            let id = try #require(record["id"] as? String)
            let text = try #require(record["text"] as? String)
            let html = record["format"] as? String == "html"
            let bytes = Array(text.utf8)
            let annotations = (record["expected"] as? [[String: Any]] ?? []).map { entry -> FieldScore.Annotation in
                let kind = entry["kind"] as? String ?? "other"
                let raw = entry["raw"] as? String ?? ""
                let range = text.range(of: raw).map { text.utf8.distance(from: text.startIndex, to: $0.lowerBound) }
                    .map { $0..<($0 + raw.utf8.count) }
                return FieldScore.Annotation(kind: kind, key: entry["key"] as? String ?? "", raw: raw,
                                             location: FieldScore.location(ofNote: entry["notes"] as? String ?? ""),
                                             optional: kind == "other", range: range)
            }
            let report = scanner.check(bytes, source: id, isHTML: html)
            FieldScore.score(file: id, annotations: annotations, findings: report.findings, into: &result)
        }
        report("Field excerpts (\(lines.count)):\n" + result.summary)
        FieldScore.write(result, name: "field-excerpts")
        #expect(result.total.recall >= Self.minimumRecall, "\(result.summary)")
        #expect(result.total.precision >= Self.minimumPrecision, "\(result.summary)")
    }
}
