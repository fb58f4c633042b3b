import Foundation
import Testing

/// `beian check` in CI: folders of pages, `--glob`, `--fail-on`, and the SARIF, GitHub and
/// JUnit formats, run through the built binary.
extension CLITests {
    /// A temporary site: `files` maps relative paths to contents.
    func site(_ files: [String: String]) throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("beian-site-\(UUID().uuidString)")
        for (path, text) in files {
            let url = folder.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    static let good = "<footer><a href=\"https://beian.miit.gov.cn/\">京ICP备05002571号-1</a></footer>\n"
    static let bad = "<p>首页</p>\n<footer>\n  <a href=\"https://beian.miit.gov.cn/\">京ICP备1203567号</a>\n</footer>\n"
    static let warned = "<footer>京ICP备05002571号-1</footer>\n"

    @Test func checkWalksAFolderForPagesAndSummarises() throws {
        let folder = try site(["index.html": Self.good, "about/index.htm": Self.good, "notes.txt": Self.bad,
                               "app.vue": Self.good, "img/logo.png": "x"])
        let result = try run(["check", "--lang", "en", folder.path])
        #expect(result.status == 0, "\(result.stdout)")
        let sources = result.stdout.split(separator: "\n").filter { $0.contains("  valid  ") }.map { $0.split(separator: " ")[0] }
        #expect(sources.map { String($0.dropFirst(folder.path.count + 1)) } == ["about/index.htm", "app.vue", "index.html"])
        #expect(result.stdout.hasSuffix("\n3 pages, 3 findings, 0 errors, 0 warnings\n"))
        let zh = try run(["check", "--lang", "zh", folder.path])
        #expect(zh.stdout.hasSuffix("\n共 3 页，发现 3 项，错误 0 个，警告 0 个\n"))
    }

    @Test func globsReplaceTheDefaultsAndExclude() throws {
        let folder = try site(["index.html": Self.good, "notes.txt": Self.bad, "drafts/old.html": Self.bad])
        let json = { (arguments: [String]) throws -> [String] in
            try self.lines(try self.run(["check", "--format", "json"] + arguments + [folder.path]).stdout)
                .map { String(($0["source"] as! String).dropFirst(folder.path.count + 1)) }
        }
        #expect(try json([]) == ["drafts/old.html", "index.html"])
        #expect(try json(["--glob", "*.txt"]) == ["notes.txt"])
        #expect(try json(["--glob", "!drafts"]) == ["index.html"])
        #expect(try json(["--glob", "!drafts/"]) == ["index.html"])
        #expect(try json(["--glob", "**/*.{txt,html}", "--glob", "!old.html"]) == ["index.html", "notes.txt"])
        #expect(try json(["--glob", "drafts/*.html"]) == ["drafts/old.html"])
        let scan = try run(["scan", "--format", "jsonl", "--glob", "*.txt", folder.path])
        #expect(try lines(scan.stdout).map { ($0["source"] as! String).hasSuffix("notes.txt") } == [true])
    }

    @Test func aFolderWithoutPagesIsAnError() throws {
        let folder = try site(["notes.txt": Self.good, "a/b.md": Self.good])
        let result = try run(["check", folder.path, "Samples/ichongqing.txt"])
        #expect(result.status == 2)
        #expect(result.stderr == "beian: \(folder.path) 中没有要检查的页面（默认的页面扩展名和 --glob 均未匹配） / "
            + "no page to check in \(folder.path) (neither the default page extensions nor --glob matched a file)\n")
        #expect(result.stdout.contains("Samples/ichongqing.txt  有效 / valid"))
        #expect(try run(["check", "--glob", "*.md", folder.path]).status == 0)
        let json = try run(["check", "--format", "json", folder.path])
        #expect(json.status == 2)
        #expect(((try lines(json.stdout)[0]["error"]) as? [String: String])?["en"]?.hasPrefix("no page to check in") == true)
        let github = try run(["check", "--format", "github", "--lang", "en", folder.path])
        #expect(github.stdout.hasPrefix("::error file=\(folder.path),title=beian unreadable::no page to check in"))
        let junit = try run(["check", "--format", "junit", "--lang", "en", folder.path])
        #expect(junit.stdout.contains("tests=\"1\" failures=\"0\" errors=\"1\""))
    }

