import CBeianZlib

/// Reads the pages of a WARC file (WARC/1.0 and WARC/1.1): uncompressed, gzip with one member
/// per record (as Common Crawl writes them), or gzip as a whole. The kind is found from the
/// content, not the name.
///
/// Each record gives one event: a page (`response` records holding an HTTP response, and
/// `resource` records, whose payload is text or HTML), a skip with its reason, or a problem.
/// Faults never stop the reader: after a problem it goes on at the next record it can find
/// (see docs/records.md), and nothing after the fault is lost.
///
/// ```swift
/// let reader = try WARCReader(path: "crawl.warc.gz")
/// while let event = reader.next() {
///     switch event {
///     case .page(let page):
///         let report = scanner.check(page)   // body, declared charset, URL as link base
///     case .largePage(let page):
///         let stream = BeianStream(scanner: scanner, page: page)
///         var findings: [Finding] = []
///         while let piece = reader.nextBodyPiece() { findings += stream.feed(piece) }
///         findings += stream.finish()
///     case .skipped(let skip): count(skip.reason)
///     case .problem(let problem): warn(problem.message)
///     }
/// }
/// ```
///
/// Memory stays bounded whatever the file's size: a record of up to `verifiedBlockLimit` bytes
/// is held while it is read, a larger one passes through in pieces, and a body is held whole
/// only up to `wholeBodyLimit`. Not thread-safe: one reader per file.
public final class WARCReader {
    /// What the reader found next.
    public enum Event: Sendable, Hashable {
        /// A page whose body (at most `wholeBodyLimit` bytes) is in `page.body`.
        case page(PageRecord)
        /// A page whose body is larger than `wholeBodyLimit`: `page.body` is empty, and
        /// `nextBodyPiece()` gives the body in pieces until it returns nil. A problem event may
        /// follow, saying that the body was cut short.
        case largePage(PageRecord)
        /// A record passed over, and why.
        case skipped(SkippedRecord)
        /// A fault; reading goes on after it.
        case problem(RecordProblem)
    }

    /// A body up to this size is given whole; a larger one in pieces (`BeianScanner`'s limit
    /// for checking a document whole).
    public static let wholeBodyLimit = BeianScanner.wholeDocumentLimit
    /// A record block up to this size is read whole before its page is decoded, so that a
    /// `Content-Length` that is too long can be undone: reading goes back to the block's start
    /// to find the next record. A larger block is read in pieces.
    public static let verifiedBlockLimit = 4 << 20
    /// The longest WARC record header or HTTP response head read.
    static let headerLimit = 1 << 20
    /// Bytes handed on at a time.
    static let pieceSize = 1 << 20

    /// The file's path as given.
    public let file: String
    /// Whether the file is gzip-compressed.
    public let isCompressed: Bool
    /// Records whose header was read.
    public private(set) var recordCount = 0

    private let source: Source
    private var window = Window()
    /// Where reading goes on: the uncompressed offset of the next record.
    private var position = 0
    private var events: [Event] = []
    private var eventIndex = 0
    private var body: LargeBody?
    private var finished = false

    /// Opens the file at `path` ("-": standard input).
    public convenience init(path: String) throws(BeianError) {
        self.init(input: try FileInput(path: path))
    }

    /// Reads an open descriptor, which stays open; `name` is the file's name in reports.
    public convenience init(fileDescriptor: Int32, name: String) {
        self.init(input: FileInput(fileDescriptor: fileDescriptor, name: name, owns: false))
    }

    init(input: FileInput) {
        file = input.name
        let head = input.peek(4)
        isCompressed = head.count >= 3 && Array(head[0..<3]) == Bytes.gzipMagic
        source = isCompressed ? .gzip(GzipReader(input: input)) : .plain(input)
    }

    /// The next event, or nil when the file has been read. Calling it while a large page's
    /// pieces are still to come drops them.
    public func next() -> Event? {
        if body != nil {
            while nextBodyPiece() != nil {}
        }
        while eventIndex == events.count {
            events = []
            eventIndex = 0
            if finished || !readRecord() {
                finished = true
                return nil
            }
        }
        defer { eventIndex += 1 }
        return events[eventIndex]
    }

