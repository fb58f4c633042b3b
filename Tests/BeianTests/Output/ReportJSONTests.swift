import Foundation
import Testing
@testable import Beian

@Suite struct ReportJSONTests {
    nonisolated(unsafe) static let schema: [String: Any] = {
        let url = packageRoot.appendingPathComponent("Samples/schema/check.schema.json")
        let data = try! Data(contentsOf: url)
        return try! JSONSerialization.jsonObject(with: data) as! [String: Any]
    }()

    private func parse(_ value: JSONValue) throws -> Any {
        try JSONSerialization.jsonObject(with: Data(value.serialized().utf8), options: [.fragmentsAllowed])
    }

    @Test func everySampleReportMatchesTheSchema() throws {
        let validator = SchemaValidator(root: Self.schema)
        for sample in try Samples.all() {
            let report = scanner.check(sample.bytes, source: sample.source)
            let errors = validator.errors(try parse(ReportJSON.value(of: report)), Self.schema)
            #expect(errors.isEmpty, "\(sample.source): \(errors)")
        }
    }

    /// `beian scan` lines of every sample: findings and the document line match scan.schema.json.
    @Test func everySampleScanLineMatchesTheScanSchema() throws {
        let url = packageRoot.appendingPathComponent("Samples/schema/scan.schema.json")
        let schema = try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as! [String: Any]
        let validator = SchemaValidator(root: schema)
        for sample in try Samples.all() {
            let report = scanner.check(sample.bytes, source: sample.source)
            var lines = report.findings.map { ReportJSON.line(finding: $0, source: sample.source) }
            lines.append(ReportJSON.line(documentOf: sample.source, encoding: report.encoding, issues: report.issues, valid: report.isValid))
            for line in lines {
                let object = try parse(line)
                let errors = validator.errors(object, schema)
                #expect(errors.isEmpty, "\(sample.source): \(errors)")
                // The line type and the phone type do not collide.
                let fields = object as! [String: Any]
                #expect(fields["type"] as? String == "finding" || fields["type"] as? String == "document")
            }
        }
    }

    @Test func unreadableInputsMatchTheSchema() throws {
        let validator = SchemaValidator(root: Self.schema)
        let line = ReportJSON.value(ofError: .unreadable(path: "/nope", detail: "No such file or directory"), source: "/nope")
        #expect(validator.errors(try parse(line), Self.schema).isEmpty)
    }

    @Test func theValidatorRejectsWhatTheSchemaForbids() throws {
        let validator = SchemaValidator(root: Self.schema)
        var object = try parse(ReportJSON.value(of: scanner.check("渝ICP备20009753号-2"))) as! [String: Any]
        var finding = (object["findings"] as! [[String: Any]])[0]
        finding.removeValue(forKey: "site")
        object["findings"] = [finding]
        #expect(!validator.errors(object, Self.schema).isEmpty, "a missing field must fail")
        finding["site"] = NSNull()
        finding["kind"] = "icp"
        object["findings"] = [finding]
        #expect(!validator.errors(object, Self.schema).isEmpty, "an unknown kind must fail")
    }

    @Test func fieldsAreAlwaysPresentAndNullWhenNotApplicable() throws {
        let report = scanner.check("渝ICP备20009753号-2")
        let object = try parse(ReportJSON.value(of: report)) as! [String: Any]
        let finding = (object["findings"] as! [[String: Any]])[0]
        #expect(finding.count == 30)
        #expect([finding["line"], finding["column"], finding["end_line"], finding["end_column"]].map { $0 as? Int } == [1, 1, 1, 17])
        #expect(finding["area_code"] is NSNull)
        #expect(finding["site"] as? String == "2")
        #expect((finding["province"] as? [String: Any])?["abbr"] as? String == "渝")
        #expect(finding["display"] as? [String: String] == ["zh": "渝ICP备20009753号-2", "en": "Chongqing ICP Filing No. 20009753-2"])
        #expect(finding["candidates"] is NSNull && finding["division_name"] is NSNull && finding["date"] is NSNull)
    }

