import Foundation
import Testing

/// `beian check URL` and `beian scan --urls` against the loopback server of
/// Tests/LiveServer/server.py (python3, standard library): every request goes to 127.0.0.1 on
/// a port the server chose; each test starts its own server and stops it.
@Suite struct LiveCLITests {
    static let pages = CLITests.root.appendingPathComponent("Tests/LiveServer/pages")

    /// A running test server; `stop` (or the end of the test process) ends it.
    final class Server {
        let process = Process()
        let port: Int
        private let input = Pipe()
        private let output = Pipe()
        private var pending = Data()

        init() throws {
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = ["python3", CLITests.root.appendingPathComponent("Tests/LiveServer/server.py").path]
            process.standardInput = input
            process.standardOutput = output
            try process.run()
            port = try #require(Int(Self.line(from: output.fileHandleForReading, buffer: &pending)))
        }

        func url(_ path: String) -> String { "http://127.0.0.1:\(port)\(path)" }

        /// A command to the server (see server.py), answered with one JSON object.
        func ask(_ command: String) throws -> [String: Any] {
            input.fileHandleForWriting.write(Data((command + "\n").utf8))
            let line = Self.line(from: output.fileHandleForReading, buffer: &pending)
            return try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        }

        /// What the server saw of the requests marked with `token`.
        func stats(_ token: String) throws -> (maxInFlight: Int, requests: [[String: Any]]) {
            let answer = try ask("stats \(token)")
            return (answer["max_in_flight"] as? Int ?? -1, answer["requests"] as? [[String: Any]] ?? [])
        }

        func stop() {
            try? input.fileHandleForWriting.close()
            process.waitUntilExit()
        }

        private static func line(from handle: FileHandle, buffer: inout Data) -> String {
            while true {
                if let newline = buffer.firstIndex(of: UInt8(ascii: "\n")) {
                    let line = String(decoding: buffer[buffer.startIndex..<newline], as: UTF8.self)
                    buffer = Data(buffer[(newline + 1)...])
                    return line
                }
                let more = handle.availableData
                if more.isEmpty { return String(decoding: buffer, as: UTF8.self) }
                buffer += more
            }
        }
    }

    private func withServer(_ body: (Server) throws -> Void) throws {
        let server = try Server()
        defer { server.stop() }
        try body(server)
    }

    struct Result {
        let status: Int32
        let stdout: String
        let stderr: String
        let seconds: Double
    }

    /// Runs the built binary, with no proxy for loopback, and ends it after 60 s if it hangs.
    fileprivate func run(_ arguments: [String], stdin: String? = nil, environment extra: [String: String] = [:],
                     directory: URL = CLITests.root) throws -> Result {
        let process = Process()
        process.executableURL = CLITests.binary
        process.arguments = arguments
        process.currentDirectoryURL = directory
        var environment = ProcessInfo.processInfo.environment
        environment["no_proxy"] = "127.0.0.1"
        environment["NO_PROXY"] = "127.0.0.1"
        process.environment = environment.merging(extra) { $1 }
        let out = Pipe(), err = Pipe(), input = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = input
        let started = Date()
        try process.run()
        let watchdog = DispatchWorkItem { if process.isRunning { process.terminate() } }
        DispatchQueue.global().asyncAfter(deadline: .now() + 60, execute: watchdog)
        if let stdin { input.fileHandleForWriting.write(Data(stdin.utf8)) }
        try input.fileHandleForWriting.close()
        // Standard error is read on another thread, so that neither pipe fills while the other is read.
        nonisolated(unsafe) var errData = Data()
        let errRead = DispatchSemaphore(value: 0)
        DispatchQueue.global().async {
            errData = err.fileHandleForReading.readDataToEndOfFile()
            errRead.signal()
        }
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        errRead.wait()
        process.waitUntilExit()
        watchdog.cancel()
        return Result(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
                      stderr: String(decoding: errData, as: UTF8.self), seconds: Date().timeIntervalSince(started))
    }

