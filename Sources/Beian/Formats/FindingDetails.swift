/// A finding's value, one case per kind (``Finding/details``).
///
/// An enum rather than `any BeianFormat`: a switch over it is checked for every kind, it
/// compares and hashes by value without casts, and reading a field needs no existential box
/// (a finding's fields are read for every finding written). Its cases are indirect: the
/// value lives behind one reference, so copying a finding (done several times on its way
/// out) copies one pointer, as the box of kind-specific fields did before.
public indirect enum FindingDetails: Sendable, Hashable {
    /// The value of a finding of kind ``Kind/icpFiling``.
    case icpFiling(ICPFiling)
    /// The value of a finding of kind ``Kind/icpLicence``.
    case icpLicence(ICPLicence)
    /// The value of a finding of kind ``Kind/telecomLicence``.
    case telecomLicence(TelecomLicence)
    /// The value of a finding of kind ``Kind/publicSecurityFiling``.
    case publicSecurityFiling(PublicSecurityFiling)
    /// The value of a finding of kind ``Kind/newsLicence``.
    case newsLicence(NewsLicence)
    /// The value of a finding of kind ``Kind/hotline``.
    case hotline(Hotline)
    /// The value of a finding of kind ``Kind/uscc``.
    case uscc(USCC)
    /// The value of a finding of kind ``Kind/cultureLicence``.
    case cultureLicence(CultureLicence)
    /// The value of a finding of kind ``Kind/broadcastLicence``.
    case broadcastLicence(BroadcastLicence)
    /// The value of a finding of kind ``Kind/audiovisualLicence``.
    case audiovisualLicence(AudiovisualLicence)
    /// The value of a finding of kind ``Kind/publishingLicence``.
    case publishingLicence(PublishingLicence)
    /// The value of a finding of kind ``Kind/drugInfoCertificate``.
    case drugInfoCertificate(DrugInfoCertificate)
    /// The value of a finding of kind ``Kind/religiousInfoLicence``.
    case religiousInfoLicence(ReligiousInfoLicence)
    /// The value of a finding of kind ``Kind/algorithmFiling``.
    case algorithmFiling(AlgorithmFiling)
    /// The value of a finding of kind ``Kind/genaiFiling``.
    case genaiFiling(GenAIFiling)

    /// The value as its format type.
    public var format: any BeianFormat {
        switch self {
        case .icpFiling(let value): value
        case .icpLicence(let value): value
        case .telecomLicence(let value): value
        case .publicSecurityFiling(let value): value
        case .newsLicence(let value): value
        case .hotline(let value): value
        case .uscc(let value): value
        case .cultureLicence(let value): value
        case .broadcastLicence(let value): value
        case .audiovisualLicence(let value): value
        case .publishingLicence(let value): value
        case .drugInfoCertificate(let value): value
        case .religiousInfoLicence(let value): value
        case .algorithmFiling(let value): value
        case .genaiFiling(let value): value
        }
    }

    /// The kind of the value.
    public var kind: Kind {
        switch self {
        case .icpFiling: .icpFiling
        case .icpLicence: .icpLicence
        case .telecomLicence: .telecomLicence
        case .publicSecurityFiling: .publicSecurityFiling
        case .newsLicence: .newsLicence
        case .hotline: .hotline
        case .uscc: .uscc
        case .cultureLicence: .cultureLicence
        case .broadcastLicence: .broadcastLicence
        case .audiovisualLicence: .audiovisualLicence
        case .publishingLicence: .publishingLicence
        case .drugInfoCertificate: .drugInfoCertificate
        case .religiousInfoLicence: .religiousInfoLicence
        case .algorithmFiling: .algorithmFiling
        case .genaiFiling: .genaiFiling
        }
    }

    /// The value's `canonical` (see ``BeianFormat/canonical``).
    public var canonical: String {
        switch self {
        case .icpFiling(let value): value.canonical
        case .icpLicence(let value): value.canonical
        case .telecomLicence(let value): value.canonical
        case .publicSecurityFiling(let value): value.canonical
        case .newsLicence(let value): value.canonical
        case .hotline(let value): value.canonical
        case .uscc(let value): value.canonical
        case .cultureLicence(let value): value.canonical
        case .broadcastLicence(let value): value.canonical
        case .audiovisualLicence(let value): value.canonical
        case .publishingLicence(let value): value.canonical
        case .drugInfoCertificate(let value): value.canonical
        case .religiousInfoLicence(let value): value.canonical
        case .algorithmFiling(let value): value.canonical
        case .genaiFiling(let value): value.canonical
        }
    }

    /// The value's `number` (see ``BeianFormat/number``).
    public var number: String {
        switch self {
        case .icpFiling(let value): value.number
        case .icpLicence(let value): value.number
        case .telecomLicence(let value): value.number
        case .publicSecurityFiling(let value): value.number
        case .newsLicence(let value): value.number
        case .hotline(let value): value.number
        case .uscc(let value): value.number
        case .cultureLicence(let value): value.number
        case .broadcastLicence(let value): value.number
        case .audiovisualLicence(let value): value.number
        case .publishingLicence(let value): value.number
        case .drugInfoCertificate(let value): value.number
        case .religiousInfoLicence(let value): value.number
        case .algorithmFiling(let value): value.number
        case .genaiFiling(let value): value.number
        }
    }

    /// The value's `province` (see ``BeianFormat/province``).
    public var province: Province? {
        switch self {
        case .icpFiling(let value): value.province
        case .icpLicence(let value): value.province
        case .telecomLicence(let value): value.province
        case .publicSecurityFiling(let value): value.province
        case .newsLicence(let value): value.province
        case .hotline(let value): value.province
        case .uscc(let value): value.province
        case .cultureLicence(let value): value.province
        case .broadcastLicence(let value): value.province
        case .audiovisualLicence(let value): value.province
        case .publishingLicence(let value): value.province
        case .drugInfoCertificate(let value): value.province
        case .religiousInfoLicence(let value): value.province
        case .algorithmFiling(let value): value.province
        case .genaiFiling(let value): value.province
        }
    }

    /// The value's English rendering (see ``BeianFormat/englishDisplay``).
    public var englishDisplay: String {
        switch self {
        case .icpFiling(let value): value.englishDisplay
        case .icpLicence(let value): value.englishDisplay
        case .telecomLicence(let value): value.englishDisplay
        case .publicSecurityFiling(let value): value.englishDisplay
        case .newsLicence(let value): value.englishDisplay
        case .hotline(let value): value.englishDisplay
        case .uscc(let value): value.englishDisplay
        case .cultureLicence(let value): value.englishDisplay
        case .broadcastLicence(let value): value.englishDisplay
        case .audiovisualLicence(let value): value.englishDisplay
        case .publishingLicence(let value): value.englishDisplay
        case .drugInfoCertificate(let value): value.englishDisplay
        case .religiousInfoLicence(let value): value.englishDisplay
        case .algorithmFiling(let value): value.englishDisplay
        case .genaiFiling(let value): value.englishDisplay
        }
    }

    /// `englishDisplay` piece by piece (see `FindingValue.englishDisplayParts(_:)`).
    func englishDisplayParts(_ part: (String) -> Void) {
        switch self {
        case .icpFiling(let value): value.englishDisplayParts(part)
        case .icpLicence(let value): value.englishDisplayParts(part)
        case .telecomLicence(let value): value.englishDisplayParts(part)
        case .publicSecurityFiling(let value): value.englishDisplayParts(part)
        case .newsLicence(let value): value.englishDisplayParts(part)
        case .hotline(let value): value.englishDisplayParts(part)
        case .uscc(let value): value.englishDisplayParts(part)
        case .cultureLicence(let value): value.englishDisplayParts(part)
        case .broadcastLicence(let value): value.englishDisplayParts(part)
        case .audiovisualLicence(let value): value.englishDisplayParts(part)
        case .publishingLicence(let value): value.englishDisplayParts(part)
        case .drugInfoCertificate(let value): value.englishDisplayParts(part)
        case .religiousInfoLicence(let value): value.englishDisplayParts(part)
        case .algorithmFiling(let value): value.englishDisplayParts(part)
        case .genaiFiling(let value): value.englishDisplayParts(part)
        }
    }

    /// The value's `parts` (see ``BeianFormat/parts``).
    public var parts: [Explanation.Part] {
        switch self {
        case .icpFiling(let value): value.parts
        case .icpLicence(let value): value.parts
        case .telecomLicence(let value): value.parts
        case .publicSecurityFiling(let value): value.parts
        case .newsLicence(let value): value.parts
        case .hotline(let value): value.parts
        case .uscc(let value): value.parts
        case .cultureLicence(let value): value.parts
        case .broadcastLicence(let value): value.parts
        case .audiovisualLicence(let value): value.parts
        case .publishingLicence(let value): value.parts
        case .drugInfoCertificate(let value): value.parts
        case .religiousInfoLicence(let value): value.parts
        case .algorithmFiling(let value): value.parts
        case .genaiFiling(let value): value.parts
        }
    }

    /// The value in each language (see ``BeianFormat/display``).
    public var display: Bilingual { Bilingual(zh: canonical, en: englishDisplay) }

    /// The value's own issues (see ``BeianFormat/issues(referenceYear:)``).
    /// - Parameter referenceYear: the year that counts as "now" for year checks.
    public func issues(referenceYear: Int) -> [Issue] {
        switch self {
        case .icpFiling(let value): value.issues(referenceYear: referenceYear)
        case .icpLicence(let value): value.issues(referenceYear: referenceYear)
        case .telecomLicence(let value): value.issues(referenceYear: referenceYear)
        case .publicSecurityFiling(let value): value.issues(referenceYear: referenceYear)
        case .newsLicence(let value): value.issues(referenceYear: referenceYear)
        case .hotline(let value): value.issues(referenceYear: referenceYear)
        case .uscc(let value): value.issues(referenceYear: referenceYear)
        case .cultureLicence(let value): value.issues(referenceYear: referenceYear)
        case .broadcastLicence(let value): value.issues(referenceYear: referenceYear)
        case .audiovisualLicence(let value): value.issues(referenceYear: referenceYear)
        case .publishingLicence(let value): value.issues(referenceYear: referenceYear)
        case .drugInfoCertificate(let value): value.issues(referenceYear: referenceYear)
        case .religiousInfoLicence(let value): value.issues(referenceYear: referenceYear)
        case .algorithmFiling(let value): value.issues(referenceYear: referenceYear)
        case .genaiFiling(let value): value.issues(referenceYear: referenceYear)
        }
    }
}

