import ArgumentParser
import Beian

/// `--timeout` and `--max-size`, for inputs given as `http://` or `https://` URLs.
struct FetchOptions: ParsableArguments {
    @Option(help: ArgumentHelp("每个网页的时限（秒，含重定向）/ Seconds allowed for each page fetched over HTTP, redirects included.",
                               valueName: "SECONDS"))
    var timeout: Double = 20

    @Option(name: .customLong("max-size"), help: ArgumentHelp(
        "网页正文的上限（字节，解压后）/ Largest page body accepted, in bytes, after content decoding.",
        valueName: "BYTES"))
    var maxSize: Int = 16 << 20

    func validate() throws {
        guard timeout > 0, timeout.isFinite else { throw ValidationError("--timeout 必须大于 0 / --timeout must be more than 0") }
        guard maxSize > 0 else { throw ValidationError("--max-size 必须大于 0 / --max-size must be more than 0") }
    }

    func fetcher() -> PageFetcher { PageFetcher(timeout: timeout, maxSize: maxSize) }
}
