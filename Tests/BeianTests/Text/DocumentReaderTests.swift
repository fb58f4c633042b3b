import Foundation
import Testing
@testable import Beian

/// The one reading path: whole or streamed, every input gives the findings `check` gives.
@Suite struct DocumentReaderTests {
    /// A reader over `bytes` handing out at most `size` bytes a call.
    private func pieces(of bytes: [UInt8], size: Int) -> (UnsafeMutableRawBufferPointer) throws(BeianError) -> Int {
        var offset = 0
        return { buffer in
            let count = min(size, buffer.count, bytes.count - offset)
            bytes.withUnsafeBytes { buffer.baseAddress!.copyMemory(from: $0.baseAddress! + offset, byteCount: count) }
            offset += count
            return count
        }
    }

    @Test func streamedAndWholeReadingsGiveCheckFindings() throws {
        for sample in try Samples.all() {
            let expected = scanner.check(sample.bytes, source: sample.source)
            for (size, known) in [(7, false), (4096, false), (1 << 20, true), (3, true)] {
                var reader = DocumentReader(scanner: scanner)
                var found: [Finding] = []
                let outcome = try reader.read(source: sample.source, expectedSize: known ? sample.bytes.count : nil,
                                              readPiece: pieces(of: sample.bytes, size: size)) { batch, _ in found += batch }
                #expect(found.map(\.byteRange) == expected.findings.map(\.byteRange), "\(sample.source) in pieces of \(size)")
                #expect(found.map(\.canonical) == expected.findings.map(\.canonical))
                #expect(outcome.findingCount == found.count && outcome.bytesRead == sample.bytes.count)
                #expect(outcome.document?.encoding == expected.encoding && outcome.isValid == expected.isValid)
            }
        }
    }

    /// A file that grew past the size it had when its size was taken is read to its end.
    @Test func aGrownInputIsReadToItsEnd() throws {
        let page = Array("<p>正文</p>\n".utf8) + Array(repeating: UInt8(ascii: " "), count: 70_000) + Array("京ICP备05002571号-1".utf8)
        var reader = DocumentReader(scanner: scanner)
        var found: [Finding] = []
        let outcome = try reader.read(source: "grown", expectedSize: 100, readPiece: pieces(of: page, size: 1000)) { batch, _ in found += batch }
        #expect(outcome.bytesRead == page.count)
        #expect(found.map(\.canonical) == ["京ICP备05002571号-1"])
    }

    @Test func binaryInputsAreSkippedOnlyWhenAsked() throws {
        let bytes = Array("\u{0}\u{1}京ICP备05002571号-1".utf8)
        for known in [true, false] {
            var skipping = DocumentReader(scanner: scanner, skipsBinary: true)
            let skipped = try skipping.read(source: "b", expectedSize: known ? bytes.count : nil,
                                            readPiece: pieces(of: bytes, size: 5)) { _, _ in Issue.record("no findings") }
            #expect(skipped.skippedAsBinary)
            var reading = DocumentReader(scanner: scanner)
            var found = 0
            let read = try reading.read(source: "b", expectedSize: known ? bytes.count : nil,
                                        readPiece: pieces(of: bytes, size: 5)) { batch, _ in found += batch.count }
            #expect(!read.skippedAsBinary && found == 1)
        }
        // A UTF-16 byte-order mark is no binary.
        #expect(!Array<UInt8>([0xFF, 0xFE, 0x41, 0x00]).withUnsafeBytes { DocumentReader.isBinary($0) })
    }

    /// Pages of a dump are found wherever the pieces end; a page's prolog (blank lines, a
    /// comment, its doctype) does not start another, and a tag that does not begin a line is
    /// none either.
    @Test func dumpsSplitIntoPagesWhateverThePieces() throws {
        let pages = ["\n<!DOCTYPE html>\n<!-- saved from url=(0027)https://www.example.cn/ -->\n<HTML lang=\"zh\"><body>京ICP备05002571号</body></html>\n",
                     "<html>\n<body>沪ICP备13041234号 <p>x <html> y</p></body></html>\n",
                     "\n<!doctype html><html><body>粤ICP备12045678号</body></html>"]
        let dump = Array(pages.joined().utf8)
        for size in [1, 5, 16, 17, 4096] {
            var reader = DocumentReader(scanner: scanner)
            var found: [(String, String, Int)] = []
            var documents: [String] = []
            try reader.readPages(source: "-", readPiece: pieces(of: dump, size: size),
                                 onFindings: { batch, document in found += batch.map { (document.source, $0.raw, $0.start) } },
                                 onDocument: { documents.append($0.document!.source) })
            #expect(documents == ["-", "-#2", "-#3"], "pieces of \(size)")
            #expect(found.map(\.0) == ["-", "-#2", "-#3"])
            #expect(found.map(\.1) == ["京ICP备05002571号", "沪ICP备13041234号", "粤ICP备12045678号"])
            // Offsets within each page (the third page starts at its doctype, after the line break).
            #expect(found.map(\.2) == [Array(pages[0].utf8).firstIndex(of: 0xE4)!, 13, 27], "pieces of \(size)")
        }
    }

