import ArgumentParser
import Beian
#if canImport(Glibc)
import Glibc
#endif

/// `beian serve`: one process for a crawler's lifetime. Requests are JSON lines on standard
/// input (the page records of `--input jsonl`, with an optional `"required"`); each gets
/// exactly one response line, in order, written as soon as it is ready.
struct Serve: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "常驻进程：从标准输入逐行读取页面请求，逐行回应检查结果 / A long-lived process: page requests as JSON lines on standard input, one report line each on standard output.",
        discussion: """
        请求 / Request: {"url" | "id", "body" | "body_base64", "content_type"?, "required"?: [KIND…]}
        回应 / Response: {"id", "schema_version", "source", "url", "record", "format", "encoding", "findings", "issues", "valid"} \
        （同 check --format json / as check --format json）；错误请求 / a bad request: {"id", "error": {"zh", "en"}}，进程继续 / and the process goes on.
        每行回应后立即写出；输入结束时以 0 退出。/ Each response is written at once; at end of input the process exits 0.
        """
    )

    @OptionGroup var scanning: ScannerOptions

    @Option(help: "标准错误上消息的语言 / Language of messages on standard error: zh, en or both.")
    var lang: LanguageChoice = .both

    func run() throws {
        let scanner = try scanning.scanner(languages: lang.languages)
        let requests = JSONLinesReader(fileDescriptor: 0, name: "-")
        let response = JSONWriter(capacity: 1 << 16)
        while let event = requests.next() {
            response.reset()
            switch event {
            case .record(let page):
                let report = scanner.check(page)
                ReportJSON.write(report: report, id: page.origin.id, to: response)
            case .error(_, let error):
                ReportJSON.writeError(error.message, id: error.id, to: response)
            case .problem(let problem):
                // Damaged gzip input: no request to answer; said on standard error.
                Console.shared.error(problem.message, source: problem.file, languages: lang.languages)
                continue
            }
            response.endLine()
            response.withBytes { Console.writeAll(1, $0) }
        }
    }
}
