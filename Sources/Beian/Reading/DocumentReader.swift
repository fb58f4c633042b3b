#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads one input — a file, standard input, a FIFO, or a body handed over in pieces — and
/// checks it in bounded memory, passing its findings on as they are found. The one reading
/// path of `beian check`, `beian scan` and the record readers: it decides whole or streamed,
/// sniffs binaries, and reads a file that shrinks or grows while read without a crash.
///
/// A regular file up to `wholeLimit` is read whole (never mapped: a file that shrinks under a
/// mapping raises SIGBUS) and checked whole, its encoding decided on all its bytes; past
/// `batchedCheckThreshold` its findings are passed on in batches, as a stream passes them, so
/// that memory does not grow with their number. A larger file, a FIFO, standard input (which may be
/// anything, /dev/zero included) or a body in pieces goes through a `BeianStream`, so an endless
/// input runs until stopped, as `cat` does, without growing. A FIFO with no writer blocks until
/// one opens it, as it does for `cat`.
public struct DocumentReader {
    /// Inputs up to this size are read whole and checked in place; larger ones, and inputs
    /// whose size is not known (standard input, FIFOs, devices), are read in pieces.
    public static let wholeLimit = BeianScanner.wholeDocumentLimit
    /// Bytes read at a time when reading in pieces: one stream chunk, so that each piece's
    /// findings are passed on before the next is read.
    public static let pieceSize = streamChunkSize
    /// Text a stream scans at a time: a quarter of `BeianStream.chunkSize`, so that a piece
    /// dense with findings (one every 31 bytes in the faults issue's test) holds a few thousand
    /// of them, not tens of thousands; the overlap rescanned per chunk stays under 3 %.
    static let streamChunkSize = BeianStream.chunkSize / 4
    /// The first block, where a NUL byte marks a binary file (as ripgrep decides).
    public static let sniffSize = 65_536

    /// The scanner that checks what is read.
    public let scanner: BeianScanner
    /// Kinds whose absence is `missing_required`.
    public var required: Set<Kind> = []
    /// Whether to read tags and links; nil detects it.
    public var isHTML: Bool?
    /// An encoding label that overrides detection.
    public var encoding: String?
    /// Skip inputs whose first block holds a NUL byte (not UTF-16 with a byte-order mark):
    /// `beian scan` does, `beian check` does not.
    public var skipsBinary = false
    /// Reused between inputs: the bytes of the last whole input read.
    var buffer: [UInt8] = []
    /// How much of a dump's page is held to be checked whole: 4 MiB, past any real page, and a
    /// quarter of `wholeLimit`, as a dump's page is held on top of the stream's buffers (the
    /// dense file of the faults issue peaks at 70 MB with 16 MiB held). Tests lower it.
    package var pageHoldLimit = 4 << 20
    /// A document held whole (a file, a record's body, a dump's page) and larger than this
    /// is checked with its findings handed on in batches, as a stream hands them on: a page
    /// dense with findings holds about a kilobyte per finding, so holding them all would make
    /// memory grow with their number. Its encoding is still decided on all of its bytes.
    package static let batchedCheckThreshold = BeianStream.chunkSize

    /// A reader with the options `beian check` and `beian scan` take.
    public init(scanner: BeianScanner, required: Set<Kind> = [], isHTML: Bool? = nil, encoding: String? = nil,
                skipsBinary: Bool = false) {
        self.scanner = scanner
        self.required = required
        self.isHTML = isHTML
        self.encoding = encoding
        self.skipsBinary = skipsBinary
    }

    /// How the document is read: known before its first findings are passed on.
    public struct Document: Sendable {
        /// The input's name in reports (a path, `-`, `-#2`, a record's URI).
        public let source: String
        /// The encoding decided: "UTF-8", "GB18030", "Big5" …
        public let encoding: String
        /// Whether tags and links were read.
        public let isHTML: Bool
        /// The crawl record the document came from (WARC or JSON lines); nil for plain inputs.
        public var record: RecordOrigin?

        /// How a document is read: its name, encoding, HTML or not, and its crawl record.
        public init(source: String, encoding: String, isHTML: Bool, record: RecordOrigin? = nil) {
            self.source = source
            self.encoding = encoding
            self.isHTML = isHTML
            self.record = record
        }
    }

