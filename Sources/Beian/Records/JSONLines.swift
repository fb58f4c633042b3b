import CBeianScan

/// Why a line of a JSON-lines file gives no page.
public struct JSONLineError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The kind of fault. The raw values are stable codes.
    public enum Code: String, Sendable, CaseIterable, Hashable {
        /// Not valid JSON.
        case notJSON = "not_json"
        /// Valid JSON, but not an object.
        case notObject = "not_object"
        /// Neither `"body"` nor `"body_base64"`.
        case noBody = "no_body"
        /// Both `"body"` and `"body_base64"`.
        case twoBodies = "two_bodies"
        /// `"body_base64"` is not Base64.
        case badBase64 = "bad_base64"
        /// The body is larger than the limit.
        case bodyTooLarge = "body_too_large"
        /// The line is longer than the limit; it was passed over unread.
        case lineTooLong = "line_too_long"
        /// A known field of the wrong type (`"url"` a number, `"required"` not a list of strings …).
        case badField = "bad_field"
        /// `"required"` names a kind code Beian does not know.
        case unknownKind = "unknown_kind"
    }

    /// What is wrong with the line.
    public let code: Code
    /// What is wrong, in both languages.
    public let message: Bilingual
    /// The line's `"id"`, when it was read before the fault was found (`beian serve` answers
    /// a bad request with it).
    public internal(set) var id: String?

    public var description: String { "\(code.rawValue): \(message.en)" }
}

/// JSON-lines page records: one JSON object a line, holding a page.
///
/// Fields: `"body"` (the page as text; finding offsets are byte offsets into its UTF-8) or
/// `"body_base64"` (the page's bytes, in any encoding), exactly one of them; `"url"` and `"id"`
/// (a string or number) name it; `"content_type"` (its `charset` is the declared charset);
/// `"required"`, a list of kind codes (`Kind`'s raw values). Other fields are ignored.
///
/// ```
/// {"url": "https://example.cn/", "body": "<p>京ICP备05002571号-1</p>", "required": ["icp_filing"]}
/// {"id": "42", "body_base64": "1MFJQ1CxuDEyMDQ1Njc4usU=", "content_type": "text/html; charset=GBK"}
/// ```
public enum JSONLines {
    /// The largest body a line may carry, in bytes (decoded, for `"body_base64"`).
    public static let maximumBodySize = 64 << 20

    /// The longest line read for a body limit: room for the body in Base64, and 1 MiB of other fields.
    package static func maximumLineLength(forBodySize size: Int) -> Int { (size + 2) / 3 * 4 + (1 << 20) }

    /// The page record of one line (without its line end), or why there is none.
    /// - Parameters:
    ///   - line: the line's bytes.
    ///   - number: the line's number (from 1), for the record's origin.
    ///   - maximumBodySize: the largest body accepted, in bytes (decoded, for `"body_base64"`).
    package static func parse(line: UnsafeBufferPointer<UInt8>, number: Int,
                             maximumBodySize: Int = JSONLines.maximumBodySize) -> Result<PageRecord, JSONLineError> {
        var parser = JSONLineParser(bytes: line, maximumBodySize: maximumBodySize)
        do {
            return .success(try parser.record(line: number))
        } catch {
            var error = error
            error.id = parser.id
            return .failure(error)
        }
    }

    /// The page record of one line (see `parse(line:number:maximumBodySize:)`).
    package static func parse(line: [UInt8], number: Int,
                             maximumBodySize: Int = JSONLines.maximumBodySize) -> Result<PageRecord, JSONLineError> {
        line.withUnsafeBufferPointer { parse(line: $0, number: number, maximumBodySize: maximumBodySize) }
    }
}

/// A small JSON parser for one line: the fields of a page record are kept, others checked and
/// passed over.
private struct JSONLineParser {
    let bytes: UnsafeBufferPointer<UInt8>
    let maximumBodySize: Int
    var index = 0
    /// The `"id"` read so far.
    var id: String?

    init(bytes: UnsafeBufferPointer<UInt8>, maximumBodySize: Int) {
        self.bytes = bytes
        self.maximumBodySize = maximumBodySize
    }

    static let maximumDepth = 512

    /// A field's value as kept.
    private enum Text { case none, null, text([UInt8]) }

