/// Checks across the findings of one document.
enum DocumentChecks {
    static func issues(for findings: [Finding], required: Set<Kind>) -> [Issue] {
        var issues: [Issue] = []
        // Provinces of the registrations, in order of first appearance.
        var provinces: [Province] = []
        for finding in findings where finding.kind.carriesRegistrationProvince {
            if let province = finding.province, !provinces.contains(where: { $0.code == province.code }) {
                provinces.append(province)
            }
        }
        if provinces.count > 1 {
            let zh = provinces.map { "\($0.zh)（\($0.code)）" }.joined(separator: "、")
            let en = provinces.map { "\($0.en) (\($0.code))" }.joined(separator: ", ")
            issues.append(Issue(.provinceInconsistent, .warning,
                                zh: "本页的备案和许可证分属不同省份：\(zh)",
                                en: "the registrations on this page name different provinces: \(en)"))
        }
        if !provinces.isEmpty {
            for hotline in findings where hotline.kind == .hotline {
                guard let province = hotline.province, !provinces.contains(where: { $0.code == province.code }) else { continue }
                let own = provinces.map(\.zh).joined(separator: "、")
                let ownEn = provinces.map(\.en).joined(separator: ", ")
                issues.append(Issue(.hotlineOtherProvince, .info,
                                    zh: "举报电话 \(hotline.canonical) 位于\(province.zh)，而备案属于\(own)",
                                    en: "the hotline \(hotline.canonical) is in \(province.en), while the registrations are in \(ownEn)"))
            }
        }
        if findings.isEmpty {
            issues.append(Issue(.noFindings, .info, zh: "未发现备案号、许可证号或举报电话",
                                en: "no registration, licence or hotline found"))
        }
        let present = Set(findings.map(\.kind))
        for kind in required.sorted() where !present.contains(kind) {
            issues.append(Issue(.missingRequired, .error,
                                zh: "缺少必需的\(kind.names.zh)（\(kind.rawValue)）",
                                en: "the required \(kind.names.en) (\(kind.rawValue)) is missing"))
        }
        return issues
    }
}
