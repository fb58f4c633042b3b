extension Finding {
    /// The identifier as a footer would print it in each language: the canonical Chinese form,
    /// and an English rendering ("Chongqing ICP Filing No. 20009753-2").
    public var display: Bilingual {
        Bilingual(zh: canonical, en: englishDisplay)
    }

    private var englishDisplay: String {
        let place = province.map { $0.en + " " } ?? ""
        let inProvince = province.map { " (\($0.en))" } ?? ""
        let suffix = site.map { "-\($0)" } ?? ""
        switch kind {
        case .icpFiling: return "\(place)ICP Filing No. \(number)\(suffix)"
        case .icpLicence: return "\(place)ICP Licence No. \(number)\(suffix)"
        case .telecomLicence: return "\(place)Telecom Business Licence \(number)"
        case .publicSecurityFiling: return "\(place)Public Security Filing No. \(number)"
        case .newsLicence: return "Internet News Information Service Licence No. \(number)"
        case .hotline: return canonical
        case .uscc: return "Unified Social Credit Code \(number)"
        case .cultureLicence:
            let national = canonical.hasPrefix("文网文")
            return "\(national ? "Ministry of Culture " : place)Network Culture Licence (\(year.map(String.init) ?? "")) \(number)"
        case .broadcastLicence: return "Radio and TV Programme Production Licence\(inProvince) No. \(number)"
        case .audiovisualLicence: return "Online Audio-Visual Programme Licence No. \(number)"
        case .publishingLicence: return "Network Publishing Service Licence\(inProvince) No. \(number)"
        case .drugInfoCertificate:
            let business = self.business == "非经营性" ? "Non-commercial" : "Commercial"
            return "Internet Drug Information Certificate\(inProvince) \(business) \(number)"
        case .religiousInfoLicence: return "\(place)Internet Religious Information Licence (\(year.map(String.init) ?? "")) \(number)"
        case .algorithmFiling: return "CAC Algorithm Filing No. \(number)"
        case .genaiFiling: return canonical
        }
    }
}
