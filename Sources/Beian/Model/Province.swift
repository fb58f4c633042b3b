/// A provincial-level division, as a finding reports it.
///
/// ```swift
/// let chongqing = Province(code: "50")   // 重庆市, Chongqing, 渝
/// ```
public struct Province: Sendable, Hashable {
    /// GB/T 2260 province code, two digits ("50").
    public let code: String
    /// The abbreviation as printed, in simplified form (粵 → 粤; 蜀 and 川 stay as printed).
    public let abbreviation: String
    /// Chinese name ("重庆市").
    public let zh: String
    /// English name ("Chongqing").
    public let en: String

    /// The province with this GB/T 2260 code, with its usual abbreviation; nil for unknown codes.
    public init?(code: String) {
        guard let row = ProvinceTable.byCode[code] else { return nil }
        self.init(row: row, abbreviation: row.abbreviation)
    }

    /// The province an abbreviation stands for (京, 渝, 蜀, 川 …); nil for anything else.
    public init?(abbreviation: Character) {
        guard let row = ProvinceTable.byAbbreviation[abbreviation] else { return nil }
        self.init(row: row, abbreviation: abbreviation)
    }

    init(row: ProvinceTable.Row, abbreviation: Character) {
        code = row.code
        self.abbreviation = String(abbreviation)
        zh = row.zh
        en = row.en
    }

    /// All 31 provinces, in GB/T 2260 order.
    public static var all: [Province] {
        ProvinceTable.rows.map { Province(row: $0, abbreviation: $0.abbreviation) }
    }

    /// Whether the abbreviation is a less common one (川, 甘, 贵).
    public var isAlternateAbbreviation: Bool {
        guard let row = ProvinceTable.byCode[code], let character = abbreviation.first else { return false }
        return row.alternates.contains(character)
    }

    /// The name as "重庆市 (50)" / "Chongqing (50)".
    public var names: Bilingual { Bilingual(zh: "\(zh)（\(code)）", en: "\(en) (\(code))") }
}
