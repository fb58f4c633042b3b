extension TransliterationTable {
    /// What the footer transliterator makes of `scalar` on its own: its row's result, or the
    /// scalar itself when the table has no row for it (ICU leaves it as it is).
    static func result(of scalar: Unicode.Scalar) -> [Unicode.Scalar] {
        rows.withUnsafeBufferPointer { rows in
            var low = 0, high = rows.count / stride
            while low < high {
                let middle = (low + high) / 2
                if rows[middle * stride] < scalar.value { low = middle + 1 } else { high = middle }
            }
            guard low < rows.count / stride, rows[low * stride] == scalar.value else { return [scalar] }
            var result: [Unicode.Scalar] = []
            for column in 1..<stride {
                let value = rows[low * stride + column]
                guard value != 0, let mapped = Unicode.Scalar(value) else { break }
                result.append(mapped)
            }
            return result
        }
    }
}