    mutating func record(line: Int) throws(JSONLineError) -> PageRecord {
        // A byte-order mark may open the file.
        if line == 1, bytes.count >= 3, bytes[0] == 0xef, bytes[1] == 0xbb, bytes[2] == 0xbf { index = 3 }
        skipSpace()
        guard index < bytes.count, bytes[index] == UInt8(ascii: "{") else {
            var probe = self
            if (try? probe.skipValue(depth: 0)) != nil, probe.atEnd() {
                throw Self.error(.notObject, zh: "这一行是 JSON，但不是对象", en: "the line is JSON but not an object")
            }
            throw notJSON()
        }
        index += 1
        var body: [UInt8]?
        var base64: [UInt8]?
        var url: String?
        var contentType: String?
        var required: Set<Kind> = []
        skipSpace()
        if peek() == UInt8(ascii: "}") {
            index += 1
        } else {
            while true {
                skipSpace()
                guard peek() == UInt8(ascii: "\"") else { throw notJSON() }
                let key = String(decoding: try string(limit: 4096), as: UTF8.self)
                skipSpace()
                guard peek() == UInt8(ascii: ":") else { throw notJSON() }
                index += 1
                skipSpace()
                switch key {
                case "body":
                    body = try optionalString(field: key, limit: maximumBodySize)
                case "body_base64":
                    base64 = try optionalString(field: key, limit: JSONLines.maximumLineLength(forBodySize: maximumBodySize))
                case "url":
                    url = try optionalString(field: key, limit: 1 << 20).map { String(decoding: $0, as: UTF8.self) }
                case "content_type":
                    contentType = try optionalString(field: key, limit: 1 << 20).map { String(decoding: $0, as: UTF8.self) }
                case "id":
                    id = try identifier()
                case "required":
                    required = try kinds()
                default:
                    try skipValue(depth: 1)
                }
                skipSpace()
                guard let next = peek() else { throw notJSON() }
                index += 1
                if next == UInt8(ascii: "}") { break }
                guard next == UInt8(ascii: ",") else { throw notJSON() }
            }
        }
        guard atEnd() else { throw notJSON() }
        let page: [UInt8]
        switch (body, base64) {
        case (nil, nil):
            throw Self.error(.noBody, zh: "缺少 \"body\" 或 \"body_base64\" 字段", en: "there is no \"body\" or \"body_base64\" field")
        case (.some, .some):
            throw Self.error(.twoBodies, zh: "\"body\" 与 \"body_base64\" 只能有一个", en: "\"body\" and \"body_base64\" are both given; give one")
        case (let text?, nil):
            page = text
        case (nil, let encoded?):
            guard let decoded = Base64.decode(encoded, limit: .max) else {
                throw Self.error(.badBase64, zh: "\"body_base64\" 不是有效的 Base64", en: "\"body_base64\" is not valid Base64")
            }
            page = decoded
        }
        guard page.count <= maximumBodySize else {
            throw Self.error(.bodyTooLarge, zh: "正文超过 \(maximumBodySize) 字节的上限", en: "the body is larger than the limit of \(maximumBodySize) bytes")
        }
        return PageRecord(origin: .jsonl(line: line, id: id), url: url, contentType: contentType,
                          declaredCharset: contentType.flatMap { MediaType.parameter("charset", in: $0) }, required: required,
                          encoding: body != nil ? "UTF-8" : nil, body: page)
    }

    // MARK: - Fields

    /// A string, or nil for `null`; another type is a `badField`.
    private mutating func optionalString(field: String, limit: Int) throws(JSONLineError) -> [UInt8]? {
        if peek() == UInt8(ascii: "\"") { return try string(limit: limit) }
        if literal("null") { return nil }
        try skipValue(depth: 1)
        throw Self.error(.badField, zh: "字段 \"\(field)\" 应为字符串", en: "the field \"\(field)\" must be a string")
    }

    /// `"id"`: a string or a number (kept as written), or null.
    private mutating func identifier() throws(JSONLineError) -> String? {
        if let first = peek(), first == UInt8(ascii: "-") || (0x30...0x39).contains(first) {
            let start = index
            try skipValue(depth: 1)
            return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
        }
        return try optionalString(field: "id", limit: 1 << 20).map { String(decoding: $0, as: UTF8.self) }
    }

