import Foundation
import Testing
@testable import Beian

/// WARC files read as warcio reads them: the same records, offsets and bodies.
@Suite struct WARCRecordsTests {
    /// What each record of pages.warc gives, by the last digits of its id.
    static let expected: [String: String] = [
        "001": "skip warcinfo", "002": "skip request", "003": "page", "004": "page", "005": "page", "006": "page",
        "007": "page", "008": "page", "009": "skip unsupported_encoding", "010": "skip not_text", "011": "skip revisit",
        "012": "skip metadata", "013": "page", "014": "page",
    ]

    /// Checks the events of one of the three renderings of the main fixture.
    func checkMainFile(_ name: String, offsets: (Int, ManifestRecord) -> Int?) throws {
        let events = try readWARC(recordFixture(name))
        let manifest = manifestRecords("pages.warc")
        #expect(events.compactMap(\.problem).isEmpty, "\(events.compactMap(\.problem))")
        #expect(events.count == manifest.count)
        for (index, (event, record)) in zip(events, manifest).enumerated() {
            guard let origin = event.origin, case let .warc(file, id, offset, uncompressed, date) = origin else {
                Issue.record("record \(index): \(event)")
                continue
            }
            #expect(file == recordFixture(name))
            #expect(id == record.id)
            #expect(date == "2026-03-01T08:00:00Z")
            #expect(uncompressed == record.offset, "record \(record.id)")
            #expect(offset == offsets(index, record), "record \(record.id)")
            let url = event.page?.url ?? event.skip?.url
            #expect(url == record.uri)
            let what = Self.expected[String(record.id.dropLast().suffix(3))]!
            if let page = event.page {
                #expect(what == "page", "\(record.id)")
                #expect(page.body == record.content, "\(record.id)")
                #expect(page.status == record.status)
                // The findings are those of the body warcio extracts, with the declared charset.
                let expected = scanner.check(record.content, source: page.name ?? "-", declaredCharset: page.declaredCharset,
                                             baseURL: page.url)
                #expect(checkPage(page).findings == expected.findings)
            } else if let skip = event.skip {
                #expect(what == "skip \(skip.reason.rawValue)", "\(record.id)")
            }
        }
        let pages = events.compactMap(\.page)
        let canonical = pages.map { checkPage($0).findings.map(\.canonical) }
        #expect(canonical == [
            ["京ICP备05002571号-1", "京公网安备11010802020088号"], ["粤ICP备12045678号"],
            ["沪ICP备13001234号-2", "沪公网安备31010402001234号"], ["浙ICP备10011234号-3"], ["川ICP备18012345号-1"],
            ["鄂ICP备19005678号"], ["苏ICP备17012345号-5"], ["京ICP备05002571号-1"],
        ])
        // The GBK page declares its charset only in HTTP; it is read as GB18030 through it.
        #expect(pages[1].declaredCharset == "GBK")
        #expect(checkPage(pages[1]).encoding == "GB18030")
        #expect(pages[0].contentType == "text/html; charset=utf-8")
        #expect(pages[6].status == nil && pages[6].declaredCharset == "utf-8")
        #expect(pages[7].status == 404)
        let skips = events.compactMap(\.skip)
        #expect(skips.first { $0.reason == .unsupportedEncoding }?.detail == "br")
        #expect(skips.first { $0.reason == .notText }?.detail == "image/png")
    }

    @Test func plainWARC() throws {
        try checkMainFile("pages.warc") { _, record in record.offset }
    }

    @Test func perRecordGzip() throws {
        let members = manifestRecords("pages.warc.gz")
        try checkMainFile("pages.warc.gz") { index, _ in members[index].offset }
        #expect(members.map(\.id) == manifestRecords("pages.warc").map(\.id))
    }

    @Test func wholeFileGzip() throws {
        // Only the first record starts a gzip member.
        try checkMainFile("pages-whole.warc.gz") { index, _ in index == 0 ? 0 : nil }
    }

    /// Gzip members cut anywhere (as BGZF cuts a stream): records cross members and still come out.
    @Test func membersThatCutRecords() throws {
        let folder = try temporaryFolder("bgzf")
        defer { try? FileManager.default.removeItem(at: folder) }
        let output = folder.appendingPathComponent("cut.warc.gz").path
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.currentDirectoryURL = folder
        process.arguments = ["-c", "split -b 700 \"$0\" part. && for f in part.*; do gzip -c \"$f\"; done > \"$1\"",
                             recordFixture("pages.warc"), output]
        try process.run()
        process.waitUntilExit()
        let events = try readWARC(output)
        #expect(events.compactMap(\.problem).isEmpty)
        let manifest = manifestRecords("pages.warc")
        #expect(events.compactMap { $0.origin?.uncompressed } == manifest.map(\.offset))
        #expect(events.compactMap(\.page).map(\.body) == manifest.filter { Self.expected[String($0.id.dropLast().suffix(3))] == "page" }.map(\.content))
        // Only a record that starts where a member starts has a file offset.
        for event in events {
            if let origin = event.origin, case .some(let offset) = origin.warcOffset {
                #expect(offset == nil || origin.uncompressed! % 700 == 0)
                #expect((offset == nil) == (origin.uncompressed! % 700 != 0))
            }
        }
    }

    @Test func sniffing() throws {
        #expect(try WARCReader.sniff(path: recordFixture("pages.warc")) == .warc(compressed: false))
        #expect(try WARCReader.sniff(path: recordFixture("pages.warc.gz")) == .warc(compressed: true))
        #expect(try WARCReader.sniff(path: recordFixture("pages-whole.warc.gz")) == .warc(compressed: true))
        #expect(try WARCReader.sniff(path: recordFixture("page.html.gz")) == .gzip)
        #expect(try WARCReader.sniff(path: recordFixture("pages.jsonl.gz")) == .gzip)
        #expect(try WARCReader.sniff(path: recordFixture("pages.jsonl")) == .other)
        #expect(WARCReader.sniff(head: []) == .other)
        #expect(WARCReader.sniff(head: [0x1f, 0x8b, 0x08]) == .gzip)
        #expect(throws: BeianError.self) { try WARCReader(path: recordFixture("no-such-file.warc")) }
    }

    @Test func notWARCGzipIsOneDocument() throws {
        let gzip = try GzipReader(path: recordFixture("page.html.gz"))
        var bytes: [UInt8] = []
        while let piece = gzip.nextData() { bytes += piece }
        #expect(gzip.problems.isEmpty)
        #expect(bytes == manifestRecords("pages.warc")[2].content)
        #expect(scanner.check(bytes).findings.map(\.canonical) == ["京ICP备05002571号-1", "京公网安备11010802020088号"])
        // Read as WARC, it is no record at all: one problem, nothing else.
        let events = try readWARC(recordFixture("page.html.gz"))
        #expect(events.count == 1)
        #expect(events.first?.problem?.code == .garbage)
    }

    @Test func gzipMembersAndOffsets() throws {
        let gzip = try GzipReader(path: recordFixture("pages.warc.gz"))
        var members: [(Int, Int)] = []
        var total = 0
        while let event = gzip.next() {
            switch event {
            case .member(let offset, let uncompressed): members.append((offset, uncompressed))
            case .data(let bytes): total += bytes.count
            case .problem(let problem): Issue.record("\(problem)")
            }
        }
        #expect(members.map(\.0) == manifestRecords("pages.warc.gz").map(\.offset))
        #expect(members.map(\.1) == manifestRecords("pages.warc").map(\.offset))
        #expect(total == (try Data(contentsOf: URL(fileURLWithPath: recordFixture("pages.warc")))).count)
        #expect(gzip.uncompressedCount == total)
    }
}

