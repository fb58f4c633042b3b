import Foundation
import Testing
@testable import Beian

/// The JSON written straight into bytes is the JSON of the value tree, byte for byte.
@Suite struct JSONWriterTests {
    @Test func writtenReportsAndLinesAreTheTreesBytes() throws {
        for sample in try Samples.all() {
            let report = scanner.check(sample.bytes, source: sample.source)
            var written: [UInt8] = []
            ReportJSON.append(report: report, to: &written)
            #expect(String(decoding: written, as: UTF8.self) == ReportJSON.value(of: report).serialized(), "\(sample.source)")
            for finding in report.findings {
                var line: [UInt8] = []
                ReportJSON.appendLine(finding: finding, source: sample.source, to: &line)
                #expect(String(decoding: line, as: UTF8.self) == ReportJSON.line(finding: finding, source: sample.source).serialized())
            }
            var document: [UInt8] = []
            ReportJSON.appendLine(documentOf: sample.source, encoding: report.encoding, issues: report.issues,
                                  valid: report.isValid, to: &document)
            #expect(String(decoding: document, as: UTF8.self) == ReportJSON.line(
                documentOf: sample.source, encoding: report.encoding, issues: report.issues, valid: report.isValid).serialized())
        }
    }

    /// A report streamed as head, findings and tail — flushed between findings, as the CLI
    /// does — is the report written whole.
    @Test func aStreamedReportIsTheWholeReport() throws {
        for sample in try Samples.all() {
            let report = scanner.check(sample.bytes, source: sample.source)
            var flushed: [UInt8] = []
            var pending: [UInt8] = []
            ReportJSON.appendReportHead(source: report.source, url: nil, isHTML: report.isHTML, encoding: report.encoding,
                                        to: &pending)
            for (index, finding) in report.findings.enumerated() {
                ReportJSON.append(finding: finding, to: &pending, first: index == 0)
                flushed += pending
                pending.removeAll()
            }
            ReportJSON.appendReportTail(issues: report.issues, valid: report.isValid, to: &pending)
            flushed += pending
            #expect(String(decoding: flushed, as: UTF8.self) == ReportJSON.value(of: report).serialized(), "\(sample.source)")
        }
    }

    /// Strings that need escapes come back as they went in, and the escapes are JSON's.
    @Test func stringsNeedingEscapesRoundTrip() throws {
        let strings = ["plain", "引号\"和\\反斜杠", "tab\tline\nreturn\r", "\u{01}\u{1F}", "行\u{2028}段\u{2029}", "", "end\u{E2}"]
        for text in strings {
            var writer = JSONWriter()
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
            #expect(String(decoding: writer.bytes, as: UTF8.self)
                == JSONValue.array([.string(text), .int(-12), .int(1_234_567_890_123), .int(0)]).serialized())
        }
    }
}