    @Test func requireAppliesPerPageAndFailOnWidensFailures() throws {
        let folder = try site(["a.html": Self.good, "b.html": "<footer>京公网安备 11010802020088号</footer>\n", "c.html": Self.warned])
        let required = try run(["check", "--format", "json", "--require", "icp_filing", folder.path])
        #expect(required.status == 1)
        let valid = try lines(required.stdout).map { $0["valid"] as! Bool }
        #expect(valid == [true, false, true])
        let onlyWarned = try site(["c.html": Self.warned])
        #expect(try run(["check", onlyWarned.path]).status == 0)
        #expect(try run(["check", "--fail-on", "warning", onlyWarned.path]).status == 1)
        #expect(try run(["check", "--fail-on", "info", onlyWarned.path]).status == 1)
        #expect(try run(["check", "--fail-on", "warning", folder.appendingPathComponent("a.html").path]).status == 0)
        // scan keeps grep's status unless --fail-on is given.
        #expect(try run(["scan", onlyWarned.path]).status == 0)
        #expect(try run(["scan", "--fail-on", "warning", onlyWarned.path]).status == 1)
        #expect(try run(["scan", "--fail-on", "error", onlyWarned.path]).status == 0)
        #expect(try run(["check", "--fail-on", "fatal", onlyWarned.path]).status == 64)
    }

    /// One annotation line read back: command, properties (unescaped) and message (unescaped).
    func parseAnnotation(_ line: Substring) throws -> (command: String, properties: [String: String], message: String) {
        #expect(line.hasPrefix("::"))
        let body = line.dropFirst(2)
        let space = try #require(body.firstIndex(of: " "))
        let command = String(body[..<space])
        let rest = body[body.index(after: space)...]
        let separator = try #require(rest.range(of: "::"))
        func unescape(_ text: Substring) -> String {
            text.replacingOccurrences(of: "%0D", with: "\r").replacingOccurrences(of: "%0A", with: "\n")
                .replacingOccurrences(of: "%3A", with: ":").replacingOccurrences(of: "%2C", with: ",")
                .replacingOccurrences(of: "%25", with: "%")
        }
        var properties: [String: String] = [:]
        for field in rest[..<separator.lowerBound].split(separator: ",") {
            let parts = field.split(separator: "=", maxSplits: 1)
            #expect(parts.count == 2 && !parts[1].contains(":") && !parts[1].contains(","), "\(field)")
            properties[String(parts[0])] = unescape(parts[1])
        }
        let message = rest[separator.upperBound...]
        #expect(!message.contains("\n") && !message.contains("\r"))
        return (command, properties, unescape(message))
    }