/// Damaged WARC files: every fault is a problem, and the records around it still come out.
@Suite struct DamagedWARCRecordsTests {
    let plain = manifestRecords("small.warc")
    let members = manifestRecords("small.warc.gz")

    func pageIDs(_ events: [ReadEvent]) -> [String] { events.compactMap { $0.page?.origin.id } }

    @Test func corruptMemberInTheMiddle() throws {
        let events = try readWARC(recordFixture("corrupt-member.warc.gz"))
        #expect(pageIDs(events) == [members[0].id, members[2].id, members[3].id])
        let corrupt = events.compactMap(\.problem).filter { $0.code == .corruptGzip }
        #expect(corrupt.count == 1)
        #expect(corrupt.first?.offset == members[1].offset)
        #expect(corrupt.first?.file == recordFixture("corrupt-member.warc.gz"))
        #expect(!(corrupt.first?.message.zh.isEmpty ?? true) && !(corrupt.first?.message.en.isEmpty ?? true))
        // The pages after the damage keep their offsets and bodies.
        for page in events.compactMap(\.page) {
            let record = members.first { $0.id == page.origin.id }!
            #expect(page.origin.warcOffset == .some(record.offset))
            #expect(page.body == record.content)
        }
        // Nothing else: the problems are about the second member only (what zlib gave of it
        // before the fault may be a garbled header).
        for problem in events.compactMap(\.problem) {
            #expect([.corruptGzip, .truncatedRecord, .badHeader, .garbage].contains(problem.code), "\(problem)")
            #expect(problem.offset == nil || problem.offset == members[1].offset, "\(problem)")
        }
    }

