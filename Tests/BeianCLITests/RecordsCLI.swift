import Foundation
import Testing

/// Crawl files through `beian scan` and `beian check`: one document per page record, named by
/// its URL and carrying its record; faults said on standard error without losing the rest.
extension CLITests {
    static let warcFolder = "Tests/BeianTests/Fixtures/warc"

    /// The manifest's records (as warcio reads them) of one fixture file.
    private func manifest(_ file: String) throws -> [[String: Any]] {
        let url = Self.root.appendingPathComponent("\(Self.warcFolder)/manifest.json")
        let object = try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as! [String: Any]
        return object[file] as! [[String: Any]]
    }

    @Test func scanOfAWARCNamesEachFindingByItsRecord() throws {
        let path = "\(Self.warcFolder)/pages.warc.gz"
        let result = try run(["scan", "--format", "jsonl", path])
        #expect(result.status == 0)
        let findings = try lines(result.stdout).filter { $0["type"] as? String == "finding" }
        let records = try manifest("pages.warc.gz")
        let pages = records.filter { ["response", "resource"].contains($0["type"] as? String) }
        #expect(!findings.isEmpty)
        for finding in findings {
            let record = try #require(finding["record"] as? [String: Any])
            #expect(record["file"] as? String == path)
            // Source, id and offset are the record's as warcio reads it.
            let page = try #require(pages.first { $0["id"] as? String == record["id"] as? String })
            #expect(finding["source"] as? String == page["uri"] as? String)
            #expect(record["offset"] as? Int == page["offset"] as? Int)
            #expect(record["uncompressed_offset"] is Int && record["date"] is String)
        }
        // The GBK page, whose charset is only in the HTTP header, gives its filing.
        #expect(findings.contains { $0["source"] as? String == "http://gbk.example.cn/index.html" && $0["raw"] as? String == "粤ICP备12045678号" })
        // The closing line counts what was read and skipped.
        #expect(result.stderr.contains("records read: 8; skipped: 6") && result.stderr.contains("读取记录 8 条"))
        #expect(result.stderr.contains("revisit 1"))
    }

    /// check prints one report per record, in file order, with the findings scan gives.
    @Test func checkOfAWARCGivesOneReportPerRecord() throws {
        let path = "\(Self.warcFolder)/pages.warc"
        let checked = try run(["check", "--format", "json", path])
        #expect(checked.status == 0)
        let reports = try lines(checked.stdout)
        let offsets = try manifest("pages.warc").filter { ["response", "resource"].contains($0["type"] as? String) }
            .map { $0["offset"] as! Int }
        let reported = reports.map { ($0["record"] as! [String: Any])["offset"] as! Int }
        #expect(reported == reported.sorted() && Set(reported).isSubset(of: Set(offsets)))
        let scanned = try lines(try run(["scan", "--format", "jsonl", path]).stdout).filter { $0["type"] as? String == "finding" }
        let fromCheck = reports.flatMap { report in
            (report["findings"] as! [[String: Any]]).map { "\(report["source"]!) \($0["raw"]!) \($0["start"]!)" }
        }
        #expect(fromCheck == scanned.map { "\($0["source"]!) \($0["raw"]!) \($0["start"]!)" })
    }

    /// A corrupt gzip member in the middle: reported with its offset, the records after it
    /// still read, exit 2.
    @Test func aCorruptMemberLosesNothingElse() throws {
        let result = try run(["scan", "--format", "jsonl", "\(Self.warcFolder)/corrupt-member.warc.gz"])
        #expect(result.status == 2)
        let sources = try lines(result.stdout).compactMap { $0["source"] as? String }
        #expect(sources.contains("https://a.example.cn/") && sources.contains("https://d.example.cn/"))
        #expect(result.stderr.contains("@348") && result.stderr.contains("corrupt") && result.stderr.contains("损坏"))
    }

    /// Standard input is read as WARC or JSON lines when told so.
    @Test func recordsFromStandardInput() throws {
        let warc = try Data(contentsOf: Self.root.appendingPathComponent("\(Self.warcFolder)/pages.warc.gz"))
        let fromFile = try lines(try run(["scan", "--format", "jsonl", "\(Self.warcFolder)/pages.warc.gz"]).stdout)
        let fromStdin = try lines(try run(["scan", "--format", "jsonl", "--input", "warc", "-"], stdinBytes: warc).stdout)
        #expect(fromStdin.map { "\($0["source"]!) \($0["raw"] ?? "")" } == fromFile.map { "\($0["source"]!) \($0["raw"] ?? "")" })
        #expect(fromStdin.allSatisfy { ($0["record"] as? [String: Any])?["file"] as? String == "-" })

        let requests = #"{"url":"https://a.cn/","body":"京ICP备05002571号-1"}"# + "\n" + "oops\n" + #"{"id":"b","body":"沪ICP备13041234号"}"# + "\n"
        let result = try run(["scan", "--format", "jsonl", "--input", "jsonl", "-"], stdin: requests)
        #expect(result.status == 2)  // The bad line.
        let found = try lines(result.stdout)
        #expect(found.map { $0["source"] as! String } == ["https://a.cn/", "b"])
        #expect(found.map { ($0["record"] as! [String: Any])["line"] as! Int } == [1, 3])
        #expect(result.stderr.contains("line 2") && result.stderr.contains("第 2 行"))
    }

    /// A gzip file that is not WARC is one page; a .jsonl name is read as records.
    @Test func gzipPagesAndJSONLinesByName() throws {
        let page = try run(["scan", "--format", "jsonl", "\(Self.warcFolder)/page.html.gz"])
        #expect(page.status == 0)
        let findings = try lines(page.stdout)
        #expect(!findings.isEmpty && findings.allSatisfy { $0["record"] is NSNull })
        let records = try run(["check", "--format", "json", "\(Self.warcFolder)/pages.jsonl.gz"])
        #expect(try lines(records.stdout).allSatisfy { ($0["record"] as? [String: Any])?["line"] is Int })
    }
}