    /// The next piece of the body of the page last given as `.largePage`, or nil when the
    /// body is complete (or was cut short: a problem event then follows).
    public func nextBodyPiece() -> [UInt8]? {
        guard let current = body else { return nil }
        if current.next < current.first.count {
            defer {
                current.first[current.next] = []
                current.next += 1
            }
            return current.first[current.next]
        }
        if let piece = current.pipeline.next() { return piece }
        body = nil
        finishBody(current.pipeline, record: current.record)
        return nil
    }

    // MARK: - Records

    /// What is known of a record once its header is read.
    struct Record {
        let start: Int
        let blockStart: Int
        let blockEnd: Int
        let fields: HeaderFields
        /// The offset of the gzip member the record starts, in a compressed file.
        let memberOffset: Int?
        let isCompressed: Bool
        let file: String

        var id: String? { fields["warc-record-id"] }
        var url: String? {
            guard var uri = fields["warc-target-uri"] else { return nil }
            if uri.hasPrefix("<"), uri.hasSuffix(">") { uri = String(uri.dropFirst().dropLast()) }
            return uri
        }
        var fileOffset: Int? { isCompressed ? memberOffset : start }
        var origin: RecordOrigin {
            .warc(file: file, id: id, offset: fileOffset, uncompressedOffset: start, date: fields["warc-date"])
        }

        func problem(_ code: RecordProblemCode, _ message: Bilingual) -> RecordProblem {
            RecordProblem(code: code, file: file, offset: fileOffset, uncompressedOffset: start, recordID: id, message: message)
        }
    }

    /// Reads the next record, or bytes that are none; false at the end of the file.
    private func readRecord() -> Bool {
        window.discard(before: position)
        skipLineEnds()
        emitBreaks(upTo: position)
        guard window.available(from: position, source: source) > 0 else {
            emitBreaks(upTo: .max)
            return !events.isEmpty
        }
        guard startsRecord(at: position) else {
            resync(from: position, reportSkipped: true)
            return true
        }
        let start = position
        recordCount += 1
        let memberOffset = window.memberOffset(at: start)
        // The header.
        let headerEnd: Int
        switch findHeaderEnd(from: start) {
        case .found(let end): headerEnd = end
        case .cut:
            let at = window.breakAfter(start)
            emit(.problem(RecordProblem(
                code: .truncatedRecord, file: file, offset: isCompressed ? memberOffset : start, uncompressedOffset: start,
                message: at == nil
                    ? Bilingual(zh: "WARC 记录头不完整：文件在其中结束", en: "the WARC record header is cut off: the file ends inside it")
                    : Bilingual(zh: "WARC 记录头不完整：其后的 gzip 数据已损坏", en: "the WARC record header is cut off by damaged gzip data"))))
            resync(from: start + 1, reportSkipped: false)
            return true
        case .tooLong:
            emit(.problem(RecordProblem(
                code: .badHeader, file: file, offset: isCompressed ? memberOffset : start, uncompressedOffset: start,
                message: Bilingual(zh: "WARC 记录头超过 \(Self.headerLimit) 字节仍未结束", en: "the WARC record header runs past \(Self.headerLimit) bytes"))))
            resync(from: start + 1, reportSkipped: false)
            return true
        }
        let fields = window.withBytes(start, headerEnd) { HeaderFields($0) }
        let lengthText = fields["content-length"] ?? ""
        guard !lengthText.isEmpty, lengthText.utf8.allSatisfy({ (0x30...0x39).contains($0) }), lengthText.utf8.count <= 15,
              let length = Int(lengthText) else {
            let record = Record(start: start, blockStart: headerEnd, blockEnd: headerEnd, fields: fields, memberOffset: memberOffset,
                                isCompressed: isCompressed, file: file)
            emit(.problem(record.problem(.badHeader, lengthText.isEmpty
                ? Bilingual(zh: "WARC 记录头缺少 Content-Length", en: "the WARC record header has no Content-Length")
                : Bilingual(zh: "WARC 记录头的 Content-Length 无效：\(lengthText)", en: "the WARC record header's Content-Length is invalid: \(lengthText)"))))
            resync(from: headerEnd, reportSkipped: false)
            return true
        }
        let record = Record(start: start, blockStart: headerEnd, blockEnd: headerEnd + length, fields: fields,
                            memberOffset: memberOffset, isCompressed: isCompressed, file: file)
        if length <= Self.verifiedBlockLimit {
            readVerified(record)
        } else {
            readStreamed(record)
        }
        return true
    }

