import Foundation
import Testing
@testable import Beian

/// Bodies over `WARCReader.wholeBodyLimit` come in pieces, which a `BeianStream` checks.
@Suite struct LargeRecordsTests {
    /// A text body just over the whole-body limit, with identifiers at both ends.
    static let body: [UInt8] = {
        let head = Array("<html><body><p>京ICP备05002571号-1</p>\n".utf8)
        let tail = Array("\n<footer>渝ICP备20009753号-2</footer></body></html>\n".utf8)
        let filler = [UInt8](repeating: UInt8(ascii: " "), count: WARCReader.wholeBodyLimit + (1 << 20) + 500_000 - head.count - tail.count)
        return head + filler + tail
    }()

    /// Reads a file's events; the large page's pieces are fed to a stream.
    func readLarge(_ path: String) throws -> (events: [WARCReader.Event], body: [UInt8], pieces: Int, findings: [Finding]) {
        let reader = try WARCReader(path: path)
        var events: [WARCReader.Event] = []
        var body: [UInt8] = []
        var pieces = 0
        var findings: [Finding] = []
        while let event = reader.next() {
            events.append(event)
            guard case .largePage(let page) = event else { continue }
            #expect(page.body.isEmpty)
            let stream = BeianStream(scanner: scanner, page: page)
            while let piece = reader.nextBodyPiece() {
                #expect(piece.count <= WARCReader.wholeBodyLimit + (1 << 20))
                body += piece
                pieces += 1
                findings += stream.feed(piece)
            }
            findings += stream.finish()
        }
        return (events, body, pieces, findings)
    }

    func kinds(_ events: [WARCReader.Event]) -> [String] {
        events.map {
            switch $0 {
            case .page: "page"
            case .largePage: "large"
            case .skipped: "skip"
            case .problem(let problem): "problem \(problem.code.rawValue)"
            }
        }
    }

    @Test func largeBodiesComeInPieces() throws {
        let folder = try temporaryFolder("large-warc")
        defer { try? FileManager.default.removeItem(at: folder) }
        // A large resource record (read in pieces), a response whose small gzip body inflates
        // past the limit, then a small page: all three come out.
        let compressed = try gzipBytes(Self.body, in: folder)
        let http = Array("HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nContent-Encoding: gzip\r\n\r\n".utf8)
        var file = warcRecord(type: "resource", id: 1, uri: "https://large.example.cn/", contentType: "text/html", block: Self.body)
        file += warcRecord(type: "response", id: 2, uri: "https://bomb.example.cn/", contentType: "application/http; msgtype=response",
                           block: http + compressed)
        file += warcRecord(type: "resource", id: 3, uri: "https://small.example.cn/", contentType: "text/plain",
                           block: Array("沪ICP备13001234号-2".utf8))
        let path = folder.appendingPathComponent("large.warc").path
        _ = FileManager.default.createFile(atPath: path, contents: Data(file))

        for name in [path, try gzipFile(path)] {
            let reader = try WARCReader(path: name)
            var large = 0
            var small: [PageRecord] = []
            while let event = reader.next() {
                switch event {
                case .largePage(let page):
                    large += 1
                    let stream = BeianStream(scanner: scanner, source: page.name ?? "-", declaredCharset: page.declaredCharset)
                    var findings: [Finding] = []
                    var count = 0
                    var pieces = 0
                    var prefix: [UInt8] = []
                    while let piece = reader.nextBodyPiece() {
                        count += piece.count
                        pieces += 1
                        if prefix.count < 64 { prefix += piece.prefix(64) }
                        findings += stream.feed(piece)
                    }
                    findings += stream.finish()
                    #expect(count == Self.body.count, "\(name) \(page.url ?? "")")
                    #expect(pieces >= 2)
                    #expect(Array(prefix.prefix(40)) == Array(Self.body.prefix(40)))
                    #expect(findings.map(\.canonical) == ["京ICP备05002571号-1", "渝ICP备20009753号-2"])
                case .page(let page): small.append(page)
                case .skipped(let skip): Issue.record("\(skip)")
                case .problem(let problem): Issue.record("\(problem)")
                }
            }
            #expect(large == 2, "\(name)")
            #expect(small.map(\.url) == ["https://small.example.cn/"])
            #expect(small.first?.body == Array("沪ICP备13001234号-2".utf8))
        }
    }

