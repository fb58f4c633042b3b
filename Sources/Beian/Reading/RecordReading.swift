#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Crawl files through the one reading path: each page record of a WARC or JSON-lines file is a
/// document of its own, checked whole (up to `DocumentReader.wholeLimit`) or streamed.
extension DocumentReader {
    /// How an input is read.
    public enum InputKind: Sendable, Hashable {
        /// One page (a file, standard input).
        case page
        /// A gzip file that is not WARC (`page.html.gz`): decompressed, one page.
        case gzipPage
        /// WARC/1.0 or 1.1, plain or gzip (per record or whole).
        case warc
        /// JSON lines of page records (`.jsonl`, `.jsonl.gz`).
        case jsonl
    }

    /// How much of a file is read to tell a gzip file or `WARC/1.` from a page.
    static let plainSniffLength = 512

    /// What the input whose path is `pathBytes` is, judged as `--input auto` does: WARC by
    /// content (gzip magic, then `WARC/1.`), JSON lines by name (`.jsonl`, `.jsonl.gz`; never
    /// sniffed), another gzip file as a compressed page, anything else a page. Only regular
    /// files are sniffed (read at offset 0 without moving): a FIFO or standard input is a page,
    /// since what sniffing read would be gone (a FIFO is not even opened here).
    public static func inputKind(pathBytes: [UInt8], name: String) -> InputKind {
        let lowered = name.lowercased()
        if lowered.hasSuffix(".jsonl") || lowered.hasSuffix(".jsonl.gz") { return .jsonl }
        // stat, not open: opening a FIFO waits for its writer, and closing it again would lose
        // what the writer sent.
        guard pathBytes != [UInt8(ascii: "-")] else { return .page }
        var info = stat()
        let found = (pathBytes + [0]).withUnsafeBufferPointer { path in
            path.withMemoryRebound(to: CChar.self) { stat($0.baseAddress!, &info) == 0 }
        }
        guard found, info.st_mode & S_IFMT == S_IFREG, info.st_size > 0 else { return .page }
        guard let (fd, size) = try? openInput(pathBytes: pathBytes, source: name) else { return .page }
        defer { close(fd) }
        guard let size, size > 0 else { return .page }
        // This runs for every file of a folder: the head is read into an unzeroed buffer, and
        // only a gzip file's whole sniffing length (its first record is inflated); `WARC/1.`
        // or a page shows in the first bytes.
        func readHead(_ length: Int) -> [UInt8] {
            [UInt8](unsafeUninitializedCapacity: min(size, length)) { buffer, count in
                count = max(0, pread(fd, buffer.baseAddress, buffer.count, 0))
            }
        }
        var head = readHead(Self.plainSniffLength)
        if head.starts(with: Bytes.gzipMagic) { head = readHead(WARCReader.sniffLength) }
        guard !head.isEmpty else { return .page }
        switch WARCReader.sniff(head: head) {
        case .warc: return .warc
        case .gzip: return .gzipPage
        case .other: return .page
        }
    }

    /// What reading a crawl file passes on besides findings.
    public struct RecordHandlers {
        /// A record passed over, and why (to count per reason).
        public var onSkipped: (SkippedRecord) -> Void
        /// A fault in the file (a truncated record, a corrupt gzip member …); reading goes on
        /// at the next record.
        public var onProblem: (RecordProblem) -> Void

        /// Handlers for skipped records and for faults in crawl files.
        public init(onSkipped: @escaping (SkippedRecord) -> Void, onProblem: @escaping (RecordProblem) -> Void) {
            self.onSkipped = onSkipped
            self.onProblem = onProblem
        }
    }

