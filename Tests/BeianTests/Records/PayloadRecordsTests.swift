import Foundation
import Testing
@testable import Beian

/// The pieces under the readers: media types, codings, chunked bodies, gzip resynchronisation,
/// and reading from a pipe.
@Suite struct PayloadRecordsTests {
    @Test func mediaTypes() {
        #expect(MediaType.essence(" Text/HTML ; charset=GBK") == "text/html")
        #expect(MediaType.parameter("charset", in: "text/html; Charset=\"gb2312\"") == "gb2312")
        #expect(MediaType.parameter("charset", in: "text/html; charset=") == nil)
        #expect(MediaType.parameter("charset", in: "text/html") == nil)
        for type in ["text/html", "text/plain; charset=utf-8", "application/xhtml+xml", "application/rss+xml", "application/json", "", "application/javascript"] {
            #expect(MediaType.isReadable(type), "\(type)")
        }
        for type in ["image/png", "application/pdf", "application/octet-stream", "font/woff2", "video/mp4"] {
            #expect(!MediaType.isReadable(type), "\(type)")
        }
        #expect(ContentCoding("gzip") == .gzip)
        #expect(ContentCoding("X-GZIP") == .gzip)
        #expect(ContentCoding("identity, deflate") == .deflate)
        #expect(ContentCoding(nil) == .identity)
        #expect(ContentCoding("gzip, br") == .unsupported("gzip, br"))
        #expect(ContentCoding("zstd") == .unsupported("zstd"))
    }

    func dechunk(_ text: String, split: Int? = nil) -> String {
        var dechunker = Dechunker()
        var output: [UInt8] = []
        let bytes = Array(text.utf8)
        let cut = split ?? bytes.count
        for part in [Array(bytes[0..<cut]), Array(bytes[cut...])] {
            part.withUnsafeBufferPointer { dechunker.feed($0, into: &output) }
        }
        return String(decoding: output, as: UTF8.self)
    }