    @Test func largeRecordCutOffIsAProblemAfterItsPieces() throws {
        let folder = try temporaryFolder("large-cut")
        defer { try? FileManager.default.removeItem(at: folder) }
        let record = warcRecord(type: "resource", id: 1, uri: "https://large.example.cn/", contentType: "text/html", block: Self.body)
        let path = folder.appendingPathComponent("cut.warc").path
        _ = FileManager.default.createFile(atPath: path, contents: Data(record.prefix(record.count - 300_000)))
        let (events, body, pieces, _) = try readLarge(path)
        #expect(kinds(events) == ["large", "problem truncated_record"])
        #expect(pieces >= 1)
        #expect(body.count == Self.body.count - 300_000 + 4)
    }

    @Test func undrainedLargePageIsPassed() throws {
        let folder = try temporaryFolder("large-skip")
        defer { try? FileManager.default.removeItem(at: folder) }
        var file = warcRecord(type: "resource", id: 1, uri: "https://large.example.cn/", contentType: "text/html", block: Self.body)
        file += warcRecord(type: "resource", id: 2, uri: "https://small.example.cn/", contentType: "text/plain", block: Array("x".utf8))
        let path = folder.appendingPathComponent("two.warc").path
        _ = FileManager.default.createFile(atPath: path, contents: Data(file))
        let reader = try WARCReader(path: path)
        guard case .largePage = reader.next() else { Issue.record("no large page"); return }
        // Its pieces are dropped when the next event is asked for.
        guard case .page(let page) = reader.next() else { Issue.record("no page"); return }
        #expect(page.url == "https://small.example.cn/" && page.body == Array("x".utf8))
        #expect(page.origin.warcOffset == .some(file.count - warcRecord(type: "resource", id: 2, uri: "https://small.example.cn/",
                                                                           contentType: "text/plain", block: Array("x".utf8)).count))
        #expect(reader.next() == nil)
        #expect(reader.nextBodyPiece() == nil)
        #expect(reader.recordCount == 2)
        // An empty file has no events.
        let empty = folder.appendingPathComponent("empty.warc").path
        _ = FileManager.default.createFile(atPath: empty, contents: Data())
        #expect(try readWARC(empty).isEmpty)
    }

    /// `gzip -c` of bytes.
    func gzipBytes(_ bytes: [UInt8], in folder: URL) throws -> [UInt8] {
        let path = folder.appendingPathComponent("body-\(UUID().uuidString)").path
        _ = FileManager.default.createFile(atPath: path, contents: Data(bytes))
        return Array(try Data(contentsOf: URL(fileURLWithPath: try gzipFile(path))))
    }
}

/// Memory over a large crawl file, measured on request: set `BEIAN_WARC_MEMORY` to the path of
/// a WARC file (1 GB, say) and run this test; it prints the records, the pages' findings and
/// the peak resident memory.
@Suite struct RecordsMemoryTests {
    @Test(.enabled(if: ProcessInfo.processInfo.environment["BEIAN_WARC_MEMORY"] != nil))
    func memoryOverALargeFile() throws {
        let path = ProcessInfo.processInfo.environment["BEIAN_WARC_MEMORY"]!
        func peak() -> Int {
            var usage = rusage()
            getrusage(RUSAGE_SELF.rawValue, &usage)
            return usage.ru_maxrss / 1024
        }
        let before = peak()
        let reader = try WARCReader(path: path)
        var pages = 0, large = 0, findings = 0, problems = 0
        while let event = reader.next() {
            switch event {
            case .page(let page):
                pages += 1
                findings += checkPage(page).findings.count
            case .largePage(let page):
                large += 1
                let stream = BeianStream(scanner: scanner, source: page.name ?? "-", declaredCharset: page.declaredCharset)
                while let piece = reader.nextBodyPiece() { findings += stream.feed(piece).count }
                findings += stream.finish().count
            case .skipped: break
            case .problem: problems += 1
            }
        }
        print("records \(reader.recordCount), pages \(pages), large pages \(large), findings \(findings), problems \(problems); "
              + "peak RSS \(before) MB before, \(peak()) MB after")
        #expect(problems == 0)
    }
}
