import ArgumentParser
import Beian

/// `--reference-year`, and the one scanner a command builds from it.
struct ScannerOptions: ParsableArguments {
    @Option(help: ArgumentHelp("年份检查所用的当前年份（默认取系统时钟）/ The current year for year checks (default: the clock's).",
                               valueName: "YEAR"))
    var referenceYear: Int?

    /// The scanner; when ICU cannot be opened, says why on standard error and exits 2.
    func scanner(languages: [Language]) throws -> BeianScanner {
        do {
            return try BeianScanner(referenceYear: referenceYear)
        } catch {
            Console.shared.error(error.message, languages: languages)
            throw ExitCode(2)
        }
    }
}