    /// `"required"`: a list of kind codes, or null.
    private mutating func kinds() throws(JSONLineError) -> Set<Kind> {
        if literal("null") { return [] }
        let badField = Self.error(.badField, zh: "字段 \"required\" 应为类别代码的数组", en: "the field \"required\" must be an array of kind codes")
        guard peek() == UInt8(ascii: "[") else {
            try skipValue(depth: 1)
            throw badField
        }
        index += 1
        var codes: [String] = []
        var wrongType = false
        skipSpace()
        if peek() == UInt8(ascii: "]") {
            index += 1
        } else {
            while true {
                skipSpace()
                if peek() == UInt8(ascii: "\"") {
                    codes.append(String(decoding: try string(limit: 4096), as: UTF8.self))
                } else {
                    try skipValue(depth: 2)
                    wrongType = true
                }
                skipSpace()
                guard let next = peek() else { throw notJSON() }
                index += 1
                if next == UInt8(ascii: "]") { break }
                guard next == UInt8(ascii: ",") else { throw notJSON() }
            }
        }
        if wrongType { throw badField }
        var kinds: Set<Kind> = []
        for code in codes {
            guard let kind = Kind(rawValue: code) else {
                throw Self.error(.unknownKind, zh: "\"required\" 中的类别代码未知：\(code)", en: "unknown kind code in \"required\": \(code)")
            }
            kinds.insert(kind)
        }
        return kinds
    }

    // MARK: - JSON

    private func peek() -> UInt8? { index < bytes.count ? bytes[index] : nil }

    private mutating func skipSpace() {
        while index < bytes.count {
            switch bytes[index] {
            case 0x20, 0x09, 0x0a, 0x0d: index += 1
            default: return
            }
        }
    }

    private mutating func atEnd() -> Bool {
        skipSpace()
        return index == bytes.count
    }

    private mutating func literal(_ word: StaticString) -> Bool {
        guard Bytes.hasPrefix(bytes, at: index, word) else { return false }
        index += word.utf8CodeUnitCount
        return true
    }

    /// Checks and passes one value of any type.
    private mutating func skipValue(depth: Int) throws(JSONLineError) {
        guard depth < Self.maximumDepth, let first = peek() else { throw notJSON() }
        switch first {
        case UInt8(ascii: "\""):
            try skipString()
        case UInt8(ascii: "{"), UInt8(ascii: "["):
            let close = first == UInt8(ascii: "{") ? UInt8(ascii: "}") : UInt8(ascii: "]")
            index += 1
            skipSpace()
            if peek() == close {
                index += 1
                return
            }
            while true {
                skipSpace()
                if first == UInt8(ascii: "{") {
                    guard peek() == UInt8(ascii: "\"") else { throw notJSON() }
                    try skipString()
                    skipSpace()
                    guard peek() == UInt8(ascii: ":") else { throw notJSON() }
                    index += 1
                    skipSpace()
                }
                try skipValue(depth: depth + 1)
                skipSpace()
                guard let next = peek() else { throw notJSON() }
                index += 1
                if next == close { return }
                guard next == UInt8(ascii: ",") else { throw notJSON() }
            }
        case UInt8(ascii: "t"): guard literal("true") else { throw notJSON() }
        case UInt8(ascii: "f"): guard literal("false") else { throw notJSON() }
        case UInt8(ascii: "n"): guard literal("null") else { throw notJSON() }
        default:
            try skipNumber()
        }
    }

    private mutating func skipNumber() throws(JSONLineError) {
        func digits() -> Int {
            let start = index
            while let byte = peek(), (0x30...0x39).contains(byte) { index += 1 }
            return index - start
        }
        if peek() == UInt8(ascii: "-") { index += 1 }
        let leading = index
        guard digits() > 0 else { throw notJSON() }
        if bytes[leading] == 0x30, index - leading > 1 { throw notJSON() }
        if peek() == UInt8(ascii: ".") {
            index += 1
            guard digits() > 0 else { throw notJSON() }
        }
        if let byte = peek(), byte == UInt8(ascii: "e") || byte == UInt8(ascii: "E") {
            index += 1
            if let sign = peek(), sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") { index += 1 }
            guard digits() > 0 else { throw notJSON() }
        }
    }

