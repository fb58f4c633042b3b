/// Where `ReportJSON` writes: straight into bytes (`JSONWriter`, the CLI's output) or into a
/// `JSONValue` tree (`JSONTreeBuilder`, for callers that inspect or nest values). Each layout is
/// written once, against this protocol, so both give the same JSON.
///
/// Calls follow JSON's grammar: inside an object, `key(_:)` before each value.
public protocol JSONSink {
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
    /// A whole value already built as a tree.
    mutating func value(_ value: JSONValue)
}

extension JSONSink {
    mutating func string(_ value: String?) { if let value { string(value) } else { null() } }
    mutating func int(_ value: Int?) { if let value { int(value) } else { null() } }
    mutating func bool(_ value: Bool?) { if let value { bool(value) } else { null() } }
}

/// Compact JSON written straight into `bytes`: the same bytes as `JSONValue.serialized()` of the
/// same value, without building the tree (a finding line costs a few hundred bytes appended,
/// not dozens of allocations).
public struct JSONWriter: JSONSink {
    /// The JSON written so far.
    public var bytes: [UInt8]
    private var afterValue = false

    /// A writer appending to `bytes` (pass a buffer to reuse its capacity).
    public init(bytes: [UInt8] = []) {
        self.bytes = bytes
    }

    /// Empties `bytes`, keeping its capacity, for the next value.
    public mutating func reset() {
        bytes.removeAll(keepingCapacity: true)
        afterValue = false
    }

    @inline(__always) private mutating func separate() {
        if afterValue { bytes.append(UInt8(ascii: ",")) }
    }

    public mutating func beginObject() {
        separate()
        bytes.append(UInt8(ascii: "{"))
        afterValue = false
    }

    public mutating func endObject() {
        bytes.append(UInt8(ascii: "}"))
        afterValue = true
    }

    public mutating func beginArray() {
        separate()
        bytes.append(UInt8(ascii: "["))
        afterValue = false
    }

    public mutating func endArray() {
        bytes.append(UInt8(ascii: "]"))
        afterValue = true
    }

    public mutating func key(_ name: StaticString) {
        separate()
        bytes.append(UInt8(ascii: "\""))
        bytes.append(contentsOf: UnsafeBufferPointer(start: name.utf8Start, count: name.utf8CodeUnitCount))
        bytes.append(UInt8(ascii: "\""))
        bytes.append(UInt8(ascii: ":"))
        afterValue = false
    }

    public mutating func string(_ value: String) {
        separate()
        JSONValue.writeString(value, to: &bytes)
        afterValue = true
    }

    public mutating func int(_ value: Int) {
        separate()
        JSONValue.writeInt(value, to: &bytes)
        afterValue = true
    }

    public mutating func bool(_ value: Bool) {
        separate()
        bytes.append(contentsOf: (value ? "true" : "false").utf8)
        afterValue = true
    }

    public mutating func null() {
        separate()
        bytes.append(contentsOf: "null".utf8)
        afterValue = true
    }

    public mutating func value(_ value: JSONValue) {
        separate()
        value.write(to: &bytes)
        afterValue = true
    }
}

/// Builds a `JSONValue` from sink calls; `result` holds it once the outermost value is closed.
public struct JSONTreeBuilder: JSONSink {
    private enum Frame {
        case object([(String, JSONValue)])
        case array([JSONValue])
    }

    private var frames: [Frame] = []
    private var keys: [String] = []
    /// The value built, once complete.
    public private(set) var result: JSONValue?

    public init() {}

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

    public mutating func beginObject() { frames.append(.object([])) }
    public mutating func beginArray() { frames.append(.array([])) }

    public mutating func endObject() {
        guard case .object(let members)? = frames.popLast() else { preconditionFailure("endObject outside an object") }
        add(.object(members))
    }

    public mutating func endArray() {
        guard case .array(let elements)? = frames.popLast() else { preconditionFailure("endArray outside an array") }
        add(.array(elements))
    }

    public mutating func key(_ name: StaticString) { keys.append(name.description) }
    public mutating func string(_ value: String) { add(.string(value)) }
    public mutating func int(_ value: Int) { add(.int(value)) }
    public mutating func bool(_ value: Bool) { add(.bool(value)) }
    public mutating func null() { add(.null) }
    public mutating func value(_ value: JSONValue) { add(value) }

    /// The tree that `write` describes.
    static func build(_ write: (inout JSONTreeBuilder) -> Void) -> JSONValue {
        var builder = JSONTreeBuilder()
        write(&builder)
        return builder.result ?? .null
    }
}
