import CBeianZlib

/// Header lines as WARC and HTTP write them: `Name: value`, names without regard to case,
/// continuation lines (starting with a space or tab) joined to the line before.
struct HeaderFields {
    /// The first line (`WARC/1.1`, `HTTP/1.1 200 OK`).
    var firstLine = ""
    /// Lower-cased names and their values; the first of repeated names is kept.
    private var values: [String: String] = [:]

    init(_ bytes: UnsafeBufferPointer<UInt8>) {
        var lines: [String] = []
        var start = 0
        while start < bytes.count {
            let newline = Bytes.index(of: UInt8(ascii: "\n"), in: bytes, from: start, to: bytes.count) ?? bytes.count
            var end = newline
            if end > start, bytes[end - 1] == UInt8(ascii: "\r") { end -= 1 }
            let line = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
            start = newline + 1
            if line.isEmpty { break }
            if let first = line.unicodeScalars.first, first == " " || first == "\t", !lines.isEmpty {
                lines[lines.count - 1] += " " + Self.trimmed(Substring(line))
            } else {
                lines.append(line)
            }
        }
        guard !lines.isEmpty else { return }
        firstLine = lines[0]
        for line in lines.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            let name = Self.trimmed(line[..<colon]).lowercased()
            if values[name] == nil { values[name] = Self.trimmed(line[line.index(after: colon)...]) }
        }
    }

    /// The value of the field `name` (lower case), if present.
    subscript(name: String) -> String? { values[name] }

    static func trimmed(_ text: Substring) -> String {
        var scalars = text.unicodeScalars[...]
        while let first = scalars.first, first == " " || first == "\t" || first == "\r" { scalars.removeFirst() }
        while let last = scalars.last, last == " " || last == "\t" || last == "\r" { scalars.removeLast() }
        return String(String.UnicodeScalarView(scalars))
    }
}

/// Media types and their parameters (`text/html; charset="gbk"`).
enum MediaType {
    /// The type and subtype, lower case, without parameters.
    static func essence(_ contentType: String) -> String {
        let head = contentType.split(separator: ";", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
        return HeaderFields.trimmed(head).lowercased()
    }

    /// The value of the parameter `name` (lower case), unquoted; nil if absent or empty.
    static func parameter(_ name: String, in contentType: String) -> String? {
        for part in contentType.split(separator: ";").dropFirst() {
            guard let equals = part.firstIndex(of: "=") else { continue }
            guard HeaderFields.trimmed(part[..<equals]).lowercased() == name else { continue }
            var value = HeaderFields.trimmed(part[part.index(after: equals)...])
            if value.count >= 2, value.hasPrefix("\""), value.hasSuffix("\"") { value = String(value.dropFirst().dropLast()) }
            else if value.hasPrefix("'"), value.hasSuffix("'"), value.count >= 2 { value = String(value.dropFirst().dropLast()) }
            value = HeaderFields.trimmed(Substring(value))
            return value.isEmpty ? nil : value
        }
        return nil
    }

    /// Whether a payload of this media type is read: text (`text/*`), HTML and XHTML, XML,
    /// JavaScript and JSON (footers are often written by scripts). An empty type is read.
    static func isReadable(_ contentType: String) -> Bool {
        let type = essence(contentType)
        if type.isEmpty || type.hasPrefix("text/") { return true }
        if type.hasSuffix("+xml") || type.hasSuffix("+json") { return true }
        return [
            "application/xhtml+xml", "application/xml", "application/javascript", "application/x-javascript",
            "application/ecmascript", "application/json", "application/html", "html",
        ].contains(type)
    }
}

/// A `Content-Encoding` Beian can undo.
enum ContentCoding: Equatable {
    case identity
    case gzip
    case deflate
    case unsupported(String)

    /// The coding of a `Content-Encoding` value: a list whose `identity` entries are ignored.
    init(_ value: String?) {
        let codings = (value ?? "").split(separator: ",").map { HeaderFields.trimmed($0).lowercased() }
            .filter { !$0.isEmpty && $0 != "identity" }
        switch codings {
        case []: self = .identity
        case ["gzip"], ["x-gzip"]: self = .gzip
        case ["deflate"]: self = .deflate
        default: self = .unsupported(HeaderFields.trimmed(Substring(value ?? "")))
        }
    }
}

/// An HTTP response's head (status line and fields) at the start of a WARC `response` block.
struct HTTPHead {
    let status: Int
    let fields: HeaderFields
    /// Bytes of the head, its blank line included.
    let length: Int