    private mutating func skipString() throws(JSONLineError) {
        index += 1
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                index += 1
                return
            }
            if byte == UInt8(ascii: "\\") {
                index += 1
                guard let escaped = peek() else { break }
                if escaped == UInt8(ascii: "u") {
                    _ = try hex4(at: index + 1)
                    index += 5
                } else {
                    guard Self.simpleEscape(escaped) != nil else { throw notJSON() }
                    index += 1
                }
                continue
            }
            guard byte >= 0x20 else { throw notJSON() }
            index += 1
        }
        throw notJSON()
    }

    /// A string's contents as UTF-8 (escapes undone; a lone surrogate reads as U+FFFD).
    /// Longer than `limit` bytes: `bodyTooLarge`.
    private mutating func string(limit: Int) throws(JSONLineError) -> [UInt8] {
        index += 1
        var output: [UInt8] = []
        var run = index
        while index < bytes.count {
            // Runs with no quote, backslash or control byte, sixteen bytes at a time (the scan
            // JSON output uses; it also stops at 0xE2, which is read on below as any byte).
            if let base = bytes.baseAddress {
                index += beian_json_plain_prefix(base + index, bytes.count - index)
                guard index < bytes.count else { break }
            }
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                output.append(contentsOf: bytes[run..<index])
                index += 1
                guard output.count <= limit else { throw tooLarge(limit) }
                return output
            }
            if byte == UInt8(ascii: "\\") {
                output.append(contentsOf: bytes[run..<index])
                guard output.count <= limit else { throw tooLarge(limit) }
                index += 1
                guard let escaped = peek() else { break }
                if escaped == UInt8(ascii: "u") {
                    var scalar = try hex4(at: index + 1)
                    index += 5
                    if (0xd800..<0xdc00).contains(scalar), Bytes.hasPrefix(bytes, at: index, "\\u"),
                       let low = try? hex4(at: index + 2), (0xdc00..<0xe000).contains(low) {
                        scalar = 0x10000 + ((scalar - 0xd800) << 10) + (low - 0xdc00)
                        index += 6
                    }
                    let character = Unicode.Scalar(scalar) ?? "\u{FFFD}"
                    output.append(contentsOf: UTF8.encode(character)!)
                } else {
                    guard let plain = Self.simpleEscape(escaped) else { throw notJSON() }
                    output.append(plain)
                    index += 1
                }
                run = index
                continue
            }
            guard byte >= 0x20 else { throw notJSON() }
            index += 1
        }
        throw notJSON()
    }

    private func hex4(at start: Int) throws(JSONLineError) -> UInt32 {
        guard start + 4 <= bytes.count else { throw notJSON() }
        var value: UInt32 = 0
        for offset in 0..<4 {
            let byte = bytes[start + offset]
            let digit: UInt32
            switch byte {
            case 0x30...0x39: digit = UInt32(byte - 0x30)
            case 0x41...0x46: digit = UInt32(byte - 0x41 + 10)
            case 0x61...0x66: digit = UInt32(byte - 0x61 + 10)
            default: throw notJSON()
            }
            value = value << 4 | digit
        }
        return value
    }

    private static func simpleEscape(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "\""): 0x22
        case UInt8(ascii: "\\"): 0x5c
        case UInt8(ascii: "/"): 0x2f
        case UInt8(ascii: "b"): 0x08
        case UInt8(ascii: "f"): 0x0c
        case UInt8(ascii: "n"): 0x0a
        case UInt8(ascii: "r"): 0x0d
        case UInt8(ascii: "t"): 0x09
        default: nil
        }
    }

    // MARK: - Errors

    private func notJSON() -> JSONLineError {
        Self.error(.notJSON, zh: "这一行不是有效的 JSON（第 \(index + 1) 字节处）", en: "the line is not valid JSON (at byte \(index + 1))")
    }

    private func tooLarge(_ limit: Int) -> JSONLineError {
        Self.error(.bodyTooLarge, zh: "字段值超过 \(limit) 字节的上限", en: "a field value is larger than the limit of \(limit) bytes")
    }

    static func error(_ code: JSONLineError.Code, zh: String, en: String) -> JSONLineError {
        JSONLineError(code: code, message: Bilingual(zh: zh, en: en))
    }
}

