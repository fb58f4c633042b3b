/// Checks across the findings of one document.
enum DocumentChecks {
    /// What the document checks need of a document's findings, kept small so that a stream of
    /// any length can be checked in bounded memory.
    struct Summary {
        /// Provinces of the registrations, in order of first appearance.
        private(set) var provinces: [Province] = []
        /// Distinct hotlines with a province, in order of first appearance (at most `maxHotlines`).
        private(set) var hotlines: [(canonical: String, province: Province)] = []
        /// The kinds shown, one bit each (`Kind.ordinal`): a finding adds its kind without hashing.
        private var shownKinds: UInt32 = 0
        private(set) var count = 0
        static let maxHotlines = 64
        /// What joke or virtual registries the document shows (at most `maxVirtual`, distinct).
        private(set) var virtualRegistries: [String] = []
        static let maxVirtual = 8

        /// A finding counts for `missing_required` only where the page shows it (text or
        /// script), and for the province checks unless it is commented out.
        mutating func add(_ finding: borrowing Finding) {
            if let shown = finding.virtualRegistry {
                if virtualRegistries.count < Self.maxVirtual, !virtualRegistries.contains(shown) { virtualRegistries.append(shown) }
                return
            }
            count += 1
            if finding.context.isShown { shownKinds |= 1 << finding.kind.ordinal }
            guard let province = finding.province, finding.context != .comment else { return }
            if finding.kind.carriesRegistrationProvince {
                if !provinces.contains(where: { $0.tableIndex.row == province.tableIndex.row }) { provinces.append(province) }
            } else if finding.kind == .hotline, hotlines.count < Self.maxHotlines,
                      !hotlines.contains(where: { $0.canonical == finding.canonical }) {
                hotlines.append((finding.canonical, province))
            }
        }

        /// Whether a finding of `kind` stands where the page shows it.
        func shows(_ kind: Kind) -> Bool { shownKinds & (1 << kind.ordinal) != 0 }

        mutating func add(_ findings: [Finding]) {
            // Through a buffer: an array's element passed on is otherwise copied.
            findings.withUnsafeBufferPointer { findings in
                for index in findings.indices { add(findings[index]) }
            }
        }
    }

    static func issues(for findings: [Finding], required: Set<Kind>) -> [Issue] {
        var summary = Summary()
        summary.add(findings)
        return issues(for: summary, required: required)
    }

    static func issues(for summary: Summary, required: Set<Kind>) -> [Issue] {
        var issues: [Issue] = []
        let provinces = summary.provinces
        if provinces.count > 1 {
            let zh = provinces.map { "\($0.zh)（\($0.code)）" }.joined(separator: "、")
            let en = provinces.map { "\($0.en) (\($0.code))" }.joined(separator: ", ")
            issues.append(Issue(.provinceInconsistent, .warning,
                                zh: "本页的备案和许可证分属不同省份：\(zh)",
                                en: "the registrations on this page name different provinces: \(en)"))
        }
        if !provinces.isEmpty {
            for (canonical, province) in summary.hotlines where !provinces.contains(where: { $0.code == province.code }) {
                let own = provinces.map(\.zh).joined(separator: "、")
                let ownEn = provinces.map(\.en).joined(separator: ", ")
                issues.append(Issue(.hotlineOtherProvince, .info,
                                    zh: "举报电话 \(canonical) 位于\(province.zh)，而备案属于\(own)",
                                    en: "the hotline \(canonical) is in \(province.en), while the registrations are in \(ownEn)"))
            }
        }
        if !summary.virtualRegistries.isEmpty {
            let shown = summary.virtualRegistries.joined(separator: "、")
            issues.append(Issue(.virtualRegistry, .info,
                                zh: "页面上的「\(shown)」是虚拟（玩笑）备案，不是工信部ICP备案，未作为ICP备案号报告",
                                en: "\(shown) on this page is a virtual (joke) registration, not an MIIT ICP filing; not reported as one"))
        }
        if summary.count == 0 {
            issues.append(Issue(.noFindings, .info, zh: "未发现备案号、许可证号或举报电话",
                                en: "no registration, licence or hotline found"))
        }
        for kind in required.sorted() where !summary.shows(kind) {
            issues.append(Issue(.missingRequired, .error,
                                zh: "缺少必需的\(kind.names.zh)（\(kind.rawValue)）",
                                en: "the required \(kind.names.en) (\(kind.rawValue)) is missing"))
        }
        return issues
    }
}
