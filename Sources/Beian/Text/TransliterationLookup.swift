extension TransliterationTable {
    /// Appends what the footer transliterator makes of `scalar` on its own to `result`: its
    /// row's result, or the scalar itself when the table has no row for it (ICU leaves it as
    /// it is).
    static func append(_ scalar: Unicode.Scalar, to result: inout [Unicode.Scalar]) {
        rows.withUnsafeBufferPointer { rows in
            var low = 0, high = rows.count / stride
            while low < high {
                let middle = (low + high) / 2
                if rows[middle * stride] < scalar.value { low = middle + 1 } else { high = middle }
            }
            guard low < rows.count / stride, rows[low * stride] == scalar.value else { return result.append(scalar) }
            for column in 1..<stride {
                let value = rows[low * stride + column]
                guard value != 0, let mapped = Unicode.Scalar(value) else { break }
                result.append(mapped)
            }
        }
    }

    /// What the footer transliterator makes of `scalar` on its own.
    static func result(of scalar: Unicode.Scalar) -> [Unicode.Scalar] {
        var result: [Unicode.Scalar] = []
        append(scalar, to: &result)
        return result
    }

    /// The scalars the table has a row for, as ranges: the characters the footer
    /// transliterator changes on its own (a window without any needs no transliteration).
    static var changedRanges: [ClosedRange<UInt32>] {
        var ranges: [ClosedRange<UInt32>] = []
        for row in Swift.stride(from: 0, to: rows.count, by: stride) {
            let value = rows[row]
            if let last = ranges.last, last.upperBound + 1 == value {
                ranges[ranges.count - 1] = last.lowerBound...value
            } else {
                ranges.append(value...value)
            }
        }
        return ranges
    }
}