    private func objects(_ text: String) throws -> [[String: Any]] {
        try text.split(separator: "\n").map { try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]) }
    }

    /// A report as JSON with sorted keys, without `source` and `url`: what must equal the file's.
    private func comparable(_ object: [String: Any]) throws -> String {
        var object = object
        object["source"] = nil
        object["url"] = nil
        return String(decoding: try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]), as: UTF8.self)
    }

    private func page(_ name: String) -> String { Self.pages.appendingPathComponent(name).path }

    private func codes(_ finding: [String: Any]) -> [String] {
        (finding["issues"] as? [[String: Any]] ?? []).compactMap { $0["code"] as? String }
    }

    /// Each page reads as the same bytes saved to a file do: UTF-8, GBK declared only by
    /// Content-Type, GBK whose Content-Type outranks a wrong <meta charset>, gzip, deflate, br
    /// and zstd bodies, a chain of five redirects, relative links. URLs and files mix, in order.
    @Test func livePagesReportAsTheSameBytesOnDisk() throws {
        try withServer { server in
            let cases: [(path: String, file: String)] = [
                ("/page/utf8.html?charset=utf-8", "utf8.html"),
                ("/page/gbk.html?charset=GBK", "gbk.html"),
                ("/page/gbk-meta-big5.html?charset=GBK", "gbk-meta-big5.html"),
                ("/gzip/utf8.html?t=gzip", "utf8.html"),
                ("/deflate/utf8.html?t=deflate", "utf8.html"),
                ("/br/utf8.html?t=br", "utf8.html"),
                ("/zstd/utf8.html?t=zstd", "utf8.html"),
                ("/redirect/5/utf8.html?t=chain", "utf8.html"),
                ("/page/relative.html", "relative.html"),
            ]
            let urls = cases.map { server.url($0.path) }
            let live = try run(["check", "--format", "json", urls[0], "Samples/ichongqing.txt"] + urls.dropFirst())
            #expect(live.status == 0, "\(live.stderr)")
            var reports = try objects(live.stdout)
            #expect(reports.map { $0["source"] as? String } == [urls[0], "Samples/ichongqing.txt"] + urls.dropFirst())
            // The file among the URLs: url null.
            let file = reports.remove(at: 1)
            #expect(file["url"] is NSNull)
            // On disk, the GBK pages need --encoding GBK to say what Content-Type said.
            let plain = try objects(try run(["check", "--format", "json"] + cases.map { page($0.file) }).stdout)
            let gbk = try objects(try run(["check", "--format", "json", "--encoding", "GBK"] + cases.map { page($0.file) }).stdout)
            for (index, item) in cases.enumerated() {
                let expected = item.file.hasPrefix("gbk") ? gbk[index] : plain[index]
                #expect(try comparable(reports[index]) == comparable(expected), "\(item.path)")
                let url = try #require(reports[index]["url"] as? [String: Any])
                #expect(url["requested"] as? String == urls[index])
                #expect(url["status"] as? Int == 200)
            }
            #expect(reports[1]["encoding"] as? String == "GB18030" && (reports[1]["findings"] as? [Any])?.count == 3)
            // Content-Type outranks <meta charset="big5">: on disk, without --encoding, the meta wins.
            #expect(reports[2]["encoding"] as? String == "GB18030" && plain[2]["encoding"] as? String == "Big5")
            // Compressed bodies were asked for and sent compressed (libcurl offers what it was built with).
            for token in ["gzip", "deflate", "br", "zstd"] {
                let request = try #require(try server.stats(token).requests.first)
                #expect((request["accept_encoding"] as? String)?.contains(token) == true)
            }
            // Five redirects (absolute URL, absolute path, relative path) are followed; `final` is where they led.
            let chain = try #require(reports[7]["url"] as? [String: Any])
            #expect(chain["final"] as? String == server.url("/redirect/0/utf8.html?t=chain"))
            let hops = try server.stats("chain").requests
            #expect(hops.compactMap { $0["path"] as? String } == (0...5).reversed().map { "/redirect/\($0)/utf8.html?t=chain" })
            // Each hop set a cookie; none was sent back. Every request names Beian and its version.
            #expect(hops.allSatisfy { $0["cookie"] is NSNull })
            let version = try run(["--version"]).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
            #expect(!version.isEmpty)
            #expect(hops.allSatisfy { $0["user_agent"] as? String == "Beian/\(version) (+https://github.com/beian/beian)" })
            // A relative MIIT link on a page of 127.0.0.1 leads to 127.0.0.1: no_miit_link; the
            // absolute https://beian.miit.gov.cn link passes (it is read, never fetched).
            let relative = try #require(reports[8]["findings"] as? [[String: Any]])
            #expect(relative.map(codes) == [["no_miit_link"], []])
        }
    }

    /// href="beian.miit.gov.cn" is a relative link to a browser: on a live page it leads to the
    /// page's own host. On disk, with no address to resolve against, Beian reads it as the MIIT host.
    @Test func aSchemelessMIITLinkFailsOnALivePage() throws {
        try withServer { server in
            let live = try objects(try run(["check", "--format", "json", server.url("/page/schemeless.html")]).stdout)
            let file = try objects(try run(["check", "--format", "json", page("schemeless.html")]).stdout)
            #expect((live[0]["findings"] as? [[String: Any]])?.map(codes) == [["no_miit_link"]])
            #expect((file[0]["findings"] as? [[String: Any]])?.map(codes) == [[]])
        }
    }

    /// Too many redirects, a loop, 404, 500, a slow answer, a slow body, bodies over --max-size
    /// (with and without Content-Length), TLS to a plain-HTTP port, a refused connection and a
    /// bad URL: each is an unreadable input with a bilingual error; the inputs after them go on;
    /// exit 2; nothing waits past --timeout.
    @Test func unreadablePagesAreErrorsAndTheOthersGoOn() throws {
        try withServer { server in
            let freePort = try #require(try server.ask("freeport")["port"] as? Int)
            let inputs = [
                server.url("/redirect/6/utf8.html"), server.url("/loop"), server.url("/status/404"), server.url("/status/500"),
                server.url("/slow"), server.url("/trickle"), server.url("/large/100000"), server.url("/unsized/100000"),
                "https://127.0.0.1:\(server.port)/page/utf8.html", "http://127.0.0.1:\(freePort)/", "http://", server.url("/page/utf8.html"),
            ]
            let result = try run(["check", "--format", "json", "--timeout", "1", "--max-size", "4096"] + inputs)
            #expect(result.status == 2)
            // Two pages of one second each, and the rest at once: far below the server's 5–6 s delays.
            #expect(result.seconds < 4.5, "took \(result.seconds) s")
            let lines = try objects(result.stdout)
            #expect(lines.map { $0["source"] as? String } == inputs)
            let english = lines.dropLast().map { ($0["error"] as? [String: String])?["en"] ?? "" }
            let chinese = lines.dropLast().map { ($0["error"] as? [String: String])?["zh"] ?? "" }
            let expected: [(en: String, zh: String)] = [
                ("more than 5 redirects (or a redirect loop)", "重定向超过 5 次"),
                ("more than 5 redirects (or a redirect loop)", "重定向超过 5 次"),
                ("the server answered HTTP 404", "服务器返回 HTTP 404"),
                ("the server answered HTTP 500", "服务器返回 HTTP 500"),
                ("timed out after 1 s", "1 秒内未读完"),
                ("timed out after 1 s", "1 秒内未读完"),
                ("the page is larger than the limit of 4096 bytes", "超过 4096 字节"),
                ("the page is larger than the limit of 4096 bytes", "超过 4096 字节"),
                ("the TLS handshake failed", "TLS 安全连接失败"),
                ("could not connect to the server", "无法连接服务器"),
                ("http:// is not a valid http or https URL", "不是有效的 http 或 https 网址"),
            ]
            for (index, item) in expected.enumerated() {
                #expect(english[index].contains(item.en), "\(inputs[index]): \(english[index])")
                #expect(chinese[index].contains(item.zh), "\(inputs[index]): \(chinese[index])")
            }
            #expect((lines.last?["findings"] as? [Any])?.count == 3)
            // As text: one line on standard error per input, in both languages.
            let text = try run(["check", server.url("/status/404")])
            #expect(text.status == 2)
            #expect(text.stderr == "beian: \(server.url("/status/404")): 无法读取 \(server.url("/status/404"))：服务器返回 HTTP 404 / cannot read \(server.url("/status/404")): the server answered HTTP 404\n")
        }
    }

    @Test func fetchOptionsAreChecked() throws {
        #expect(try run(["check", "--timeout", "0", "http://127.0.0.1:1/"]).status == 64)
        #expect(try run(["check", "--max-size", "0", "http://127.0.0.1:1/"]).status == 64)
        #expect(try run(["scan", "--timeout", "x", "--urls", "-"]).status == 64)
    }

    /// No cookie jar, no URL cache: a fetch leaves HOME, the cache folder and the working
    /// folder as they were.
    @Test func fetchingWritesNothingToDisk() throws {
        try withServer { server in
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("beian-live-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: folder) }
            let result = try run(["check", "--format", "json", server.url("/redirect/3/utf8.html")],
                                 environment: ["HOME": folder.path, "XDG_CACHE_HOME": folder.path, "TMPDIR": folder.path],
                                 directory: folder)
            #expect(result.status == 0)
            #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty)
        }
    }

    /// 200 pages on one host with --jobs 8: the server never sees more than two at once (and
    /// does see two: the fetches do overlap), and each page comes back exactly once.
    @Test func scanURLsKeepsTwoRequestsPerHostAndReturnsEveryPageOnce() throws {
        try withServer { server in
            let token = "many"
            let urls = (0..<200).map { server.url("/count/\(token)/\($0)") }
            let list = "# 200 pages\n\n" + urls.enumerated().map { $0.offset % 50 == 0 ? "  \($0.element)  \r" : $0.element }.joined(separator: "\n") + "\n"
            let result = try run(["scan", "--urls", "-", "--jobs", "8"], stdin: list)
            #expect(result.status == 0, "\(result.stderr)")
            let lines = try objects(result.stdout)
            #expect(lines.count == 200)
            #expect(lines.compactMap { $0["source"] as? String }.sorted() == urls.sorted())
            for line in lines {
                let source = try #require(line["source"] as? String)
                let index = try #require(Int(source.split(separator: "/").last!))
                #expect(line["type"] as? String == "finding" && line["number"] as? String == String(20_000_000 + index))
                let url = try #require(line["url"] as? [String: Any])
                #expect(url["requested"] as? String == source && url["final"] as? String == source && url["status"] as? Int == 200)
            }
            let stats = try server.stats(token)
            #expect(stats.requests.count == 200)
            #expect(stats.maxInFlight == 2)
            // --jobs 1: one at a time.
            let single = try run(["scan", "--jobs", "1", "--urls", "-"], stdin: (0..<12).map { server.url("/count/one/\($0)") }.joined(separator: "\n"))
            #expect(single.status == 0)
            #expect(try server.stats("one").maxInFlight == 1)
        }
    }

    /// URL arguments and --urls FILE together; a page without findings gives a document line
    /// with its url; failures go to standard error in both languages, the rest goes on, exit 2.
    @Test func scanMixesURLArgumentsAListAndFiles() throws {
        try withServer { server in
            let list = FileManager.default.temporaryDirectory.appendingPathComponent("beian-urls-\(UUID().uuidString).txt")
            try "# pages\n\(server.url("/page/nothing.html"))\nnot-a-url\n\(server.url("/status/404"))\n".write(to: list, atomically: true, encoding: .utf8)
            defer { try? FileManager.default.removeItem(at: list) }
            let result = try run(["scan", "--urls", list.path, server.url("/page/relative.html"), "Samples/ichongqing.txt"])
            #expect(result.status == 2)
            #expect(result.stderr.contains("not-a-url 不是有效的 http 或 https 网址 / not-a-url is not a valid http or https URL"))
            #expect(result.stderr.contains("服务器返回 HTTP 404 / cannot read \(server.url("/status/404")): the server answered HTTP 404"))
            let lines = try objects(result.stdout)
            let document = try #require(lines.first { $0["source"] as? String == server.url("/page/nothing.html") })
            #expect(document["type"] as? String == "document")
            #expect((document["url"] as? [String: Any])?["status"] as? Int == 200)
            #expect((document["issues"] as? [[String: Any]])?.first?["code"] as? String == "no_findings")
            let relative = lines.filter { $0["source"] as? String == server.url("/page/relative.html") }
            #expect(relative.map(codes) == [["no_miit_link"], []])
            let file = lines.filter { $0["source"] as? String == "Samples/ichongqing.txt" }
            #expect(file.count == 3 && file.allSatisfy { $0["url"] is NSNull })
            // Only URLs, none of them good: exit 2, no output, and standard input is not read as a page.
            let none = try run(["scan", "--urls", list.path], stdin: "京ICP备05002571号")
            #expect(none.status == 2)
            #expect(!none.stdout.contains("05002571"))
        }
    }
}

