import ArgumentParser

/// `--input`: how inputs are read — as pages (`raw`), as crawl records (`warc`, `jsonl`), or
/// decided per input (`auto`).
enum InputFormat: String, ExpressibleByArgument, CaseIterable {
    /// WARC by content (gzip magic, then `WARC/1.`), JSON lines by name (`.jsonl`,
    /// `.jsonl.gz`), other gzip files decompressed as one page, anything else a page; standard
    /// input is read as `raw`.
    case auto
    case warc
    case jsonl
    case raw
}

struct InputOptions: ParsableArguments {
    @Option(help: ArgumentHelp(
        "输入格式：auto（默认；文件按内容识别 WARC，按扩展名识别 .jsonl）、warc、jsonl 或 raw（页面）/ Input format: auto (the default: WARC files by content, JSON lines by a .jsonl or .jsonl.gz name, standard input as raw), warc, jsonl or raw (pages).",
        valueName: "FORMAT"))
    var input: InputFormat = .auto
}