    @Test func truncatedLastMember() throws {
        let events = try readWARC(recordFixture("truncated.warc.gz"))
        #expect(pageIDs(events) == members[0..<3].map(\.id))
        let problems = events.compactMap(\.problem)
        #expect(problems.contains { $0.code == .truncatedGzip && $0.offset == members[3].offset })
        #expect(problems.allSatisfy { $0.code == .truncatedGzip || $0.code == .truncatedRecord })
        if case .problem = events.last {} else { Issue.record("the last event is no problem") }
    }

    @Test func truncatedLastRecord() throws {
        let events = try readWARC(recordFixture("truncated.warc"))
        #expect(pageIDs(events) == plain[0..<3].map(\.id))
        let problems = events.compactMap(\.problem)
        #expect(problems.count == 1)
        #expect(problems.first?.code == .truncatedRecord)
        #expect(problems.first?.offset == plain[3].offset)
        #expect(problems.first?.recordID == plain[3].id)
    }

    @Test func lyingContentLength() throws {
        let path = recordFixture("lying-length.warc")
        let events = try readWARC(path)
        // The second record's length is too long, the fourth's too short: both are problems,
        // and the third, whose header the second's block overran, still comes out.
        #expect(pageIDs(events) == [plain[0].id, plain[2].id])
        let problems = events.compactMap(\.problem)
        #expect(problems.map(\.code) == [.contentLengthMismatch, .contentLengthMismatch])
        #expect(problems.map(\.recordID) == [plain[1].id, plain[3].id])
        #expect(problems.map(\.offset) == [plainOffset(of: plain[1].id, in: path), plainOffset(of: plain[3].id, in: path)])
        let third = events.compactMap(\.page)[1]
        #expect(third.origin.warcOffset == .some(plainOffset(of: plain[2].id, in: path)))
        #expect(third.body == plain[2].content)
    }

    @Test func lyingContentLengthInAGzipMember() throws {
        let offsets = recordManifest["lying-length.warc.gz offsets"] as! [Int]
        let events = try readWARC(recordFixture("lying-length.warc.gz"))
        #expect(pageIDs(events) == [members[0].id, members[2].id, members[3].id])
        #expect(events.compactMap { $0.page?.origin.warcOffset ?? nil } == [offsets[0], offsets[2], offsets[3]])
        let problems = events.compactMap(\.problem)
        #expect(problems.map(\.code) == [.contentLengthMismatch])
        #expect(problems.first?.offset == offsets[1])
    }

    @Test func garbageBetweenRecords() throws {
        let garbage = recordManifest["garbage"] as! [String: Int]
        let events = try readWARC(recordFixture("garbage.warc"))
        #expect(pageIDs(events) == plain.map(\.id))
        let problems = events.compactMap(\.problem)
        #expect(problems.map(\.code) == [.garbage])
        #expect(problems.first?.offset == garbage["plain_at"])
        #expect(problems.first?.message.en.hasPrefix("\(garbage["length"]!) bytes") == true)
        // The problem comes between the first page and the second.
        #expect(events[1].problem != nil)
        for page in events.compactMap(\.page) {
            #expect(page.body == plain.first { $0.id == page.origin.id }!.content)
        }
    }

    @Test func garbageBetweenGzipMembers() throws {
        let garbage = recordManifest["garbage"] as! [String: Int]
        let events = try readWARC(recordFixture("garbage.warc.gz"))
        #expect(pageIDs(events) == members.map(\.id))
        let problems = events.compactMap(\.problem)
        #expect(problems.map(\.code) == [.notGzip])
        #expect(problems.first?.offset == garbage["gzip_at"])
        let length = garbage["length"]!
        #expect(events.compactMap { $0.page?.origin.warcOffset ?? nil }
            == [members[0].offset, members[1].offset, members[2].offset + length, members[3].offset + length])
    }
}
