import Beian
import PropertyBased

/// A well-formed registration, licence or hotline, as Beian should report it.
///
/// `label` is text printed before the identifier that is not part of it (the hotline's
/// "违法和不良信息举报电话：", the news licence's label); `text` is the identifier itself, in
/// plain simplified half-width form; `number` and `province` are what the finding must say.
public struct SampleIdentifier: Sendable, Hashable, CustomStringConvertible {
    public let kind: Kind
    public let label: String
    public let text: String
    public let number: String
    public let province: Province?

    public init(kind: Kind, label: String = "", text: String, number: String, province: Province?) {
        self.kind = kind
        self.label = label
        self.text = text
        self.number = number
        self.province = province
    }

    public var description: String { label + text }
}

/// Generators of valid identifiers for every kind Beian knows, per province or any province.
///
/// ```swift
/// import BeianTesting
/// import PropertyBased
///
/// @Test func chongqingFilingsAreFound() async throws {
///     let scanner = try BeianScanner(referenceYear: 2026)
///     await propertyCheck(count: 1000, input: BeianGen.icpFiling(in: Province(code: "50")!)) { filing in
///         #expect(scanner.check(filing.text).findings.map(\.number) == [filing.number])
///     }
/// }
/// ```
///
/// Years lie in 2005–2025, so that the values are valid for any reference year from 2025 on.
public enum BeianGen {
    /// Any province (all 31, with their usual abbreviations).
    public static let province = Gen.element(of: Province.all).compactMap { $0 }

    /// ICP filings (`icp_filing`): 8 digits (two-digit year and six) or 10 (four-digit year and
    /// six), with an optional site suffix -1…-9. `province` nil means any.
    public static func icpFiling(in province: Province? = nil) -> Generator<SampleIdentifier, some SendableSequenceType> {
        zip(provinceOrAny(province), Gen.int(in: 5...25), Gen.int(in: 0...999_999), Gen.bool, Gen.int(in: 0...9))
            .map { province, year, serial, tenDigits, site in
                let digits = (tenDigits ? "20" : "") + pad(year, 2) + pad(serial, 6)
                let suffix = site == 0 ? "" : "-\(site)"
                return SampleIdentifier(kind: .icpFiling, text: "\(province.abbreviation)ICP备\(digits)号\(suffix)",
                                        number: digits, province: province)
            }
            .filter { !looksLikePlaceholder($0.number) }
    }

    /// ICP licences (`icp_licence`): six digits.
    public static func icpLicence(in province: Province? = nil) -> Generator<SampleIdentifier, some SendableSequenceType> {
        zip(provinceOrAny(province), Gen.int(in: 0...999_999))
            .map { province, serial in
                let digits = pad(serial, 6)
                return SampleIdentifier(kind: .icpLicence, text: "\(province.abbreviation)ICP证\(digits)号", number: digits,
                                        province: province)
            }
            .filter { !looksLikePlaceholder($0.number) }
    }

    /// Public security filings (`public_security_filing`): 14 digits whose division code is a
    /// county of the province in use.
    public static func publicSecurityFiling(in province: Province? = nil) -> Generator<SampleIdentifier, some SendableSequenceType> {
        zip(county(in: province), Gen.int(in: 0...99_999_999))
            .map { division, serial in
                let province = Province(code: String(division.code.prefix(2)))!
                let digits = division.code + pad(serial, 8)
                return SampleIdentifier(kind: .publicSecurityFiling, text: "\(province.abbreviation)公网安备\(digits)号",
                                        number: digits, province: province)
            }
            .filter { !looksLikePlaceholder($0.number) }
    }

    /// Value-added telecom licences (`telecom_licence`): B1 or B2, a year and four digits.
    public static func telecomLicence(in province: Province? = nil) -> Generator<SampleIdentifier, some SendableSequenceType> {
        zip(provinceOrAny(province), Gen.int(in: 1...2), Gen.int(in: 2005...2025), Gen.int(in: 0...9999))
            .map { province, category, year, serial in
                let number = "B\(category)-\(year)\(pad(serial, 4))"
                return SampleIdentifier(kind: .telecomLicence, label: "增值电信业务经营许可证：",
                                        text: province.abbreviation + number, number: number, province: province)
            }
            .filter { !looksLikePlaceholder(String($0.number.dropFirst(3))) }
    }

