/// The 31 provincial-level divisions of the mainland: GB/T 2260 code, names, the
/// abbreviations seen in registration numbers, and the capital's area code.
///
/// Sources: GB/T 2260 province codes (formats.md §0, [S30][S31]); abbreviations as counted in
/// real ICP footers ([S40]: 蜀/川, 陇/甘, 黔/贵 both occur, 云 and 秦 only in placeholders);
/// English names as libphonenumber's geocoding spells them, "Shanxi" (14) and "Shaanxi" (61)
/// ([S22]); capital area codes from libphonenumber's geocoding ([S21]).
/// Traditional forms (粵, 滬, 遼 …) are not listed: ICU's Traditional-Simplified maps them.
enum ProvinceTable {
    struct Row: Sendable {
        /// GB/T 2260 province code, two digits.
        let code: String
        let zh: String
        let en: String
        /// The abbreviation that registrations use most.
        let abbreviation: Character
        /// Abbreviations that real registrations also use, less often (info `alternate_abbreviation`).
        let alternates: [Character]
        /// The capital's area code without the trunk 0.
        let capitalAreaCode: String
    }

    static let rows: [Row] = [
        Row(code: "11", zh: "北京市", en: "Beijing", abbreviation: "京", alternates: [], capitalAreaCode: "10"),
        Row(code: "12", zh: "天津市", en: "Tianjin", abbreviation: "津", alternates: [], capitalAreaCode: "22"),
        Row(code: "13", zh: "河北省", en: "Hebei", abbreviation: "冀", alternates: [], capitalAreaCode: "311"),
        Row(code: "14", zh: "山西省", en: "Shanxi", abbreviation: "晋", alternates: [], capitalAreaCode: "351"),
        Row(code: "15", zh: "内蒙古自治区", en: "Inner Mongolia", abbreviation: "蒙", alternates: [], capitalAreaCode: "471"),
        Row(code: "21", zh: "辽宁省", en: "Liaoning", abbreviation: "辽", alternates: [], capitalAreaCode: "24"),
        Row(code: "22", zh: "吉林省", en: "Jilin", abbreviation: "吉", alternates: [], capitalAreaCode: "431"),
        Row(code: "23", zh: "黑龙江省", en: "Heilongjiang", abbreviation: "黑", alternates: [], capitalAreaCode: "451"),
        Row(code: "31", zh: "上海市", en: "Shanghai", abbreviation: "沪", alternates: [], capitalAreaCode: "21"),
        Row(code: "32", zh: "江苏省", en: "Jiangsu", abbreviation: "苏", alternates: [], capitalAreaCode: "25"),
        Row(code: "33", zh: "浙江省", en: "Zhejiang", abbreviation: "浙", alternates: [], capitalAreaCode: "571"),
        Row(code: "34", zh: "安徽省", en: "Anhui", abbreviation: "皖", alternates: [], capitalAreaCode: "551"),
        Row(code: "35", zh: "福建省", en: "Fujian", abbreviation: "闽", alternates: [], capitalAreaCode: "591"),
        Row(code: "36", zh: "江西省", en: "Jiangxi", abbreviation: "赣", alternates: [], capitalAreaCode: "791"),
        Row(code: "37", zh: "山东省", en: "Shandong", abbreviation: "鲁", alternates: [], capitalAreaCode: "531"),
        Row(code: "41", zh: "河南省", en: "Henan", abbreviation: "豫", alternates: [], capitalAreaCode: "371"),
        Row(code: "42", zh: "湖北省", en: "Hubei", abbreviation: "鄂", alternates: [], capitalAreaCode: "27"),
        Row(code: "43", zh: "湖南省", en: "Hunan", abbreviation: "湘", alternates: [], capitalAreaCode: "731"),
        Row(code: "44", zh: "广东省", en: "Guangdong", abbreviation: "粤", alternates: [], capitalAreaCode: "20"),
        Row(code: "45", zh: "广西壮族自治区", en: "Guangxi", abbreviation: "桂", alternates: [], capitalAreaCode: "771"),
        Row(code: "46", zh: "海南省", en: "Hainan", abbreviation: "琼", alternates: [], capitalAreaCode: "898"),
        Row(code: "50", zh: "重庆市", en: "Chongqing", abbreviation: "渝", alternates: [], capitalAreaCode: "23"),
        Row(code: "51", zh: "四川省", en: "Sichuan", abbreviation: "蜀", alternates: ["川"], capitalAreaCode: "28"),
        Row(code: "52", zh: "贵州省", en: "Guizhou", abbreviation: "黔", alternates: ["贵"], capitalAreaCode: "851"),
        Row(code: "53", zh: "云南省", en: "Yunnan", abbreviation: "滇", alternates: [], capitalAreaCode: "871"),
        Row(code: "54", zh: "西藏自治区", en: "Tibet", abbreviation: "藏", alternates: [], capitalAreaCode: "891"),
        Row(code: "61", zh: "陕西省", en: "Shaanxi", abbreviation: "陕", alternates: [], capitalAreaCode: "29"),
        Row(code: "62", zh: "甘肃省", en: "Gansu", abbreviation: "陇", alternates: ["甘"], capitalAreaCode: "931"),
        Row(code: "63", zh: "青海省", en: "Qinghai", abbreviation: "青", alternates: [], capitalAreaCode: "971"),
        Row(code: "64", zh: "宁夏回族自治区", en: "Ningxia", abbreviation: "宁", alternates: [], capitalAreaCode: "951"),
        Row(code: "65", zh: "新疆维吾尔自治区", en: "Xinjiang", abbreviation: "新", alternates: [], capitalAreaCode: "991"),
    ]

    /// The index in `rows` of a two-digit code ("50"), nil for any other string. A table
    /// indexed by the code's value: every filing and licence with a division asks, so no
    /// string is hashed.
    static func index(code: String) -> Int? {
        var code = code
        return code.withUTF8 { bytes -> Int? in
            guard bytes.count == 2, (0x30...0x39).contains(bytes[0]), (0x30...0x39).contains(bytes[1]) else { return nil }
            let index = byValue[Int(bytes[0] &- 0x30) * 10 + Int(bytes[1] &- 0x30)]
            return index < 0 ? nil : Int(index)
        }
    }

    /// The row of a two-digit code, nil for any other string.
    static func row(code: String) -> Row? { index(code: code).map { rows[$0] } }

    /// For each value 0–99, the index of its row, or -1.
    private static let byValue: [Int8] = {
        var table = [Int8](repeating: -1, count: 100)
        for (index, row) in rows.enumerated() { table[Int(row.code)!] = Int8(index) }
        return table
    }()

    /// Every accepted abbreviation, primary or alternate, to its row's index and its place:
    /// 0 for the primary abbreviation, n for `alternates[n - 1]`.
    static let byAbbreviation: [Character: (row: Int, spelling: Int)] = {
        var table: [Character: (row: Int, spelling: Int)] = [:]
        for (index, row) in rows.enumerated() {
            table[row.abbreviation] = (index, 0)
            for (place, alternate) in row.alternates.enumerated() { table[alternate] = (index, place + 1) }
        }
        return table
    }()

    /// The GB/T 2260 code that news licences use for central-level licensees (formats.md §4, INFERRED).
    static let centralNewsCode = "10"
}