/// Base64 (RFC 4648): the standard or the URL-safe alphabet, padding optional, line breaks
/// and spaces ignored.
enum Base64 {
    private static let values: [UInt8] = {
        var table = [UInt8](repeating: 0xff, count: 256)
        for (index, byte) in "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8.enumerated() {
            table[Int(byte)] = UInt8(index)
        }
        table[Int(UInt8(ascii: "-"))] = 62
        table[Int(UInt8(ascii: "_"))] = 63
        return table
    }()

    /// The decoded bytes, or nil when `text` is not Base64 or decodes to more than `limit` bytes.
    /// White space is allowed anywhere; "=" only at the end.
    static func decode(_ text: [UInt8], limit: Int) -> [UInt8]? {
        let capacity = text.count / 4 * 3 + 3
        var valid = true
        let table = values  // Read once: a static's access check per byte cost more than the decoding.
        let output = table.withUnsafeBufferPointer { values in
            text.withUnsafeBufferPointer { input in
                [UInt8](unsafeUninitializedCapacity: capacity) { bytes, written in
                    var group: UInt32 = 0
                    var count = 0
                    var padding = 0
                    var out = 0
                    var index = 0
                    let end = input.count
                    while index < end {
                        // Four characters at a time while all are Base64 letters.
                        if count == 0, index + 4 <= end {
                            let a = values[Int(input[index])], b = values[Int(input[index + 1])]
                            let c = values[Int(input[index + 2])], d = values[Int(input[index + 3])]
                            if (a | b | c | d) != 0xff, a < 64, b < 64, c < 64, d < 64 {
                                let word = UInt32(a) << 18 | UInt32(b) << 12 | UInt32(c) << 6 | UInt32(d)
                                bytes[out] = UInt8(truncatingIfNeeded: word >> 16)
                                bytes[out + 1] = UInt8(truncatingIfNeeded: word >> 8)
                                bytes[out + 2] = UInt8(truncatingIfNeeded: word)
                                out += 3
                                index += 4
                                continue
                            }
                        }
                        let byte = input[index]
                        index += 1
                        switch byte {
                        case 0x20, 0x09, 0x0a, 0x0d: continue
                        case UInt8(ascii: "="):
                            padding += 1
                            continue
                        default: break
                        }
                        let value = values[Int(byte)]
                        guard value != 0xff, padding == 0 else {
                            valid = false
                            break
                        }
                        group = group << 6 | UInt32(value)
                        count += 1
                        if count == 4 {
                            bytes[out] = UInt8(truncatingIfNeeded: group >> 16)
                            bytes[out + 1] = UInt8(truncatingIfNeeded: group >> 8)
                            bytes[out + 2] = UInt8(truncatingIfNeeded: group)
                            out += 3
                            group = 0
                            count = 0
                        }
                    }
                    if valid {
                        switch count {
                        case 0: valid = padding == 0
                        case 2:
                            valid = padding == 0 || padding == 2
                            bytes[out] = UInt8(truncatingIfNeeded: group >> 4)
                            out += 1
                        case 3:
                            valid = padding == 0 || padding == 1
                            bytes[out] = UInt8(truncatingIfNeeded: group >> 10)
                            bytes[out + 1] = UInt8(truncatingIfNeeded: group >> 2)
                            out += 2
                        default: valid = false
                        }
                    }
                    written = out
                }
            }
        }
        return valid && output.count <= limit ? output : nil
    }
}

/// Reads a JSON-lines file of page records (plain, or gzip: `.jsonl.gz`, found by content),
/// line by line, in bounded memory: a line longer than `maximumLineLength` is an error for that
/// line and is passed over without being held. Blank lines are passed over.
///
/// ```swift
/// let reader = try JSONLinesReader(path: "pages.jsonl.gz")
/// while let event = reader.next() {
///     switch event {
///     case .record(let page):
///         let report = scanner.check(page)   // required kinds, UTF-8 text or declared charset
///     case .error(let line, let error): warn(line, error.message)
///     case .problem(let problem): warn(problem.message)   // damaged gzip data
///     }
/// }
/// ```
public final class JSONLinesReader {
    /// What the reader found next.
    public enum Event: Sendable, Hashable {
        /// A line's page record (its line number is in `origin`).
        case record(PageRecord)
        /// A line that gives no page, and why.
        case error(line: Int, JSONLineError)
        /// Damaged gzip data (a `.jsonl.gz`); the line it cut gives an error of its own.
        case problem(RecordProblem)
    }

    /// The file's path as given.
    public let file: String
    /// Whether the file is gzip-compressed.
    public let isCompressed: Bool
    /// The largest body a line may carry.
    public let maximumBodySize: Int
    /// The longest line read (`JSONLines.maximumLineLength(forBodySize:)`).
    public let maximumLineLength: Int
    /// Lines read so far.
    public private(set) var lineCount = 0

