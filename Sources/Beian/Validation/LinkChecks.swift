/// Checks that need the HTML around a finding: the MIIT link an ICP filing must carry
/// (Decree 33, art. 13, formats.md §1) and the record code in a public security link.
enum LinkChecks {
    /// Hosts of the MIIT filing system, current and historical (formats.md §8.13).
    static let miitHosts = ["beian.miit.gov.cn", "miibeian.gov.cn", "miitbeian.gov.cn"]
    /// Query parameters that carry a public security record code (formats.md §3, §8.13).
    static let recordCodeParameters = ["recordcode", "code"]

    /// The checks, with each finding's link found by reading only the bytes around it.
    static func apply(to findings: [Finding], in bytes: UnsafeBufferPointer<UInt8>) -> [Finding] {
        var locator = HTMLDocument.LinkLocator(bytes: bytes)
        return findings.map { finding in
            guard finding.kind == .icpFiling || finding.kind == .publicSecurityFiling else { return finding }
            return check(finding, link: locator.link(around: finding.start..<finding.end))
        }
    }

    /// The checks, with links from the whole document (the reference scanner's way).
    static func apply(to findings: [Finding], links: [HTMLDocument.Link]) -> [Finding] {
        findings.map { check($0, link: enclosingLink(of: $0, in: links)) }
    }

    private static func check(_ finding: Finding, link: HTMLDocument.Link?) -> Finding {
        switch finding.kind {
        case .icpFiling:
            let href = link?.href.lowercased() ?? ""
            guard !miitHosts.contains(where: { href.contains($0) }) else { return finding }
            return finding.adding([Issue(.noMIITLink, .warning,
                                         zh: "ICP备案号 \(finding.canonical) 未链接到工信部备案系统（beian.miit.gov.cn），《非经营性互联网信息服务备案管理办法》第十三条要求链接",
                                         en: "the ICP filing \(finding.canonical) is not linked to the MIIT filing system (beian.miit.gov.cn), which Decree 33 art. 13 requires")])
        case .publicSecurityFiling:
            guard let link, let code = recordCode(in: link.href), code != finding.number else { return finding }
            return finding.adding([Issue(.linkMismatch, .error,
                                         zh: "链接中的备案号 \(code) 与显示的 \(finding.number) 不一致",
                                         en: "the link's record code \(code) differs from the displayed \(finding.number)")])
        default:
            return finding
        }
    }

    /// The link whose bytes contain the finding, by binary search over the ordered links.
    static func enclosingLink(of finding: Finding, in links: [HTMLDocument.Link]) -> HTMLDocument.Link? {
        var low = 0, high = links.count
        while low < high {
            let middle = (low + high) / 2
            if links[middle].range.upperBound <= finding.start { low = middle + 1 } else { high = middle }
        }
        guard low < links.count, links[low].range.lowerBound <= finding.start, finding.end <= links[low].range.upperBound else {
            return nil
        }
        return links[low]
    }

    /// The value of `recordcode=` or `code=` in a URL, if any.
    static func recordCode(in href: String) -> String? {
        let scalars = Array(href.unicodeScalars)
        for name in recordCodeParameters {
            let key = Array((name + "=").unicodeScalars)
            var index = 0
            while index + key.count <= scalars.count {
                let boundary = index == 0 || scalars[index - 1] == "?" || scalars[index - 1] == "&"
                if boundary, zip(scalars[index..<index + key.count], key).allSatisfy({ TextView.equalFoldingCase($0, $1) }) {
                    var value = String.UnicodeScalarView()
                    var cursor = index + key.count
                    while cursor < scalars.count, scalars[cursor] != "&", scalars[cursor] != "#" {
                        value.append(scalars[cursor])
                        cursor += 1
                    }
                    return String(value)
                }
                index += 1
            }
        }
        return nil
    }
}
