import CBeianICU
import CBeianScan
import Synchronization

/// How Beian decides a document's character encoding, in this order:
///
/// 1. A byte-order mark decides.
/// 2. Bytes that are valid UTF-8 (a sequence cut at the end of the input or of the sample
///    aside) and hold at least one multi-byte sequence are UTF-8, whatever a declaration says:
///    such pages were transcoded when they were saved or served, and GBK or Big5 text of
///    more than a few characters is almost never valid UTF-8. The report says so
///    (`charset_mismatch`) when a declaration named another encoding.
/// 3. A declaration decides: the transport's (an HTTP `Content-Type` charset, given by the
///    caller) before a `<meta charset>` / `http-equiv` in the first 4 KiB.
/// 4. UTF-16 without a mark only for an even length with at least a quarter of one column
///    (odd or even offsets) zero.
/// 5. ASCII, or UTF-8 with a few damaged bytes, is UTF-8.
/// 6. ICU's detector for GB18030 or Big5 when it has 4 KiB or more to judge; otherwise (short
///    footers, or the detector names neither) the reading of GB18030 and Big5 with fewer
///    replacement characters, then more common footer characters, then GB18030 — unless the
///    damaged UTF-8 reading holds more footer characters than both.
enum Encodings {
    static let utf8 = "UTF-8"
    /// How far into a document a `<meta charset>` is looked for (HTML requires the first 1024
    /// bytes; real pages are less strict).
    static let declarationReach = 4096
    /// How much of a document ICU's detector reads.
    static let detectorSample = 65_536
    /// Below this many bytes ICU's detector is not trusted to tell GB18030 from Big5.
    static let shortInput = 4096

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

    /// The encoding chosen for a document, and the declaration its bytes overrode, if any.
    struct Decision: Equatable {
        var name: String
        /// The label a declaration gave, when valid UTF-8 bytes overrode it.
        var overriddenDeclaration: String?

        /// The document issue that says a declaration was overridden (`charset_mismatch`).
        var issue: Issue? {
            overriddenDeclaration.map { declared in
                Issue(.charsetMismatch, .info,
                      zh: "页面声明的编码是 \(declared)，但内容是有效的 UTF-8，按 UTF-8 读取",
                      en: "the page declares \(declared) but its bytes are valid UTF-8; read as UTF-8")
            }
        }
    }

    /// The encoding of a document whose first bytes are `prefix` (see the order above).
    /// - Parameters:
    ///   - isComplete: whether `prefix` is the whole document (else a cut character at its end
    ///     is no error, and its length says nothing of UTF-16).
    ///   - declared: the transport's charset label (HTTP `Content-Type`), if any.
    ///   - utf8Shape: whether the document is valid UTF-8 and holds a multi-byte sequence;
    ///     asked only when no byte-order mark decides.
    static func decide(prefix: UnsafeBufferPointer<UInt8>, isComplete: Bool, declared: String? = nil,
                       utf8Shape: () -> (valid: Bool, multibyte: Bool)) -> Decision {
        if let bom = byteOrderMark(prefix) { return Decision(name: bom.name) }
        let declaration = [declared, declaredCharset(prefix)].lazy.compactMap { label in
            label.flatMap { label in canonicalName(label).map { (label: label, name: $0) } }
        }.first
        // A declaration of UTF-8 gives UTF-8 whatever the bytes are: no need to read them all.
        if declaration?.name == utf8 { return Decision(name: utf8) }
        let shape = utf8Shape()
        if shape.valid && shape.multibyte {
            let overridden = declaration.flatMap { $0.name == utf8 ? nil : $0.label }
            return Decision(name: utf8, overriddenDeclaration: overridden)
        }
        if let declaration { return Decision(name: declaration.name) }
        let sample = UnsafeBufferPointer(rebasing: prefix[0..<min(prefix.count, detectorSample)])
        // ASCII in UTF-16 is valid UTF-8 too (its zero bytes are NULs): the zero column decides.
        if let utf16 = utf16WithoutMark(sample, isComplete: isComplete) { return Decision(name: utf16) }
        if shape.valid || isMostlyUTF8(prefix) { return Decision(name: utf8) }
        return Decision(name: guessed(sample))
    }

    /// Whether `bytes` are valid UTF-8 (a sequence cut at the end allowed) and hold a
    /// multi-byte sequence.
    static func utf8Shape(_ bytes: UnsafeBufferPointer<UInt8>) -> (valid: Bool, multibyte: Bool) {
        guard let base = bytes.baseAddress else { return (true, false) }
        let valid = beian_utf8_valid_prefix(base, bytes.count, 1) == bytes.count
        return (valid, valid && bytes.contains { $0 >= 0x80 })
    }