    enum Parse {
        case head(HTTPHead)
        /// No blank line within the bytes given.
        case incomplete
        case invalid
    }

    /// Parses the head at the start of `bytes` (`isComplete`: nothing follows them).
    static func parse(_ bytes: UnsafeBufferPointer<UInt8>, isComplete: Bool) -> Parse {
        guard Bytes.hasPrefix(bytes, at: 0, "HTTP/") else {
            return bytes.count < 5 && !isComplete ? .incomplete : .invalid
        }
        guard let end = headEnd(bytes, from: 0) else {
            // A head that ends with the block (no body) needs no blank line.
            return isComplete ? make(bytes, length: bytes.count) : .incomplete
        }
        return make(bytes, length: end)
    }

    private static func make(_ bytes: UnsafeBufferPointer<UInt8>, length: Int) -> Parse {
        let fields = HeaderFields(UnsafeBufferPointer(rebasing: bytes[0..<length]))
        let parts = fields.firstLine.split(separator: " ", maxSplits: 2)
        guard parts.count >= 2, let status = Int(parts[1]), (100...999).contains(status) else { return .invalid }
        return .head(HTTPHead(status: status, fields: fields, length: length))
    }

    /// The offset just past the first blank line (`\r\n\r\n` or `\n\n`) at or after `from`.
    static func headEnd(_ bytes: UnsafeBufferPointer<UInt8>, from: Int) -> Int? {
        var index = from
        while let newline = Bytes.index(of: UInt8(ascii: "\n"), in: bytes, from: index, to: bytes.count) {
            if newline + 1 < bytes.count, bytes[newline + 1] == UInt8(ascii: "\n") { return newline + 2 }
            if newline + 2 < bytes.count, bytes[newline + 1] == UInt8(ascii: "\r"), bytes[newline + 2] == UInt8(ascii: "\n") {
                return newline + 3
            }
            index = newline + 1
        }
        return nil
    }
}

/// Undoes chunked transfer coding (RFC 9112 §7.1), one piece at a time. Lenient as crawl
/// tools are: bare LF line ends pass, chunk extensions and trailers are ignored, and a framing
/// error ends the body where it is (what came before is kept).
struct Dechunker {
    private enum State {
        case size
        case extensions
        case data(Int)
        case dataEnd
        case done
    }
    private var state = State.size
    private var size = 0
    private var digits = 0

    /// Whether a body starts as chunked coding does: hex digits, then an optional extension,
    /// then a line end. Bodies marked chunked that are not (a crawler that undid the coding and
    /// kept the field) are read as they are.
    static func looksChunked(_ prefix: UnsafeBufferPointer<UInt8>) -> Bool {
        var index = 0
        while index < prefix.count, index <= 16, isHex(prefix[index]) { index += 1 }
        guard index > 0, index <= 16 else { return false }
        while index < prefix.count, prefix[index] == UInt8(ascii: " ") || prefix[index] == UInt8(ascii: "\t") { index += 1 }
        guard index < prefix.count else { return true }
        switch prefix[index] {
        case UInt8(ascii: "\n"), UInt8(ascii: ";"): return true
        case UInt8(ascii: "\r"): return index + 1 == prefix.count || prefix[index + 1] == UInt8(ascii: "\n")
        default: return false
        }
    }

    /// Whether the body ended as chunked coding ends (the last, empty chunk seen).
    var isDone: Bool { if case .done = state { true } else { false } }

