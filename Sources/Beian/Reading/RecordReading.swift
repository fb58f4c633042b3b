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

    /// What an input at `path` is, judged as `--input auto` does: WARC by content (gzip magic,
    /// then `WARC/1.`), JSON lines by name (`.jsonl`, `.jsonl.gz`; never sniffed), another
    /// gzip file as a compressed page, anything else a page.
    public static func inputKind(path: String) -> InputKind {
        let lowered = path.lowercased()
        if lowered.hasSuffix(".jsonl") || lowered.hasSuffix(".jsonl.gz") { return .jsonl }
        switch (try? WARCReader.sniff(path: path)) ?? .other {
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

        public init(onSkipped: @escaping (SkippedRecord) -> Void, onProblem: @escaping (RecordProblem) -> Void) {
            self.onSkipped = onSkipped
            self.onProblem = onProblem
        }
    }

    /// Reads the crawl file at `path` ("-": standard input) of `kind` (`.warc` or `.jsonl`;
    /// `.gzipPage` reads one decompressed page named `path`). Each page record is checked as a
    /// document named by its URL (else its id, else `path`), carrying its record; findings go to
    /// `onFindings`, each document's outcome to `onDocument`, in file order.
    public mutating func readRecords(path: String, kind: InputKind, handlers: RecordHandlers,
                                     onFindings: (_ findings: [Finding], _ document: Document) -> Void,
                                     onDocument: (Outcome) -> Void) throws(BeianError) {
        switch kind {
        case .warc:
            let reader = path == "-" ? WARCReader(fileDescriptor: 0, name: "-") : try WARCReader(path: path)
            while let event = reader.next() {
                switch event {
                case .page(let page):
                    onDocument(try check(page, path: path, pieces: nil, onFindings: onFindings))
                case .largePage(let page):
                    onDocument(try check(page, path: path, pieces: { reader.nextBodyPiece() }, onFindings: onFindings))
                case .skipped(let skipped): handlers.onSkipped(skipped)
                case .problem(let problem): handlers.onProblem(problem)
                }
            }
        case .jsonl:
            let reader = path == "-" ? JSONLinesReader(fileDescriptor: 0, name: "-") : try JSONLinesReader(path: path)
            while let event = reader.next() {
                switch event {
                case .record(let page): onDocument(try check(page, path: path, pieces: nil, onFindings: onFindings))
                case .error(let line, let error):
                    handlers.onProblem(RecordProblem(jsonLine: line, file: path, error: error))
                case .problem(let problem): handlers.onProblem(problem)
                }
            }
        case .gzipPage:
            let reader = path == "-" ? GzipReader(fileDescriptor: 0, name: "-") : try GzipReader(path: path)
            let outcome = try read(source: path, expectedSize: nil, readPiece: Self.pieces { reader.nextData() },
                                   onFindings: onFindings)
            reader.problems.forEach(handlers.onProblem)
            onDocument(outcome)
        case .page:
            onDocument(try read(pathBytes: Array(path.utf8), source: path, onFindings: onFindings))
        }
    }

    /// One page record checked: its body whole, or its pieces (a large WARC record) streamed.
    private mutating func check(_ page: PageRecord, path: String, pieces: (() -> [UInt8]?)?,
                                onFindings: (_ findings: [Finding], _ document: Document) -> Void) throws(BeianError) -> Outcome {
        let source = page.name ?? path
        var reader = self
        reader.required = required.union(page.required)
        if let encoding = page.encoding { reader.encoding = reader.encoding ?? encoding }
        let marked = { (findings: [Finding], document: Document) in
            var document = document
            document.record = page.origin
            onFindings(findings, document)
        }
        var outcome: Outcome
        if let pieces {
            outcome = try reader.read(source: source, expectedSize: nil, declaredCharset: page.declaredCharset, baseURL: page.url,
                                      readPiece: Self.pieces(pieces), onFindings: marked)
        } else {
            var offset = 0
            let body = page.body
            outcome = try reader.read(source: source, expectedSize: body.count, declaredCharset: page.declaredCharset,
                                      baseURL: page.url, readPiece: { buffer in
                let count = min(buffer.count, body.count - offset)
                body.withUnsafeBytes { buffer.baseAddress!.copyMemory(from: $0.baseAddress! + offset, byteCount: count) }
                offset += count
                return count
            }, onFindings: marked)
        }
        buffer = reader.buffer
        if var document = outcome.document {
            document.record = page.origin
            outcome = Outcome(document: document, issues: outcome.issues, findingCount: outcome.findingCount,
                              isValid: outcome.isValid, bytesRead: outcome.bytesRead, shrankFrom: nil)
        }
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
