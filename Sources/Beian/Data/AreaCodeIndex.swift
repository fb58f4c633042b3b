/// China's telephone area codes and mobile prefixes, as libphonenumber knows them.
///
/// The rows live in the generated `AreaCodeTable.swift` (see `generate_area_codes.py`).
enum AreaCodeTable {
    struct Row: Sendable {
        /// The area code without the trunk 0, e.g. "23" or "571".
        let code: String
        /// GB/T 2260 code of the province the area lies in.
        let province: String
        let zh: String
        let en: String
        /// Subscriber-number lengths libphonenumber accepts after this area code.
        let subscriberLengths: [Int]
    }

    static let byCode: [String: Row] = Dictionary(uniqueKeysWithValues: rows.map { ($0.code, $0) })

    /// The length of the area code at the start of a national number without its trunk 0:
    /// two digits for 10 and 2X, three otherwise (libphonenumber's CN metadata).
    static func areaCodeLength(ofNationalDigits digits: [UInt8]) -> Int {
        guard let first = digits.first else { return 0 }
        if first == 2 { return 2 }
        if first == 1, digits.count > 1, digits[1] == 0 { return 2 }
        return 3
    }
}

/// A telephone area of the mainland, as libphonenumber's China data describes it.
public struct TelephoneArea: Sendable, Hashable {
    /// The area code without the trunk 0 ("23", "571").
    public let code: String
    /// The province the area lies in.
    public let province: Province
    /// The place, in Chinese and English.
    public let place: Bilingual
    /// Subscriber-number lengths valid after this area code.
    public let subscriberLengths: [Int]

    /// Every area code Beian knows, in numeric order.
    public static let all: [TelephoneArea] = AreaCodeTable.rows.compactMap { row in
        Province(code: row.province).map {
            TelephoneArea(code: row.code, province: $0, place: Bilingual(zh: row.zh, en: row.en), subscriberLengths: row.subscriberLengths)
        }
    }
}
