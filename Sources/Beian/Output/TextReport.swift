/// Renders reports for people: both languages side by side (or one, if chosen), aligned,
/// with colour only when asked for (the CLI asks when stdout is a terminal).
public struct TextReport: Sendable {
    /// The languages to show: both, or one.
    public var languages: [Language]
    /// Whether to colour severities with ANSI escapes.
    public var color: Bool

    /// A renderer for the given languages, in that order.
    public init(languages: [Language] = [.zh, .en], color: Bool = false) {
        self.languages = languages
        self.color = color
    }

    /// The report as lines of text, ending with a newline.
    public func render(_ report: Report) -> String {
        var lines: [String] = []
        let validity = report.isValid ? Bilingual(zh: "有效", en: "valid") : Bilingual(zh: "无效", en: "invalid")
        let count = Bilingual(zh: "发现 \(report.findings.count) 项", en: "\(report.findings.count) finding\(report.findings.count == 1 ? "" : "s")")
        lines.append(paint(report.source, .bold) + "  " + paint(pick(validity), report.isValid ? .green : .red) + "  " + pick(count))
        if let url = report.url, url.final != url.requested {
            lines.append("  " + pick(Bilingual(zh: "重定向到", en: "redirected to")) + "  " + url.final + "  " + paint("[HTTP \(url.status)]", .dim))
        }
        for finding in report.findings {
            lines.append("")
            lines += render(finding, location: finding.position.map { "\(report.source):\($0)" })
        }
        if !report.issues.isEmpty {
            lines.append("")
            lines.append("  " + paint(pick(Bilingual(zh: "整页问题", en: "Document issues")), .bold))
            for issue in report.issues { lines += render(issue, indent: "    ") }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// One finding of a scanned input, headed by its source and position, `path:line:column:`
    /// (for `beian scan`).
    public func render(_ finding: Finding, source: String) -> String {
        var lines = render(finding)
        lines[0] = paint(source + (finding.position.map { ":\($0)" } ?? ""), .bold) + ":" + lines[0].dropFirst(1)
        return lines.joined(separator: "\n") + "\n"
    }

    /// The document-level issues of a scanned input (for `beian scan`).
    public func render(documentIssues issues: [Issue], source: String, encoding: String) -> String {
        var lines = [paint(source, .bold) + ": " + paint(pick(Bilingual(zh: "整页问题", en: "Document issues")), .bold)
            + "  " + paint("[\(encoding)]", .dim)]
        for issue in issues { lines += render(issue, indent: "    ") }
        return lines.joined(separator: "\n") + "\n"
    }

    /// One identifier explained field by field (`beian explain`).
    public func render(_ explanation: Explanation) -> String {
        let finding = explanation.finding
        let validity = finding.isValid ? Bilingual(zh: "有效", en: "valid") : Bilingual(zh: "无效", en: "invalid")
        var lines = [paint(finding.raw, .bold) + "  " + paint(pick(validity), finding.isValid ? .green : .red)]
        let rows: [(Bilingual, Bilingual)] = [
            (Bilingual(zh: "类型", en: "kind"), finding.kind.names),
            (Bilingual(zh: "颁发", en: "issued by"), explanation.issuer),
        ] + formRows(finding)
        lines += table(rows, indent: "  ")
        if !explanation.parts.isEmpty {
            lines.append("  " + paint(pick(Bilingual(zh: "组成", en: "parts")), .bold))
            let valueWidth = explanation.parts.map { displayWidth($0.value) }.max() ?? 0
            lines += table(explanation.parts.map { part in
                let value = pad(part.value, to: valueWidth)
                return (Bilingual(zh: "\(value)  \(part.name.zh)", en: "\(value)  \(part.name.en)"), part.meaning)
            }, indent: "    ")
        }
        lines.append("  " + paint(pick(Bilingual(zh: "问题", en: "problems")), .bold) + (finding.issues.isEmpty ? "  " + pick(Bilingual(zh: "无", en: "none")) : ""))
        for issue in finding.issues { lines += render(issue, indent: "    ") }
        return lines.joined(separator: "\n") + "\n"
    }

    /// An unreadable input.
    public func render(error: BeianError, source: String) -> String {
        paint(source, .bold) + "  " + paint(pick(error.message), .red) + "\n"
    }

    /// The canonical form, and the English one where it differs.
    private func formRows(_ finding: Finding) -> [(Bilingual, Bilingual)] {
        var rows = [(Bilingual(zh: "规范形式", en: "canonical"), Bilingual(zh: finding.canonical, en: finding.canonical))]
        if finding.display.en != finding.canonical {
            rows.append((Bilingual(zh: "英文形式", en: "in English"), Bilingual(zh: finding.display.en, en: finding.display.en)))
        }
        return rows
    }

    private func render(_ finding: Finding, location: String? = nil) -> [String] {
        let mark = finding.isValid ? paint("✔", .green) : paint("✘", .red)
        var lines = ["  \(mark) \(paint(finding.raw, .bold))  " + (location.map { $0 + "  " } ?? "") + paint("[\(finding.kind.rawValue) \(finding.start)..<\(finding.end)\(place(of: finding))]", .dim)]
        var rows: [(Bilingual, Bilingual)] = [
            (Bilingual(zh: "类型", en: "kind"), finding.kind.names),
        ] + formRows(finding)
        rows.append((Bilingual(zh: "号码", en: "number"), Bilingual(zh: finding.number, en: finding.number)))
        if let province = finding.province {
            rows.append((Bilingual(zh: "省份", en: "province"), Bilingual(zh: "\(province.abbreviation) \(province.zh)（\(province.code)）", en: "\(province.en) (\(province.code))")))
        }
        let same = { (text: String) in Bilingual(zh: text, en: text) }
        if let site = finding.site { rows.append((Bilingual(zh: "网站序号", en: "site"), same(site))) }
        if finding.foreignInvested == true { rows.append((Bilingual(zh: "外资", en: "foreign-invested"), Bilingual(zh: "是（合字）", en: "yes (合字)"))) }
        if let candidates = finding.candidates {
            rows.append((Bilingual(zh: "可能省份", en: "candidates"),
                         Bilingual(zh: candidates.map { "\($0.abbreviation) \($0.zh)" }.joined(separator: "、"),
                                   en: candidates.map(\.en).joined(separator: ", "))))
        }
        if let division = finding.division {
            let names = finding.divisionDetails?.names
            rows.append((Bilingual(zh: "行政区划代码", en: "division"),
                         Bilingual(zh: division + (names.map { " \($0.zh)" } ?? ""), en: division + (names.map { " \($0.en)" } ?? ""))))
        }
        if let business = finding.business {
            rows.append((Bilingual(zh: "性质", en: "business"),
                         Bilingual(zh: business, en: business == "非经营性" ? "non-commercial (非经营性)" : "commercial (经营性)")))
        }
        if let authority = finding.authority {
            rows.append((Bilingual(zh: "发证机关", en: "authority"),
                         authority == "总" ? Bilingual(zh: "总（原国家新闻出版广电总局）", en: "总 (former SAPPRFT)")
                                          : Bilingual(zh: "署（国家新闻出版署）", en: "署 (NPPA)")))
        }
        if let date = finding.date { rows.append((Bilingual(zh: "日期", en: "date"), same(date))) }
        if let category = finding.category {
            rows.append((Bilingual(zh: "类别", en: "category"),
                         category == 1 ? Bilingual(zh: "1（新闻单位）", en: "1 (news organisation)") : Bilingual(zh: "2（非新闻单位）", en: "2 (other platform)")))
        }
        if let year = finding.year { rows.append((Bilingual(zh: "年份", en: "year"), same(String(year)))) }
        if let type = finding.phoneType { rows.append((Bilingual(zh: "号码类型", en: "type"), type.names)) }
        if let area = finding.areaCode { rows.append((Bilingual(zh: "区号", en: "area code"), same("0" + area))) }
        if let ext = finding.phoneExtension { rows.append((Bilingual(zh: "分机", en: "extension"), same(ext))) }
        lines += table(rows, indent: "      ")
        for issue in finding.issues { lines += render(issue, indent: "      ") }
        return lines
    }

    private func render(_ issue: Issue, indent: String) -> [String] {
        let style: Style = issue.severity == .error ? .red : issue.severity == .warning ? .yellow : .cyan
        var lines = [indent + paint(pick(issue.severity.names), style) + " " + paint(issue.code.rawValue, .dim)]
        for language in languages { lines.append(indent + "  " + issue.message.text(in: language)) }
        return lines
    }

    /// Label–value rows, zh columns padded to a common display width, then the en columns.
    private func table(_ rows: [(Bilingual, Bilingual)], indent: String) -> [String] {
        let zhLabelWidth = rows.map { displayWidth($0.0.zh) }.max() ?? 0
        let enLabelWidth = rows.map { displayWidth($0.0.en) }.max() ?? 0
        let zhCells = rows.map { pad($0.0.zh, to: zhLabelWidth) + "  " + $0.1.zh }
        let zhWidth = zhCells.map(displayWidth).max() ?? 0
        return zip(rows, zhCells).map { row, zhCell in
            let enCell = pad(row.0.en, to: enLabelWidth) + "  " + row.1.en
            switch languages {
            case [.zh]: return indent + zhCell
            case [.en]: return indent + enCell
            default: return indent + pad(zhCell, to: zhWidth) + "  │ " + enCell
            }
        }
    }

    /// Where a finding stands, when not in the page's text: ", title attribute", ", comment".
    private func place(of finding: Finding) -> String {
        switch finding.context {
        case .text: return ""
        case .attribute:
            let name = finding.attribute ?? "?"
            return ", " + pick(Bilingual(zh: "\(name) 属性", en: "\(name) attribute"))
        case .comment: return ", " + pick(Bilingual(zh: "注释", en: "comment"))
        case .script: return ", " + pick(Bilingual(zh: "脚本", en: "script"))
        }
    }

    private func pick(_ text: Bilingual) -> String {
        languages.map { text.text(in: $0) }.joined(separator: " / ")
    }

    private func pad(_ text: String, to width: Int) -> String {
        text + String(repeating: " ", count: max(0, width - displayWidth(text)))
    }

    private enum Style: String {
        case bold = "1", dim = "2", red = "31", green = "32", yellow = "33", cyan = "36"
    }

    private func paint(_ text: String, _ style: Style) -> String {
        color ? "\u{1B}[\(style.rawValue)m\(text)\u{1B}[0m" : text
    }
}

/// Columns a string takes in a terminal: East Asian wide and full-width characters take two.
func displayWidth(_ text: String) -> Int {
    text.unicodeScalars.reduce(0) { width, scalar in
        switch scalar.value {
        case 0x0300...0x036F, 0x200B...0x200F: width
        case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xA000...0xA4CF,
             0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x20000...0x3FFFD:
            width + 2
        default: width + 1
        }
    }
}