extension LiveCLITests {
    /// Text reports of a page that redirected say where the redirects led.
    @Test func textReportsSayWhereRedirectsLed() throws {
        let server = try Server()
        defer { server.stop() }
        let result = try run(["check", "--lang", "en", server.url("/redirect/2/utf8.html")])
        #expect(result.status == 0)
        #expect(result.stdout.hasPrefix("\(server.url("/redirect/2/utf8.html"))  valid  3 findings\n  redirected to  \(server.url("/redirect/0/utf8.html"))  [HTTP 200]\n"))
        let both = try run(["check", server.url("/redirect/1/utf8.html")])
        #expect(both.stdout.contains("\n  重定向到 / redirected to  \(server.url("/redirect/0/utf8.html"))  [HTTP 200]\n"))
    }
}

extension LiveCLITests {
    /// The README's live example is what the loopback run prints, with its two URLs written
    /// as the placeholders the README names.
    @Test func readmeShowsALiveCheck() throws {
        let server = try Server()
        defer { server.stop() }
        let result = try run(["check", "--lang", "en", server.url("/redirect/1/relative.html")])
        let shown = result.stdout
            .replacingOccurrences(of: server.url("/redirect/1/relative.html"), with: "https://www.example.cn/")
            .replacingOccurrences(of: server.url("/redirect/0/relative.html"), with: "https://www.example.cn/index.html")
        let readme = try String(contentsOf: CLITests.root.appendingPathComponent("README.md"), encoding: .utf8)
        let command = "$ beian check --lang en https://www.example.cn/\n"
        let start = try #require(readme.range(of: "```\n" + command))
        let end = try #require(readme.range(of: "```\n", range: start.upperBound..<readme.endIndex))
        #expect(String(readme[start.upperBound..<end.lowerBound]) == shown)
    }
}
