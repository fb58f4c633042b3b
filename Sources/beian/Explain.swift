import ArgumentParser
import Beian
#if canImport(Glibc)
import Glibc
#endif

/// `beian explain STRING`: every identifier in the string, field by field, in both languages.
/// A bare value is read too: an 18-character code as a USCC, a run of digits as the one kind
/// it fits, or as the kind `--kind` names. Exits 0 when all are valid, 1 when one is invalid,
/// none is recognised or a bare value fits several kinds, 2 when ICU is missing.
struct Explain: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain",
        abstract: "逐项解释一个备案号或许可证号 / Explain one registration or licence string, part by part.",
        discussion: """
        例 / Example: beian explain '京公网安备 11010802020088号'
                      beian explain 91350211M0000XUF46
                      beian explain --kind news_licence 11120170012
        退出码 / Exit status: 0 有效 valid; 1 无效、未识别或可能是多种类型 invalid, not recognised, or several kinds fit.
        """
    )

    @Argument(help: "要解释的字符串或单个号码（可含标签，如「统一社会信用代码：…」）/ The string or bare value to explain (labels allowed, e.g. \"统一社会信用代码：…\").")
    var string: String

    @Option(help: ArgumentHelp("按此类型读取号码 / Read the value as this kind.", valueName: "KIND"))
    var kind: Kind?

    @OptionGroup var scanning: ScannerOptions
    @OptionGroup var output: OutputOptions

    func run() throws {
        let scanner = try scanning.scanner(languages: output.lang.languages)
        var findings: [Finding]
        if let kind {
            findings = kind.parse(string, using: scanner).map { [$0] } ?? []
        } else {
            findings = scanner.check(string).findings
            if findings.isEmpty {
                findings = scanner.readings(ofBareValue: string)
                if findings.count > 1 { try reportCandidates(findings.map(\.kind)) }
            }
        }
        let explanations = findings.map(Explanation.init)
        switch output.format {
        case .json:
            print(ReportJSON.value(explaining: string, explanations).serialized())
        case .text:
            let renderer = TextReport(languages: output.lang.languages, color: isatty(1) == 1 && getenv("NO_COLOR") == nil)
            if explanations.isEmpty {
                let message = kind.map { Bilingual(zh: "不能读作\($0.names.zh)", en: "not readable as a \($0.names.en)") }
                    ?? Bilingual(zh: "未识别出备案号、许可证号或举报电话", en: "no registration, licence or hotline recognised")
                print(output.lang.languages.map { message.text(in: $0) }.joined(separator: " / "))
            }
            print(explanations.map { renderer.render($0) }.joined(separator: "\n"), terminator: "")
        }
        if explanations.isEmpty || !explanations.allSatisfy(\.finding.isValid) { throw ExitCode(1) }
    }

    /// A bare value that fits several kinds: lists them (choose one with --kind) and exits 1.
    private func reportCandidates(_ kinds: [Kind]) throws -> Never {
        switch output.format {
        case .json:
            print(ReportJSON.value(explaining: string, candidates: kinds).serialized())
        case .text:
            let message = Bilingual(zh: "这个号码可能是以下几种之一，请用 --kind 指定：", en: "the value fits several kinds; choose one with --kind:")
            print(output.lang.languages.map { message.text(in: $0) }.joined(separator: " / "))
            for kind in kinds {
                print("  \(kind.rawValue)  " + output.lang.languages.map { kind.names.text(in: $0) }.joined(separator: " / "))
            }
        }
        throw ExitCode(1)
    }
}

extension Kind: ExpressibleByArgument {}
