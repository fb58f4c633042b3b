import Foundation
import Testing
@_spi(Reference) @testable import Beian

/// Link checks of a fetched page: relative hrefs resolve against the page's final URL.
@Suite struct BaseURLTests {
    private func linkCodes(_ html: String, base: String?) -> [IssueCode] {
        let report = scanner.check(Array(html.utf8), isHTML: true, baseURL: base)
        #expect(report.findings.count == 1, "\(html)")
        return codes(report.findings.first)
    }

    @Test func aRelativeHrefLeadsToThePagesOwnHost() {
        let relative = #"<p><a href="/x">京ICP备05002571号</a></p>"#
        // On a page of 127.0.0.1, "/x" leads to 127.0.0.1: not the MIIT system.
        #expect(linkCodes(relative, base: "http://127.0.0.1:8080/footer.html") == [.noMIITLink])
        // On a page of the MIIT system itself, it leads there.
        #expect(linkCodes(relative, base: "https://beian.miit.gov.cn/#/Integrated/index").isEmpty)
        #expect(linkCodes(#"<a href="">京ICP备05002571号</a>"#, base: "https://beian.miit.gov.cn/").isEmpty)
        #expect(linkCodes(#"<a href="?q=1">京ICP备05002571号</a>"#, base: "https://BEIAN.MIIT.GOV.CN:443/x").isEmpty)
        // An absolute link passes wherever the page is.
        let absolute = #"<p><a href="https://beian.miit.gov.cn/">京ICP备05002571号</a></p>"#
        #expect(linkCodes(absolute, base: "http://127.0.0.1:8080/").isEmpty)
        #expect(linkCodes(#"<a href="//beian.miit.gov.cn/">京ICP备05002571号</a>"#, base: "http://127.0.0.1/").isEmpty)
    }

    /// A browser reads href="beian.miit.gov.cn" as a path on the page's own host; only without
    /// a base does Beian read it as the MIIT host (the page's address is unknown then).
    @Test func aSchemelessGovernmentHostIsRelativeOnceTheBaseIsKnown() {
        let schemeless = #"<a href="beian.miit.gov.cn">京ICP备05002571号</a>"#
        #expect(linkCodes(schemeless, base: nil).isEmpty)
        #expect(linkCodes(schemeless, base: "http://127.0.0.1:8080/a/b.html") == [.noMIITLink])
        // Another scheme leads to no host, even on the MIIT system's own pages.
        #expect(linkCodes(#"<a href="javascript:void(0)">京ICP备05002571号</a>"#, base: "https://beian.miit.gov.cn/") == [.noMIITLink])
    }

    @Test func publicSecurityLinksResolveToo() {
        let relative = #"<a href="/#/query/webSearch?code=11010802020088">京公网安备 11010802020088号</a>"#
        #expect(linkCodes(relative, base: "https://beian.mps.gov.cn/").isEmpty)
        #expect(linkCodes(relative, base: "http://127.0.0.1/") == [.noMPSLink])
        let mismatch = #"<a href="/#/query/webSearch?code=44030502008560">京公网安备 11010802020088号</a>"#
        #expect(linkCodes(mismatch, base: "https://beian.mps.gov.cn/") == [.linkMismatch])
    }

    /// No base: what the library did before (pages on disk keep their reports).
    @Test func withoutABaseNothingChanges() throws {
        for sample in try Samples.all() {
            #expect(scanner.check(sample.bytes, source: sample.source) == scanner.check(sample.bytes, source: sample.source, baseURL: nil))
        }
    }

    /// The base reaches every reading: GB18030 windows, UTF-16 and documents read as streams.
    @Test func theBaseReachesEveryPath() throws {
        let page = #"<html><body><a href="/x">京ICP备05002571号</a></body></html>"#
        let onMIIT = "https://beian.miit.gov.cn/"
        let gbk = try #require(TextEncoding.encode(page, as: "GB18030"))
        #expect(codes(scanner.check(gbk, baseURL: onMIIT).findings.first).isEmpty)
        #expect(codes(scanner.check(gbk, baseURL: "http://127.0.0.1/").findings.first) == [.noMIITLink])
        let utf16 = try #require(TextEncoding.encode(page, as: "UTF-16LE"))
        #expect(codes(scanner.check([0xFF, 0xFE] + utf16, baseURL: onMIIT).findings.first).isEmpty)
        let stream = BeianStream(scanner: scanner, isHTML: true, baseURL: onMIIT)
        let found = stream.feed(Array(page.utf8)) + stream.finish()
        #expect(found.count == 1 && codes(found.first).isEmpty)
        // Over 16 MiB: checked as a stream inside `check`.
        let large = Array(page.utf8) + [UInt8](repeating: 0x20, count: 16 << 20)
        #expect(codes(scanner.check(large, baseURL: onMIIT).findings.first).isEmpty)
        #expect(codes(scanner.check(large, baseURL: "http://127.0.0.1/").findings.first) == [.noMIITLink])
    }
}