    @Test func githubAnnotationsParseBack() throws {
        let folder = try site(["a,b:c%d.html": Self.bad + "<footer>京公网安备\n  11010802020088号</footer>\n"])
        let result = try run(["check", "--format", "github", "--lang", "en", "--require", "news_licence", folder.path])
        #expect(result.status == 1)
        let annotations = try result.stdout.split(separator: "\n").map(parseAnnotation)
        let path = folder.appendingPathComponent("a,b:c%d.html").path
        #expect(annotations.allSatisfy { $0.properties["file"] == path })
        #expect(annotations.map(\.command) == ["error", "warning", "error"])
        let length = annotations[0]
        #expect(length.properties["line"] == "3" && length.properties["col"] == "40")
        #expect(length.properties["endLine"] == "3" && length.properties["endColumn"] == "53")
        #expect(length.properties["title"] == "beian invalid_length")
        #expect(length.message == "京ICP备1203567号: 1203567 has 7 digits; expected 6, 8 or 10")
        // A finding across lines: its raw text keeps the line break, escaped.
        let linked = annotations[1]
        #expect(linked.properties["line"] == "5" && linked.properties["col"] == "9" && linked.properties["endLine"] == "6" && linked.properties["endColumn"] == "18")
        #expect(linked.message.hasPrefix("京公网安备\n  11010802020088号: "))
        #expect(result.stdout.contains("京公网安备%0A  11010802020088号"))
        // The document issue names the file only.
        #expect(annotations[2].properties["line"] == nil && annotations[2].properties["title"] == "beian missing_required")
        #expect(result.stdout.contains("file=\(path.replacingOccurrences(of: "%", with: "%25").replacingOccurrences(of: ":", with: "%3A").replacingOccurrences(of: ",", with: "%2C")),"))
        let both = try run(["check", "--format", "github", folder.path])
        #expect(try parseAnnotation(both.stdout.split(separator: "\n")[0]).message
            == "京ICP备1203567号: 号码 1203567 有 7 位，应为6、8或10位 / 1203567 has 7 digits; expected 6, 8 or 10")
    }

    @Test func sarifHasRulesResultsAndStableFingerprints() throws {
        let folder = try site(["index.html": Self.bad])
        let first = try run(["check", "--format", "sarif", "--lang", "en", folder.path])
        #expect(first.status == 1)
        let log = try #require(try JSONSerialization.jsonObject(with: Data(first.stdout.utf8)) as? [String: Any])
        #expect(log["version"] as? String == "2.1.0")
        let run0 = try #require((log["runs"] as? [[String: Any]])?.first)
        #expect(run0["columnKind"] as? String == "unicodeCodePoints")
        let driver = try #require((run0["tool"] as? [String: Any])?["driver"] as? [String: Any])
        #expect(driver["name"] as? String == "beian" && driver["version"] is String && driver["informationUri"] is String)
        let rules = try #require(driver["rules"] as? [[String: Any]])
        #expect(rules.count == 30 && rules.contains { $0["id"] as? String == "missing_required" })
        let help = (rules.first { $0["id"] as? String == "placeholder" }?["help"] as? [String: Any])?["text"] as? String
        #expect(help?.hasPrefix("占位号码（重复、顺序或掩码数字） / a placeholder (repeated, sequential or masked digits)") == true)
        let results = try #require(run0["results"] as? [[String: Any]])
        #expect(results.map { $0["ruleId"] as! String } == ["invalid_length"])
        #expect(results[0]["level"] as? String == "error")
        let physical = ((results[0]["locations"] as! [[String: Any]])[0]["physicalLocation"] as! [String: Any])
        #expect((physical["artifactLocation"] as! [String: Any])["uri"] as? String == folder.path + "/index.html")
        let region = physical["region"] as! [String: Int]
        #expect(region == ["startLine": 3, "startColumn": 40, "endLine": 3, "endColumn": 53])
        let fingerprint = (results[0]["partialFingerprints"] as! [String: String])["beian/v1"]
        #expect(fingerprint?.count == 32)
        // Lines added above the footer move the region, not the fingerprint.
        try Data(("<p>新闻</p>\n<p>更多</p>\n" + Self.bad).utf8).write(to: folder.appendingPathComponent("index.html"))
        let moved = try run(["check", "--format", "sarif", "--lang", "en", folder.path])
        let movedResult = try #require(((try JSONSerialization.jsonObject(with: Data(moved.stdout.utf8)) as? [String: Any])?["runs"] as? [[String: Any]])?
            .first?["results"] as? [[String: Any]]).first
        #expect((movedResult?["partialFingerprints"] as? [String: String])?["beian/v1"] == fingerprint)
        let movedRegion = (((movedResult?["locations"] as? [[String: Any]])?[0]["physicalLocation"] as? [String: Any])?["region"] as? [String: Int])
        #expect(movedRegion?["startLine"] == 5)
    }

    @Test func junitCountsPagesAndFailures() throws {
        let folder = try site(["a.html": Self.good, "b.html": Self.bad, "c.html": Self.warned])
        let result = try run(["check", "--format", "junit", "--lang", "en", folder.path])
        #expect(result.status == 1)
        #expect(result.stdout.contains("<testsuites name=\"beian\" tests=\"3\" failures=\"1\" errors=\"0\">"))
        #expect(result.stdout.contains("<failure type=\"invalid_length\" message=\"京ICP备1203567号: 1203567 has 7 digits; expected 6, 8 or 10\">"))
        let warning = try run(["check", "--format", "junit", "--fail-on", "warning", folder.path])
        #expect(warning.stdout.contains("tests=\"3\" failures=\"2\" errors=\"0\""))
        #expect(warning.stdout.contains("<failure type=\"no_miit_link\""))
    }
}
