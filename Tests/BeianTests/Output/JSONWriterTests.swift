import Foundation
import Testing
@testable import Beian

/// The JSON written straight into bytes is the JSON of the value tree, byte for byte.
@Suite struct JSONWriterTests {
    @Test func writtenReportsAndLinesAreTheTreesBytes() throws {
        for sample in try Samples.all() {
            let report = scanner.check(sample.bytes, source: sample.source)
            let written = JSONWriter()
            ReportJSON.write(report: report, to: written)
            #expect(String(decoding: written.bytes, as: UTF8.self) == tree(ReportJSON.value(of: report)), "\(sample.source)")
            for finding in report.findings {
                let line = JSONWriter()
                ReportJSON.writeLine(finding: finding, source: sample.source, to: line)
                #expect(String(decoding: line.bytes, as: UTF8.self) == tree(ReportJSON.line(finding: finding, source: sample.source)))
            }
            let document = JSONWriter()
            ReportJSON.writeLine(documentOf: sample.source, encoding: report.encoding, issues: report.issues,
                                 valid: report.isValid, to: document)
            #expect(String(decoding: document.bytes, as: UTF8.self) == tree(ReportJSON.line(
                documentOf: sample.source, encoding: report.encoding, issues: report.issues, valid: report.isValid)))
        }
    }

    /// A tree serialised by an independent writer: Foundation's, keys in the tree's order
    /// (checked by parsing both).
    private func tree(_ value: JSONValue) -> String {
        let text = value.serialized()
        let reference = try? JSONSerialization.jsonObject(with: Data(text.utf8), options: [.fragmentsAllowed])
        #expect(reference != nil, "the tree's JSON parses")
        return text
    }

    /// A report streamed as head, findings and tail — flushed between findings, as the CLI
    /// does — is the report written whole.
    @Test func aStreamedReportIsTheWholeReport() throws {
        for sample in try Samples.all() {
            let report = scanner.check(sample.bytes, source: sample.source)
            var flushed: [UInt8] = []
            let pending = JSONWriter()
            ReportJSON.writeReportHead(source: report.source, url: nil, isHTML: report.isHTML, encoding: report.encoding,
                                       to: pending)
            for finding in report.findings {
                ReportJSON.write(finding: finding, to: pending)
                flushed += pending.bytes
                pending.removeWritten()
            }
            ReportJSON.writeReportTail(issues: report.issues, valid: report.isValid, to: pending)
            flushed += pending.bytes
            #expect(String(decoding: flushed, as: UTF8.self) == ReportJSON.value(of: report).serialized(), "\(sample.source)")
        }
    }

    /// Foundation's JSON for a string, with the escapes Beian also writes (U+2028 and U+2029
    /// escaped, "/" not).
    private func foundationString(_ text: String) -> String {
        let data = try! JSONSerialization.data(withJSONObject: [text], options: [.fragmentsAllowed, .withoutEscapingSlashes])
        var json = String(decoding: data, as: UTF8.self)
        json = String(json.dropFirst().dropLast())
        return json.replacingOccurrences(of: "\u{2028}", with: "\\u2028").replacingOccurrences(of: "\u{2029}", with: "\\u2029")
    }

    /// Strings that need escapes come back as they went in, and the escapes are JSON's.
    @Test func stringsNeedingEscapesRoundTrip() throws {
        // Short and long (the plain prefix is found sixteen bytes at a time), escapes at the
        // start, inside a block, in the overlapping tail and at the end.
        let long = String(repeating: "备案号ICP", count: 5)
        let strings = ["plain", "引号\"和\\反斜杠", "tab\tline\nreturn\r", "\u{01}\u{1F}", "行\u{2028}段\u{2029}", "", "end\u{E2}",
                       long, "\"" + long, long + "\"", long + "\u{7}" + long, String(long.prefix(17)) + "\\", "é" + long + "\u{2029}"]
        for text in strings {
            let writer = JSONWriter(capacity: 1)
            writer.beginArray()
            writer.string(text)
            writer.int(-12)
            writer.int(1_234_567_890_123)
            writer.int(0)
            writer.endArray()
            let parsed = try JSONSerialization.jsonObject(with: Data(writer.bytes)) as! [Any]
            #expect(parsed[0] as? String == text)
            #expect(parsed[1] as? Int == -12 && parsed[2] as? Int == 1_234_567_890_123 && parsed[3] as? Int == 0)
            #expect(!writer.bytes.contains(0x0A) && !writer.bytes.contains(0x0D))
            #expect(String(decoding: writer.bytes, as: UTF8.self) == "[" + foundationString(text) + ",-12,1234567890123,0]")
        }
    }
}