    /// A record whose block is read whole first: its end is checked before anything is said
    /// of it, and a wrong length sends reading back to the block's start.
    private func readVerified(_ record: Record) {
        window.fill(to: record.blockEnd + 8, source: source)
        let limit = recordLimit(record)
        if record.blockEnd > limit.end {
            emit(.problem(cutProblem(record, limit)))
            resync(from: record.blockStart, reportSkipped: false)
            return
        }
        guard let recordEnd = trailerEnd(record, limit: limit.end) else {
            emit(.problem(mismatchProblem(record)))
            resync(from: record.blockStart, reportSkipped: false)
            return
        }
        var cursor = BlockCursor(next: record.blockStart, end: record.blockEnd, record: record, discarding: false)
        if let pipeline = classify(record, cursor: &cursor) {
            deliver(record, pipeline: pipeline, recordEnd: recordEnd)
        }
        if body == nil { position = recordEnd }
    }

    /// A record whose block is larger than `verifiedBlockLimit`: read in pieces, its end
    /// checked after.
    private func readStreamed(_ record: Record) {
        var cursor = BlockCursor(next: record.blockStart, end: record.blockEnd, record: record, discarding: true)
        // The HTTP head, if any, must be in the window.
        window.fill(to: min(record.blockEnd, record.blockStart + Self.headerLimit), source: source)
        guard let pipeline = classify(record, cursor: &cursor) else {
            while blockPiece(&cursor) != nil {}
            finishStreamed(record, cursor: cursor)
            return
        }
        deliver(record, pipeline: pipeline, recordEnd: nil)
    }

    /// Decides what the record is: a page (its body pipeline), or a skip (emitted; nil).
    private func classify(_ record: Record, cursor: inout BlockCursor) -> BodyPipeline? {
        let type = (record.fields["warc-type"] ?? "").lowercased()
        let recordType = record.fields["content-type"]
        switch type {
        case "response":
            let essence = recordType.map(MediaType.essence) ?? ""
            let message = recordType.flatMap { MediaType.parameter("msgtype", in: $0) }?.lowercased()
            // A record without a Content-Type is read as HTTP when its block starts as HTTP does.
            let looksHTTP = recordType == nil && window.withBytes(record.blockStart, window.contiguous(from: record.blockStart, to: record.blockStart + 5)) {
                Bytes.hasPrefix($0, at: 0, "HTTP/")
            }
            guard essence == "application/http" || looksHTTP, message == nil || message == "response" else {
                skip(record, .notHTTP, detail: recordType ?? "")
                return nil
            }
            let available = window.contiguous(from: record.blockStart, to: record.blockEnd)
            let parse = window.withBytes(record.blockStart, available) {
                HTTPHead.parse($0, isComplete: available == record.blockEnd)
            }
            guard case .head(let head) = parse else {
                emit(.problem(record.problem(.badHTTP, Bilingual(zh: "response 记录中的 HTTP 响应头无法读取",
                                                                 en: "the HTTP response head in the response record cannot be read"))))
                return nil
            }
            cursor.next = record.blockStart + head.length
            let contentType = head.fields["content-type"]
            return pipeline(record, cursor: cursor, status: head.status, contentType: contentType,
                            coding: ContentCoding(head.fields["content-encoding"]),
                            chunked: (head.fields["transfer-encoding"] ?? "").lowercased().contains("chunked"))
        case "resource":
            return pipeline(record, cursor: cursor, status: nil, contentType: recordType, coding: .identity, chunked: false)
        case "warcinfo": skip(record, .warcinfo, detail: nil)
        case "request": skip(record, .request, detail: nil)
        case "metadata": skip(record, .metadata, detail: nil)
        case "revisit": skip(record, .revisit, detail: nil)
        case "conversion": skip(record, .conversion, detail: nil)
        case "continuation": skip(record, .continuation, detail: nil)
        default: skip(record, .otherType, detail: record.fields["warc-type"] ?? "")
        }
        return nil
    }

