import CBeianICU
import CBeianScan
import Synchronization

/// How Beian decides a document's character encoding, as browsers and crawlers do:
/// a byte-order mark or a `<meta charset>` / `http-equiv` declaration decides; otherwise valid
/// UTF-8 is UTF-8; otherwise ICU's charset detector judges a prefix.
enum Encodings {
    static let utf8 = "UTF-8"
    /// How far into a document a `<meta charset>` is looked for (HTML requires the first 1024
    /// bytes; real pages are less strict).
    static let declarationReach = 4096
    /// How much of a document ICU's detector reads.
    static let detectorSample = 65_536

    /// Beian's name for an encoding label (WHATWG labels and ICU aliases), or nil when ICU has
    /// no converter for it. GBK and GB2312 are read as GB18030, their superset, as browsers do.
    static func canonicalName(_ label: String) -> String? {
        let lowered = label.lowercased().filter { !$0.isWhitespace }
        switch lowered {
        case "utf-8", "utf8", "unicode-1-1-utf-8": return utf8
        case "gb2312", "gbk", "gb18030", "x-gbk", "cp936", "windows-936", "euc-cn", "csgb2312", "chinese", "gb_2312-80",
             "iso-ir-58", "csiso58gb231280":
            return "GB18030"
        case "big5", "big5-hkscs", "cn-big5", "x-x-big5", "csbig5", "cp950", "windows-950": return "Big5"
        case "utf-16le", "utf-16": return "UTF-16LE"
        case "utf-16be": return "UTF-16BE"
        default:
            guard !lowered.isEmpty else { return nil }
            if let known = namesSeen.withLock({ $0[lowered] }) { return known }
            let name = Decoder(charset: label)?.charset
            // Remembered, since opening a converter to test a name is costly (bounded: pages
            // name few charsets, junk may name many).
            namesSeen.withLock { if $0.count < 256 { $0[lowered] = .some(name) } }
            return name
        }
    }

    private static let namesSeen = Mutex<[String: String?]>([:])

    /// The encoding of a document whose first bytes are `prefix`. `isValidUTF8` is asked only
    /// when neither a byte-order mark nor a declaration decides.
    static func detect(prefix: UnsafeBufferPointer<UInt8>, isValidUTF8: () -> Bool) -> String {
        if let bom = byteOrderMark(prefix) { return bom.name }
        if let declared = declaredCharset(prefix), let name = canonicalName(declared) { return name }
        if isValidUTF8() || isMostlyUTF8(prefix) { return utf8 }
        return detected(prefix) ?? utf8
    }

    /// UTF-8 with a few damaged bytes (at least 8 valid multi-byte sequences per error in
    /// the sample) stays UTF-8; GBK or Big5 read as UTF-8 is almost all errors.
    static func isMostlyUTF8(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = bytes.baseAddress else { return true }
        var multibyte = 0
        let errors = beian_utf8_count_errors(base, min(bytes.count, detectorSample), &multibyte)
        return multibyte >= 8 * errors
    }

    /// The encoding a byte-order mark names, and the mark's length.
    static func byteOrderMark(_ bytes: UnsafeBufferPointer<UInt8>) -> (name: String, length: Int)? {
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { return (utf8, 3) }
        if bytes.count >= 2, bytes[0] == 0xFF, bytes[1] == 0xFE { return ("UTF-16LE", 2) }
        if bytes.count >= 2, bytes[0] == 0xFE, bytes[1] == 0xFF { return ("UTF-16BE", 2) }
        return nil
    }

    /// The label of `charset=` inside a `<meta` tag near the start, as written.
    static func declaredCharset(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
        let limit = min(bytes.count, declarationReach)
        var index = 0
        while index + 5 < limit {
            guard bytes[index] == UInt8(ascii: "<"), bytesMatchFoldingCase(bytes, at: index, "<meta", limit: limit) else {
                index += 1
                continue
            }
            var cursor = index + 5
            while cursor < limit, bytes[cursor] != UInt8(ascii: ">") {
                if bytesMatchFoldingCase(bytes, at: cursor, "charset", limit: limit) {
                    var value = cursor + 7
                    while value < limit, bytes[value] == 0x20 { value += 1 }
                    guard value < limit, bytes[value] == UInt8(ascii: "=") else { cursor += 1; continue }
                    value += 1
                    while value < limit, bytes[value] == 0x20 || bytes[value] == UInt8(ascii: "\"") || bytes[value] == UInt8(ascii: "'") {
                        value += 1
                    }
                    var end = value
                    while end < limit, isASCIIAlphanumeric(bytes[end]) || bytes[end] == UInt8(ascii: "-") || bytes[end] == UInt8(ascii: "_")
                            || bytes[end] == UInt8(ascii: ".") || bytes[end] == UInt8(ascii: ":") {
                        end += 1
                    }
                    if end > value { return String(decoding: UnsafeBufferPointer(rebasing: bytes[value..<end]), as: UTF8.self) }
                }
                cursor += 1
            }
            index = cursor
        }
        return nil
    }

    /// Encodings the detector may choose. Others (Latin-1, Shift_JIS, …) would turn a Chinese
    /// page into nonsense, which is worse than reading damaged UTF-8.
    static let detectable: Set<String> = ["GB18030", "Big5", "UTF-16LE", "UTF-16BE"]