    @Test func chunkedBodies() {
        let body = "5\r\nhello\r\n7;name=value\r\n, world\r\n0\r\nTrailer: x\r\n\r\n"
        for split in 0...body.utf8.count { #expect(dechunk(body, split: split) == "hello, world", "split at \(split)") }
        // Bare LF line ends pass; a framing error ends the body there.
        #expect(dechunk("3\nabc\n2\nde\n0\n\n") == "abcde")
        #expect(dechunk("3\r\nabcXYZ") == "abc")
        #expect(dechunk("3\r\nab") == "ab")
        #expect(["1a\r\n", "0\r\n", "ff ;x\r\n", "7"].allSatisfy { text in Array(text.utf8).withUnsafeBufferPointer(Dechunker.looksChunked) })
        #expect(!["<html>", "\r\n", "xyz\r\n", "12345678901234567\r\n"].contains { text in Array(text.utf8).withUnsafeBufferPointer(Dechunker.looksChunked) })
    }

    func decode(_ bytes: [UInt8], gzip: Bool) -> ([UInt8], String?) {
        let decoder = ContentDecoder(gzip: gzip)
        var pieces = [bytes]
        var output: [UInt8] = []
        while let piece = decoder.next(pull: { pieces.isEmpty ? nil : pieces.removeFirst() }) { output += piece }
        return (output, decoder.fault)
    }

    @Test func contentCodings() throws {
        let text = Array("<p>京ICP备05002571号-1</p>".utf8)
        // Marked gzip but stored decoded: taken as it is.
        #expect(decode(text, gzip: true) == (text, nil))
        #expect(decode(text, gzip: false) == (text, nil))
        // Two gzip members in one body.
        let folder = try temporaryFolder("codings")
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("part").path
        _ = FileManager.default.createFile(atPath: path, contents: Data(text))
        let member = Array(try Data(contentsOf: URL(fileURLWithPath: try gzipFile(path))))
        #expect(decode(member + member, gzip: true) == (text + text, nil))
        // Corrupt after output began: a fault.
        var corrupt = member + member
        corrupt[member.count + 12] ^= 0xff
        corrupt[member.count + 14] ^= 0xff
        let (output, fault) = decode(corrupt, gzip: true)
        #expect(fault != nil)
        #expect(output.starts(with: text))
    }

    /// A member that fails more than the kept 1 MiB after its start: the reader goes back to
    /// just after its start (seeking) and finds the member after it.
    @Test func gzipResynchronisesByGoingBack() throws {
        let folder = try temporaryFolder("gzip-seek")
        defer { try? FileManager.default.removeItem(at: folder) }
        // Incompressible bytes from a fixed xorshift, so that the test is the same every run.
        var state: UInt64 = 0x9e3779b97f4a7c15
        let first = (0..<(3 << 20)).map { _ -> UInt8 in
            state ^= state << 13
            state ^= state >> 7
            state ^= state << 17
            return UInt8(truncatingIfNeeded: state >> 24)
        }
        let second = Array("京ICP备05002571号-1\n".utf8)
        var members: [[UInt8]] = []
        for (index, part) in [first, second].enumerated() {
            let path = folder.appendingPathComponent("part\(index)").path
            _ = FileManager.default.createFile(atPath: path, contents: Data(part))
            members.append(Array(try Data(contentsOf: URL(fileURLWithPath: try gzipFile(path)))))
        }
        var file = members[0] + members[1]
        // The CRC at the end of the first member: found wrong only after all its data.
        file[members[0].count - 6] ^= 0xff
        let path = folder.appendingPathComponent("two.gz").path
        _ = FileManager.default.createFile(atPath: path, contents: Data(file))
        let reader = try GzipReader(path: path)
        var events: [GzipReader.Event] = []
        var data: [UInt8] = []
        while let event = reader.next() {
            if case .data(let bytes) = event { data += bytes } else { events.append(event) }
        }
        #expect(events.count == 3)
        #expect(events.first == .member(offset: 0, uncompressedOffset: 0))
        if case .problem(let problem) = events[1] {
            #expect(problem.code == .corruptGzip && problem.offset == 0)
        } else {
            Issue.record("\(events[1])")
        }
        #expect(events.last == .member(offset: members[0].count, uncompressedOffset: first.count))
        #expect(data == first + second)
    }

    @Test func responseWithoutContentType() throws {
        let folder = try temporaryFolder("no-type")
        defer { try? FileManager.default.removeItem(at: folder) }
        let http = Array("HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n<p>京ICP备05002571号-1</p>".utf8)
        var file: [UInt8] = []
        for (index, block) in [http, Array("DNS answer".utf8)].enumerated() {
            let header = "WARC/1.0\r\nwarc-type: response\r\nWARC-Record-ID: <urn:x:\(index)>\r\ncontent-length: \(block.count)\r\n\r\n"
            file += Array(header.utf8) + block + Array("\r\n\r\n".utf8)
        }
        let path = folder.appendingPathComponent("no-type.warc").path
        _ = FileManager.default.createFile(atPath: path, contents: Data(file))
        let events = try readWARC(path)
        #expect(events.count == 2)
        #expect(events.first?.page.map { scanner.check($0).findings.map(\.canonical) } == ["京ICP备05002571号-1"])
        #expect(events.first?.page?.status == 200)
        #expect(events.last?.skip?.reason == .notHTTP)
    }

    @Test func readingFromAPipe() throws {
        let bytes = Array(try Data(contentsOf: URL(fileURLWithPath: recordFixture("corrupt-member.warc.gz"))))
        let pipe = Pipe()
        let writer = Thread {
            pipe.fileHandleForWriting.write(Data(bytes))
            try? pipe.fileHandleForWriting.close()
        }
        writer.start()
        let reader = WARCReader(fileDescriptor: pipe.fileHandleForReading.fileDescriptor, name: "-")
        var ids: [String?] = []
        var problems: [RecordProblemCode] = []
        while let event = reader.next() {
            switch event {
            case .page(let page): ids.append(page.origin.id)
            case .problem(let problem): problems.append(problem.code)
            default: break
            }
        }
        let members = manifestRecords("small.warc.gz")
        #expect(ids == [members[0].id, members[2].id, members[3].id])
        #expect(problems.contains(.corruptGzip))
        #expect(reader.file == "-")
    }
}

/// Damaged at random, the fixtures never stop or trap the readers: every run ends, every
/// message is bilingual, and every record offset points at a record's start. Rounds per file:
/// 150, or `BEIAN_RECORDS_MUTATIONS`.
@Suite struct MutatedRecordsTests {
    struct Generator: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state ^= state << 13
            state ^= state >> 7
            state ^= state << 17
            return state
        }
    }

    func mutate(_ bytes: [UInt8], _ generator: inout Generator) -> [UInt8] {
        var bytes = bytes
        for _ in 0..<Int.random(in: 1...4, using: &generator) {
            guard !bytes.isEmpty else { break }
            let at = Int.random(in: 0..<bytes.count, using: &generator)
            switch Int.random(in: 0..<4, using: &generator) {
            case 0: bytes[at] ^= UInt8.random(in: 1...255, using: &generator)
            case 1: bytes.removeSubrange(at..<min(bytes.count, at + Int.random(in: 1...300, using: &generator)))
            case 2: bytes.insert(contentsOf: (0..<Int.random(in: 1...40, using: &generator)).map { _ in UInt8.random(in: 0...255, using: &generator) }, at: at)
            default: bytes = Array(bytes[0..<at])
            }
        }
        return bytes
    }

    @Test(arguments: ["pages.warc", "pages.warc.gz", "pages-whole.warc.gz", "pages.jsonl", "pages.jsonl.gz"])
    func mutations(of name: String) throws {
        let clean = Array(try Data(contentsOf: URL(fileURLWithPath: recordFixture(name))))
        let folder = try temporaryFolder("mutated")
        defer { try? FileManager.default.removeItem(at: folder) }
        var generator = Generator(state: 0x2545f4914f6cdd1d &+ UInt64(name.utf8.count))
        let rounds = Int(ProcessInfo.processInfo.environment["BEIAN_RECORDS_MUTATIONS"] ?? "") ?? 150
        for round in 0..<rounds {
            let path = folder.appendingPathComponent("\(round)-\(name)").path
            let bytes = mutate(clean, &generator)
            _ = FileManager.default.createFile(atPath: path, contents: Data(bytes))
            if name.contains("jsonl") {
                let reader = try JSONLinesReader(path: path)
                var count = 0
                while let event = reader.next() {
                    count += 1
                    if case .error(_, let error) = event { #expect(!error.message.zh.isEmpty && !error.message.en.isEmpty) }
                }
                #expect(count <= 40)
            } else {
                let events = try readWARC(path)
                #expect(events.count <= 80)
                for problem in events.compactMap(\.problem) {
                    #expect(!problem.message.zh.isEmpty && !problem.message.en.isEmpty)
                }
                // A record's file offset is where it starts: its WARC/1. line, or its gzip member.
                for origin in events.compactMap(\.origin) {
                    guard case .some(.some(let offset)) = origin.warcOffset else { continue }
                    let opening = Array(bytes[offset..<min(bytes.count, offset + 7)])
                    let expected: [UInt8] = name == "pages.warc" ? Array("WARC/1.".utf8) : [0x1f, 0x8b, 0x08]
                    #expect(opening.starts(with: expected), "\(name) round \(round) offset \(offset)")
                }
            }
        }
    }
}