/// A format value that knows its `FindingDetails` case, so a finding is built from the value
/// itself (its canonical form, number and province read without a switch).
protocol FindingValue: BeianFormat {
    /// The value in its `FindingDetails` case.
    var findingDetails: FindingDetails { get }
    /// `canonical`, sharing `raw`'s storage when the text was printed in canonical form, as
    /// most footers print it (no second string per finding).
    func canonical(reusing raw: String) -> String
    /// `englishDisplay` as the pieces it is made of, given one by one: a JSON writer copies
    /// them where they go, with no string built per finding.
    func englishDisplayParts(_ part: (String) -> Void)
}

extension FindingValue {
    func canonical(reusing raw: String) -> String { canonical }
    func englishDisplayParts(_ part: (String) -> Void) { part(englishDisplay) }
}

extension String {
    /// The pieces `parts` gives, one after another.
    init(joiningParts parts: ((String) -> Void) -> Void) {
        var pieces: [String] = []
        parts { pieces.append($0) }
        self = pieces.joined()
    }
}

extension ICPFiling: FindingValue {
    var findingDetails: FindingDetails { .icpFiling(self) }
}

extension ICPLicence: FindingValue {
    var findingDetails: FindingDetails { .icpLicence(self) }
}

extension TelecomLicence: FindingValue {
    var findingDetails: FindingDetails { .telecomLicence(self) }
}