/// The `url` field: null for files, `{"requested", "final", "status"}` for fetched pages.
@Suite struct PageURLJSONTests {
    private func parse(_ value: JSONValue) throws -> [String: Any] {
        try JSONSerialization.jsonObject(with: Data(value.serialized().utf8)) as! [String: Any]
    }

    private func schema(_ name: String) throws -> [String: Any] {
        let url = packageRoot.appendingPathComponent("Samples/schema/\(name).schema.json")
        return try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as! [String: Any]
    }

    @Test func reportsAndLinesCarryTheURL() throws {
        var report = scanner.check(Array(#"<a href="/x">京ICP备05002571号</a>"#.utf8), source: "http://127.0.0.1:1/a",
                                   isHTML: true, baseURL: "http://127.0.0.1:1/b")
        #expect(try parse(ReportJSON.value(of: report))["url"] is NSNull)
        let url = PageURL(requested: "http://127.0.0.1:1/a", final: "http://127.0.0.1:1/b", status: 200)
        report.url = url
        let check = try schema("check"), scan = try schema("scan")
        let object = try parse(ReportJSON.value(of: report))
        let fields = try #require(object["url"] as? [String: Any])
        #expect(fields.count == 3)
        #expect(fields["requested"] as? String == "http://127.0.0.1:1/a" && fields["final"] as? String == "http://127.0.0.1:1/b")
        #expect(fields["status"] as? Int == 200)
        #expect(SchemaValidator(root: check).errors(object, check).isEmpty)
        let lines = [ReportJSON.line(finding: report.findings[0], source: report.source, url: url),
                     ReportJSON.line(documentOf: report.source, encoding: report.encoding, issues: report.issues, valid: report.isValid, url: url)]
        for line in lines {
            let fields = try parse(line)
            #expect((fields["url"] as? [String: Any])?["status"] as? Int == 200)
            #expect(SchemaValidator(root: scan).errors(fields, scan).isEmpty, "\(fields)")
        }
        // Files: null, and the field is there.
        let file = try parse(ReportJSON.line(finding: report.findings[0], source: "a.html"))
        #expect(file.keys.contains("url") && file["url"] is NSNull)
        // The schema holds the shape.
        var bad = object
        bad["url"] = ["requested": "ftp://x", "final": "http://x", "status": 200]
        #expect(!SchemaValidator(root: check).errors(bad, check).isEmpty)
    }

    @Test func fetchErrorsAreBilingual() {
        let errors: [BeianError] = [
            .invalidURL("http://"), .httpStatus(url: "http://a/", status: 404), .httpStatus(url: "http://a/", status: 500, final: "http://b/"),
            .hostNotFound(url: "http://a/", host: "a"), .cannotConnect(url: "http://a/", detail: "Connection refused"),
            .tls(url: "https://a/", detail: "x"), .timedOut(url: "http://a/", seconds: 1.5), .tooLarge(url: "http://a/", limit: 10),
            .tooManyRedirects(url: "http://a/", limit: 5), .fetchFailed(url: "http://a/", detail: "x"),
        ]
        #expect(Set(errors).count == errors.count)
        for error in errors {
            #expect(error.message.zh.unicodeScalars.contains { $0.value >= 0x4E00 }, "\(error)")
            #expect(error.message.en.hasPrefix("cannot read http") || error.message.en.hasPrefix("cannot read https") || error.message.en.hasSuffix("URL"))
        }
        #expect(BeianError.timedOut(url: "http://a/", seconds: 20).message.en == "cannot read http://a/: timed out after 20 s")
        #expect(BeianError.httpStatus(url: "http://a/", status: 404, final: "http://a/") == .httpStatus(url: "http://a/", status: 404))
        #expect(BeianError.httpStatus(url: "http://a/", status: 500, final: "http://b/").message.en.contains("at http://b/"))
    }
}