    private let input: FileInput
    private let gzip: GzipReader?
    private var buffer: [UInt8] = []
    private var lineStart = 0
    private var searched = 0
    private var overlong = false
    private var inputEnded = false
    private var queued: [Event] = []
    /// A gzip problem to report after the line it cut.
    private var brokenLine = false

    /// Opens the file at `path` ("-": standard input).
    public convenience init(path: String, maximumBodySize: Int = JSONLines.maximumBodySize) throws(BeianError) {
        self.init(input: try FileInput(path: path), maximumBodySize: maximumBodySize)
    }

    /// Reads an open descriptor, which stays open; `name` is the file's name in problems.
    public convenience init(fileDescriptor: Int32, name: String, maximumBodySize: Int = JSONLines.maximumBodySize) {
        self.init(input: FileInput(fileDescriptor: fileDescriptor, name: name, owns: false), maximumBodySize: maximumBodySize)
    }

    init(input: FileInput, maximumBodySize: Int) {
        self.input = input
        file = input.name
        self.maximumBodySize = maximumBodySize
        maximumLineLength = JSONLines.maximumLineLength(forBodySize: maximumBodySize)
        let head = input.peek(3)
        isCompressed = head.count == 3 && head == Bytes.gzipMagic
        gzip = isCompressed ? GzipReader(input: input) : nil
    }

    /// The next event, or nil at the end of the file.
    public func next() -> Event? {
        while true {
            if !queued.isEmpty { return queued.removeFirst() }
            let newline = buffer.withUnsafeBufferPointer {
                Bytes.index(of: UInt8(ascii: "\n"), in: $0, from: searched, to: $0.count)
            }
            if let newline {
                let event = endLine(at: newline)
                lineStart = newline + 1
                searched = lineStart
                if let event { return event }
                continue
            }
            searched = buffer.count
            if overlong || buffer.count - lineStart > maximumLineLength {
                // Too long: pass over the rest of the line without holding it.
                overlong = true
                buffer = []
                lineStart = 0
                searched = 0
            }
            if brokenLine || !readMore() {
                let cut = brokenLine
                brokenLine = false
                if buffer.count > lineStart || overlong {
                    let event = endLine(at: buffer.count)
                    buffer = []
                    lineStart = 0
                    searched = 0
                    if let event { return event }
                }
                if cut { continue }
                return queued.isEmpty ? nil : queued.removeFirst()
            }
        }
    }

    /// The event of the line ending at `end` (nil for a blank line).
    private func endLine(at end: Int) -> Event? {
        lineCount += 1
        if overlong || end - lineStart > maximumLineLength {
            overlong = false
            return .error(line: lineCount, JSONLineParserErrors.tooLong(maximumLineLength))
        }
        let result: Result<PageRecord, JSONLineError>? = buffer.withUnsafeBufferPointer { all in
            let line = UnsafeBufferPointer(rebasing: all[lineStart..<end])
            if line.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0d }) { return nil }
            return JSONLines.parse(line: line, number: lineCount, maximumBodySize: maximumBodySize)
        }
        switch result {
        case nil: return nil
        case .success(let page): return .record(page)
        case .failure(let error): return .error(line: lineCount, error)
        }
    }

    /// Appends the next bytes; false at the end of the input (or where damage cut the line).
    private func readMore() -> Bool {
        if lineStart > 0 {
            buffer.removeFirst(lineStart)
            searched -= lineStart
            lineStart = 0
        }
        guard let gzip else {
            if inputEnded { return false }
            if input.read(into: &buffer) > 0 { return true }
            inputEnded = true
            if let failure = input.failure {
                queued.append(.problem(RecordProblem(code: .readError, file: file, offset: input.position,
                                                     message: Bilingual(zh: "读取 \(file) 出错：\(failure)", en: "error reading \(file): \(failure)"))))
            }
            return false
        }
        while let event = gzip.next() {
            switch event {
            case .data(let data):
                buffer += data
                return true
            case .member: continue
            case .problem(let problem):
                queued.append(.problem(problem))
                // The line that the damage cut ends here.
                brokenLine = true
                return false
            }
        }
        return false
    }
}

private enum JSONLineParserErrors {
    static func tooLong(_ limit: Int) -> JSONLineError {
        JSONLineError(code: .lineTooLong, message: Bilingual(zh: "这一行超过 \(limit) 字节的上限，已跳过",
                                                              en: "the line is longer than the limit of \(limit) bytes; skipped"))
    }
}
