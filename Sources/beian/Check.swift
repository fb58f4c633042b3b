import ArgumentParser
import Beian
#if canImport(Glibc)
import Glibc
#endif

/// `beian check`: each input is one document; prints its findings and exits 0 (all valid),
/// 1 (an input has an error) or 2 (an input could not be read).
struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "检查页脚或页面中的备案号、许可证号和举报电话 / Check the registrations, licences and hotlines in footers or pages.",
        discussion: """
        退出码 / Exit status: 0 全部有效 all valid; 1 有错误 an input has an error; 2 有输入无法读取 an input could not be read.
        """
    )

    @Argument(help: "文件；无或 - 表示标准输入 / Files; none or - reads standard input.")
    var files: [String] = []

    @Option(name: .customLong("require"), help: ArgumentHelp(
        "缺少即报错的类型 / Kinds whose absence is an error (missing_required).",
        valueName: "KIND[,KIND…]"))
    var required: [KindList] = []

    @OptionGroup var scanning: ScannerOptions
    @OptionGroup var encoding: EncodingOptions
    @OptionGroup var output: OutputOptions

    func run() throws {
        let scanner = try scanning.scanner(languages: output.lang.languages)
        let requiredKinds = required.reduce(into: Set<Kind>()) { $0.formUnion($1.kinds) }
        let renderer = TextReport(languages: output.lang.languages, color: isatty(1) == 1 && getenv("NO_COLOR") == nil)
        var unreadable = false
        var invalid = false
        for path in files.isEmpty ? ["-"] : files {
            do {
                let bytes = try DocumentReader.read(path: path)
                let report = scanner.check(bytes, source: path, required: requiredKinds, encoding: encoding.encoding?.name)
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
