import CBeianScan

/// Where `ReportJSON` writes: straight into bytes (`JSONWriter`, the CLI's output) or into a
/// `JSONValue` tree (`JSONTreeBuilder`, for callers that inspect or nest values). Each layout is
/// written once, against this protocol, so both give the same JSON.
///
/// Calls follow JSON's grammar: inside an object, `key(_:)` before each value.
package protocol JSONSink {
    mutating func beginObject()
    mutating func endObject()
    mutating func beginArray()
    mutating func endArray()
    /// The next member's name (a fixed ASCII name that needs no escaping).
    mutating func key(_ name: StaticString)
    mutating func string(_ value: String)
    mutating func int(_ value: Int)
    mutating func bool(_ value: Bool)
    mutating func null()
    /// A string given as pieces, one by one (`parts` calls its argument with each).
    mutating func string(joining parts: ((String) -> Void) -> Void)
    /// A whole value already built as a tree.
    mutating func value(_ value: JSONValue)
    /// A value that `write` writes, whose bytes a writer has at hand (`prewritten`, made
    /// once by the same `write`): a writer copies them, other sinks call `write`.
    mutating func value(prewritten: [UInt8], orWrite write: (inout Self) -> Void)
}

extension JSONSink {
    mutating func string(_ value: String?) { if let value { string(value) } else { null() } }
    mutating func int(_ value: Int?) { if let value { int(value) } else { null() } }
    mutating func bool(_ value: Bool?) { if let value { bool(value) } else { null() } }
}

/// Compact JSON written straight into a byte buffer it owns: the same bytes as
/// `JSONValue.serialized()` of the same value, without building the tree. A reference type, so
/// that a caller keeps one writer as its output buffer (appends are copies into spare capacity,
/// with no uniqueness checks) and writes `withBytes` out when it likes.
public final class JSONWriter: JSONSink {
    // Unchecked exclusivity: every append touches these, and the dynamic checks that class
    // properties get otherwise cost more than the append (a writer is used by one thread).
    @exclusivity(unchecked) private var storage: UnsafeMutablePointer<UInt8>
    @exclusivity(unchecked) private var capacity: Int
    /// Bytes written so far.
    @exclusivity(unchecked) public private(set) var count = 0
    @exclusivity(unchecked) private var afterValue = false

    /// A writer with room for `capacity` bytes before it grows.
    public init(capacity: Int = 4096) {
        self.capacity = max(capacity, 64)
        storage = .allocate(capacity: self.capacity)
    }

    deinit { storage.deallocate() }

    /// A copy of the bytes written so far.
    public var bytes: [UInt8] { Array(UnsafeBufferPointer(start: storage, count: count)) }

    /// Calls `body` with the bytes written so far (valid only during the call).
    public func withBytes<Result>(_ body: (UnsafeRawBufferPointer) throws -> Result) rethrows -> Result {
        try body(UnsafeRawBufferPointer(start: storage, count: count))
    }

    /// Forgets what was written, keeping the capacity, for the next value.
    public func reset() {
        count = 0
        afterValue = false
    }

    /// Ends a JSON-lines line: a line break, after which the next value stands alone.
    package func endLine() {
        append(raw: UInt8(ascii: "\n"))
        afterValue = false
    }

    /// Forgets the bytes written (once they are written out) but keeps the writer's place in
    /// the value: a report streamed in parts goes on with the right commas.
    package func removeWritten() {
        count = 0
    }

    /// Appends bytes as they are (a line break, text output); JSON is not checked.
    package func append(raw bytes: UnsafeRawBufferPointer) {
        guard let base = bytes.baseAddress else { return }
        reserve(bytes.count)
        (storage + count).update(from: base.assumingMemoryBound(to: UInt8.self), count: bytes.count)
        count += bytes.count
    }

    /// Appends one byte as it is.
    package func append(raw byte: UInt8) {
        reserve(1)
        storage[count] = byte
        count += 1
    }

    /// Room for `extra` more bytes.
    @inline(__always) private func reserve(_ extra: Int) {
        if count + extra > capacity { grow(to: count + extra) }
    }

