/// Where a page read from a crawl file came from, for reports: a WARC record or a line of a
/// JSON-lines file.
public enum RecordOrigin: Sendable, Hashable {
    /// A WARC record.
    /// - file: the WARC file's path as given.
    /// - id: the record's `WARC-Record-ID`.
    /// - offset: the byte offset in the file where the record starts: its gzip member's start
    ///   in a compressed file, its first byte in an uncompressed one; nil when the record does
    ///   not start a gzip member (all but the first record of a file compressed whole).
    /// - uncompressedOffset: the record's offset in the decompressed stream (the file offset
    ///   for an uncompressed file).
    /// - date: the record's `WARC-Date`, as written.
    case warc(file: String, id: String?, offset: Int?, uncompressedOffset: Int, date: String?)
    /// A line of a JSON-lines file: its number (from 1) and its `"id"` field, if any.
    case jsonl(line: Int, id: String?)

    /// The record's identifier: the `WARC-Record-ID`, or the JSON line's `"id"`.
    public var id: String? {
        switch self {
        case .warc(_, let id, _, _, _), .jsonl(_, let id): id
        }
    }

    /// The origin as a JSON object: `{"file","id","offset","uncompressed_offset","date"}` for a
    /// WARC record, `{"line","id"}` for a JSON line; unknown values are `null`.
    public var json: JSONValue {
        JSONTreeBuilder.build { ReportJSON.write(record: self, to: &$0) }
    }
}

/// A page read from a crawl file: its body and what the transport said about it.
public struct PageRecord: Sendable, Hashable {
    /// Where the page came from.
    public let origin: RecordOrigin
    /// The page's URL: a WARC record's `WARC-Target-URI`, a JSON line's `"url"`.
    public let url: String?
    /// A name for reports: the URL, else the JSON line's `"id"`; nil when the record has neither.
    public var name: String? { url ?? origin.id }
    /// The HTTP status of a WARC `response` record; nil otherwise.
    public let status: Int?
    /// The payload's media type as declared (the HTTP `Content-Type`, a `resource` record's or
    /// the JSON line's `"content_type"`), with its parameters.
    public let contentType: String?
    /// The `charset` parameter of `contentType`: pass it to `BeianScanner.check` as
    /// `declaredCharset`.
    public let declaredCharset: String?
    /// The encoding the body is known to be in, to pass to `BeianScanner.check` as `encoding`:
    /// "UTF-8" for a JSON line's `"body"` (text already decoded, whatever `contentType` says);
    /// nil when it is to be detected.
    public let encoding: String?
    /// Kinds the JSON line requires (`"required"`); empty for WARC records.
    public let required: Set<Kind>
    /// The body: after chunked transfer coding and `Content-Encoding` are undone. Empty for a
    /// page delivered in pieces (`WARCReader.Event.largePage`).
    public let body: [UInt8]

    /// A page record; the readers make them, tests and other sources may too.
    public init(origin: RecordOrigin, url: String?, status: Int? = nil, contentType: String? = nil,
                declaredCharset: String? = nil, required: Set<Kind> = [], encoding: String? = nil, body: [UInt8]) {
        self.origin = origin
        self.url = url
        self.status = status
        self.contentType = contentType
        self.declaredCharset = declaredCharset
        self.required = required
        self.encoding = encoding
        self.body = body
    }
}

/// Why a WARC record was passed over without being checked. The raw values are stable codes.
public enum SkipReason: String, Sendable, CaseIterable, Hashable, Comparable {
    /// A `warcinfo` record: about the file, not a page.
    case warcinfo
    /// A `request` record: what the crawler sent.
    case request
    /// A `metadata` record.
    case metadata
    /// A `revisit` record: the page was unchanged and its body is not stored again.
    case revisit
    /// A `conversion` record.
    case conversion
    /// A `continuation` record: the rest of a segmented record.
    case continuation
    /// A record of another or no `WARC-Type`.
    case otherType = "other_type"
    /// A `response` record that holds no HTTP response (DNS, FTP …).
    case notHTTP = "not_http"
    /// A payload whose media type is not text or HTML (images, PDF, fonts …).
    case notText = "not_text"
    /// A body in a `Content-Encoding` Beian cannot undo (br, zstd, compress …).
    case unsupportedEncoding = "unsupported_encoding"

    /// The reason's name in Chinese and English, for summaries.
    public var names: Bilingual {
        switch self {
        case .warcinfo: Bilingual(zh: "文件信息记录", en: "warcinfo")
        case .request: Bilingual(zh: "请求记录", en: "request")
        case .metadata: Bilingual(zh: "元数据记录", en: "metadata")
        case .revisit: Bilingual(zh: "重访记录", en: "revisit")
        case .conversion: Bilingual(zh: "转换记录", en: "conversion")
        case .continuation: Bilingual(zh: "续接记录", en: "continuation")
        case .otherType: Bilingual(zh: "其他类型记录", en: "other record type")
        case .notHTTP: Bilingual(zh: "非 HTTP 响应", en: "not HTTP")
        case .notText: Bilingual(zh: "非文本", en: "not text")
        case .unsupportedEncoding: Bilingual(zh: "不支持的内容编码", en: "unsupported content encoding")
        }
    }

