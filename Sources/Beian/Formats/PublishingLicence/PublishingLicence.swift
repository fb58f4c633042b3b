/// A network publishing service licence number (网络出版服务许可证, `publishing_licence`), e.g.
/// （署）网出证（粤）字第054号.
///
/// Shape (formats.md §6.4): `（总|署）网出证（P）字第? NNN 号`; 总 is the former SAPPRFT, 署 the NPPA
/// (inferred). The predecessor 互联网出版许可证 reads `新出网证（P）字NNN号` (`legacy_format`).
public struct PublishingLicence: BeianFormat {
    /// ``Kind/publishingLicence``.
    public static let kind = Kind.publishingLicence
    /// The issuing administration's mark, 总 or 署, if printed.
    public let authority: String?
    /// The province abbreviation in brackets as printed.
    public let abbreviation: Character
    /// The serial digits.
    public let number: String
    /// True for the predecessor internet publishing licence (新出网证).
    public let isPredecessor: Bool
    /// The province the abbreviation names.
    public let province: Province?

    init(authority: String?, abbreviation: Character, number: String, isPredecessor: Bool) {
        self.authority = authority
        self.abbreviation = abbreviation
        self.number = number
        self.isPredecessor = isPredecessor
        province = Province(abbreviation: abbreviation)
    }

    /// The standard form: （署）网出证（粤）字第054号, or 新出网证（京）字045号.
    public var canonical: String {
        isPredecessor ? "新出网证（\(abbreviation)）字\(number)号"
            : (authority.map { "（\($0)）" } ?? "") + "网出证（\(abbreviation)）字第\(number)号"
    }

    /// Province, the predecessor licence, length, then placeholders.
    public func issues(referenceYear: Int) -> [Issue] {
        var issues = NumberChecks.provinceIssues(abbreviation: abbreviation, province: province, kind: Self.kind)
        if isPredecessor {
            issues.append(Issue(.legacyFormat, .info, zh: "「新出网证」是网络出版服务许可证之前的互联网出版许可证",
                                en: "\u{201C}新出网证\u{201D} is the internet publishing licence that preceded the network publishing licence"))
        }
        if number.utf8.count != 3 { issues.append(.unusualLength(number, usual: "3")) }
        if let placeholder = NumberChecks.placeholderIssue(number) { issues.append(placeholder) }
        return issues
    }

    /// The English rendering, "Network Publishing Service Licence (Guangdong) No. 054".
    public var englishDisplay: String {
        "Network Publishing Service Licence\(province.map { " (\($0.en))" } ?? "") No. \(number)"
    }

    /// Authority, province and number.
    public var parts: [Explanation.Part] {
        [authority.map { authority in
            .make("发证机关", "authority", authority, authority == "总" ? "原国家新闻出版广电总局（据实例推断）" : "国家新闻出版署（据实例推断）",
                  authority == "总" ? "the former SAPPRFT (inferred)" : "the NPPA (inferred)")
        },
         .province(province),
         .make("编号", "number", number, "发证顺序号", "serial of issue")].compactMap { $0 }
    }
}