    /// Each page of a dump gives what `check` of that page alone gives; a page longer than
    /// `wholeLimit` is streamed from there on, with offsets still within the page.
    @Test func dumpPagesAreCheckedAsPagesAlone() throws {
        let long = "<!DOCTYPE html>\n<html><body>" + String(repeating: "正文内容 ", count: DocumentReader.wholeLimit / 13 + 1000)
            + "京ICP备05002571号-1</body></html>\n"
        let pages = ["<html><body><a href=\"https://beian.miit.gov.cn/\">沪ICP备13041234号</a></body></html>\n", long,
                     "<!doctype html>\n<html><body>粤ICP备12045678号 京公网安备 11010802020088号</body></html>"]
        var reader = DocumentReader(scanner: scanner)
        var found: [String: [Finding]] = [:]
        var outcomes: [String: DocumentReader.Outcome] = [:]
        try reader.readPages(source: "-", readPiece: pieces(of: Array(pages.joined().utf8), size: 1 << 20),
                             onFindings: { batch, document in found[document.source, default: []] += batch },
                             onDocument: { outcomes[$0.document!.source] = $0 })
        for (index, page) in pages.enumerated() {
            let source = index == 0 ? "-" : "-#\(index + 1)"
            let alone = scanner.check(Array(page.utf8), source: source)
            #expect(found[source, default: []].map(\.canonical) == alone.findings.map(\.canonical), "\(source)")
            #expect(found[source, default: []].map(\.byteRange) == alone.findings.map(\.byteRange), "\(source)")
            #expect(outcomes[source]?.issues.map(\.code) == alone.issues.map(\.code), "\(source)")
            #expect(outcomes[source]?.bytesRead == page.utf8.count)
        }
    }
    /// A dump's page that outgrows what is held whole is streamed from there a piece at a time:
    /// its findings are passed on in batches of at most two pieces' worth (a stream scans what
    /// it has, less an overlap held back for the next piece), however many the held part had
    /// (memory independent of the number of findings; the faults issue's dense file).
    @Test func aPageThatOutgrowsTheHoldLimitPassesFindingsOnPieceByPiece() throws {
        let dense = Array((0..<80_000).map { String(format: "XX公网安备1101080%07d号", $0) }.joined().utf8)
        var reader = DocumentReader(scanner: scanner)
        reader.pageHoldLimit = 6 * DocumentReader.pieceSize
        var largest = 0
        var total = 0
        try reader.readPages(source: "-", readPiece: pieces(of: dense, size: DocumentReader.pieceSize),
                             onFindings: { batch, _ in largest = max(largest, batch.count); total += batch.count },
                             onDocument: { _ in })
        #expect(total == 80_000)
        // One piece holds pieceSize / 31 findings; the held part, six pieces, six times that.
        #expect(largest <= 2 * DocumentReader.pieceSize / 31 + 100, "largest batch \(largest)")
    }

    /// A document read whole but larger than `batchedCheckThreshold` (a file, a record, a
    /// dump's held page) passes its findings on in batches of at most two pieces' worth, and
    /// they are `check`'s findings, with its encoding, validity and document issues.
    @Test func aLargeWholeDocumentPassesItsFindingsOnInBatches() throws {
        // Dense filings, a hotline of another province and a GBK page: the document checks
        // and the encoding decided on all the bytes are kept.
        let dense = (0..<40_000).map { String(format: "XX公网安备1101080%07d号", $0) }.joined() + " 沪ICP备2021001234号 举报电话：020-12345678"
        let gbk = "<html><head><meta charset=\"gbk\"></head><body>" + String(repeating: "<p>正文内容 粤ICP备11018438号</p>\n", count: 40_000)
            + "</body></html>"
        let documents: [(String, [UInt8])] = [("dense", Array(dense.utf8)),
                                              ("gbk", Array(gbk.data(using: .init(rawValue: 0x80000632))!))]
        for (name, bytes) in documents {
            #expect(bytes.count > DocumentReader.batchedCheckThreshold)
            let expected = scanner.check(bytes, source: name)
            for whole in [true, false] {
                var reader = DocumentReader(scanner: scanner)
                var found: [Finding] = []
                var largest = 0
                var outcome: DocumentReader.Outcome?
                if whole {
                    outcome = try reader.read(source: name, expectedSize: bytes.count,
                                              readPiece: pieces(of: bytes, size: 1 << 16)) { batch, document in
                        #expect(document.encoding == expected.encoding && document.isHTML == expected.isHTML)
                        largest = max(largest, batch.count)
                        found += batch
                    }
                } else {
                    // A dump's page held whole (under the hold limit) and checked when it ends.
                    try reader.readPages(source: name, readPiece: pieces(of: bytes, size: 1 << 16),
                                         onFindings: { batch, _ in largest = max(largest, batch.count); found += batch },
                                         onDocument: { outcome = $0 })
                }
                #expect(found == expected.findings, "\(name), whole: \(whole)")
                #expect(outcome?.issues == expected.issues && outcome?.isValid == expected.isValid)
                #expect(outcome?.document?.encoding == expected.encoding && outcome?.findingCount == expected.findings.count)
                // One piece of text holds at most pieceSize / 20 findings of either kind.
                #expect(largest <= 2 * DocumentReader.pieceSize / 20, "\(name): largest batch \(largest)")
                #expect(largest < expected.findings.count / 2, "\(name): passed on in several batches")
            }
        }
    }
}
