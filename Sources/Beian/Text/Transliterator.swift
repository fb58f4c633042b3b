import CBeianICU
import Synchronization

/// An ICU transliterator usable from any thread: it keeps a pool of clones, one per
/// concurrent caller. This file is the only Swift code that calls the ICU shim.
final class Transliterator: Sendable {
    /// The ID Beian normalises with: full-width forms to ASCII, traditional to simplified.
    static let footerID = "Fullwidth-Halfwidth; Traditional-Simplified"

    private final class Handle: @unchecked Sendable {
        // Owned by exactly one caller at a time (the pool hands it out under the mutex).
        let pointer: OpaquePointer
        init(_ pointer: OpaquePointer) { self.pointer = pointer }
        deinit { beian_translit_close(pointer) }
    }

    private let prototype: Handle
    private let pool = Mutex<[Handle]>([])
    let id: String

    init(id: String = Transliterator.footerID) throws(BeianError) {
        let units = Array(id.utf16)
        var status: Int32 = 0
        guard let pointer = units.withUnsafeBufferPointer({ beian_translit_open($0.baseAddress!, Int32($0.count), &status) }) else {
            throw BeianError.icu("\(id): \(String(cString: beian_icu_error_name(status)))")
        }
        prototype = Handle(pointer)
        self.id = id
    }

    /// The text transliterated; the input unchanged if ICU fails.
    func apply(_ text: [UInt16]) -> [UInt16] {
        guard !text.isEmpty else { return text }
        guard let handle = checkOut() else { return text }
        defer { pool.withLock { $0.append(handle) } }
        var capacity = text.count * 2 + 16
        while true {
            var buffer = text + [UInt16](repeating: 0, count: capacity - text.count)
            var length = Int32(text.count)
            var status: Int32 = 0
            buffer.withUnsafeMutableBufferPointer {
                beian_translit_apply(handle.pointer, $0.baseAddress!, &length, Int32(capacity), &status)
            }
            if beian_icu_is_overflow(status) != 0 {
                capacity = max(capacity * 2, Int(length) + 16)
                continue
            }
            guard status <= 0 else { return text }
            return Array(buffer[0..<Int(length)])
        }
    }

    /// The string transliterated.
    func apply(_ text: String) -> String {
        String(decoding: apply(Array(text.utf16)), as: UTF16.self)
    }

    /// A transliterator for this caller alone; nil only when ICU cannot clone (out of memory).
    private func checkOut() -> Handle? {
        if let handle = pool.withLock({ $0.popLast() }) { return handle }
        var status: Int32 = 0
        return beian_translit_clone(prototype.pointer, &status).map(Handle.init)
    }
}
