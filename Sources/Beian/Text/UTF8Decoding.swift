/// Decodes one scalar from UTF-8 at `index`: the scalar and its length in bytes.
/// Malformed or truncated sequences decode as U+FFFD of length 1, so decoding always advances.
@inline(__always)
func decodeUTF8Scalar(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int, limit: Int) -> (Unicode.Scalar, Int) {
    let lead = bytes[index]
    if lead < 0x80 { return (Unicode.Scalar(lead), 1) }
    let length: Int
    var value: UInt32
    switch lead {
    case 0xC2...0xDF: length = 2; value = UInt32(lead & 0x1F)
    case 0xE0...0xEF: length = 3; value = UInt32(lead & 0x0F)
    case 0xF0...0xF4: length = 4; value = UInt32(lead & 0x07)
    default: return ("\u{FFFD}", 1)
    }
    guard index + length <= limit else { return ("\u{FFFD}", 1) }
    for offset in 1..<length {
        let byte = bytes[index + offset]
        guard byte & 0xC0 == 0x80 else { return ("\u{FFFD}", 1) }
        value = value << 6 | UInt32(byte & 0x3F)
    }
    // Reject overlong forms, surrogates and values past U+10FFFF.
    let minimum: UInt32 = length == 2 ? 0x80 : length == 3 ? 0x800 : 0x10000
    guard value >= minimum, let scalar = Unicode.Scalar(value) else { return ("\u{FFFD}", 1) }
    return (scalar, length)
}

/// Whether `byte` can start a UTF-8 sequence (is not a continuation byte).
@inline(__always) func isUTF8Boundary(_ byte: UInt8) -> Bool { byte & 0xC0 != 0x80 }

/// Whether the ASCII `word` stands at `index` of `bytes` (before `limit`), ignoring ASCII case.
@inline(__always)
func bytesMatchFoldingCase(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int, _ word: StaticString, limit: Int) -> Bool {
    let length = word.utf8CodeUnitCount
    guard index + length <= limit else { return false }
    let pointer = word.utf8Start
    for offset in 0..<length where bytes[index + offset] | 0x20 != pointer[offset] | 0x20 {
        return false
    }
    return true
}