    /// What reading one input gave, besides the findings passed on.
    public struct Outcome: Sendable {
        /// How the document was read; nil when it was skipped as binary.
        public internal(set) var document: Document?
        /// Document-level issues (`province_inconsistent`, `missing_required` …).
        public let issues: [Issue]
        /// Findings passed on.
        public let findingCount: Int
        /// Whether no finding and no document issue has an error.
        public let isValid: Bool
        /// Bytes read.
        public let bytesRead: Int
        /// The size a regular file had when opened, when it ended before it: it shrank while
        /// read, and the findings cover what was read.
        public internal(set) var shrankFrom: Int?
        /// True when the input was skipped as binary (`skipsBinary`).
        public var skippedAsBinary: Bool { document == nil }
    }

    /// What is said of a file that ended before the size it had when opened.
    public static func shrankNote(read: Int, expected: Int) -> Bilingual {
        Bilingual(zh: "文件在读取时变短（读到 \(read) 字节，原有 \(expected) 字节），已检查读到的部分",
                  en: "the file shrank while it was read (\(read) of \(expected) bytes); what was read is checked")
    }

    /// What is said of an input skipped as binary.
    public static let binaryNote = Bilingual(zh: "二进制文件，已跳过", en: "binary file, skipped")

    /// Reads and checks the file whose path is `pathBytes` as the system names it — bytes that
    /// need not be UTF-8 (`a\xff.txt` is opened as it is) — reporting it as `source` (the name
    /// read as UTF-8, invalid bytes as U+FFFD). `[UInt8]("-".utf8)` is standard input. Folders
    /// and devices named by path are `notAFile`. Findings go to `onFindings` in input order, in
    /// batches, with the document they belong to.
    public mutating func read(pathBytes: [UInt8], source: String,
                              onFindings: (_ findings: [Finding], _ document: Document) -> Void) throws(BeianError) -> Outcome {
        let (fd, size) = try Self.openInput(pathBytes: pathBytes, source: source)
        defer { if fd != 0 { close(fd) } }
        var outcome = try read(source: source, expectedSize: size, readPiece: Self.pieces(of: fd, source: source),
                               onFindings: onFindings)
        if let size, outcome.bytesRead < size { outcome.shrankFrom = size }
        return outcome
    }

    /// Opens the input whose path is `pathBytes` ("-": standard input, descriptor 0): its
    /// descriptor (the caller closes it unless it is 0) and its size when it is a regular file.
    /// Standard input may be anything; a named path must be a regular file or a FIFO.
    static func openInput(pathBytes: [UInt8], source: String) throws(BeianError) -> (fd: Int32, size: Int?) {
        let standardInput = pathBytes == [UInt8(ascii: "-")]
        let fd = standardInput ? 0 : (pathBytes + [0]).withUnsafeBufferPointer { name in
            name.withMemoryRebound(to: CChar.self) { Glibc.open($0.baseAddress!, O_RDONLY) }
        }
        guard fd >= 0 else { throw .unreadable(path: source, detail: lastError()) }
        var info = stat()
        let type = fstat(fd, &info) == 0 ? info.st_mode & S_IFMT : 0
        guard standardInput || type == S_IFREG || type == S_IFIFO else {
            let detail = lastError()
            if fd != 0 { close(fd) }
            throw type == 0 ? .unreadable(path: source, detail: detail) : .notAFile(path: source)
        }
        return (fd, type == S_IFREG ? Int(info.st_size) : nil)
    }

    /// Reads and checks an input handed over in pieces: `readPiece` fills the front of the
    /// buffer it is given and returns the count, 0 at the end. `expectedSize` is the size when
    /// known in advance: up to `wholeLimit`, the input is read whole and checked whole (also
    /// when it grows meanwhile); otherwise it is streamed. `declaredCharset` and `baseURL` are
    /// as in `BeianScanner.check(_:source:required:isHTML:encoding:declaredCharset:baseURL:)`.
    public mutating func read(source: String, expectedSize: Int?, declaredCharset: String? = nil, baseURL: String? = nil,
                              readPiece: (UnsafeMutableRawBufferPointer) throws(BeianError) -> Int,
                              onFindings: (_ findings: [Finding], _ document: Document) -> Void) throws(BeianError) -> Outcome {
        if let expectedSize, expectedSize <= Self.wholeLimit {
            // Whole: read to the end (a file may have grown since its size was taken). The buffer
            // keeps its size between inputs; its bytes past `filled` mean nothing.
            if buffer.count <= expectedSize { buffer = [UInt8](repeating: 0, count: max(expectedSize + 1, 1 << 16)) }
            var filled = 0
            while true {
                if filled == buffer.count { buffer.append(contentsOf: repeatElement(0, count: buffer.count)) }
                let count = try Self.fill(&buffer, filled..<buffer.count, from: readPiece)
                if count == 0 { break }
                filled += count
            }
            return buffer.withUnsafeBytes { whole in
                let bytes = UnsafeRawBufferPointer(rebasing: whole[0..<filled])
                if skipsBinary, Self.isBinary(UnsafeRawBufferPointer(rebasing: bytes[0..<min(filled, Self.sniffSize)])) {
                    return Outcome(document: nil, issues: [], findingCount: 0, isValid: true, bytesRead: filled, shrankFrom: nil)
                }
                return checkHeld(bytes, source: source, declaredCharset: declaredCharset, baseURL: baseURL, onFindings: onFindings)
            }
        }
        var last: Outcome?
        try stream(source: source, splitsPages: false, declaredCharset: declaredCharset, baseURL: baseURL,
                   readPiece: readPiece, onFindings: onFindings) { last = $0 }
        return last!
    }

