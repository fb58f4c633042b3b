/// National short numbers dialled without an area code.
///
/// Source: libphonenumber ShortNumberMetadata.xml, territory CN (formats.md §5, [S28]):
/// emergency `110|119|120` (and 122, in its toll-free list), the 12XXX public-service lines
/// `12[13]\d\d` (12315, 12318, 12321, 12377 …), carrier service lines `100\d\d` (10086 …)
/// and `95\d{3,4}` (95588 …).
enum ShortNumbers {
    static let threeDigit: Set<String> = ["110", "119", "120", "122"]

    /// Whether `digits` is a national short number.
    static func isShortNumber(_ digits: [UInt8]) -> Bool {
        switch digits.count {
        case 3:
            return threeDigit.contains(String(digits.map { Character(String($0)) }))
        case 5:
            if digits[0] == 1, digits[1] == 2, digits[2] == 1 || digits[2] == 3 { return true }
            if digits[0] == 1, digits[1] == 0, digits[2] == 0 { return true }
            return digits[0] == 9 && digits[1] == 5
        case 6:
            return digits[0] == 9 && digits[1] == 5
        default:
            return false
        }
    }
}