    /// The body pipeline of a page, or nil (a skip emitted) when its type or coding is not read.
    private func pipeline(_ record: Record, cursor: BlockCursor, status: Int?, contentType: String?, coding: ContentCoding,
                          chunked: Bool) -> BodyPipeline? {
        let identified = record.fields["warc-identified-payload-type"]
        let readable = contentType.map(MediaType.isReadable) ?? true
        if !readable, !(identified.map(MediaType.isReadable) ?? false) {
            skip(record, .notText, detail: contentType.map(MediaType.essence))
            return nil
        }
        if case .unsupported(let name) = coding {
            skip(record, .unsupportedEncoding, detail: name)
            return nil
        }
        var cursor = cursor
        var dechunker: Dechunker?
        if chunked {
            let end = window.contiguous(from: cursor.next, to: min(cursor.end, cursor.next + 64))
            if window.withBytes(cursor.next, end, Dechunker.looksChunked) { dechunker = Dechunker() }
        }
        let page = PageRecord(origin: record.origin, url: record.url, status: status, contentType: contentType,
                              declaredCharset: contentType.flatMap { MediaType.parameter("charset", in: $0) }, body: [])
        let decoder: ContentDecoder? = switch coding {
        case .gzip: ContentDecoder(gzip: true)
        case .deflate: ContentDecoder(gzip: false)
        default: nil
        }
        return BodyPipeline(page: page, dechunker: dechunker, decoder: decoder) { [unowned self] in
            self.blockPiece(&cursor)
        } cursorState: { cursor }
    }

    /// Decodes a page's body: whole when it fits, else in pieces (`.largePage`).
    /// `recordEnd`: where the record ends, for a verified record; nil for a streamed one.
    private func deliver(_ record: Record, pipeline: BodyPipeline, recordEnd: Int?) {
        // Pieces are kept apart until the body is known to fit: joined once then, or handed
        // on one by one as a large page's first pieces.
        var pieces: [[UInt8]] = []
        var size = 0
        while let piece = pipeline.next() {
            pieces.append(piece)
            size += piece.count
            if size > Self.wholeBodyLimit {
                emit(.largePage(pipeline.page))
                self.body = LargeBody(first: pieces, pipeline: pipeline, record: record, verified: recordEnd != nil)
                return
            }
        }
        var body: [UInt8] = pieces.count == 1 ? pieces[0] : []
        if pieces.count > 1 {
            body.reserveCapacity(size)
            for piece in pieces { body += piece }
        }
        pieces = []
        if let fault = pipeline.fault {
            emit(.problem(faultProblem(record, fault)))
            if recordEnd == nil { finishStreamed(record, cursor: pipeline.cursorState()) }
            return
        }
        guard recordEnd == nil else {
            emit(.page(pipeline.page.with(body: body)))
            return
        }
        // A streamed record is a page only if it ends where its header says.
        var cursor = pipeline.cursorState()
        while blockPiece(&cursor) != nil {}
        window.fill(to: record.blockEnd + 4, source: source)
        if cursor.cut == nil, record.blockEnd <= recordLimit(record).end,
           let end = trailerEnd(record, limit: recordLimit(record).end) {
            emit(.page(pipeline.page.with(body: body)))
            position = end
        } else {
            finishStreamed(record, cursor: cursor)
        }
    }

    /// After a large page's last piece: its fault, and its end checked.
    private func finishBody(_ pipeline: BodyPipeline, record: Record) {
        if let fault = pipeline.fault { emit(.problem(faultProblem(record, fault))) }
        var cursor = pipeline.cursorState()
        while blockPiece(&cursor) != nil {}
        if cursor.discarding {
            finishStreamed(record, cursor: cursor)
        } else {
            // Verified before: its end is known good.
            position = trailerEnd(record, limit: recordLimit(record).end) ?? record.blockEnd
        }
    }

    /// After a streamed block: checks that the record ends where it should, and goes on.
    private func finishStreamed(_ record: Record, cursor: BlockCursor) {
        let limit = recordLimit(record)
        if cursor.cut != nil || record.blockEnd > limit.end {
            emit(.problem(cutProblem(record, limit)))
            resync(from: max(cursor.next, window.base), reportSkipped: false)
            return
        }
        window.fill(to: record.blockEnd + 4, source: source)
        guard let end = trailerEnd(record, limit: recordLimit(record).end) else {
            emit(.problem(mismatchProblem(record)))
            resync(from: record.blockEnd, reportSkipped: false)
            return
        }
        position = end
    }

    private func skip(_ record: Record, _ reason: SkipReason, detail: String?) {
        emit(.skipped(SkippedRecord(origin: record.origin, url: record.url, reason: reason, detail: detail)))
    }

    // MARK: - Record ends