    /// Reads the crawl file whose path is `pathBytes` ("-": standard input), named `source`,
    /// as `kind` (`.warc`, `.jsonl`; `.gzipPage` reads one decompressed page, `.page` one page).
    /// Each page record is checked as a document named by its URL (else its id, else `source`),
    /// carrying its record; findings go to `onFindings`, each document's outcome to
    /// `onDocument`, in file order. Record bodies are never skipped as binary: the record's
    /// content type already said they are text.
    public mutating func readRecords(pathBytes: [UInt8], source: String, kind: InputKind, handlers: RecordHandlers,
                                     onFindings: (_ findings: [Finding], _ document: Document) -> Void,
                                     onDocument: (Outcome) -> Void) throws(BeianError) {
        if kind == .page {
            return onDocument(try read(pathBytes: pathBytes, source: source, onFindings: onFindings))
        }
        let (fd, _) = try Self.openInput(pathBytes: pathBytes, source: source)
        defer { if fd != 0 { close(fd) } }
        switch kind {
        case .warc:
            let reader = WARCReader(fileDescriptor: fd, name: source)
            while let event = reader.next() {
                switch event {
                case .page(let page):
                    onDocument(try check(page, path: source, pieces: nil, onFindings: onFindings))
                case .largePage(let page):
                    onDocument(try check(page, path: source, pieces: { reader.nextBodyPiece() }, onFindings: onFindings))
                case .skipped(let skipped): handlers.onSkipped(skipped)
                case .problem(let problem): handlers.onProblem(problem)
                }
            }
        case .jsonl:
            let reader = JSONLinesReader(fileDescriptor: fd, name: source)
            while let event = reader.next() {
                switch event {
                case .record(let page): onDocument(try check(page, path: source, pieces: nil, onFindings: onFindings))
                case .error(let line, let error):
                    handlers.onProblem(RecordProblem(jsonLine: line, file: source, error: error))
                case .problem(let problem): handlers.onProblem(problem)
                }
            }
        case .gzipPage:
            let reader = GzipReader(fileDescriptor: fd, name: source)
            let outcome = try read(source: source, expectedSize: nil, readPiece: Self.pieces { reader.nextData() },
                                   onFindings: onFindings)
            reader.problems.forEach(handlers.onProblem)
            onDocument(outcome)
        case .page:
            break
        }
    }

    /// One page record checked: its body whole, or its pieces (a large WARC record) streamed.
    private mutating func check(_ page: PageRecord, path: String, pieces: (() -> [UInt8]?)?,
                                onFindings: (_ findings: [Finding], _ document: Document) -> Void) throws(BeianError) -> Outcome {
        let source = page.name ?? path
        // The page's own required kinds and encoding, for this record only.
        let kept = (required, encoding, skipsBinary)
        defer { (required, encoding, skipsBinary) = kept }
        required = required.union(page.required)
        if let pageEncoding = page.encoding { encoding = encoding ?? pageEncoding }
        skipsBinary = false
        let marked = { (findings: [Finding], document: Document) in
            var document = document
            document.record = page.origin
            onFindings(findings, document)
        }
        var outcome: Outcome
        if let pieces {
            outcome = try read(source: source, expectedSize: nil, declaredCharset: page.declaredCharset, baseURL: page.url,
                               readPiece: Self.pieces(pieces), onFindings: marked)
        } else {
            var offset = 0
            let body = page.body
            outcome = try read(source: source, expectedSize: body.count, declaredCharset: page.declaredCharset,
                               baseURL: page.url, readPiece: { buffer in
                let count = min(buffer.count, body.count - offset)
                body.withUnsafeBytes { buffer.baseAddress!.copyMemory(from: $0.baseAddress! + offset, byteCount: count) }
                offset += count
                return count
            }, onFindings: marked)
        }
        outcome.document?.record = page.origin
        return outcome
    }

    /// A piece reader over a source of byte arrays (nil at the end), copying each array into
    /// the pieces asked for, across calls.
    static func pieces(_ next: @escaping () -> [UInt8]?) -> (UnsafeMutableRawBufferPointer) throws(BeianError) -> Int {
        var pending: [UInt8] = []
        var offset = 0
        return { buffer in
            while offset == pending.count {
                guard let more = next() else { return 0 }
                pending = more
                offset = 0
            }
            let count = min(buffer.count, pending.count - offset)
            pending.withUnsafeBytes { buffer.baseAddress!.copyMemory(from: $0.baseAddress! + offset, byteCount: count) }
            offset += count
            return count
        }
    }
}

extension RecordProblem {
    /// A line of a JSON-lines file that gives no page, as a problem of the file.
    public init(jsonLine line: Int, file: String, error: JSONLineError) {
        self.init(code: .badLine, file: file, offset: nil, recordID: error.id,
                  message: Bilingual(zh: "第 \(line) 行：\(error.message.zh)", en: "line \(line): \(error.message.en)"))
    }
}
