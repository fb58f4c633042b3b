/// The named HTML character references that footers use; numeric ones are decoded generally.
enum HTMLEntities {
    static let named: [String: Unicode.Scalar] = [
        "nbsp": "\u{00A0}", "ensp": "\u{2002}", "emsp": "\u{2003}", "thinsp": "\u{2009}",
        "zwsp": "\u{200B}", "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'",
        "middot": "\u{00B7}", "copy": "\u{00A9}", "reg": "\u{00AE}", "hellip": "\u{2026}",
        "mdash": "\u{2014}", "ndash": "\u{2013}", "minus": "\u{2212}", "hyphen": "\u{2010}",
        "colon": ":", "lpar": "(", "rpar": ")", "lsqb": "[", "rsqb": "]", "num": "#",
        "ldquo": "\u{201C}", "rdquo": "\u{201D}", "lsquo": "\u{2018}", "rsquo": "\u{2019}",
        "bull": "\u{2022}", "times": "\u{00D7}", "sect": "\u{00A7}",
    ]

    /// Decodes the reference starting with "&" at `index`: the scalar and the reference's length
    /// in bytes, or nil when no complete reference starts there.
    static func decode(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int, limit: Int) -> (Unicode.Scalar, Int)? {
        var cursor = index + 1
        let maxEnd = min(limit, index + 12)
        guard cursor < maxEnd else { return nil }
        if bytes[cursor] == UInt8(ascii: "#") {
            cursor += 1
            var radix: UInt32 = 10
            if cursor < maxEnd, bytes[cursor] | 0x20 == UInt8(ascii: "x") {
                radix = 16
                cursor += 1
            }
            var value: UInt32 = 0
            var digits = 0
            while cursor < maxEnd, let digit = digitValue(bytes[cursor], radix: radix) {
                value = value &* radix &+ digit
                digits += 1
                cursor += 1
                if value > 0x10FFFF { return nil }
            }
            guard digits > 0, cursor < maxEnd, bytes[cursor] == UInt8(ascii: ";") else { return nil }
            return (Unicode.Scalar(value) ?? "\u{FFFD}", cursor + 1 - index)
        }
        var name = ""
        while cursor < maxEnd, isASCIIAlphanumeric(bytes[cursor]) {
            name.unicodeScalars.append(Unicode.Scalar(bytes[cursor]))
            cursor += 1
        }
        guard cursor < maxEnd, bytes[cursor] == UInt8(ascii: ";"), let scalar = named[name.lowercased()] else { return nil }
        return (scalar, cursor + 1 - index)
    }

    private static func digitValue(_ byte: UInt8, radix: UInt32) -> UInt32? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): UInt32(byte - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f") where radix == 16: UInt32(byte - UInt8(ascii: "a") + 10)
        case UInt8(ascii: "A")...UInt8(ascii: "F") where radix == 16: UInt32(byte - UInt8(ascii: "A") + 10)
        default: nil
        }
    }
}

@inline(__always) func isASCIIAlphanumeric(_ byte: UInt8) -> Bool {
    (byte >= 0x30 && byte <= 0x39) || (byte | 0x20 >= 0x61 && byte | 0x20 <= 0x7A)
}

@inline(__always) func isASCIILetter(_ byte: UInt8) -> Bool {
    byte | 0x20 >= 0x61 && byte | 0x20 <= 0x7A
}
