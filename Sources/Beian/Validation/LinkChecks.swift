/// Checks that need the HTML around a finding: the MIIT link an ICP filing must carry
/// (Decree 33, art. 13, formats.md §1), the link to the national public security platform a
/// 公网安备 number carries, and the record code in that link. A commented-out registration, or
/// one in an attribute outside any link, is not the footer's text and needs no link.
enum LinkChecks {
    /// The MIIT filing system's host.
    static let miitHost = "beian.miit.gov.cn"
    /// Hosts the MIIT filing system had before (formats.md §8.13): a link still goes there.
    static let retiredMIITHosts: Set<String> = ["www.miitbeian.gov.cn", "miitbeian.gov.cn", "www.miibeian.gov.cn", "miibeian.gov.cn",
                                                 "www.beian.miit.gov.cn"]
    /// The national public security filing platform's host (formats.md §3).
    static let mpsHost = "beian.mps.gov.cn"
    /// Its older portal, which still answers.
    static let retiredMPSHosts: Set<String> = ["www.beian.gov.cn", "beian.gov.cn"]
    /// Query parameters that carry a public security record code (formats.md §3, §8.13).
    static let recordCodeParameters = ["recordcode", "code"]

    /// The checks, with each finding's link found by reading only the bytes around it.
    /// - Parameter baseHost: the host of the page's URL, when it was fetched (see `host(of:baseHost:)`).
    static func apply(to findings: [Finding], in bytes: UnsafeBufferPointer<UInt8>, baseHost: String? = nil) -> [Finding] {
        var locator = HTMLDocument.LinkLocator(bytes: bytes)
        return findings.map { finding in
            guard finding.kind == .icpFiling || finding.kind == .publicSecurityFiling else { return finding }
            return check(finding, link: locator.link(around: finding.start..<finding.end), baseHost: baseHost)
        }
    }

    /// The checks, with links from the whole document (the reference scanner's way).
    static func apply(to findings: [Finding], links: [HTMLDocument.Link], baseHost: String? = nil) -> [Finding] {
        findings.map { check($0, link: enclosingLink(of: $0, in: links), baseHost: baseHost) }
    }

    private static func check(_ finding: Finding, link: HTMLDocument.Link?, baseHost: String?) -> Finding {
        // Commented out, or in an attribute outside any link (a meta tag, an image's alt text):
        // not shown as the footer's text, so no link is asked of it.
        guard finding.context != .comment, finding.context != .attribute || link != nil else { return finding }
        let host = link.flatMap { self.host(of: $0.href, baseHost: baseHost) }
        switch finding.kind {
        case .icpFiling:
            if host == miitHost { return finding }
            if let host, retiredMIITHosts.contains(host) {
                return finding.adding([Issue(.outdatedLink, .warning,
                                             zh: "ICP备案号 \(finding.canonical) 链接到已停用的 \(host)，应链接到 \(miitHost)",
                                             en: "the ICP filing \(finding.canonical) links to the retired \(host); link to \(miitHost)")])
            }
            return finding.adding([Issue(.noMIITLink, .warning,
                                         zh: "ICP备案号 \(finding.canonical) 未链接到工信部备案系统（beian.miit.gov.cn），《非经营性互联网信息服务备案管理办法》第十三条要求链接",
                                         en: "the ICP filing \(finding.canonical) is not linked to the MIIT filing system (beian.miit.gov.cn), which Decree 33 art. 13 requires")])
        case .publicSecurityFiling:
            var issues: [Issue] = []
            if let host, host == mpsHost || retiredMPSHosts.contains(host) {
                if host != mpsHost {
                    issues.append(Issue(.outdatedLink, .info,
                                        zh: "公安备案号 \(finding.number) 链接到旧平台 \(host)，现平台是 \(mpsHost)",
                                        en: "the public security filing \(finding.number) links to the older portal \(host); the platform is now \(mpsHost)"))
                }
                if let link, let code = recordCode(in: link.href), code != finding.number {
                    issues.append(Issue(.linkMismatch, .error,
                                        zh: "链接中的备案号 \(code) 与显示的 \(finding.number) 不一致",
                                        en: "the link's record code \(code) differs from the displayed \(finding.number)"))
                }
            } else if !finding.issues.contains(where: { $0.code == .legacyFormat }) {
                // Filings from before the national platform (legacy_format) had no such link.
                issues.append(Issue(.noMPSLink, .warning,
                                    zh: "公安备案号 \(finding.number) 未链接到全国互联网安全管理服务平台（\(mpsHost)）",
                                    en: "the public security filing \(finding.number) is not linked to the national platform (\(mpsHost))"))
            }
            return issues.isEmpty ? finding : finding.adding(issues)
        default:
            return finding
        }
    }

    /// The host an href leads to, in lower case.
    ///
    /// Without a base (a file, standard input, a string): the host of an absolute or
    /// scheme-relative URL; for a URL without a scheme, its first segment when that names a
    /// government host (href="beian.miit.gov.cn"), since the page's own address is unknown.
    /// With `baseHost`, the host of the URL a fetched page came from, hrefs resolve as a
    /// browser resolves them: an href with neither a scheme nor "//" is relative, so it leads
    /// to the page's own host (href="/x" and href="beian.miit.gov.cn" alike), and an href
    /// with another scheme (javascript:, mailto:) leads to no host.
    static func host(of href: String, baseHost: String? = nil) -> String? {
        var rest = Substring(href.lowercased()).drop { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }
        let schemeEnd = rest.firstIndex(of: ":").flatMap { colon in
            rest[colon...].hasPrefix("://") && rest[..<colon].allSatisfy({ $0.isLetter }) ? rest.index(colon, offsetBy: 3) : nil
        }
        if let schemeEnd {
            rest = rest[schemeEnd...]
        } else if rest.hasPrefix("//") {
            rest = rest.dropFirst(2)
        } else if let baseHost {
            return hasScheme(rest) ? nil : baseHost
        } else if !(rest.prefix { !"/?#".contains($0) }.hasSuffix(".gov.cn")) {
            return nil
        }
        let host = rest.prefix { !"/?#:".contains($0) }
        return host.isEmpty ? nil : String(host)
    }

    /// Whether a reference starts with a scheme ("mailto:", "javascript:"), as the URL standard
    /// reads one: a letter, then letters, digits, "+", "-" or ".", then ":".
    private static func hasScheme(_ reference: Substring) -> Bool {
        guard let colon = reference.firstIndex(of: ":"), let first = reference.first, first.isASCII, first.isLetter else { return false }
        return reference[..<colon].allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "+-.".contains($0)) }
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
