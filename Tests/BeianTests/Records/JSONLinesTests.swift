import Foundation
import Testing
@testable import Beian

/// JSON-lines page records: each line a page or an error, plain or gzip.
@Suite struct JSONLinesRecordsTests {
    func events(_ name: String) throws -> [JSONLinesReader.Event] {
        let reader = try JSONLinesReader(path: recordFixture(name))
        var events: [JSONLinesReader.Event] = []
        while let event = reader.next() { events.append(event) }
        return events
    }

    func checkFixture(_ name: String) throws {
        let events = try events(name)
        #expect(events.count == 10)
        var records: [Int: PageRecord] = [:]
        var errors: [Int: JSONLineError.Code] = [:]
        for event in events {
            switch event {
            case .record(let page): records[page.origin.line!] = page
            case .error(let line, let error):
                errors[line] = error.code
                #expect(!error.message.zh.isEmpty && !error.message.en.isEmpty)
            case .problem(let problem): Issue.record("\(problem)")
            }
        }
        #expect(records.keys.sorted() == [1, 2, 7, 11])
        #expect(errors == [3: .notJSON, 4: .noBody, 5: .badBase64, 8: .notObject, 9: .twoBodies, 10: .unknownKind])

        let first = records[1]!
        #expect(first.url == "https://www.example.cn/" && first.name == "https://www.example.cn/")
        #expect(first.origin == .jsonl(line: 1, id: nil))
        #expect(first.required == [.icpFiling, .publicSecurityFiling])
        #expect(first.encoding == "UTF-8")
        #expect(first.body == manifestRecords("pages.warc")[2].content)
        let report = checkPage(first)
        #expect(report.findings == scanner.check(first.body, encoding: "UTF-8").findings)
        #expect(report.findings.map(\.canonical) == ["京ICP备05002571号-1", "京公网安备11010802020088号"])
        #expect(!report.issues.contains { $0.code == .missingRequired })

        // GBK bytes in Base64; the charset comes from content_type, as in WARC.
        let gbk = records[2]!
        #expect(gbk.origin == .jsonl(line: 2, id: "gbk-1") && gbk.name == "gbk-1")
        #expect(gbk.declaredCharset == "GBK" && gbk.encoding == nil)
        #expect(gbk.body == manifestRecords("pages.warc")[3].content)
        let gbkReport = checkPage(gbk)
        #expect(gbkReport.findings == scanner.check(gbk.body, declaredCharset: "GBK").findings)
        #expect(gbkReport.findings.map(\.canonical) == ["粤ICP备12045678号"])

        // Escapes undone: \u4eac is 京, a surrogate pair is one emoji.
        let escaped = records[7]!
        #expect(escaped.origin.id == "escaped")
        #expect(String(decoding: escaped.body, as: UTF8.self) == "京ICP备05002571号-1 😀")
        #expect(checkPage(escaped).findings.map(\.canonical) == ["京ICP备05002571号-1"])
        #expect(records[11]!.origin.json.serialized() == #"{"line":11,"id":null}"#)
    }

    @Test func plainFile() throws { try checkFixture("pages.jsonl") }

    @Test func gzipFile() throws { try checkFixture("pages.jsonl.gz") }

    @Test func numericIDAndOrigins() throws {
        let events = try events("pages.jsonl")
        guard case .error(5, let error) = events[4] else {
            Issue.record("\(events[4])")
            return
        }
        #expect(error.code == .badBase64)
        guard case .success(let page) = JSONLines.parse(line: Array(#"{"id": 7, "body": "x"}"#.utf8), number: 3) else {
            Issue.record("no page")
            return
        }
        #expect(page.origin == .jsonl(line: 3, id: "7"))
        let origin = RecordOrigin.warc(file: "a.warc.gz", id: "<urn:uuid:1>", offset: nil, uncompressedOffset: 12, date: nil)
        #expect(origin.json.serialized() == #"{"file":"a.warc.gz","id":"<urn:uuid:1>","offset":null,"uncompressed_offset":12,"date":null}"#)
    }

    func code(_ line: String, limit: Int = JSONLines.maximumBodySize) -> JSONLineError.Code? {
        if case .failure(let error) = JSONLines.parse(line: Array(line.utf8), number: 1, maximumBodySize: limit) { return error.code }
        return nil
    }

    @Test func lineErrors() {
        #expect(code(#"{"body": "abc"}"#) == nil)
        #expect(code(#"{"body": "abc"} x"#) == .notJSON)
        #expect(code(#"{"body": "abc""#) == .notJSON)
        #expect(code(#"{"body": "a\qc"}"#) == .notJSON)
        #expect(code(#"{"body": 12}"#) == .badField)
        #expect(code(#"{"body": "x", "url": 5}"#) == .badField)
        #expect(code(#"{"body": "x", "required": "icp_filing"}"#) == .badField)
        #expect(code(#"{"body": "x", "required": [1]}"#) == .badField)
        #expect(code(#"{"body": null}"#) == .noBody)
        #expect(code(#"{}"#) == .noBody)
        #expect(code(#"42"#) == .notObject)
        #expect(code(#"nul"#) == .notJSON)
        #expect(code(#"{"a": [1, 2.5, -0.5e+3, {"b": false}], "body": "x"}"#) == nil)
        #expect(code(#"{"a": 01, "body": "x"}"#) == .notJSON)
        #expect(code(#"{"body": "12345"}"#, limit: 4) == .bodyTooLarge)
        #expect(code(#"{"body_base64": "MTIzNDU="}"#, limit: 4) == .bodyTooLarge)
        #expect(code(#"{"body_base64": "MTIzNA=="}"#, limit: 4) == nil)
        #expect(code(#"{"body_base64": "MTIzN"}"#) == .badBase64)
        #expect(code(#"{"body_base64": "MT=IzNA"}"#) == .badBase64)
        #expect(Base64.decode(Array("5Lqs\nSUNQ".utf8), limit: 100) == Array("京ICP".utf8))
        #expect(Base64.decode(Array("_-8".utf8), limit: 100) == [0xff, 0xef])
        #expect(Base64.decode(Array("".utf8), limit: 100) == [])
    }

    @Test func overlongLineIsPassedOver() throws {
        let folder = try temporaryFolder("jsonl")
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("long.jsonl").path
        let limit = 1000
        let long = #"{"id": "long", "body": ""# + String(repeating: "长", count: 600_000) + "\"}"
        let text = #"{"id": "a", "body": "京ICP备05002571号-1"}"# + "\n" + long + "\r\n\n" + #"{"id": "b", "body": "x"}"#
        _ = FileManager.default.createFile(atPath: path, contents: Data(text.utf8))
        let reader = try JSONLinesReader(path: path, maximumBodySize: limit)
        #expect(reader.maximumLineLength == JSONLines.maximumLineLength(forBodySize: limit))
        var events: [JSONLinesReader.Event] = []
        while let event = reader.next() { events.append(event) }
        #expect(events.count == 3)
        if case .record(let page) = events[0] { #expect(page.origin.id == "a") } else { Issue.record("\(events[0])") }
        if case .error(2, let error) = events[1] { #expect(error.code == .lineTooLong) } else { Issue.record("\(events[1])") }
        // The last line has no line end.
        if case .record(let page) = events[2] { #expect(page.origin == .jsonl(line: 4, id: "b")) } else { Issue.record("\(events[2])") }
    }
}
