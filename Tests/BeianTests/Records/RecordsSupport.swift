import Foundation
@testable import Beian

/// The folder of the WARC and JSON-lines fixtures (written by make_warc_fixtures.py).
let recordFixtures = packageRoot.appendingPathComponent("Tests/BeianTests/Fixtures/warc")

func recordFixture(_ name: String) -> String { recordFixtures.appendingPathComponent(name).path }

/// One record as warcio's ArchiveIterator read it (manifest.json).
struct ManifestRecord {
    let offset: Int
    let type: String
    let id: String
    let uri: String?
    let content: [UInt8]
    let status: Int?
}

/// manifest.json, as written by the fixtures script.
nonisolated(unsafe) let recordManifest: [String: Any] = {
    let data = try! Data(contentsOf: recordFixtures.appendingPathComponent("manifest.json"))
    return try! JSONSerialization.jsonObject(with: data) as! [String: Any]
}()

func manifestRecords(_ file: String) -> [ManifestRecord] {
    (recordManifest[file] as! [[String: Any]]).map { entry in
        ManifestRecord(offset: entry["offset"] as! Int, type: entry["type"] as! String, id: entry["id"] as! String,
                       uri: entry["uri"] as? String,
                       content: Array(Data(base64Encoded: entry["content_base64"] as! String)!),
                       status: entry["status"] as? Int)
    }
}

/// A WARC event with a large page's pieces gathered.
enum ReadEvent {
    case page(PageRecord, pieces: Int)
    case skipped(SkippedRecord)
    case problem(RecordProblem)

    var page: PageRecord? { if case .page(let page, _) = self { page } else { nil } }
    var skip: SkippedRecord? { if case .skipped(let skip) = self { skip } else { nil } }
    var problem: RecordProblem? { if case .problem(let problem) = self { problem } else { nil } }
    var origin: RecordOrigin? { page?.origin ?? skip?.origin }
}

/// Every event of a WARC file; a large page's body is gathered into `body`.
func readWARC(_ path: String) throws -> [ReadEvent] {
    let reader = try WARCReader(path: path)
    var events: [ReadEvent] = []
    while let event = reader.next() {
        switch event {
        case .page(let page): events.append(.page(page, pieces: 0))
        case .largePage(let page):
            var body: [UInt8] = []
            var pieces = 0
            while let piece = reader.nextBodyPiece() {
                body += piece
                pieces += 1
            }
            events.append(.page(page.with(body: body), pieces: pieces))
        case .skipped(let skip): events.append(.skipped(skip))
        case .problem(let problem): events.append(.problem(problem))
        }
    }
    return events
}

/// How the CLI checks a page: the page's body with what the record said of it.
func checkPage(_ page: PageRecord) -> Report {
    let report = scanner.check(page.body, source: page.name ?? "-", required: page.required, encoding: page.encoding,
                               declaredCharset: page.declaredCharset, baseURL: page.url)
    precondition(report == scanner.check(page), "check(page) differs")
    return report
}

extension RecordOrigin {
    var warcOffset: Int?? { if case .warc(_, _, let offset, _, _) = self { offset } else { nil } }
    var uncompressed: Int? { if case .warc(_, _, _, let offset, _) = self { offset } else { nil } }
    var line: Int? { if case .jsonl(let line, _) = self { line } else { nil } }
}

/// The offset of the record whose id is `id` in an uncompressed WARC file, found in its bytes.
func plainOffset(of id: String, in path: String) -> Int? {
    let bytes = Array(try! Data(contentsOf: URL(fileURLWithPath: path)))
    let needle = Array("WARC/1.1\r\nWARC-Record-ID: \(id)\r\n".utf8)
    guard bytes.count >= needle.count else { return nil }
    for start in 0...(bytes.count - needle.count) where bytes[start] == needle[0] {
        if Array(bytes[start..<(start + needle.count)]) == needle { return start }
    }
    return nil
}

/// A temporary folder, removed by the caller.
func temporaryFolder(_ name: String) throws -> URL {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("beian-\(name)-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    return folder
}

/// A WARC record's bytes (WARC/1.1, CRLF line ends).
func warcRecord(type: String, id: Int, uri: String?, contentType: String, block: [UInt8]) -> [UInt8] {
    var header = "WARC/1.1\r\nWARC-Type: \(type)\r\nWARC-Record-ID: <urn:uuid:00000000-0000-4000-8000-\(String(format: "%012d", id))>\r\n"
    header += "WARC-Date: 2026-03-01T08:00:00Z\r\n"
    if let uri { header += "WARC-Target-URI: \(uri)\r\n" }
    header += "Content-Type: \(contentType)\r\nContent-Length: \(block.count)\r\n\r\n"
    return Array(header.utf8) + block + Array("\r\n\r\n".utf8)
}

/// `gzip -c` of a file, written beside it with `.gz`.
func gzipFile(_ path: String) throws -> String {
    let output = path + ".gz"
    _ = FileManager.default.createFile(atPath: output, contents: nil)
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/bin/sh")
    process.arguments = ["-c", "gzip -1 -c \"$0\" > \"$1\"", path, output]
    try process.run()
    process.waitUntilExit()
    return output
}