    /// Checks a document held whole, as `BeianScanner.check` does; past
    /// `batchedCheckThreshold`, with its findings handed on in batches. `bytesRead` is the
    /// document's size.
    private func checkHeld(_ bytes: UnsafeRawBufferPointer, source: String, declaredCharset: String?, baseURL: String?,
                           onFindings: (_ findings: [Finding], _ document: Document) -> Void) -> Outcome {
        guard bytes.count > Self.batchedCheckThreshold else {
            let report = scanner.check(bytes, source: source, required: required, isHTML: isHTML, encoding: encoding,
                                       declaredCharset: declaredCharset, baseURL: baseURL)
            let document = Document(source: source, encoding: report.encoding, isHTML: report.isHTML)
            if !report.findings.isEmpty { onFindings(report.findings, document) }
            return Outcome(document: document, issues: report.issues, findingCount: report.findings.count,
                           isValid: report.isValid, bytesRead: bytes.count, shrankFrom: nil)
        }
        var count = 0
        let checked = scanner.check(bytes, source: source, required: required, isHTML: isHTML, encoding: encoding,
                                    declaredCharset: declaredCharset, baseURL: baseURL,
                                    chunkSize: Self.streamChunkSize) { batch, encoding, isHTML in
            count += batch.count
            onFindings(batch, Document(source: source, encoding: encoding, isHTML: isHTML))
        }
        return Outcome(document: Document(source: source, encoding: checked.encoding, isHTML: checked.isHTML),
                       issues: checked.issues, findingCount: count, isValid: checked.isValid, bytesRead: bytes.count,
                       shrankFrom: nil)
    }

    /// Reads a dump of concatenated pages (`beian scan -`), each page one document with its own
    /// encoding decision and page checks: a page starts at each line beginning with
    /// `<!DOCTYPE html` or `<html` (any case) after the first page. The first page's source is
    /// `source`, the next ones `source#2`, `source#3` …; offsets are bytes within each page.
    /// Each page is held up to `pageHoldLimit` and checked whole, a longer one streamed from
    /// there. `onDocument` receives each page's outcome when the page ends.
    public mutating func readPages(source: String, readPiece: (UnsafeMutableRawBufferPointer) throws(BeianError) -> Int,
                                   onFindings: (_ findings: [Finding], _ document: Document) -> Void,
                                   onDocument: (Outcome) -> Void) throws(BeianError) {
        try stream(source: source, splitsPages: true, declaredCharset: nil, baseURL: nil, readPiece: readPiece,
                   onFindings: onFindings, onDocument: onDocument)
    }