    @Test func stringsAreEscaped() {
        #expect(JSONValue.string("a\"b\\c\n\u{1}京").serialized() == #""a\"b\\c\n\u0001京""#)
        // Line separators end lines in JavaScript; other characters after E2 stay as they are.
        #expect(JSONValue.string("\u{1F}x\u{2028}y\u{2029}–\u{2027}").serialized() == "\"\\u001fx\\u2028y\\u2029–\u{2027}\"")
        #expect(JSONValue.object([("k\t", .array([.int(-3), .null, .bool(true)]))]).serialized() == #"{"k\t":[-3,null,true]}"#)
    }
}

/// The files in Samples/ and their expected JSON in Samples/expected/.
enum Samples {
    struct Sample {
        let source: String
        let bytes: [UInt8]
        let expected: URL
    }

    static func all() throws -> [Sample] {
        let folder = packageRoot.appendingPathComponent("Samples")
        var paths = ["ichongqing.txt"]
        let footers = try FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("footers").path)
        paths += footers.sorted().map { "footers/\($0)" }
        return try paths.map { path in
            let url = folder.appendingPathComponent(path)
            let name = url.deletingPathExtension().lastPathComponent
            return Sample(source: "Samples/\(path)", bytes: Array(try Data(contentsOf: url)),
                          expected: folder.appendingPathComponent("expected/\(name).json"))
        }
    }
}

@Suite struct SamplesTests {
    /// Each sample's report equals its reviewed expected JSON (year checks as of 2026).
    @Test func samplesGiveTheirExpectedJSON() throws {
        let samples = try Samples.all()
        #expect(samples.count >= 8)
        for sample in samples {
            let actual = Data(ReportJSON.value(of: scanner.check(sample.bytes, source: sample.source)).serialized().utf8)
            let expected = try Data(contentsOf: sample.expected)
            #expect(try normalised(actual) == normalised(expected), "\(sample.source) differs from \(sample.expected.lastPathComponent)")
        }
    }

    /// JSON re-serialised with sorted keys, so that layout and key order do not matter.
    private func normalised(_ data: Data) throws -> String {
        let object = try JSONSerialization.jsonObject(with: data)
        return String(decoding: try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]), as: UTF8.self)
    }

    @Test func samplesCoverEveryKindAndEveryIssueCode() throws {
        var kinds = Set<Kind>(), issues = Set<IssueCode>()
        for sample in try Samples.all() {
            let report = scanner.check(sample.bytes, source: sample.source)
            kinds.formUnion(report.findings.map(\.kind))
            issues.formUnion(report.issues.map(\.code))
            issues.formUnion(report.findings.flatMap { $0.issues.map(\.code) })
        }
        #expect(kinds == Set(Kind.allCases))
        // missing_required needs --require; the CLI tests cover it.
        #expect(Set(IssueCode.allCases).subtracting(issues) == [.missingRequired])
    }

    @Test func iChongqingIsExactlyTheIssuesModel() throws {
        let sample = try #require(try Samples.all().first { $0.source == "Samples/ichongqing.txt" })
        let report = scanner.check(sample.bytes, source: sample.source)
        #expect(report.findings.map(\.kind) == [.hotline, .icpFiling, .newsLicence])
        #expect(report.findings.map(\.number) == ["+862367158993", "20009753", "50120220004"])
        #expect(report.findings.allSatisfy { $0.province?.code == "50" && $0.isValid })
        #expect(report.findings[0].areaCode == "23")
        #expect(report.findings[1].site == "2")
        #expect((report.findings[2].category, report.findings[2].year) == (1, 2022))
        #expect(report.isValid && report.issues.isEmpty)
        for finding in report.findings {
            #expect(String(decoding: sample.bytes[finding.start..<finding.end], as: UTF8.self) == finding.raw)
        }
    }
}
