import ArgumentParser
import Beian

/// How results are printed.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case text
    case json
}

/// Which language text output uses; both by default.
enum LanguageChoice: String, ExpressibleByArgument, CaseIterable {
    case zh
    case en
    case both

    var languages: [Language] {
        switch self {
        case .zh: [.zh]
        case .en: [.en]
        case .both: [.zh, .en]
        }
    }
}

struct OutputOptions: ParsableArguments {
    @Option(help: "输出格式 / Output format: text or json (one JSON object per input, one per line).")
    var format: OutputFormat = .text

    @Option(help: "文本输出的语言 / Language of text output: zh, en or both.")
    var lang: LanguageChoice = .both
}