    public static func < (lhs: SkipReason, rhs: SkipReason) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}

/// A WARC record passed over, and why.
public struct SkippedRecord: Sendable, Hashable {
    /// The record passed over.
    public let origin: RecordOrigin
    /// Its `WARC-Target-URI`.
    public let url: String?
    /// Why it was passed over.
    public let reason: SkipReason
    /// What the reason is about: the `WARC-Type`, the media type, the content encoding.
    public let detail: String?
}

/// The kind of a fault in a crawl file. The raw values are stable codes.
public enum RecordProblemCode: String, Sendable, CaseIterable, Hashable {
    /// A gzip member whose data is invalid; reading resumes at the next member.
    case corruptGzip = "corrupt_gzip"
    /// A gzip member cut off by the end of the file.
    case truncatedGzip = "truncated_gzip"
    /// Bytes between gzip members that start no member.
    case notGzip = "not_gzip"
    /// The file could not be read on (an I/O error).
    case readError = "read_error"
    /// Bytes that are not part of any WARC record.
    case garbage
    /// A WARC record header that cannot be read (no `Content-Length`, no end, too long).
    case badHeader = "bad_header"
    /// A record cut off by the end of the file or by damaged gzip data.
    case truncatedRecord = "truncated_record"
    /// A `Content-Length` that does not end where the record ends.
    case contentLengthMismatch = "content_length_mismatch"
    /// A `response` record whose HTTP response header cannot be read.
    case badHTTP = "bad_http"
    /// A body whose gzip or deflate `Content-Encoding` is corrupt.
    case corruptContentEncoding = "corrupt_content_encoding"
    /// A line of a JSON-lines file that is no page record (the message says why).
    case badLine = "bad_line"
}

/// A fault found while reading a crawl file. Reading goes on after it.
public struct RecordProblem: Sendable, Hashable, CustomStringConvertible {
    /// The kind of fault.
    public let code: RecordProblemCode
    /// The file's path as given.
    public let file: String
    /// A byte offset in the file: of the gzip member or bytes at fault, or of the record (as
    /// `RecordOrigin.warc`'s `offset`); nil when the place has no file offset of its own.
    public let offset: Int?
    /// The place's offset in the decompressed stream, when known.
    public let uncompressedOffset: Int?
    /// The record's `WARC-Record-ID`, when the fault is in a record whose header was read.
    public let recordID: String?
    /// What happened and what the reader did, in Chinese and English.
    public let message: Bilingual

    /// A problem; the readers make them.
    public init(code: RecordProblemCode, file: String, offset: Int?, uncompressedOffset: Int? = nil,
                recordID: String? = nil, message: Bilingual) {
        self.code = code
        self.file = file
        self.offset = offset
        self.uncompressedOffset = uncompressedOffset
        self.recordID = recordID
        self.message = message
    }

    /// One line for logs: file, offsets, code and the English message.
    public var description: String {
        "\(file)@\(offset.map(String.init) ?? "-")/\(uncompressedOffset.map(String.init) ?? "-") \(code.rawValue): \(message.en)"
    }
}

extension BeianScanner {
    /// Checks a page read from a crawl file with what its record says: `required`,
    /// `encoding`, `declaredCharset`, and its URL as the base of relative links.
    /// A large page (`WARCReader.Event.largePage`) has no body here: feed its pieces to
    /// `BeianStream(scanner:page:)`.
    /// - Parameters:
    ///   - page: the page record, its body whole.
    ///   - source: the report's source; nil names it by `page.name` (else "-").
    ///   - required: kinds required besides the page's own `required`.
    ///   - isHTML: whether to read tags and links; nil detects it.
    public func check(_ page: PageRecord, source: String? = nil, required: Set<Kind> = [], isHTML: Bool? = nil) -> Report {
        check(page.body, source: source ?? page.name ?? "-", required: required.union(page.required), isHTML: isHTML,
              encoding: page.encoding, declaredCharset: page.declaredCharset, baseURL: page.url)
    }
}

extension BeianStream {
    /// A stream for the body of a page read from a crawl file, given in pieces: set up as
    /// `BeianScanner.check(_:source:required:isHTML:)` sets up a whole page.
    public convenience init(scanner: BeianScanner, page: PageRecord, source: String? = nil, required: Set<Kind> = [],
                            isHTML: Bool? = nil) {
        self.init(scanner: scanner, source: source ?? page.name ?? "-", required: required.union(page.required), isHTML: isHTML,
                  encoding: page.encoding, declaredCharset: page.declaredCharset, baseURL: page.url)
    }
}
