import CBeianScan
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

    /// The copying search stops where the plain search does, at every position of short
    /// strings (read a word at a time) and long ones (blocks and an overlapping tail), and
    /// copies the bytes before it. The plain bytes include the neighbours of every special
    /// one (0x20, 0x21, 0x23, 0x5B, 0x5D, 0xE1, 0xE3) and bytes above 0x7F.
    @Test func copyingStopsWhereThePlainSearchStops() {
        let plain: [UInt8] = [0x20, 0x21, 0x23, 0x5B, 0x5D, 0x7F, 0x80, 0xE1, 0xE3, 0xFF, 0x61, 0xE5, 0xA4]
        let specials: [UInt8] = [0x00, 0x0A, 0x1F, 0x22, 0x5C, 0xE2]
        for length in 0...40 {
            let base = (0..<length).map { plain[($0 * 7) % plain.count] }
            var inputs = [base]
            for position in 0..<length {
                for special in specials {
                    var input = base
                    input[position] = special
                    inputs.append(input)
                    // A second special after the first: the first one counts.
                    if position + 3 < length { input[position + 3] = 0x22 }
                    inputs.append(input)
                }
            }
            for input in inputs {
                // Padded, so that no length reads past what the array holds.
                let padded = input + [0x61]
                var output = [UInt8](repeating: 0xEE, count: length + 16)
                let (copied, expected) = padded.withUnsafeBufferPointer { bytes in
                    output.withUnsafeMutableBufferPointer { target in
                        (beian_json_copy_plain(target.baseAddress!, bytes.baseAddress!, length),
                         beian_json_plain_prefix(bytes.baseAddress!, length))
                    }
                }
                let first = input.firstIndex { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C || $0 == 0xE2 } ?? length
                #expect(copied == first && expected == first, "\(input)")
                #expect(Array(output[0..<first]) == Array(input[0..<first]), "\(input)")
            }
        }
    }

    /// Integers are written as Swift prints them: around every power of ten, and at the ends.
    @Test func integersAreWrittenAsSwiftPrintsThem() {
        var values = [0, 1, 9, -1, -12, Int.max, Int.min, 999_999_999_999_999_999, 1_000_000_000_000_000_000]
        var power = 1
        for _ in 0..<18 {
            values += [power - 1, power, power + 1, power * 7 + 3]
            power *= 10
        }
        for value in values {
            let writer = JSONWriter(capacity: 1)
            writer.int(value)
            #expect(String(decoding: writer.bytes, as: UTF8.self) == String(value))
        }
    }
}