    /// Appends the data carried by `input` to `output`.
    mutating func feed(_ input: UnsafeBufferPointer<UInt8>, into output: inout [UInt8]) {
        var index = 0
        while index < input.count {
            switch state {
            case .done:
                return
            case .size:
                let byte = input[index]
                index += 1
                if Self.isHex(byte) {
                    digits += 1
                    guard digits <= 15 else { state = .done; return }
                    size = size * 16 + Self.hexValue(byte)
                } else if byte == UInt8(ascii: ";") || byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") {
                    state = .extensions
                } else if byte == UInt8(ascii: "\r") {
                    continue
                } else if byte == UInt8(ascii: "\n") {
                    endSizeLine()
                } else {
                    state = .done
                }
            case .extensions:
                guard let newline = Bytes.index(of: UInt8(ascii: "\n"), in: input, from: index, to: input.count) else { return }
                index = newline + 1
                endSizeLine()
            case .data(let remaining):
                let take = min(remaining, input.count - index)
                output.append(contentsOf: input[index..<(index + take)])
                index += take
                state = take == remaining ? .dataEnd : .data(remaining - take)
            case .dataEnd:
                let byte = input[index]
                index += 1
                if byte == UInt8(ascii: "\r") { continue }
                state = byte == UInt8(ascii: "\n") ? .size : .done
            }
        }
    }

    private mutating func endSizeLine() {
        if digits == 0 { state = .done; return }
        state = size == 0 ? .done : .data(size)
        size = 0
        digits = 0
    }

    private static func isHex(_ byte: UInt8) -> Bool {
        (0x30...0x39).contains(byte) || (0x41...0x46).contains(byte) || (0x61...0x66).contains(byte)
    }

    private static func hexValue(_ byte: UInt8) -> Int {
        switch byte {
        case 0x30...0x39: Int(byte - 0x30)
        case 0x41...0x46: Int(byte - 0x41 + 10)
        default: Int(byte - 0x61 + 10)
        }
    }
}

/// Undoes a gzip or deflate `Content-Encoding`, pulling input as it needs it and giving output
/// in pieces of at most 1 MiB, so that a small body that inflates to much stays bounded.
///
/// A body that fails before any output (a crawler that stored it decoded and kept the field)
/// is given as it is. A failure after output is a fault; a body cut off ends where it is.
final class ContentDecoder {
    private let inflater: Inflater
    private let isGzip: Bool
    private var input: [UInt8] = []
    private var index = 0
    private var ended = false
    private var producedAny = false
    private var passThrough = false
    /// The first input piece, kept until output shows the coding is real.
    private var firstInput: [UInt8]?
    private var pulls = 0
    private var scratch = [UInt8](repeating: 0, count: 1 << 20)
    /// What went wrong, if decoding stopped at a fault.
    private(set) var fault: String?

    init(gzip: Bool) {
        isGzip = gzip
        inflater = Inflater(format: gzip ? BEIAN_INFLATE_GZIP : BEIAN_INFLATE_ZLIB_OR_RAW)
    }

    /// The next decoded bytes, or nil at the end; `pull` gives the next coded bytes.
    func next(pull: () -> [UInt8]?) -> [UInt8]? {
        guard fault == nil else { return nil }
        while true {
            if index == input.count {
                guard let piece = pull() else { return nil }
                input = piece
                index = 0
                pulls += 1
                if pulls == 1 { firstInput = piece } else if !passThrough { firstInput = nil }
                continue
            }
            if passThrough {
                defer { index = input.count }
                return index == 0 ? input : Array(input[index...])
            }
            if ended {
                // Another gzip member may follow; anything else after the end is ignored.
                guard isGzip, input.count - index >= 2, input[index] == 0x1f, input[index + 1] == 0x8b else {
                    index = input.count
                    while pull() != nil {}
                    return nil
                }
                inflater.reset()
                ended = false
            }
            let (status, used, written) = input.withUnsafeBytes { bytes in
                scratch.withUnsafeMutableBytes { inflater.run(UnsafeRawBufferPointer(rebasing: bytes[index...]), into: $0) }
            }
            index += used
            switch status {
            case .end: ended = true
            case .progress: break
            case .dataError, .failed:
                if !producedAny, written == 0, let first = firstInput {
                    passThrough = true
                    input = first
                    index = 0
                    firstInput = nil
                    continue
                }
                fault = inflater.message
                ended = true
                input = []
                index = 0
                if written > 0 { return Array(scratch[0..<written]) }
                return nil
            }
            if written > 0 {
                producedAny = true
                firstInput = nil
                return Array(scratch[0..<written])
            }
        }
    }
}