    /// How far a record can reach: the end of the data read, a damage in the stream, or, for
    /// a record that starts a gzip member, the next member.
    struct Limit {
        enum Kind { case endOfData, damage, member }
        let end: Int
        let kind: Kind
    }

    private func recordLimit(_ record: Record) -> Limit {
        var limit = Limit(end: window.end, kind: .endOfData)
        if let damage = window.breakAfter(record.start), damage < limit.end { limit = Limit(end: damage, kind: .damage) }
        if record.memberOffset != nil, let member = window.recordMemberAfter(record.start, before: limit.end) {
            limit = Limit(end: member, kind: .member)
        }
        return limit
    }

    /// The end of the record after its block: past `\r\n\r\n` (or `\n\n`); or the limit, when
    /// only line ends (or nothing) stand between the block and the end of its data. Nil when
    /// other bytes follow the block: its length is wrong.
    private func trailerEnd(_ record: Record, limit: Int) -> Int? {
        let end = record.blockEnd
        let available = min(limit, end + 4)
        return window.withBytes(end, available) { bytes -> Int? in
            if Bytes.hasPrefix(bytes, at: 0, "\r\n\r\n") { return end + 4 }
            if Bytes.hasPrefix(bytes, at: 0, "\n\n") { return end + 2 }
            // Data that stops within the trailer: lenient, as other readers are.
            return available == limit && bytes.allSatisfy({ $0 == 0x0d || $0 == 0x0a }) ? limit : nil
        }
    }

    private func cutProblem(_ record: Record, _ limit: Limit) -> RecordProblem {
        let got = max(0, limit.end - record.blockStart)
        let length = record.blockEnd - record.blockStart
        switch limit.kind {
        case .member:
            return record.problem(.contentLengthMismatch, Bilingual(
                zh: "Content-Length 为 \(length)，但记录所在的 gzip 成员在 \(got) 字节后结束",
                en: "the Content-Length is \(length) but the record's gzip member ends after \(got) bytes"))
        case .damage:
            return record.problem(.truncatedRecord, Bilingual(
                zh: "记录不完整：gzip 数据在 \(got) / \(length) 字节处中断", en: "the record is cut off where the gzip data breaks off, after \(got) of \(length) bytes"))
        case .endOfData:
            return record.problem(.truncatedRecord, Bilingual(
                zh: "记录不完整：文件在 \(got) / \(length) 字节处结束", en: "the record is cut off: the file ends after \(got) of \(length) bytes"))
        }
    }

    private func mismatchProblem(_ record: Record) -> RecordProblem {
        let length = record.blockEnd - record.blockStart
        return record.problem(.contentLengthMismatch, Bilingual(
            zh: "Content-Length（\(length)）与记录的实际长度不符：记录块后不是记录结束符",
            en: "the Content-Length (\(length)) does not match the record: the block is not followed by the record's end"))
    }

    private func faultProblem(_ record: Record, _ detail: String) -> RecordProblem {
        record.problem(.corruptContentEncoding, Bilingual(zh: "正文的 Content-Encoding 压缩数据已损坏（\(detail)）",
                                                          en: "the body's Content-Encoding data is corrupt (\(detail))"))
    }

    // MARK: - Finding records

    private enum HeaderEnd {
        case found(Int)
        case cut
        case tooLong
    }

    /// The end of the record header starting at `start`: past its blank line.
    private func findHeaderEnd(from start: Int) -> HeaderEnd {
        var searched = start
        while true {
            let available = window.contiguous(from: start, to: start + Self.headerLimit)
            let found = window.withBytes(start, available) { bytes in
                HTTPHead.headEnd(bytes, from: max(0, searched - start - 2))
            }
            if let found { return .found(start + found) }
            if available - start >= Self.headerLimit { return .tooLong }
            searched = available
            if available < window.end || !window.fill(to: available + 1, source: source) { return .cut }
        }
    }

    /// Whether `WARC/1.` starts at `offset`.
    private func startsRecord(at offset: Int) -> Bool {
        window.fill(to: offset + 7, source: source)
        let end = window.contiguous(from: offset, to: offset + 7)
        return end == offset + 7 && window.withBytes(offset, end) { Bytes.hasPrefix($0, at: 0, "WARC/1.") }
    }

    /// Passes over line ends between records.
    private func skipLineEnds() {
        while true {
            window.fill(to: position + 1, source: source)
            guard position < window.end else { return }
            let byte = window.byte(at: position)
            guard byte == 0x0d || byte == 0x0a else { return }
            position += 1
            emitBreaks(upTo: position)
            window.discard(before: position)
        }
    }

