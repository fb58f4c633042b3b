import Beian
import PropertyBased

/// An identifier with exactly one thing wrong: Beian must recognise it, flag it with
/// `expected` and no other issue, and call it invalid.
public struct NearMiss: Sendable, CustomStringConvertible {
    public let identifier: SampleIdentifier
    public let expected: IssueCode

    public var description: String { "\(identifier) → \(expected.rawValue)" }
}

extension BeianGen {
    /// A public security filing whose division code lies in another province than its
    /// abbreviation (`province_mismatch`).
    public static let wrongDivision = zip(province, province, Gen.int(in: 0...99_999_999))
        .filter { $0.0.code != $0.1.code }
        .map { printed, other, serial in
            let digits = other.code + "0101" + pad(serial, 8)
            return NearMiss(identifier: SampleIdentifier(kind: .publicSecurityFiling, text: "\(printed.abbreviation)公网安备\(digits)号",
                                                         number: digits, province: printed),
                            expected: .provinceMismatch)
        }
        .filter { (miss: NearMiss) in !looksLikePlaceholder(miss.identifier.number) }

    /// An ICP filing of 7 or 9 digits (`invalid_length`).
    public static let wrongLength = zip(province, Gen.int(in: 0...999_999_999), Gen.bool)
        .map { province, serial, seven in
            let digits = String(pad(serial, 9).suffix(seven ? 7 : 9))
            return NearMiss(identifier: SampleIdentifier(kind: .icpFiling, text: "\(province.abbreviation)ICP备\(digits)号",
                                                         number: digits, province: province),
                            expected: .invalidLength)
        }
        .filter { (miss: NearMiss) in !looksLikePlaceholder(miss.identifier.number) }

    /// An ICP filing of masks or of one digit repeated (`placeholder`); digits 0–2 only, so
    /// that the two-digit year stays plausible.
    public static let placeholder = zip(province, Gen.int(in: 0...3))
        .map { province, digit in
            let digits = String(repeating: digit == 3 ? "X" : String(digit), count: 8)
            return NearMiss(identifier: SampleIdentifier(kind: .icpFiling, text: "\(province.abbreviation)ICP备\(digits)号",
                                                         number: digits, province: province),
                            expected: .placeholder)
        }

    /// A ten-digit ICP filing or a telecom licence with a year after 2026 (`implausible_year`;
    /// check with a reference year of 2026 or less).
    public static let futureYear = zip(province, Gen.int(in: 2027...2099), Gen.int(in: 0...999_999), Gen.bool)
        .map { province, year, serial, telecom in
            if telecom {
                let number = "B2-\(year)\(pad(serial % 10_000, 4))"
                return NearMiss(identifier: SampleIdentifier(kind: .telecomLicence, label: "经营许可证：",
                                                             text: province.abbreviation + number, number: number, province: province),
                                expected: .implausibleYear)
            }
            let digits = "\(year)\(pad(serial, 6))"
            return NearMiss(identifier: SampleIdentifier(kind: .icpFiling, text: "\(province.abbreviation)ICP备\(digits)号",
                                                         number: digits, province: province),
                            expected: .implausibleYear)
        }

    /// A unified social credit code whose check character is replaced by another character of
    /// the alphabet (`bad_check_character`).
    public static var wrongCheckCharacter: Generator<NearMiss, some SendableSequenceType> {
        zip(uscc(), Gen.int(in: 1...30)).map { valid, shift in
            let alphabet = Array("0123456789ABCDEFGHJKLMNPQRTUWXY")
            let check = alphabet.firstIndex(of: valid.text.last!)!
            let code = String(valid.text.dropLast()) + String(alphabet[(check + shift) % 31])
            return NearMiss(identifier: SampleIdentifier(kind: .uscc, label: valid.label, text: code, number: code,
                                                         province: valid.province),
                            expected: .badCheckCharacter)
        }
    }

    /// A generative-AI filing dated on a day no month has, the 32nd to the 39th (`invalid_date`).
    public static var impossibleDate: Generator<NearMiss, some SendableSequenceType> {
        zip(genaiFiling(), Gen.int(in: 32...39)).map { valid, day in
            let text = String(valid.text.dropLast(2)) + String(day)
            return NearMiss(identifier: SampleIdentifier(kind: .genaiFiling, label: valid.label, text: text, number: text,
                                                         province: valid.province),
                            expected: .invalidDate)
        }
    }

    /// Any of the near-misses above.
    public static let nearMiss = Gen.oneOf(wrongDivision.eraseToAny(), wrongLength.eraseToAny(), placeholder.eraseToAny(),
                                           futureYear.eraseToAny(), wrongCheckCharacter.eraseToAny(), impossibleDate.eraseToAny())
}
