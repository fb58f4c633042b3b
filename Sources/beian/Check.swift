import ArgumentParser
import Beian
#if canImport(Glibc)
import Glibc
#endif

/// `beian check`: each input is one document (a file, standard input, or a page fetched over
/// HTTP); prints its findings and exits 0 (all valid), 1 (an input has an error) or 2 (an
/// input could not be read).
struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "检查页脚或页面中的备案号、许可证号和举报电话 / Check the registrations, licences and hotlines in footers or pages.",
        discussion: """
        以 http:// 或 https:// 开头的参数作为网页抓取（重定向最多 5 次；非 2xx、超时或超过 --max-size 视为无法读取）。
        Arguments starting with http:// or https:// are fetched as pages (at most 5 redirects; \
        a status other than 2xx, a timeout or a body over --max-size makes the input unreadable).
        退出码 / Exit status: 0 全部有效 all valid; 1 有错误 an input has an error; 2 有输入无法读取 an input could not be read.
        """
    )

    @Argument(help: "文件或网址；无或 - 表示标准输入 / Files or http(s) URLs; none or - reads standard input.")
    var files: [String] = []

    @Option(name: .customLong("require"), help: ArgumentHelp(
        "缺少即报错的类型 / Kinds whose absence is an error (missing_required).",
        valueName: "KIND[,KIND…]"))
    var required: [KindList] = []

    @OptionGroup var scanning: ScannerOptions
    @OptionGroup var encoding: EncodingOptions
    @OptionGroup var output: OutputOptions
    @OptionGroup var fetching: FetchOptions

    func run() throws {
        let scanner = try scanning.scanner(languages: output.lang.languages)
        let requiredKinds = required.reduce(into: Set<Kind>()) { $0.formUnion($1.kinds) }
        let renderer = TextReport(languages: output.lang.languages, color: isatty(1) == 1 && getenv("NO_COLOR") == nil)
        var unreadable = false
        var invalid = false
        let fetcher = files.contains(where: PageFetcher.isURL) ? fetching.fetcher() : nil
        for path in files.isEmpty ? ["-"] : files {
            do {
                let report: Report
                if let fetcher, PageFetcher.isURL(path) {
                    let page = try fetcher.fetch(path).get()
                    var checked = scanner.check(page.body, source: path, required: requiredKinds, encoding: encoding.encoding?.name,
                                                declaredCharset: page.charset, baseURL: page.url.final)
                    checked.url = page.url
                    report = checked
                } else {
                    let checked = try DocumentReader.check(path: path, scanner: scanner, required: requiredKinds,
                                                           encoding: encoding.encoding?.name)
                    if let size = checked.shrankFrom {
                        unreadable = true
                        Console.shared.error(Bilingual(zh: "文件在读取时变短（读到 \(checked.bytesRead) 字节，原有 \(size) 字节），已检查读到的部分",
                                                       en: "the file shrank while it was read (\(checked.bytesRead) of \(size) bytes); what was read is checked"),
                                             source: path, languages: output.lang.languages)
                    }
                    report = checked.report
                }
                invalid = invalid || !report.isValid
                switch output.format {
                case .json: print(ReportJSON.value(of: report).serialized())
                case .text: print(renderer.render(report), terminator: "")
                }
            } catch {
                unreadable = true
                switch output.format {
                case .json: print(ReportJSON.value(ofError: error, source: path).serialized())
                case .text: Console.shared.error(error.message, source: path, languages: output.lang.languages)
                }
            }
        }
        if unreadable { throw ExitCode(2) }
        if invalid { throw ExitCode(1) }
    }
}
