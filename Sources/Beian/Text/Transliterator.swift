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

    /// The first transliterator, opened when a text first needs one (opening it costs ICU
    /// about 20 ms: its registry, then the Traditional-Simplified rules), cloned for callers.
    /// For `footerID` only whole texts need one (the reference reading): windows read the
    /// generated table.
    private let prototype = Mutex<Handle?>(nil)
    private let pool = Mutex<[Handle]>([])
    let id: String
    /// The characters this transliterator may change; text without them needs no
    /// transliteration. For `footerID` the scalars of the generated table
    /// (`TransliterationTable`, held to ICU by a test), so that no ICU work happens for them.
    let changeable: ScalarSet
    /// Whether `apply` on scalars reads the generated table instead of ICU (`footerID`).
    private let usesTable: Bool

    /// Checks that ICU can open `id`'s parts, without building the transliterator yet.
    init(id: String = Transliterator.footerID) throws(BeianError) {
        self.id = id
        usesTable = id == Self.footerID
        if id == Self.footerID {
            // Opening a converter loads ICU's data: a missing ICU fails here, not later.
            var status: Int32 = 0
            guard let probe = beian_decoder_open("UTF-8", &status) else {
                throw BeianError.icu("\(id): \(String(cString: beian_icu_error_name(status)))")
            }
            beian_decoder_close(probe)
            changeable = ScalarSet(ranges: TransliterationTable.changedRanges)
        } else {
            changeable = ScalarSet(ranges: try Self.changeableRanges(id: id))
        }
    }

    /// The scalars the transliterator `id` changes on their own, computed with ICU (about
    /// 4 ms): the union of each part's source set, less the scalars it maps to themselves.
    static func changeableRanges(id: String) throws(BeianError) -> [ClosedRange<UInt32>] {
        var status: Int32 = 0
        let units = Array(id.utf16)
        guard let pointer = units.withUnsafeBufferPointer({ beian_translit_open($0.baseAddress!, Int32($0.count), &status) }) else {
            throw BeianError.icu("\(id): \(String(cString: beian_icu_error_name(status)))")
        }
        defer { beian_translit_close(pointer) }
        // ICU reports a compound transliterator's source set as its first part's alone, so
        // the set is the union of each part's (a scalar changes only if some part changes it).
        var ranges: [ClosedRange<UInt32>] = []
        for part in id.split(separator: ";") {
            let partUnits = Array(part.filter { $0 != " " }.utf16)
            guard let partPointer = partUnits.withUnsafeBufferPointer({ beian_translit_open($0.baseAddress!, Int32($0.count), &status) }) else {
                throw BeianError.icu("\(part): \(String(cString: beian_icu_error_name(status)))")
            }
            defer { beian_translit_close(partPointer) }
            ranges += try Self.sourceRanges(of: partPointer)
        }
        // The source sets also hold scalars that only phrase rules touch and that map to
        // themselves alone (京, 和, 信 …); keep just the scalars that change on their own.
        // One ICU call over all of them, separated by line breaks, which no rule spans.
        let candidates = ranges.flatMap { $0 }.compactMap(Unicode.Scalar.init)
        var joined = String.UnicodeScalarView()
        for scalar in candidates {
            joined.append(scalar)
            joined.append("\n")
        }
        let mapped = String(decoding: Self.apply(pointer, Array(String(joined).utf16)), as: UTF16.self)
            .split(separator: "\n", omittingEmptySubsequences: false)
        guard mapped.count == candidates.count + 1 else { return ranges }
        var changing: [ClosedRange<UInt32>] = []
        for (scalar, result) in zip(candidates, mapped) where String(scalar) != result {
            if let last = changing.last, last.upperBound + 1 == scalar.value {
                changing[changing.count - 1] = last.lowerBound...scalar.value
            } else {
                changing.append(scalar.value...scalar.value)
            }
        }
        return changing
    }

    /// The text transliterated; the input unchanged if ICU fails.
    func apply(_ text: [UInt16]) -> [UInt16] {
        guard !text.isEmpty else { return text }
        guard let handle = checkOut() else { return text }
        defer { pool.withLock { $0.append(handle) } }
        return Self.apply(handle.pointer, text)
    }

    private static func apply(_ pointer: OpaquePointer, _ text: [UInt16]) -> [UInt16] {
        guard !text.isEmpty else { return text }
        var capacity = text.count * 2 + 16
        while true {
            var buffer = text + [UInt16](repeating: 0, count: capacity - text.count)
            var length = Int32(text.count)
            var status: Int32 = 0
            buffer.withUnsafeMutableBufferPointer {
                beian_translit_apply(pointer, $0.baseAddress!, &length, Int32(capacity), &status)
            }
            if beian_icu_is_overflow(status) != 0 {
                capacity = max(capacity * 2, Int(length) + 16)
                continue
            }
            guard status <= 0 else { return text }
            return Array(buffer[0..<Int(length)])
        }
    }

    private static func sourceRanges(of pointer: OpaquePointer) throws(BeianError) -> [ClosedRange<UInt32>] {
        var status: Int32 = 0
        var capacity: Int32 = 4096
        while true {
            var buffer = [Int32](repeating: 0, count: 2 * Int(capacity))
            let count = buffer.withUnsafeMutableBufferPointer { beian_translit_source_ranges(pointer, $0.baseAddress!, capacity, &status) }
            guard status <= 0 else { throw BeianError.icu(String(cString: beian_icu_error_name(status))) }
            if count > capacity {
                capacity = count
                continue
            }
            return (0..<Int(count)).map { UInt32(buffer[2 * $0])...UInt32(buffer[2 * $0 + 1]) }
        }
    }

    /// The scalars transliterated. For `footerID` from the generated table
    /// (`TransliterationTable`, held to ICU scalar by scalar and over runs by a test), so that
    /// normalising a window never opens ICU (tens of milliseconds); the reference reading
    /// (`apply(_:)` on whole texts) still asks ICU, and the property tests and the fuzz target
    /// compare the two.
    func apply(_ scalars: ArraySlice<Unicode.Scalar>) -> [Unicode.Scalar] {
        if usesTable {
            var result: [Unicode.Scalar] = []
            result.reserveCapacity(scalars.count)
            for scalar in scalars { TransliterationTable.append(scalar, to: &result) }
            return result
        }
        var units: [UInt16] = []
        units.reserveCapacity(scalars.count)
        for scalar in scalars { units.append(contentsOf: UTF16.encode(scalar)!) }
        return Array(String(decoding: apply(units), as: UTF16.self).unicodeScalars)
    }

    /// The string transliterated.
    func apply(_ text: String) -> String {
        String(decoding: apply(Array(text.utf16)), as: UTF16.self)
    }

    /// A transliterator for this caller alone; nil only when ICU cannot open or clone one.
    private func checkOut() -> Handle? {
        if let handle = pool.withLock({ $0.popLast() }) { return handle }
        return prototype.withLock { prototype -> Handle? in
            var status: Int32 = 0
            if prototype == nil {
                let units = Array(id.utf16)
                prototype = units.withUnsafeBufferPointer { beian_translit_open($0.baseAddress!, Int32($0.count), &status) }
                    .map(Handle.init)
            }
            guard let prototype else { return nil }
            return beian_translit_clone(prototype.pointer, &status).map(Handle.init)
        }
    }
}

/// A set of Unicode scalars with constant-time lookup: a bitmap for the BMP, ranges above it.
struct ScalarSet: Sendable {
    private var bmp = [UInt64](repeating: 0, count: 1024)
    private var supplementary: [ClosedRange<UInt32>] = []

    init(ranges: [ClosedRange<UInt32>]) {
        for range in ranges {
            for value in range.lowerBound...min(range.upperBound, 0xFFFF) where range.lowerBound <= 0xFFFF {
                bmp[Int(value >> 6)] |= 1 << (value & 63)
            }
            if range.upperBound > 0xFFFF { supplementary.append(max(range.lowerBound, 0x10000)...range.upperBound) }
        }
    }

    @inline(__always)
    func contains(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value <= 0xFFFF { return bmp[Int(value >> 6)] & (1 << (value & 63)) != 0 }
        return supplementary.contains { $0.contains(value) }
    }
}
