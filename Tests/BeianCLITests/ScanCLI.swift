import Foundation
import Testing

/// `beian scan`: JSONL lines, exit codes as grep's, unreadable and binary inputs, stdin.
extension CLITests {
    @Test func scanAFolderGivesTheSameFindingsAsCheckWithoutInterleaving() throws {
        let result = try run(["scan", "--jobs", "2", "Samples/footers"])
        #expect(result.status == 0)
        let objects = try lines(result.stdout)
        #expect(objects.allSatisfy { $0["schema_version"] as? Int == 1 })
        // Each input's lines are contiguous: once another source starts, an earlier one never returns.
        var seen: [String] = []
        for source in objects.map({ $0["source"] as! String }) where seen.last != source {
            #expect(!seen.contains(source), "\(source) interleaved")
            seen.append(source)
        }
        let footers = try FileManager.default.contentsOfDirectory(atPath: Self.root.appendingPathComponent("Samples/footers").path)
        #expect(Set(seen) == Set(footers.map { "Samples/footers/\($0)" }))
        // Same findings and offsets as `check`, here for the GB2312-declared page.
        let check = try run(["check", "--format", "json", "Samples/footers/gbk.html"])
        let expected = (try lines(check.stdout)[0]["findings"] as! [[String: Any]]).map { "\($0["kind"]!) \($0["start"]!) \($0["end"]!)" }
        let scanned = objects.filter { $0["source"] as? String == "Samples/footers/gbk.html" && $0["type"] as? String == "finding" }
            .map { "\($0["kind"]!) \($0["start"]!) \($0["end"]!)" }
        #expect(scanned == expected)
        #expect(expected.count == 3)
    }

    @Test func scanExitsOneWhenNothingIsFoundAndTwoForUnreadablePaths() throws {
        let nothing = try run(["scan", "Samples/footers/nothing.txt"])
        #expect(nothing.status == 1)
        let document = try #require(try lines(nothing.stdout).first)
        #expect(document["type"] as? String == "document")
        #expect((document["issues"] as? [[String: Any]])?.first?["code"] as? String == "no_findings")
        #expect(document["encoding"] as? String == "UTF-8")

        let mixed = try run(["scan", "/no/such/file", "Samples/ichongqing.txt"])
        #expect(mixed.status == 2)
        #expect(mixed.stderr.contains("/no/such/file") && mixed.stderr.contains("无法读取") && mixed.stderr.contains("cannot read"))
        #expect(try lines(mixed.stdout).filter { $0["type"] as? String == "finding" }.count == 3)
    }

    @Test func binaryFilesAreSkippedWithANote() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("beian-binary-\(getpid()).dat")
        try Data([0x7F, 0x45, 0x4C, 0x46, 0x00, 0x01] + Array("京ICP备05002571号".utf8)).write(to: path)
        defer { try? FileManager.default.removeItem(at: path) }
        let result = try run(["scan", path.path])
        #expect(result.status == 1)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.contains("binary file, skipped") && result.stderr.contains("二进制文件"))
    }

    /// `--whole` reads a dump as one document: one source, offsets in the stream.
    @Test func scanReadsAWholeStreamFromStandardInput() throws {
        let page = "<html><body><p>京ICP备05002571号</p></body></html>\n"
        let result = try run(["scan", "--whole", "-"], stdin: String(repeating: page, count: 3))
        #expect(result.status == 0)
        let findings = try lines(result.stdout).filter { $0["type"] as? String == "finding" }
        #expect(findings.map { $0["source"] as! String } == ["-", "-", "-"])
        #expect(findings.map { $0["start"] as! Int } == [15, 15 + page.utf8.count, 15 + 2 * page.utf8.count])
        #expect(findings.allSatisfy { $0["phone_type"] is NSNull })
    }

    /// A dump of pages on standard input is one document per page (`-`, `-#2` …), each with its
    /// own encoding and page checks: a UTF-8, a GBK and a Big5 page all give their registrations,
    /// and two provinces on two pages are no inconsistency.
    @Test func scanSplitsADumpIntoPages() throws {
        let utf8 = Data("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"></head><body>京ICP备05002571号</body></html>\n".utf8)
        // 粤ICP备12045678号 in GBK and 滬ICP備13041234號 in Big5.
        let gbkFiling: [UInt8] = [0xD4, 0xC1, 0x49, 0x43, 0x50, 0xB1, 0xB8, 0x31, 0x32, 0x30, 0x34, 0x35, 0x36, 0x37, 0x38, 0xBA, 0xC5]
        let big5Filing: [UInt8] = [0xBA, 0xAD, 0x49, 0x43, 0x50, 0xB3, 0xC6, 0x31, 0x33, 0x30, 0x34, 0x31, 0x32, 0x33, 0x34, 0xB8, 0xB9]
        let gbk = Data("<!doctype HTML>\n<html><head><meta charset=\"gbk\"></head><body>".utf8) + Data(gbkFiling)
            + Data("</body></html>\n".utf8)
        let big5 = Data("<html lang=\"zh-Hant\"><head><meta charset=\"big5\"></head><body>".utf8) + Data(big5Filing)
            + Data("</body></html>\n".utf8)
        let result = try run(["scan", "-"], stdinBytes: utf8 + gbk + big5)
        #expect(result.status == 0)
        let parsed = try lines(result.stdout)
        let findings = parsed.filter { $0["type"] as? String == "finding" }
        #expect(findings.map { $0["source"] as! String } == ["-", "-#2", "-#3"])
        #expect(findings.map { $0["raw"] as! String } == ["京ICP备05002571号", "粤ICP备12045678号", "滬ICP備13041234號"])
        // Offsets are within each page.
        #expect(findings[1]["start"] as? Int == gbk.range(of: Data("<body>".utf8))!.upperBound)
        let codes = parsed.flatMap { ($0["issues"] as! [[String: Any]]).map { $0["code"] as! String } }
        #expect(!codes.contains("province_inconsistent"))
    }

    @Test func scanTextFormatIsBilingual() throws {
        let result = try run(["scan", "--format", "text", "Samples/ichongqing.txt"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("Samples/ichongqing.txt:") && result.stdout.contains("渝ICP备20009753号-2"))
        #expect(result.stdout.contains("类型") && result.stdout.contains("kind"))
    }
}
