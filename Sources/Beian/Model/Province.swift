/// A provincial-level division, as a finding reports it.
///
/// ```swift
/// let chongqing = Province(code: "50")   // 重庆市, Chongqing, 渝
/// ```
public struct Province: Sendable, Hashable {
    /// The index of the province's row in the table, and which of its abbreviations was
    /// printed (0, the usual one; n, the nth alternate): two bytes, so that findings, which
    /// hold a province and are copied on their way out, copy no strings for it.
    private let row: UInt8
    private let spelling: UInt8

    /// GB/T 2260 province code, two digits ("50").
    public var code: String { ProvinceTable.rows[Int(row)].code }
    /// The abbreviation as printed, in simplified form (粵 → 粤; 蜀 and 川 stay as printed).
    public var abbreviation: String {
        String(spelling == 0 ? ProvinceTable.rows[Int(row)].abbreviation : ProvinceTable.rows[Int(row)].alternates[Int(spelling) - 1])
    }
    /// Chinese name ("重庆市").
    public var zh: String { ProvinceTable.rows[Int(row)].zh }
    /// English name ("Chongqing").
    public var en: String { ProvinceTable.rows[Int(row)].en }

    var tableRow: ProvinceTable.Row { ProvinceTable.rows[Int(row)] }
    /// The row of the table and which of its abbreviations (0, the usual one).
    var tableIndex: (row: Int, spelling: Int) { (Int(row), Int(spelling)) }

    /// The province with this GB/T 2260 code, with its usual abbreviation; nil for unknown codes.
    public init?(code: String) {
        guard let index = ProvinceTable.index(code: code) else { return nil }
        self.init(row: index, spelling: 0)
    }

    /// The province an abbreviation stands for (京, 渝, 蜀, 川 …); nil for anything else.
    public init?(abbreviation: Character) {
        guard let entry = ProvinceTable.byAbbreviation[abbreviation] else { return nil }
        self.init(row: entry.row, spelling: entry.spelling)
    }

    /// The province of row `row` of the table, with its usual abbreviation (`spelling` 0) or
    /// an alternate.
    init(row: Int, spelling: Int = 0) {
        self.row = UInt8(row)
        self.spelling = UInt8(spelling)
    }

    /// All 31 provinces, in GB/T 2260 order.
    public static var all: [Province] {
        ProvinceTable.rows.indices.map { Province(row: $0) }
    }

    /// Whether the abbreviation is a less common one (川, 甘, 贵).
    public var isAlternateAbbreviation: Bool { spelling != 0 }

    /// The name as "重庆市 (50)" / "Chongqing (50)".
    public var names: Bilingual { Bilingual(zh: "\(zh)（\(code)）", en: "\(en) (\(code))") }
}
