import Foundation
import Testing

/// Runs the built `beian` binary and checks exact output and exit codes.
@Suite struct CLITests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static var binary: URL {
        // The test bundle sits in the same build folder as the executable.
        let candidates = [URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent(),
                          Bundle.main.bundleURL, Bundle.main.bundleURL.deletingLastPathComponent()]
        for folder in candidates {
            let url = folder.appendingPathComponent("beian")
            if FileManager.default.isExecutableFile(atPath: url.path) { return url }
        }
        return root.appendingPathComponent(".build/debug/beian")
    }

    struct Result {
        let status: Int32
        let stdout: String
        let stderr: String
    }

    func run(_ arguments: [String], stdin: String? = nil, stdinBytes: Data? = nil) throws -> Result {
        let process = Process()
        process.executableURL = Self.binary
        process.arguments = arguments
        process.currentDirectoryURL = Self.root
        let out = Pipe(), err = Pipe(), input = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = input
        try process.run()
        if let bytes = stdinBytes ?? stdin.map({ Data($0.utf8) }) { input.fileHandleForWriting.write(bytes) }
        try input.fileHandleForWriting.close()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
                      stderr: String(decoding: errData, as: UTF8.self))
    }

    func lines(_ text: String) throws -> [[String: Any]] {
        try text.split(separator: "\n").map { try JSONSerialization.jsonObject(with: Data($0.utf8)) as! [String: Any] }
    }

    @Test func iChongqingJSONAndExitZero() throws {
        let result = try run(["check", "--format", "json", "Samples/ichongqing.txt"])
        #expect(result.status == 0)
        let object = try #require(try lines(result.stdout).first)
        #expect(object["valid"] as? Bool == true)
        let findings = object["findings"] as! [[String: Any]]
        #expect(findings.map { $0["kind"] as! String } == ["hotline", "icp_filing", "news_licence"])
        #expect(findings.map { $0["number"] as! String } == ["+862367158993", "20009753", "50120220004"])
    }

    @Test func iChongqingTextInEnglish() throws {
        let result = try run(["check", "--lang", "en", "Samples/ichongqing.txt"])
        #expect(result.status == 0)
        let expected = """
        Samples/ichongqing.txt  valid  3 findings

          ✔ +86-23-67158993  Samples/ichongqing.txt:1:95  [hotline 94..<109]
              kind       Illegal and harmful information report hotline
              canonical  +86 23 6715 8993
              number     +862367158993
              province   Chongqing (50)
              type       fixed line
              area code  023

          ✔ 渝ICP备20009753号-2  Samples/ichongqing.txt:3:1  [icp_filing 111..<133]
              kind        ICP filing number
              canonical   渝ICP备20009753号-2
              in English  Chongqing ICP Filing No. 20009753-2
              number      20009753
              province    Chongqing (50)
              site        2

          ✔ 50120220004  Samples/ichongqing.txt:3:32  [news_licence 174..<185]
              kind        Internet news information service licence number
              canonical   50120220004
              in English  Internet News Information Service Licence No. 50120220004
              number      50120220004
              province    Chongqing (50)
              category    1 (news organisation)
              year        2022

        """
        #expect(result.stdout == expected)
    }

    @Test func bothLanguagesByDefault() throws {
        let result = try run(["check", "Samples/ichongqing.txt"])
        #expect(result.stdout.hasPrefix("Samples/ichongqing.txt  有效 / valid  发现 3 项 / 3 findings\n"))
        #expect(result.stdout.contains("      省份      渝 重庆市（50）         │ province   Chongqing (50)\n"))
        #expect(result.stdout.contains("      英文形式  Chongqing ICP Filing No. 20009753-2  │ in English  Chongqing ICP Filing No. 20009753-2\n"))
    }

    @Test func errorsExitOneAndUnreadableTwoInArgumentOrder() throws {
        let invalid = try run(["check", "--format", "json", "Samples/footers/problems.txt"])
        #expect(invalid.status == 1)
        let mixed = try run(["check", "--format", "json", "/no/such/file", "Samples/ichongqing.txt", "/dev/null"])
        #expect(mixed.status == 2)
        let objects = try lines(mixed.stdout)
        #expect(objects.map { $0["source"] as! String } == ["/no/such/file", "Samples/ichongqing.txt", "/dev/null"])
        let error = objects[0]["error"] as! [String: String]
        #expect(error["en"] == "cannot read /no/such/file: No such file or directory")
        #expect(error["zh"] == "无法读取 /no/such/file：No such file or directory")
        #expect((objects[2]["error"] as! [String: String])["en"] == "/dev/null is not a regular file")
        let text = try run(["check", "/no/such/file"])
        #expect(text.status == 2)
        #expect(text.stderr == "beian: /no/such/file: 无法读取 /no/such/file：No such file or directory / cannot read /no/such/file: No such file or directory\n")
    }

    @Test func standardInputAndRequire() throws {
        let ok = try run(["check", "--format", "json", "-"], stdin: "京ICP备05002571号")
        #expect(ok.status == 0)
        #expect(try lines(ok.stdout)[0]["source"] as? String == "-")
        let missing = try run(["check", "--format", "json", "--require", "icp_filing,public_security_filing"], stdin: "京ICP备05002571号")
        #expect(missing.status == 1)
        let issues = try lines(missing.stdout)[0]["issues"] as! [[String: String]]
        #expect(issues.map { $0["code"]! } == ["missing_required"])
    }

    @Test func usageErrorsExit64() throws {
        #expect(try run(["check", "--format", "xml"]).status == 64)
        #expect(try run(["check", "--require", "icp"]).status == 64)
    }

    /// ArgumentParser's English message follows a Chinese line saying the same.
    @Test func usageErrorsAreBilingual() throws {
        let cases: [([String], String, String)] = [
            (["check", "--bogus"], "错误：未知选项 '--bogus'（用法见 beian --help）", "Error: Unknown option '--bogus'"),
            (["explain"], "错误：缺少参数 '<string>'", "Error: Missing expected argument '<string>'"),
            (["scan", "--format", "xml"], "错误：'--format <format>' 不接受值 'xml'", "Error: The value 'xml' is invalid for '--format <format>'"),
            (["scan", "--jobs"], "错误：选项 '--jobs <N>' 缺少值", "Error: Missing value for '--jobs <N>'"),
            (["frob"], "错误：多余的参数 'frob'", "Error: Unexpected argument 'frob'"),
        ]
        for (arguments, chinese, english) in cases {
            let result = try run(arguments)
            #expect(result.status == 64, "\(arguments)")
            let lines = result.stderr.split(separator: "\n").map(String.init)
            #expect(lines.first?.hasPrefix(chinese) == true, "\(arguments): \(result.stderr)")
            #expect(lines.dropFirst().first?.hasPrefix(english) == true, "\(arguments): \(result.stderr)")
        }
        // Help and exit codes the commands throw are untouched.
        #expect(try run(["--help"]).stderr.isEmpty)
    }

    @Test func helpIsBilingual() throws {
        let help = try run(["check", "--help"])
        #expect(help.status == 0)
        #expect(help.stdout.hasPrefix("OVERVIEW: 检查页脚或页面中的备案号、许可证号和举报电话 / Check the registrations,"))
        #expect(help.stdout.contains("退出码 / Exit status"))
    }
}