    private func grow(to needed: Int) {
        var grown = capacity * 2
        while grown < needed { grown *= 2 }
        let larger = UnsafeMutablePointer<UInt8>.allocate(capacity: grown)
        larger.update(from: storage, count: count)
        storage.deallocate()
        storage = larger
        capacity = grown
    }

    @inline(__always) private func separate() {
        if afterValue { append(raw: UInt8(ascii: ",")) }
    }

    package func beginObject() {
        separate()
        append(raw: UInt8(ascii: "{"))
        afterValue = false
    }

    package func endObject() {
        append(raw: UInt8(ascii: "}"))
        afterValue = true
    }

    package func beginArray() {
        separate()
        append(raw: UInt8(ascii: "["))
        afterValue = false
    }

    package func endArray() {
        append(raw: UInt8(ascii: "]"))
        afterValue = true
    }

    package func key(_ name: StaticString) {
        let length = name.utf8CodeUnitCount
        reserve(length + 4)
        var output = storage + count
        if afterValue {
            output.pointee = UInt8(ascii: ",")
            output += 1
        }
        output[0] = UInt8(ascii: "\"")
        beian_copy_short(output + 1, name.utf8Start, length)
        output[length + 1] = UInt8(ascii: "\"")
        output[length + 2] = UInt8(ascii: ":")
        count = output + length + 3 - storage
        afterValue = false
    }

    package func string(_ value: String) {
        separate()
        var value = value
        value.withUTF8 { writeQuoted($0) }
        afterValue = true
    }

    package func string(joining parts: ((String) -> Void) -> Void) {
        separate()
        append(raw: UInt8(ascii: "\""))
        parts { part in
            var part = part
            part.withUTF8 { writeContent($0) }
        }
        append(raw: UInt8(ascii: "\""))
        afterValue = true
    }

    /// `utf8` quoted, copied as it is up to the first byte that may need an escape.
    private func writeQuoted(_ utf8: UnsafeBufferPointer<UInt8>) {
        let length = utf8.count
        // Room for the quotes and for the 16-byte blocks the copy stores whole.
        reserve(length + 18)
        let output = storage + count
        output[0] = UInt8(ascii: "\"")
        var index = 0
        if let input = utf8.baseAddress { index = beian_json_copy_plain(output + 1, input, length) }
        if index == length {
            output[length + 1] = UInt8(ascii: "\"")
            count += length + 2
            return
        }
        count += index + 1
        writeEscaping(utf8, from: index)
        append(raw: UInt8(ascii: "\""))
    }

    /// `utf8` escaped, without quotes (a piece of a string).
    private func writeContent(_ utf8: UnsafeBufferPointer<UInt8>) {
        let length = utf8.count
        reserve(length + 16)
        var index = 0
        if let input = utf8.baseAddress { index = beian_json_copy_plain(storage + count, input, length) }
        count += index
        if index < length { writeEscaping(utf8, from: index) }
    }

    /// The rest of a string from `start`, escaping what JSON output escapes.
    private func writeEscaping(_ utf8: UnsafeBufferPointer<UInt8>, from start: Int) {
        let raw = UnsafeRawBufferPointer(utf8)
        var copied = start
        var index = start
        while index < utf8.count {
            guard let (escape, length) = JSONValue.escape(utf8, at: index) else {
                index += 1
                continue
            }
            append(raw: UnsafeRawBufferPointer(rebasing: raw[copied..<index]))
            var escaped = escape
            escaped.withUTF8 { append(raw: UnsafeRawBufferPointer($0)) }
            index += length
            copied = index
        }
        append(raw: UnsafeRawBufferPointer(rebasing: raw[copied..<utf8.count]))
    }

    /// "00" to "99", for writing digits two at a time.
    private static let digitPairs: StaticString = "00010203040506070809101112131415161718192021222324252627282930313233343536373839404142434445464748495051525354555657585960616263646566676869707172737475767778798081828384858687888990919293949596979899"

