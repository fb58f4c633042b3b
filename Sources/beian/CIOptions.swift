import ArgumentParser
import Beian

/// `beian check`'s output formats: for people, for programs, and for CI systems.
enum CheckFormat: String, ExpressibleByArgument, CaseIterable {
    case text
    case json
    case sarif
    case github
    case junit
}

/// `--fail-on`: the least severe issue that fails a run.
enum FailOn: String, ExpressibleByArgument, CaseIterable {
    case error
    case warning
    case info

    var severity: Severity {
        switch self {
        case .error: .error
        case .warning: .warning
        case .info: .info
        }
    }
}

/// `--glob`, as ripgrep's `-g`.
struct GlobOptions: ParsableArguments {
    @Option(name: .customLong("glob"), help: ArgumentHelp(
        "目录中要读取的文件（可重复；!PATTERN 排除；正向 glob 取代默认）/ Files to read in folders (repeatable; !PATTERN excludes; a positive glob replaces the defaults).",
        valueName: "PATTERN"))
    var globs: [String] = []
}

/// `beian check`'s output and CI options.
struct CheckOutputOptions: ParsableArguments {
    @Option(help: "输出格式 / Output format: text, json (one object per input, one per line), sarif (SARIF 2.1.0), github (workflow annotations), junit (JUnit XML).")
    var format: CheckFormat = .text

    @Option(help: "消息的语言（文本、SARIF、注解、JUnit）/ Language of the messages (text, SARIF, annotations, JUnit): zh, en or both.")
    var lang: LanguageChoice = .both

    @Option(help: ArgumentHelp("导致失败（退出码 1）的最低严重级别 / The least severe issue that fails the run (exit status 1): error, warning or info.",
                               valueName: "SEVERITY"))
    var failOn: FailOn = .error

    @OptionGroup var glob: GlobOptions

    @OptionGroup var input: InputOptions
}