    /// Moves on to the next `WARC/1.` at a line start (after a line end, at a gzip member's
    /// start or just after damage) from `from`. With `reportSkipped`, bytes passed over are a
    /// problem (`garbage`); damage passed is always one.
    private func resync(from: Int, reportSkipped: Bool) {
        var offset = max(from, window.base)
        var report = reportSkipped
        var skippedFrom = offset
        func flushSkipped(to end: Int) {
            if report, end > skippedFrom {
                let member = window.memberOffset(at: skippedFrom)
                let count = end - skippedFrom
                emit(.problem(RecordProblem(
                    code: .garbage, file: file, offset: isCompressed ? member : skippedFrom, uncompressedOffset: skippedFrom,
                    message: Bilingual(zh: "\(count) 字节不属于任何 WARC 记录，已跳过", en: "\(count) bytes belong to no WARC record; skipped"))))
            }
        }
        while true {
            window.fill(to: offset + 8, source: source)
            let passed = window.takeBreaks(upTo: offset)
            if !passed.isEmpty {
                // Damage here: what comes after it is new data.
                flushSkipped(to: offset)
                for problem in passed { emit(.problem(problem)) }
                report = true
                skippedFrom = offset
            }
            if offset >= window.end {
                flushSkipped(to: window.end)
                position = window.end
                emitBreaks(upTo: .max)
                return
            }
            let segmentEnd = min(window.end, window.breakAfter(offset) ?? .max)
            // The first `WARC/1.` at a line start in [offset, segmentEnd); `resume`: where to
            // look on (a candidate that needs more bytes).
            var resume = segmentEnd
            var found: Int?
            var from = offset
            while from < segmentEnd, let w = window.index(of: UInt8(ascii: "W"), from: from, to: segmentEnd) {
                if isLineStart(w) {
                    if w + 7 > segmentEnd {
                        if segmentEnd == window.end, !window.ended {
                            resume = w
                            break
                        }
                    } else if window.withBytes(w, w + 7, { Bytes.hasPrefix($0, at: 0, "WARC/1.") }) {
                        found = w
                        break
                    }
                }
                from = w + 1
            }
            if let found {
                flushSkipped(to: found)
                position = found
                emitBreaks(upTo: found)
                return
            }
            if resume == offset {
                window.fill(to: window.end + 1, source: source)
                continue
            }
            offset = resume
            window.discard(before: offset)
        }
    }

    /// Whether `offset` starts a line: the file's start, after `\n`, a member's start, or
    /// just after damage.
    private func isLineStart(_ offset: Int) -> Bool {
        offset == 0 || window.memberOffset(at: offset) != nil || window.breakAt(offset)
            || (offset > window.base && window.byte(at: offset - 1) == 0x0a)
    }

    // MARK: - Events

    private func emit(_ event: Event) { events.append(event) }

    /// Emits the problems of damage at or before `offset`.
    private func emitBreaks(upTo offset: Int) {
        for problem in window.takeBreaks(upTo: offset) { emit(.problem(problem)) }
    }

    // MARK: - Blocks

    /// Reading position in a record's block.
    struct BlockCursor {
        var next: Int
        let end: Int
        let record: Record
        /// Whether bytes read are dropped from the window (streamed records).
        let discarding: Bool
        /// Set when the block ended before `end`.
        var cut: Limit.Kind?
    }

    /// The next piece of a block, or nil at its end (or where it is cut: `cursor.cut`).
    private func blockPiece(_ cursor: inout BlockCursor) -> [UInt8]? {
        guard cursor.next < cursor.end, cursor.cut == nil else { return nil }
        if cursor.discarding { window.discard(before: cursor.next) }
        // A few bytes past the piece, to see whether a member starting at its end opens a record.
        window.fill(to: min(cursor.end, cursor.next + Self.pieceSize) + 8, source: source)
        let limit = recordLimit(cursor.record)
        let take = min(cursor.end, limit.end, cursor.next + Self.pieceSize)
        guard take > cursor.next else {
            cursor.cut = limit.kind
            return nil
        }
        let piece = window.copy(cursor.next, take)
        cursor.next = take
        return piece
    }