    /// Streams the input through `BeianStream`s: one, or one per page when `splitsPages`.
    private func stream(source: String, splitsPages: Bool, declaredCharset: String?, baseURL: String?,
                        readPiece: (UnsafeMutableRawBufferPointer) throws(BeianError) -> Int,
                        onFindings: (_ findings: [Finding], _ document: Document) -> Void,
                        onDocument: (Outcome) -> Void) throws(BeianError) {
        // The first block decides whether the input is binary.
        var piece = [UInt8](repeating: 0, count: Self.pieceSize)
        var total = 0
        let sniffed = skipsBinary ? Self.sniffSize : 0
        while total < sniffed {
            let count = try Self.fill(&piece, total..<sniffed, from: readPiece)
            if count == 0 { break }
            total += count
        }
        if skipsBinary, piece.withUnsafeBytes({ Self.isBinary(UnsafeRawBufferPointer(rebasing: $0[0..<total])) }) {
            return onDocument(Outcome(document: nil, issues: [], findingCount: 0, isValid: true, bytesRead: total, shrankFrom: nil))
        }
        var pages = 1
        // One input streamed whole, or the pages of a dump each held up to `pageHoldLimit` and
        // checked whole (as `check` of the page alone would), a longer page streamed from there.
        var page = Page(source: source, stream: splitsPages ? nil : makeStream(source: source, declaredCharset: declaredCharset,
                                                                              baseURL: baseURL))
        func feed(_ bytes: UnsafeRawBufferPointer) {
            page.bytes += bytes.count
            if let stream = page.stream {
                return page.pass(stream.feed(bytes), to: onFindings)
            }
            if page.held.count + bytes.count > Self.pieceSize * 4, page.held.capacity < pageHoldLimit + Self.pieceSize {
                // Past a few pieces, room for the most a page holds, once: doubling the array
                // would touch twice the limit while the old copy stands.
                page.held.reserveCapacity(pageHoldLimit + Self.pieceSize)
            }
            page.held += bytes
            if page.held.count > pageHoldLimit {
                let stream = makeStream(source: page.source, declaredCharset: nil, baseURL: nil)
                page.stream = stream
                // Fed a piece at a time, as the rest will be: the findings of the held part at once
                // would be held together (a dense page: half a million of them, ~500 MB).
                let held = page.held
                page.held = []
                held.withUnsafeBytes { held in
                    var offset = 0
                    while offset < held.count {
                        let end = min(offset + Self.pieceSize, held.count)
                        page.pass(stream.feed(UnsafeRawBufferPointer(rebasing: held[offset..<end])), to: onFindings)
                        offset = end
                    }
                }
            }
        }
        func endPage() {
            if let stream = page.stream {
                page.pass(stream.finish(), to: onFindings)
                return onDocument(page.outcome(issues: stream.issues, isValid: stream.isValid))
            }
            let checked = page.held.withUnsafeBytes {
                checkHeld($0, source: page.source, declaredCharset: nil, baseURL: nil, onFindings: onFindings)
            }
            page.findings += checked.findingCount
            page.document = checked.document
            onDocument(page.outcome(issues: checked.issues, isValid: checked.isValid))
        }
        // Bytes held back at a piece's end, where a page boundary may begin.
        var held: [UInt8] = []
        var data = Array(piece[0..<total])
        var atEnd = false
        while true {
            data.withUnsafeBytes { bytes in
                let limit = atEnd ? bytes.count : max(0, bytes.count - PageBoundaries.lookahead)
                var start = 0
                var from = 1
                while splitsPages,
                      let boundary = PageBoundaries.first(in: bytes, from: from, through: min(limit, bytes.count - 1)) {
                    from = boundary + 1
                    if page.stream == nil,
                       PageBoundaries.isOnlyProlog(Array(page.held.prefix(PageBoundaries.prefixLimit))
                                                   + bytes[start..<boundary].prefix(PageBoundaries.prefixLimit)) {
                        continue  // The doctype or <html of a page that has only its prolog so far.
                    }
                    feed(UnsafeRawBufferPointer(rebasing: bytes[start..<boundary]))
                    endPage()
                    pages += 1
                    page = Page(source: "\(source)#\(pages)", stream: nil)
                    start = boundary
                }
                let fed = max(start, splitsPages ? limit : bytes.count)
                feed(UnsafeRawBufferPointer(rebasing: bytes[start..<fed]))
                held = Array(bytes[fed...])
            }
            if atEnd { break }
            let read = try Self.fill(&piece, 0..<piece.count, from: readPiece)
            total += read
            atEnd = read == 0
            // Held-back bytes and the new piece, in a buffer reused from piece to piece.
            data.removeAll(keepingCapacity: true)
            data += held
            data += piece[0..<read]
        }
        endPage()
    }

    private func makeStream(source: String, declaredCharset: String?, baseURL: String?) -> BeianStream {
        BeianStream(scanner: scanner, source: source, required: required, isHTML: isHTML, encoding: encoding,
                    declaredCharset: declaredCharset, baseURL: baseURL, chunkSize: Self.streamChunkSize)
    }

    /// One document being read, and what has been passed on of it: streamed, or (a page of a
    /// dump) held until it ends.
    private struct Page {
        let source: String
        var stream: BeianStream?
        /// A dump page's bytes so far, while it is held whole.
        var held: [UInt8] = []
        var bytes = 0
        var findings = 0
        /// How a page checked whole was read (a stream says so itself).
        var document: Document?

        init(source: String, stream: BeianStream?) {
            self.source = source
            self.stream = stream
        }