    package func int(_ value: Int) {
        separate()
        guard value >= 0, value < 1_000_000_000_000_000 else {
            var text = String(value)
            text.withUTF8 { append(raw: UnsafeRawBufferPointer($0)) }
            afterValue = true
            return
        }
        var digits = 1
        var threshold = 10
        while value >= threshold {
            digits += 1
            threshold &*= 10
        }
        reserve(digits)
        // Backwards from the last digit, two at a time.
        let pairs = Self.digitPairs.utf8Start
        var rest = value
        var position = count + digits
        while rest >= 100 {
            let pair = (rest % 100) * 2
            rest /= 100
            position -= 2
            storage[position] = pairs[pair]
            storage[position + 1] = pairs[pair + 1]
        }
        if rest >= 10 {
            storage[position - 2] = pairs[rest * 2]
            storage[position - 1] = pairs[rest * 2 + 1]
        } else {
            storage[position - 1] = UInt8(ascii: "0") + UInt8(rest)
        }
        count += digits
        afterValue = true
    }

    package func bool(_ value: Bool) {
        separate()
        let text: StaticString = value ? "true" : "false"
        append(raw: UnsafeRawBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
        afterValue = true
    }

    package func null() {
        separate()
        let text: StaticString = "null"
        append(raw: UnsafeRawBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
        afterValue = true
    }

    package func value(prewritten bytes: [UInt8], orWrite write: (inout JSONWriter) -> Void) {
        separate()
        bytes.withUnsafeBytes { append(raw: $0) }
        afterValue = true
    }

    /// The bytes of one value that `write` writes (for `value(prewritten:orWrite:)`).
    package static func bytes(of write: (inout JSONWriter) -> Void) -> [UInt8] {
        var writer = JSONWriter(capacity: 256)
        write(&writer)
        return writer.bytes
    }

    package func value(_ value: JSONValue) {
        switch value {
        case .null: null()
        case .bool(let flag): bool(flag)
        case .int(let number): int(number)
        case .string(let text): string(text)
        case .array(let elements):
            beginArray()
            for element in elements { self.value(element) }
            endArray()
        case .object(let members):
            beginObject()
            for (name, member) in members {
                string(name)
                append(raw: UInt8(ascii: ":"))
                afterValue = false
                self.value(member)
            }
            endObject()
        }
    }
}

/// Builds a `JSONValue` from sink calls; `result` holds it once the outermost value is closed.
package struct JSONTreeBuilder: JSONSink {
    private enum Frame {
        case object([(String, JSONValue)])
        case array([JSONValue])
    }

    private var frames: [Frame] = []
    private var keys: [String] = []
    /// The value built, once complete.
    package private(set) var result: JSONValue?

    package init() {}

    private mutating func add(_ value: JSONValue) {
        guard let last = frames.popLast() else {
            result = value
            return
        }
        switch last {
        case .object(var members):
            members.append((keys.removeLast(), value))
            frames.append(.object(members))
        case .array(var elements):
            elements.append(value)
            frames.append(.array(elements))
        }
    }

    package mutating func beginObject() { frames.append(.object([])) }
    package mutating func beginArray() { frames.append(.array([])) }

    package mutating func endObject() {
        guard case .object(let members)? = frames.popLast() else { preconditionFailure("endObject outside an object") }
        add(.object(members))
    }

    package mutating func endArray() {
        guard case .array(let elements)? = frames.popLast() else { preconditionFailure("endArray outside an array") }
        add(.array(elements))
    }

    package mutating func key(_ name: StaticString) { keys.append(name.description) }
    package mutating func string(_ value: String) { add(.string(value)) }
    package mutating func int(_ value: Int) { add(.int(value)) }
    package mutating func bool(_ value: Bool) { add(.bool(value)) }
    package mutating func null() { add(.null) }
    package mutating func value(_ value: JSONValue) { add(value) }
    package mutating func string(joining parts: ((String) -> Void) -> Void) { string(String(joiningParts: parts)) }
    package mutating func value(prewritten: [UInt8], orWrite write: (inout JSONTreeBuilder) -> Void) { write(&self) }

    /// The tree that `write` describes.
    static func build(_ write: (inout JSONTreeBuilder) -> Void) -> JSONValue {
        var builder = JSONTreeBuilder()
        write(&builder)
        return builder.result ?? .null
    }
}
