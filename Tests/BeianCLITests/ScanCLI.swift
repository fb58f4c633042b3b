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

    @Test func scanReadsAStreamFromStandardInput() throws {
        let page = "<html><body><p>京ICP备05002571号</p></body></html>\n"
        let result = try run(["scan", "-"], stdin: String(repeating: page, count: 3))
        #expect(result.status == 0)
        let findings = try lines(result.stdout).filter { $0["type"] as? String == "finding" }
        #expect(findings.map { $0["source"] as! String } == ["-", "-", "-"])
        #expect(findings.map { $0["start"] as! Int } == [15, 15 + page.utf8.count, 15 + 2 * page.utf8.count])
        #expect(findings.allSatisfy { $0["phone_type"] is NSNull })
    }

    @Test func scanTextFormatIsBilingual() throws {
        let result = try run(["scan", "--format", "text", "Samples/ichongqing.txt"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("Samples/ichongqing.txt:") && result.stdout.contains("渝ICP备20009753号-2"))
        #expect(result.stdout.contains("类型") && result.stdout.contains("kind"))
    }
}