    /// A large page being given in pieces.
    private final class LargeBody {
        /// The pieces read before the body was known to be large, and the next to hand on.
        var first: [[UInt8]]
        var next = 0
        let pipeline: BodyPipeline
        let record: Record
        let verified: Bool

        init(first: [[UInt8]], pipeline: BodyPipeline, record: Record, verified: Bool) {
            self.first = first
            self.pipeline = pipeline
            self.record = record
            self.verified = verified
        }
    }

    // MARK: - Sources

    enum Source {
        case plain(FileInput)
        case gzip(GzipReader)
    }
}

extension PageRecord {
    func with(body: [UInt8]) -> PageRecord {
        PageRecord(origin: origin, url: url, status: status, contentType: contentType, declaredCharset: declaredCharset,
                   required: required, encoding: encoding, body: body)
    }
}

/// A page's body, decoded piece by piece: block bytes, then chunked coding undone, then the
/// content coding.
final class BodyPipeline {
    let page: PageRecord
    private var dechunker: Dechunker?
    private let decoder: ContentDecoder?
    private let pull: () -> [UInt8]?
    /// The block cursor's state, for reading on after the body.
    let cursorState: () -> WARCReader.BlockCursor
    private var ended = false

    init(page: PageRecord, dechunker: Dechunker?, decoder: ContentDecoder?, pull: @escaping () -> [UInt8]?,
         cursorState: @escaping () -> WARCReader.BlockCursor) {
        self.page = page
        self.dechunker = dechunker
        self.decoder = decoder
        self.pull = pull
        self.cursorState = cursorState
    }

    /// What went wrong in the content coding, if anything.
    var fault: String? { decoder?.fault }

    /// The next decoded bytes, or nil at the end of the body.
    func next() -> [UInt8]? {
        guard !ended else { return nil }
        let result = decoder.map { $0.next(pull: transferDecoded) } ?? transferDecoded()
        if result == nil { ended = true }
        return result
    }

    /// The next block bytes with the transfer coding undone.
    private func transferDecoded() -> [UInt8]? {
        guard dechunker != nil else { return pull() }
        while true {
            if dechunker!.isDone { return nil }
            guard let piece = pull() else { return nil }
            var output: [UInt8] = []
            piece.withUnsafeBufferPointer { dechunker!.feed($0, into: &output) }
            if !output.isEmpty { return output }
        }
    }
}

/// The decompressed bytes of a WARC file not yet passed, with where gzip members start and
/// where damage broke the stream, in uncompressed offsets.
struct Window {
    private var bytes: [UInt8] = []
    /// The uncompressed offset of `bytes[0]`.
    private(set) var base = 0
    var end: Int { base + bytes.count }
    /// Whether the source has nothing more.
    private(set) var ended = false
    /// Member starts: uncompressed offset and file offset.
    private var members: [(start: Int, offset: Int)] = []
    /// Damage not yet reported: the uncompressed offset after which the stream resumes.
    private var breaks: [(at: Int, problem: RecordProblem)] = []

    /// Pulls one event from the source; false when it has none left.
    @discardableResult
    private mutating func pull(_ source: WARCReader.Source) -> Bool {
        guard !ended else { return false }
        switch source {
        case .plain(let input):
            if input.read(into: &bytes) == 0 {
                ended = true
                if let failure = input.failure {
                    breaks.append((end, RecordProblem(code: .readError, file: input.name, offset: input.position, uncompressedOffset: end,
                                                      message: Bilingual(zh: "读取 \(input.name) 出错：\(failure)",
                                                                         en: "error reading \(input.name): \(failure)"))))
                }
                return false
            }
        case .gzip(let reader):
            switch reader.next() {
            case nil:
                ended = true
                return false
            case .data(let data): bytes += data
            case .member(let offset, _): members.append((end, offset))
            case .problem(let problem): breaks.append((end, problem))
            }
        }
        return true
    }

    /// Reads until `offset` is in the window or the source ends; false if it ended first.
    @discardableResult
    mutating func fill(to offset: Int, source: WARCReader.Source) -> Bool {
        while end < offset {
            if !pull(source) { return false }
        }
        return true
    }

    /// Bytes from `from` before the end of data, as far as the source gives (filled).
    mutating func available(from: Int, source: WARCReader.Source) -> Int {
        fill(to: from + 1, source: source)
        return max(0, end - from)
    }

