import Beian
import PropertyBased

extension BeianGen {
    /// Unified social credit codes (`uscc`): an entity type, a county of the province in use,
    /// nine characters of the GB 32100 alphabet, and the check character computed here from the
    /// standard (weights 3^(i-1) mod 31), independently of Beian's own check.
    public static func uscc(in province: Province? = nil) -> Generator<SampleIdentifier, some SendableSequenceType> {
        let alphabet = Array("0123456789ABCDEFGHJKLMNPQRTUWXY")
        return zip(county(in: province), Gen.element(of: ["91", "92", "93", "11", "12", "51", "52", "53"]).compactMap { $0 },
                   Gen.int(in: 0...Int(Int32.max)))
            .map { division, type, seed in
                var state = UInt64(seed)
                var organisation = ""
                for _ in 0..<9 {
                    state = state &* 6364136223846793005 &+ 1442695040888963407
                    organisation.append(alphabet[Int((state >> 33) % 31)])
                }
                let body = Array(type + division.code + organisation)
                var sum = 0
                var weight = 1
                for character in body {
                    sum += alphabet.firstIndex(of: character)! * weight
                    weight = weight * 3 % 31
                }
                let code = String(body) + String(alphabet[(31 - sum % 31) % 31])
                return SampleIdentifier(kind: .uscc, label: "统一社会信用代码：", text: code, number: code,
                                        province: Province(code: String(division.code.prefix(2))))
            }
    }

    /// Network culture licences (`culture_licence`): P网文〔YYYY〕NNNN-NNN号.
    public static func cultureLicence(in province: Province? = nil) -> Generator<SampleIdentifier, some SendableSequenceType> {
        zip(provinceOrAny(province), Gen.int(in: 2005...2025), Gen.int(in: 1000...9999), Gen.int(in: 10...999))
            .map { province, year, first, second in
                let number = "\(first)-\(pad(second, 3))"
                return SampleIdentifier(kind: .cultureLicence, text: "\(province.abbreviation)网文〔\(year)〕\(number)号",
                                        number: number, province: province)
            }
            .filter { !looksLikePlaceholder($0.number.filter(\.isNumber)) }
    }

    /// Radio and TV programme production licences (`broadcast_licence`): （P）字第NNNN号.
    public static func broadcastLicence(in province: Province? = nil) -> Generator<SampleIdentifier, some SendableSequenceType> {
        zip(provinceOrAny(province), Gen.int(in: 100...99_999))
            .map { province, serial in
                let digits = String(serial)
                return SampleIdentifier(kind: .broadcastLicence, text: "（\(province.abbreviation)）字第\(digits)号", number: digits,
                                        province: province)
            }
            .filter { !looksLikePlaceholder($0.number) }
    }

    /// Online audio-visual programme licences (`audiovisual_licence`): seven digits after their label.
    public static func audiovisualLicence() -> Generator<SampleIdentifier, some SendableSequenceType> {
        Gen.int(in: 100_000...9_999_999)
            .map { serial in
                let digits = pad(serial, 7)
                return SampleIdentifier(kind: .audiovisualLicence, label: "信息网络传播视听节目许可证：", text: digits, number: digits,
                                        province: nil)
            }
            .filter { !looksLikePlaceholder($0.number) }
    }

    /// Network publishing licences (`publishing_licence`): （署|总）网出证（P）字第NNN号.
    public static func publishingLicence(in province: Province? = nil) -> Generator<SampleIdentifier, some SendableSequenceType> {
        zip(provinceOrAny(province), Gen.bool, Gen.int(in: 10...999))
            .map { province, nppa, serial in
                let digits = pad(serial, 3)
                return SampleIdentifier(kind: .publishingLicence, text: "（\(nppa ? "署" : "总")）网出证（\(province.abbreviation)）字第\(digits)号",
                                        number: digits, province: province)
            }
            .filter { !looksLikePlaceholder($0.number) }
    }

