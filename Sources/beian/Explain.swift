import ArgumentParser
import Beian
#if canImport(Glibc)
import Glibc
#endif

/// `beian explain STRING`: every identifier in the string, field by field, in both languages.
/// Exits 0 when all are valid, 1 when one is invalid or none is recognised, 2 when ICU is missing.
struct Explain: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "逐项解释一个备案号或许可证号 / Explain one registration or licence string, part by part.",
        discussion: """
        例 / Example: beian explain '京公网安备 11010802020088号'
        退出码 / Exit status: 0 有效 valid; 1 无效或未识别 invalid or not recognised.
        """
    )

    @Argument(help: "要解释的字符串（可含标签，如「统一社会信用代码：…」）/ The string to explain (labels allowed, e.g. \"统一社会信用代码：…\").")
    var string: String

    @OptionGroup var scanning: ScannerOptions
    @OptionGroup var output: OutputOptions

    func run() throws {
        let scanner = try scanning.scanner(languages: output.lang.languages)
        let explanations = scanner.check(string).findings.map(Explanation.init)
        switch output.format {
        case .json:
            print(ReportJSON.value(explaining: string, explanations).serialized())
        case .text:
            let renderer = TextReport(languages: output.lang.languages, color: isatty(1) == 1 && getenv("NO_COLOR") == nil)
            if explanations.isEmpty {
                let message = Bilingual(zh: "未识别出备案号、许可证号或举报电话", en: "no registration, licence or hotline recognised")
                print(output.lang.languages.map { message.text(in: $0) }.joined(separator: " / "))
            }
            print(explanations.map { renderer.render($0) }.joined(separator: "\n"), terminator: "")
        }
        if explanations.isEmpty || !explanations.allSatisfy(\.finding.isValid) { throw ExitCode(1) }
    }
}