    /// ICU's best guess for the first `detectorSample` bytes, if it is one of `detectable`.
    static func detected(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
        guard let base = bytes.baseAddress, !bytes.isEmpty else { return nil }
        var name = [CChar](repeating: 0, count: 64)
        var status: Int32 = 0
        guard let detector = detectors.checkOut() else { return nil }
        defer { detectors.checkIn(detector) }
        let confidence = beian_detector_detect(detector.pointer, base, Int32(min(bytes.count, detectorSample)), &name,
                                               Int32(name.count), &status)
        let detectedName = String(decoding: name.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        guard confidence > 0, let found = canonicalName(detectedName), detectable.contains(found) else { return nil }
        return found
    }

    /// ICU detectors are costly to open and serve one caller at a time: a pool of them.
    private static let detectors = DetectorPool()

    /// Whether all of `bytes` is valid UTF-8 (a sequence cut at the end counts when `isPrefix`).
    static func isValidUTF8(_ bytes: UnsafeBufferPointer<UInt8>, isPrefix: Bool = false) -> Bool {
        guard let base = bytes.baseAddress else { return true }
        return beian_utf8_valid_prefix(base, bytes.count, isPrefix ? 1 : 0) == bytes.count
    }
}

/// Charset detectors for any thread: each caller checks one out and back in.
final class DetectorPool: Sendable {
    final class Handle: @unchecked Sendable {
        // Used by one caller at a time: the pool hands it out under its lock.
        let pointer: OpaquePointer
        init(_ pointer: OpaquePointer) { self.pointer = pointer }
        deinit { beian_detector_close(pointer) }
    }

    private let idle = Mutex<[Handle]>([])

    func checkOut() -> Handle? {
        if let handle = idle.withLock({ $0.popLast() }) { return handle }
        var status: Int32 = 0
        return beian_detector_open(&status).map(Handle.init)
    }

    func checkIn(_ handle: Handle) { idle.withLock { $0.append(handle) } }
}

/// An ICU converter from one encoding to UTF-8 that remembers where each byte came from.
/// Not thread-safe: one per document or stream.
final class Decoder {
    private let handle: OpaquePointer
    /// The name the decoder was opened with.
    let charset: String

    init?(charset: String) {
        var status: Int32 = 0
        guard let handle = beian_decoder_open(charset, &status) else { return nil }
        self.handle = handle
        self.charset = charset
    }

    deinit { beian_decoder_close(handle) }

    /// Forgets any partial character: the next `decode` starts a new text.
    func reset() { beian_decoder_reset(handle) }

    /// Decodes `source`: UTF-8 bytes, and for each the index in `source` where its character
    /// starts (-1 when it began in an earlier call). `flush` on the last call.
    func decode(_ source: UnsafeBufferPointer<UInt8>, flush: Bool) -> (bytes: [UInt8], offsets: [Int32]) {
        let capacity = source.count * 3 + 32
        var status: Int32 = 0
        var written = 0
        let empty: [UInt8] = [0]
        var offsets: [Int32] = []
        let bytes = [UInt8](unsafeUninitializedCapacity: capacity) { out, outCount in
            offsets = [Int32](unsafeUninitializedCapacity: capacity) { map, mapCount in
                written = Int(empty.withUnsafeBufferPointer { placeholder in
                    beian_decoder_decode(handle, source.baseAddress ?? placeholder.baseAddress!, Int32(source.count), flush ? 1 : 0,
                                         out.baseAddress!, map.baseAddress!, Int32(capacity), &status)
                })
                mapCount = written
            }
            outCount = written
        }
        return (bytes, offsets)
    }

}

/// Conversions between UTF-8 and the encodings Beian reads, through ICU: for tests and
/// generators that need a page as a GBK or Big5 server would send it.
public enum TextEncoding {
    /// Beian's name for an encoding label ("gbk" → "GB18030", "big5" → "Big5"), or nil when
    /// ICU cannot read it.
    public static func canonicalName(_ label: String) -> String? { Encodings.canonicalName(label) }

    /// `text` encoded in `encoding` ("GB18030", "GBK", "Big5", "UTF-16LE", …); nil when ICU has
    /// no such converter. Characters the encoding lacks become its substitution character.
    public static func encode(_ text: String, as encoding: String) -> [UInt8]? {
        convert(Array(text.utf8), from: "UTF-8", to: Encodings.canonicalName(encoding) ?? encoding)
    }

    /// `bytes` decoded from `encoding`; nil when ICU has no such converter.
    public static func decode(_ bytes: [UInt8], as encoding: String) -> String? {
        convert(bytes, from: Encodings.canonicalName(encoding) ?? encoding, to: "UTF-8").map { String(decoding: $0, as: UTF8.self) }
    }

    private static func convert(_ bytes: [UInt8], from: String, to: String) -> [UInt8]? {
        var capacity = bytes.count * 4 + 16
        while true {
            var out = [UInt8](repeating: 0, count: capacity)
            var status: Int32 = 0
            let source = bytes.isEmpty ? [0] : bytes
            let length = out.withUnsafeMutableBufferPointer { target in
                source.withUnsafeBufferPointer { beian_convert(to, from, $0.baseAddress!, Int32(bytes.count), target.baseAddress!, Int32(capacity), &status) }
            }
            if beian_icu_is_overflow(status) != 0 {
                capacity = Int(length) + 16
                continue
            }
            guard status <= 0 else { return nil }
            return Array(out[0..<Int(length)])
        }
    }
}
