import ArgumentParser
import Beian
#if canImport(Glibc)
import Glibc
#endif

/// `beian check`: each input is one document (a file, standard input, or a page fetched over
/// HTTP; folders are walked for pages); prints its findings and exits 0 (all valid), 1 (an
/// input has an issue at `--fail-on` or above, by default an error) or 2 (an input could not
/// be read, or a folder held no page).
struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "检查页脚或页面中的备案号、许可证号和举报电话 / Check the registrations, licences and hotlines in footers or pages.",
        discussion: """
        目录递归检查其中的页面和模板（.html .htm .shtml .xhtml .php .jsp .asp .aspx .vue .jsx .tsx .erb .twig .hbs .njk .liquid .ftl .tpl .tmpl，或 --glob）。
        Folders are walked for pages and templates (the extensions above, or --glob); .gitignore is not consulted.
        以 http:// 或 https:// 开头的参数作为网页抓取（重定向最多 5 次；非 2xx、超时或超过 --max-size 视为无法读取）。
        Arguments starting with http:// or https:// are fetched as pages (at most 5 redirects; \
        a status other than 2xx, a timeout or a body over --max-size makes the input unreadable).
        退出码 / Exit status: 0 全部有效 all valid; 1 有错误（或 --fail-on 所指级别的问题）an input has an error (or an issue at --fail-on); \
        2 有输入无法读取或目录中没有页面 an input could not be read, or a folder held no page.
        """
    )

    @Argument(help: "文件、目录或网址；无或 - 表示标准输入 / Files, folders or http(s) URLs; none or - reads standard input.")
    var files: [String] = []

    @Option(name: .customLong("require"), help: ArgumentHelp(
        "缺少即报错的类型 / Kinds whose absence is an error (missing_required).",
        valueName: "KIND[,KIND…]"))
    var required: [KindList] = []

    @OptionGroup var scanning: ScannerOptions
    @OptionGroup var encoding: EncodingOptions
    @OptionGroup var output: CheckOutputOptions
    @OptionGroup var fetching: FetchOptions

    func run() throws {
        let scanner = try scanning.scanner(languages: output.lang.languages)
        let requiredKinds = required.reduce(into: Set<Kind>()) { $0.formUnion($1.kinds) }
        let fetcher = files.contains(where: PageFetcher.isURL) ? fetching.fetcher() : nil
        try SiteCheck(scanner: scanner, required: requiredKinds, encoding: encoding.encoding?.name, options: output, fetcher: fetcher)
            .run(paths: files)
    }
}