    /// The end of the contiguous bytes from `from` up to `to`: stops at the window's end and
    /// at damage.
    func contiguous(from: Int, to: Int) -> Int {
        min(to, end, breakAfter(from) ?? .max)
    }

    /// The first damage after `offset` (strictly).
    func breakAfter(_ offset: Int) -> Int? { breaks.first { $0.at > offset }?.at }

    /// Whether damage lies exactly at `offset` (still to report).
    func breakAt(_ offset: Int) -> Bool { breaks.contains { $0.at == offset } || lastBreak == offset }
    private var lastBreak = -1

    /// Removes and returns the problems of damage at or before `offset`.
    mutating func takeBreaks(upTo offset: Int) -> [RecordProblem] {
        var taken: [RecordProblem] = []
        while let first = breaks.first, first.at <= offset {
            taken.append(first.problem)
            lastBreak = first.at
            breaks.removeFirst()
        }
        return taken
    }

    /// The file offset of the gzip member starting at `offset` (the last, if empty ones share it).
    func memberOffset(at offset: Int) -> Int? { members.last { $0.start == offset }?.offset }

    /// The first member that starts after `offset` and before `end` with `WARC/1.`: a record's
    /// member. (Members that start elsewhere, as BGZF cuts a stream every 64 KiB, end nothing.)
    func recordMemberAfter(_ offset: Int, before end: Int) -> Int? {
        for member in members where member.start > offset && member.start < end {
            if member.start + 7 <= self.end, withBytes(member.start, member.start + 7, { Bytes.hasPrefix($0, at: 0, "WARC/1.") }) {
                return member.start
            }
        }
        return nil
    }

    func byte(at offset: Int) -> UInt8 { bytes[offset - base] }

    func withBytes<T>(_ from: Int, _ to: Int, _ body: (UnsafeBufferPointer<UInt8>) -> T) -> T {
        bytes.withUnsafeBufferPointer { body(UnsafeBufferPointer(rebasing: $0[(from - base)..<max(from, to) - base])) }
    }

    func copy(_ from: Int, _ to: Int) -> [UInt8] { Array(bytes[(from - base)..<(to - base)]) }

    func index(of byte: UInt8, from: Int, to: Int) -> Int? {
        bytes.withUnsafeBufferPointer { Bytes.index(of: byte, in: $0, from: from - base, to: to - base) }.map { $0 + base }
    }

    /// Drops bytes before `offset` when enough have accumulated (one byte before it is kept,
    /// to tell a line start).
    mutating func discard(before offset: Int) {
        let drop = offset - 1 - base
        guard drop > 0, drop >= 1 << 20 || drop * 2 >= bytes.count && drop >= 1 << 16 else { return }
        bytes.removeFirst(drop)
        base += drop
        let keepFrom = base
        members.removeAll { $0.start < keepFrom }
    }
}

/// What a file holds, judged from its first bytes (`WARCReader.sniff`).
public enum CrawlFileKind: Sendable, Hashable {
    /// A WARC file; `compressed`: gzip (per record or whole).
    case warc(compressed: Bool)
    /// A gzip file that is not WARC (`page.html.gz`, `records.jsonl.gz`): read it with `GzipReader`.
    case gzip
    /// Anything else.
    case other
}

extension WARCReader {
    /// Bytes `sniff(path:)` reads.
    public static let sniffLength = 1 << 16

    /// What a file whose first bytes are `head` holds: gzip by its magic, WARC by `WARC/1.`
    /// at the start of the (decompressed) bytes.
    public static func sniff(head: [UInt8]) -> CrawlFileKind {
        let warc = Array("WARC/1.".utf8)
        guard head.count >= 3, Array(head[0..<3]) == Bytes.gzipMagic else {
            return head.starts(with: warc) ? .warc(compressed: false) : .other
        }
        let inflater = Inflater(format: BEIAN_INFLATE_GZIP)
        var output = [UInt8](repeating: 0, count: 64)
        let (_, _, written) = head.withUnsafeBytes { input in output.withUnsafeMutableBytes { inflater.run(input, into: $0) } }
        return output[0..<written].starts(with: warc) ? .warc(compressed: true) : .gzip
    }

    /// What the file at `path` holds (see `sniff(head:)`).
    public static func sniff(path: String) throws(BeianError) -> CrawlFileKind {
        let input = try FileInput(path: path)
        return sniff(head: input.peek(sniffLength))
    }
}