    /// The encoding of a sample that is neither UTF-8 nor UTF-16 nor declared.
    static func guessed(_ sample: UnsafeBufferPointer<UInt8>) -> String {
        if sample.count >= shortInput, let found = detected(sample), found == "GB18030" || found == "Big5" { return found }
        return likelierDoubleByteReading(sample)
    }

    /// UTF-16 without a byte-order mark: an even length (never for a cut prefix that is odd)
    /// with at least a quarter of the bytes in one column zero — ASCII in UTF-16LE leaves the
    /// odd offsets zero, in UTF-16BE the even ones.
    static func utf16WithoutMark(_ bytes: UnsafeBufferPointer<UInt8>, isComplete: Bool) -> String? {
        guard bytes.count >= 2, !isComplete || bytes.count % 2 == 0 else { return nil }
        var zeros = (even: 0, odd: 0)
        for (index, byte) in bytes.enumerated() where byte == 0 {
            if index % 2 == 0 { zeros.even += 1 } else { zeros.odd += 1 }
        }
        let quarter = (bytes.count + 3) / 4
        if zeros.odd >= quarter, zeros.odd >= zeros.even { return "UTF-16LE" }
        if zeros.even >= quarter { return "UTF-16BE" }
        return nil
    }

    /// GB18030 or Big5, whichever reads `bytes` with fewer replacement characters; on a tie,
    /// the one that reads more of the characters footers are made of; then GB18030. UTF-8
    /// (damaged) instead when its reading holds more footer characters than the winner's:
    /// GB18030 reads almost any byte pair, so its count of replacements cannot tell.
    static func likelierDoubleByteReading(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        func score(_ name: String) -> (replacements: Int, common: Int) {
            var text: [UInt8]
            if name == utf8 {
                text = Array(bytes)
            } else {
                guard let decoder = Decoder(charset: name) else { return (Int.max, 0) }
                // Not flushed: a character cut at the end is no error.
                text = decoder.decode(bytes, flush: false).bytes
            }
            var result = (replacements: 0, common: 0)
            for scalar in String(decoding: text, as: UTF8.self).unicodeScalars {
                if scalar == "\u{FFFD}" { result.replacements += 1 } else if footerCharacters.contains(scalar) { result.common += 1 }
            }
            return result
        }
        let gb = score("GB18030"), big5 = score("Big5")
        let legacy: (name: String, common: Int)
        if big5.replacements != gb.replacements {
            legacy = big5.replacements < gb.replacements ? ("Big5", big5.common) : ("GB18030", gb.common)
        } else {
            legacy = big5.common > gb.common ? ("Big5", big5.common) : ("GB18030", gb.common)
        }
        return score(utf8).common > legacy.common ? utf8 : legacy.name
    }

    /// Characters of footer labels and common words, simplified and traditional: a reading
    /// that yields more of them is the likelier one.
    static let footerCharacters: Set<Unicode.Scalar> = Set(
        ("备備案号號公网網安京沪滬粤粵津渝冀晋晉蒙辽遼吉黑苏蘇浙皖闽閩赣贛鲁魯豫鄂湘桂琼瓊川蜀贵貴黔云雲滇藏陕陝甘陇隴青宁寧新港澳台臺"
         + "证證许許可经經营營业業电電信话話举舉报報投诉訴服务務有限责責任司技术術版权權所中国國互联聯新闻聞视視听聽节節目"
         + "文化出传傳播药藥品宗教算生成式人工智能统統一社会會用代码碼第字的是在不了和与與市区區县縣局").unicodeScalars)

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

    /// How many bytes of a character begun in the last `decode` are held for the next: the
    /// character starts that many bytes before the last piece's end.
    var pendingBytes: Int { Int(beian_decoder_pending(handle)) }

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
package enum TextEncoding {
    /// Beian's name for an encoding label ("gbk" → "GB18030", "big5" → "Big5"), or nil when
    /// ICU cannot read it.
    package static func canonicalName(_ label: String) -> String? { Encodings.canonicalName(label) }

    /// `text` encoded in `encoding` ("GB18030", "GBK", "Big5", "UTF-16LE", …); nil when ICU has
    /// no such converter. Characters the encoding lacks become its substitution character.
    package static func encode(_ text: String, as encoding: String) -> [UInt8]? {
        convert(Array(text.utf8), from: "UTF-8", to: Encodings.canonicalName(encoding) ?? encoding)
    }

    /// `bytes` decoded from `encoding`; nil when ICU has no such converter.
    package static func decode(_ bytes: [UInt8], as encoding: String) -> String? {
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
