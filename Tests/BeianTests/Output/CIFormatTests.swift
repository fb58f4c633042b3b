import Foundation
import Testing
@testable import Beian

/// The CI formats' building blocks: escaping, fingerprints, levels, occurrences.
@Suite struct CIFormatTests {
    @Test func githubEscaping() {
        #expect(GitHubAnnotations.escapeData("100% a\r\nb: c, d") == "100%25 a%0D%0Ab: c, d")
        #expect(GitHubAnnotations.escapeProperty("100% a\r\nb: c, d") == "100%25 a%0D%0Ab%3A c%2C d")
        #expect(GitHubAnnotations.command(.info) == "notice")
    }

    @Test func fingerprintsDependOnRulePathValueAndIndexOnly() throws {
        let page = "京ICP备1203567号\n京ICP备1203567号\n"
        let moved = "\n\n新闻 news\n" + page
        let first = CheckedPage.report(scanner.check(page, source: "a.html")).occurrences
        let second = CheckedPage.report(scanner.check(moved, source: "a.html")).occurrences
        #expect(first.map(\.index) == [0, 1])
        #expect(first.map(\.fingerprint) == second.map(\.fingerprint))
        #expect(Set(first.map(\.fingerprint)).count == 2)
        #expect(first[0].finding?.position != second[0].finding?.position)
        let other = CheckedPage.report(scanner.check(page, source: "b.html")).occurrences
        #expect(other[0].fingerprint != first[0].fingerprint)
        // Stable across runs and platforms: a fixed value.
        #expect(StableHash.hex("") == "cbf29ce48422232584222325cbf29ce4")
    }

    @Test func sarifLevelsAndURIs() {
        #expect([Severity.error, .warning, .info].map(SARIFReport.level) == ["error", "warning", "note"])
        #expect(SARIFReport.uri(forPath: "site/页脚 a,b.html") == "site/%E9%A1%B5%E8%84%9A%20a%2Cb.html")
    }

    @Test func junitEscapesMarkupAndControlCharacters() {
        #expect(JUnitReport.escape("<a href=\"x\">&'\u{1}") == "&lt;a href=&quot;x&quot;&gt;&amp;&apos;\u{FFFD}")
        let xml = JUnitReport.xml(for: [.unreadable(source: "x.html", message: Bilingual(zh: "无法读取", en: "cannot read"))], languages: [.en])
        #expect(xml.contains("<testsuites name=\"beian\" tests=\"1\" failures=\"0\" errors=\"1\">"))
        #expect(xml.contains("<error type=\"unreadable\" message=\"cannot read\"/>"))
    }
}