        mutating func pass(_ found: [Finding], to onFindings: ([Finding], Document) -> Void) {
            guard !found.isEmpty else { return }
            findings += found.count
            onFindings(found, currentDocument)
        }

        var currentDocument: Document {
            if let stream {
                return Document(source: source, encoding: stream.encoding ?? "UTF-8", isHTML: stream.isHTML ?? false)
            }
            return document ?? Document(source: source, encoding: "UTF-8", isHTML: false)
        }

        func outcome(issues: [Issue], isValid: Bool) -> Outcome {
            Outcome(document: currentDocument, issues: issues, findingCount: findings, isValid: isValid, bytesRead: bytes,
                    shrankFrom: nil)
        }
    }

    /// A piece reader over an open file descriptor (retrying interrupted reads); errors name
    /// `source`.
    public static func pieces(of fd: Int32, source: String) -> (UnsafeMutableRawBufferPointer) throws(BeianError) -> Int {
        { (piece: UnsafeMutableRawBufferPointer) throws(BeianError) -> Int in
            while true {
                let count = Glibc.read(fd, piece.baseAddress, piece.count)
                if count >= 0 { return count }
                if errno != EINTR { throw .unreadable(path: source, detail: lastError()) }
            }
        }
    }

    /// `readPiece` into `range` of `bytes`.
    private static func fill(_ bytes: inout [UInt8], _ range: Range<Int>,
                             from readPiece: (UnsafeMutableRawBufferPointer) throws(BeianError) -> Int) throws(BeianError) -> Int {
        try bytes.withUnsafeMutableBytes { all in
            Result { () throws(BeianError) -> Int in try readPiece(UnsafeMutableRawBufferPointer(rebasing: all[range])) }
        }.get()
    }

    /// NUL bytes in the first block, unless it starts with a UTF-16 byte-order mark.
    public static func isBinary(_ first: UnsafeRawBufferPointer) -> Bool {
        let utf16 = first.count >= 2 && ((first[0] == 0xFF && first[1] == 0xFE) || (first[0] == 0xFE && first[1] == 0xFF))
        return !utf16 && first.count > 0 && memchr(first.baseAddress!, 0, first.count) != nil
    }

    /// An input checked: its report, and how much of it there was.
    public struct CheckedInput: Sendable {
        /// The whole report of the input.
        public let report: Report
        /// Bytes read.
        public let bytesRead: Int
        /// The size a regular file had when opened, when it ended before it: it shrank while
        /// read, and `report` covers what was read.
        public let shrankFrom: Int?
    }

    /// Checks the input at `path` ("-": standard input), holding its findings in the report it
    /// returns (see `read(pathBytes:source:onFindings:)` to pass them on instead).
    public static func check(path: String, scanner: BeianScanner, required: Set<Kind> = [], isHTML: Bool? = nil,
                             encoding: String? = nil) throws(BeianError) -> CheckedInput {
        try check(pathBytes: Array(path.utf8), source: path, scanner: scanner, required: required, isHTML: isHTML,
                  encoding: encoding)
    }

    /// Checks the file whose path is `pathBytes` as the system names it, reported as `source`,
    /// holding its findings in the report it returns.
    public static func check(pathBytes: [UInt8], source: String, scanner: BeianScanner, required: Set<Kind> = [],
                             isHTML: Bool? = nil, encoding: String? = nil) throws(BeianError) -> CheckedInput {
        var reader = DocumentReader(scanner: scanner, required: required, isHTML: isHTML, encoding: encoding)
        var findings: [Finding] = []
        let outcome = try reader.read(pathBytes: pathBytes, source: source) { found, _ in findings += found }
        let document = outcome.document ?? Document(source: source, encoding: "UTF-8", isHTML: false)
        let report = Report(source: source, findings: findings, issues: outcome.issues, isHTML: document.isHTML,
                            encoding: document.encoding)
        return CheckedInput(report: report, bytesRead: outcome.bytesRead, shrankFrom: outcome.shrankFrom)
    }

    /// The bytes of the file at `path`, or of standard input for "-".
    public static func read(path: String) throws(BeianError) -> [UInt8] {
        let (fd, _) = try openInput(pathBytes: Array(path.utf8), source: path)
        defer { if fd != 0 { close(fd) } }
        let readPiece = pieces(of: fd, source: path)
        var result: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = try fill(&chunk, 0..<chunk.count, from: readPiece)
            if count == 0 { return result }
            result.append(contentsOf: chunk[0..<count])
        }
    }

    private static func lastError() -> String { String(cString: strerror(errno)) }
}