    /// Internet news licences (`news_licence`): province code, category 1 or 2, year, four digits.
    public static func newsLicence(in province: Province? = nil) -> Generator<SampleIdentifier, some SendableSequenceType> {
        zip(provinceOrAny(province), Gen.int(in: 1...2), Gen.int(in: 2005...2025), Gen.int(in: 0...9999))
            .map { province, category, year, serial in
                let digits = "\(province.code)\(category)\(year)\(pad(serial, 4))"
                return SampleIdentifier(kind: .newsLicence, label: "互联网新闻信息服务许可证：", text: digits, number: digits,
                                        province: province)
            }
            .filter { !looksLikePlaceholder($0.number) }
    }

    /// Report hotlines (`hotline`): a landline with a real area code of the province and a
    /// subscriber number of a length that area allows.
    public static func hotline(in province: Province? = nil) -> Generator<SampleIdentifier, some SendableSequenceType> {
        let areas = province.map { chosen in TelephoneArea.all.filter { $0.province.code == chosen.code } } ?? TelephoneArea.all
        return zip(Gen.element(of: areas).compactMap { $0 }, Gen.int(in: 2...8), Gen.int(in: 0...9_999_999), Gen.bool)
            .map { area, first, rest, dashed in
                let length = area.subscriberLengths.max() ?? 8
                let subscriber = String(first) + pad(rest, length - 1).suffix(length - 1)
                return SampleIdentifier(kind: .hotline, label: "违法和不良信息举报电话：",
                                        text: "0\(area.code)\(dashed ? "-" : "")\(subscriber)",
                                        number: "+86\(area.code)\(subscriber)", province: area.province)
            }
    }

    /// An identifier of any kind.
    public static func identifier(in province: Province? = nil) -> Generator<SampleIdentifier, some SendableSequenceType> {
        Gen.oneOf(icpFiling(in: province).eraseToAnySequence(), icpLicence(in: province).eraseToAnySequence(),
                  publicSecurityFiling(in: province).eraseToAnySequence(), telecomLicence(in: province).eraseToAnySequence(),
                  newsLicence(in: province).eraseToAnySequence(), hotline(in: province).eraseToAnySequence(),
                  uscc(in: province).eraseToAnySequence(), cultureLicence(in: province).eraseToAnySequence(),
                  broadcastLicence(in: province).eraseToAnySequence(), audiovisualLicence().eraseToAnySequence(),
                  publishingLicence(in: province).eraseToAnySequence(), drugInfoCertificate(in: province).eraseToAnySequence(),
                  religiousInfoLicence(in: province).eraseToAnySequence(), algorithmFiling(in: province).eraseToAnySequence(),
                  genaiFiling(in: province).eraseToAnySequence())
    }

    // MARK: Helpers

    static func provinceOrAny(_ province: Province?) -> Generator<Province, Shrink.None<Province?>> {
        province.map { chosen in Gen.element(of: [chosen]).compactMap { $0 } } ?? Self.province
    }

    static func pad(_ value: Int, _ width: Int) -> String {
        let digits = String(value)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }

    /// Beian's placeholder rule, so that generated valid values avoid it: one digit repeated,
    /// or a straight run up or down.
    static func looksLikePlaceholder(_ digits: String) -> Bool {
        let values = digits.compactMap(\.wholeNumberValue)
        guard values.count == digits.count, values.count > 1 else { return false }
        if Set(values).count == 1 { return true }
        let steps = zip(values, values.dropFirst()).map { ($1 - $0 + 10) % 10 }
        return Set(steps).count == 1 && (steps[0] == 1 || steps[0] == 9)
    }
}
