import Testing
@testable import Beian

@Suite struct DocumentChecksTests {
    private func documentCodes(_ text: String, required: Set<Kind> = [], html: Bool = false) -> [IssueCode] {
        scanner.check(text, required: required, isHTML: html).issues.map(\.code)
    }

    @Test func agreeingProvincesRaiseNothing() {
        let text = "渝ICP备20009753号-2 互联网新闻信息服务许可证号:50120220004 举报电话：023-67158993"
        #expect(documentCodes(text).isEmpty)
        #expect(scanner.check(text).isValid)
    }

    @Test func disagreeingProvinces() throws {
        let report = scanner.check("京ICP备05002571号 沪公网安备31010402003828号")
        #expect(report.issues.map(\.code) == [.provinceInconsistent])
        #expect(report.issues[0].severity == .warning)
        #expect(report.issues[0].message.en.contains("Beijing (11)") && report.issues[0].message.en.contains("Shanghai (31)"))
        #expect(report.isValid, "a warning does not invalidate")
    }

    @Test func centralNewsAndNationalLicencesDoNotCount() {
        #expect(documentCodes("京ICP备05002571号 B2-20080207 互联网新闻信息服务许可证：10120170079").isEmpty)
    }

    @Test func hotlineInAnotherProvince() {
        #expect(documentCodes("京ICP备05002571号 举报电话：0571-88933003") == [.hotlineOtherProvince])
        #expect(documentCodes("京ICP备05002571号 举报电话：12377").isEmpty)
    }

    @Test func noFindingsAndMissingRequired() {
        #expect(documentCodes("没有备案信息") == [.noFindings])
        let report = scanner.check("京ICP备05002571号", required: [.icpFiling, .publicSecurityFiling])
        #expect(report.issues.map(\.code) == [.missingRequired])
        #expect(report.issues[0].message.en.contains("public_security_filing"))
        #expect(!report.isValid)
    }

    /// The summary keeps the kinds shown as bits numbered by `Kind.ordinal`.
    @Test func kindOrdinalsAreDeclarationOrder() {
        #expect(Kind.allCases.map(\.ordinal) == Array(Kind.allCases.indices))
        #expect(Kind.allCases.count <= 32)
    }

    @Test func everyRequiredKindShownIsFound() {
        let text = "京ICP备05002571号 京公网安备11010802020088号 举报电话：010-67158993"
        let all = Set(Kind.allCases)
        let missing = scanner.check(text, required: all).issues.filter { $0.code == .missingRequired }
        let found: Set<Kind> = [.icpFiling, .publicSecurityFiling, .hotline]
        #expect(missing.count == all.count - found.count)
        for kind in found { #expect(!missing.contains { $0.message.en.contains("(\(kind.rawValue))") }) }
    }
}

@Suite struct LinkChecksTests {
    @Test func icpFilingsNeedAnMIITLinkInHTML() {
        let linked = #"<p><a href="https://beian.miit.gov.cn/#/Integrated/index">京ICP备05002571号</a></p>"#
        #expect(codes(single(linked, html: true)).isEmpty)
        // A retired MIIT host: outdated_link, a warning that names the current host.
        let old = #"<p><a href="http://www.miibeian.gov.cn">京ICP备05002571号</a></p>"#
        let outdated = single(old, html: true)
        #expect(codes(outdated) == [.outdatedLink])
        #expect(outdated?.issues.first?.severity == .warning)
        #expect(outdated?.issues.first?.message.en.contains("beian.miit.gov.cn") == true)
        for host in ["http://www.miitbeian.gov.cn/", "https://www.beian.miit.gov.cn/", "//miibeian.gov.cn/x"] {
            #expect(codes(single(#"<a href="\#(host)">京ICP备05002571号</a>"#, html: true)) == [.outdatedLink])
        }
        #expect(codes(single(#"<a href="beian.miit.gov.cn">京ICP备05002571号</a>"#, html: true)).isEmpty)
        let unlinked = "<p>京ICP备05002571号</p>"
        #expect(codes(single(unlinked, html: true)) == [.noMIITLink])
        let elsewhere = #"<p><a href="https://example.com">京ICP备05002571号</a></p>"#
        #expect(codes(single(elsewhere, html: true)) == [.noMIITLink])
        #expect(codes(single("京ICP备05002571号", html: false)).isEmpty, "plain text has no links to check")
    }

    @Test func publicSecurityRecordCodes() throws {
        let current = #"<a href="https://beian.mps.gov.cn/#/query/webSearch?code=11010802020088">京公网安备 11010802020088号</a>"#
        #expect(codes(single(current, html: true)).isEmpty)
        // The older portal: outdated_link, info.
        let same = #"<a href="http://www.beian.gov.cn/portal/registerSystemInfo?recordcode=11010802020088">京公网安备 11010802020088号</a>"#
        #expect(codes(single(same, html: true)) == [.outdatedLink])
        #expect(single(same, html: true)?.issues.first?.severity == .info)
        let other = #"<a href="https://beian.mps.gov.cn/#/query/webSearch?code=44030502008560">粤公网安备44030502008569号</a>"#
        #expect(codes(single(other, html: true)) == [.linkMismatch])
        let junk = #"<a href="http://www.beian.gov.cn/portal/registerSystemInfo?recordcode=cdblog.live">蜀公网安备51010702002213号</a>"#
        #expect(codes(single(junk, html: true)) == [.outdatedLink, .linkMismatch])
        // No link, or a link elsewhere: no_mps_link, a warning; plain text has no links to check.
        #expect(codes(single("<p>京公网安备 11010802020088号</p>", html: true)) == [.noMPSLink])
        #expect(codes(single(#"<a href="/about">京公网安备 11010802020088号</a>"#, html: true)) == [.noMPSLink])
        #expect(codes(single("京公网安备 11010802020088号", html: false)).isEmpty)
        // Commented out: shown to nobody, so no link is asked of it.
        let commented = try #require(single("<p>x</p><!-- <p>京ICP备05002571号</p> -->", html: true))
        #expect(commented.context == .comment && commented.issues.isEmpty)
    }

    /// A registration in a readable attribute is found there, marked as such; one in an
    /// attribute people do not read (src, href) is not.
    @Test func attributesAreFoundAsAttributes() throws {
        let found = try #require(single(#"<img alt="京ICP备11111111号" src="x.png">"#, html: true))
        #expect(found.context == .attribute && found.attribute == "alt")
        #expect(found.start == 10 && found.raw == "京ICP备11111111号")
        #expect(findings(#"<img src="京ICP备11111111号.png">"#, html: true).isEmpty)
    }
}

@Suite struct NumberChecksTests {
    @Test(arguments: ["00000000", "12345678", "87654321", "1234567890", "9876543210", "XXXXXXXX", "11**", "2222"])
    func placeholders(digits: String) { #expect(NumberChecks.isPlaceholder(digits)) }

    @Test(arguments: ["20009753", "05002571", "11010802020088", "123", "50120220004", "12346789"])
    func realNumbers(digits: String) { #expect(!NumberChecks.isPlaceholder(digits)) }
}