    /// Internet drug information certificates (`drug_info_certificate`): （P）-经营性|非经营性-YYYY-NNNN.
    public static func drugInfoCertificate(in province: Province? = nil) -> Generator<SampleIdentifier, some SendableSequenceType> {
        zip(provinceOrAny(province), Gen.bool, Gen.int(in: 2005...2025), Gen.int(in: 1...9999))
            .map { province, commercial, year, serial in
                let number = "\(year)-\(pad(serial, 4))"
                return SampleIdentifier(kind: .drugInfoCertificate,
                                        text: "（\(province.abbreviation)）-\(commercial ? "" : "非")经营性-\(number)",
                                        number: number, province: province)
            }
            .filter { !looksLikePlaceholder(String($0.number.suffix(4))) }
    }

    /// Internet religious information licences (`religious_info_licence`): P（YYYY）NNNNNNN after their label.
    public static func religiousInfoLicence(in province: Province? = nil) -> Generator<SampleIdentifier, some SendableSequenceType> {
        zip(provinceOrAny(province), Gen.int(in: 2022...2025), Gen.int(in: 1...9_999_999))
            .map { province, year, serial in
                let digits = pad(serial, 7)
                return SampleIdentifier(kind: .religiousInfoLicence, label: "互联网宗教信息服务许可证：",
                                        text: "\(province.abbreviation)（\(year)）\(digits)", number: digits, province: province)
            }
            .filter { !looksLikePlaceholder($0.number) }
    }

    /// Algorithm filings (`algorithm_filing`): 网信算备, a county of the province in use, 15 digits, 号.
    public static func algorithmFiling(in province: Province? = nil) -> Generator<SampleIdentifier, some SendableSequenceType> {
        zip(county(in: province), Gen.int(in: 0...99_999_999), Gen.int(in: 22...25), Gen.int(in: 1...9999))
            .map { division, middle, year, serial in
                let digits = division.code + pad(middle, 9) + "\(year)" + pad(serial, 4)
                return SampleIdentifier(kind: .algorithmFiling, text: "网信算备\(digits)号", number: digits,
                                        province: Province(code: String(division.code.prefix(2))))
            }
    }

    /// Generative-AI filings (`genai_filing`): Province-ModelName-YYYYMMDD, a real date from
    /// 2023-08-15 to 2025, the province in pinyin.
    public static func genaiFiling(in province: Province? = nil) -> Generator<SampleIdentifier, some SendableSequenceType> {
        let syllables = ["Yun", "Que", "Wen", "Xin", "Tong", "Yi", "Qian", "Zhi", "Hui", "Long", "Pan", "Gu", "Xing", "Huo"]
        return zip(provinceOrAny(province), Gen.element(of: syllables).compactMap { $0 }, Gen.element(of: syllables).compactMap { $0 },
                   Gen.int(in: 0...800))
            .map { province, first, second, days in
                let (year, month, day) = date(daysAfter: days)
                let name = String(province.en.filter { $0 != " " })
                let text = "\(name)-\(first)\(second)-\(year)\(pad(month, 2))\(pad(day, 2))"
                return SampleIdentifier(kind: .genaiFiling, label: "生成式人工智能服务备案号：", text: text, number: text, province: province)
            }
    }

    // MARK: Helpers

    /// Counties in use, of one province or any.
    static func county(in province: Province?) -> Generator<Division, Shrink.None<Division?>> {
        let divisions = province.map { Division.counties(in: $0) } ?? Province.all.flatMap { Division.counties(in: $0) }
        return Gen.element(of: divisions).compactMap { $0 }
    }

    /// The date `days` after 2023-08-15.
    static func date(daysAfter days: Int) -> (Int, Int, Int) {
        var (year, month, day) = (2023, 8, 15 + days)
        while true {
            let length = [31, year % 4 == 0 ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]
            if day <= length { return (year, month, day) }
            day -= length
            month += 1
            if month == 13 { (year, month) = (year + 1, 1) }
        }
    }
}