extension PublicSecurityFiling: FindingValue {
    var findingDetails: FindingDetails { .publicSecurityFiling(self) }
}

extension NewsLicence: FindingValue {
    var findingDetails: FindingDetails { .newsLicence(self) }
}

extension Hotline: FindingValue {
    var findingDetails: FindingDetails { .hotline(self) }
}

extension USCC: FindingValue {
    var findingDetails: FindingDetails { .uscc(self) }
}

extension CultureLicence: FindingValue {
    var findingDetails: FindingDetails { .cultureLicence(self) }
}

extension BroadcastLicence: FindingValue {
    var findingDetails: FindingDetails { .broadcastLicence(self) }
}

extension AudiovisualLicence: FindingValue {
    var findingDetails: FindingDetails { .audiovisualLicence(self) }
}

extension PublishingLicence: FindingValue {
    var findingDetails: FindingDetails { .publishingLicence(self) }
}

extension DrugInfoCertificate: FindingValue {
    var findingDetails: FindingDetails { .drugInfoCertificate(self) }
}

extension ReligiousInfoLicence: FindingValue {
    var findingDetails: FindingDetails { .religiousInfoLicence(self) }
}

extension AlgorithmFiling: FindingValue {
    var findingDetails: FindingDetails { .algorithmFiling(self) }
}

extension GenAIFiling: FindingValue {
    var findingDetails: FindingDetails { .genaiFiling(self) }
}
