// beian-bench: Beian's speed, accuracy and memory, measured in one run on one machine.
//
//     swift run -c release beian-bench                 # everything (≈ 5 minutes)
//     swift run -c release beian-bench --quick         # without the 2 GB stream and the 1 GB line
//     swift run -c release beian-bench --megabytes 128 --corpus /tmp/corpus
//
// It writes a deterministic corpus with its ground truth (truth.jsonl) to the corpus folder,
// so other tools (Python `re`, see README) can be measured on the same pages.
import Beian
import Foundation
#if canImport(Glibc)
import Glibc
#endif

struct Options {
    var corpus = ".build/bench-corpus"
    var megabytes = 64
    var quick = false
    var streamGigabytes = 2
    var libraryOnly = false

    init(_ arguments: [String]) {
        var iterator = arguments.dropFirst().makeIterator()
        while let argument = iterator.next() {
            switch argument {
            case "--corpus": corpus = iterator.next() ?? corpus
            case "--megabytes": megabytes = Int(iterator.next() ?? "") ?? megabytes
            case "--stream-gigabytes": streamGigabytes = Int(iterator.next() ?? "") ?? streamGigabytes
            case "--quick": quick = true
            case "--library-only": libraryOnly = true
            default:
                FileHandle.standardError.write(Data("usage: beian-bench [--quick] [--library-only] [--megabytes N] [--corpus DIR] [--stream-gigabytes N]\n".utf8))
                exit(64)
            }
        }
    }
}

let options = Options(CommandLine.arguments)
let scanner = try BeianScanner(referenceYear: 2026)
// Profiling aid: `--library-only` on an existing corpus folder reads it instead of generating.
if options.libraryOnly, let names = try? FileManager.default.contentsOfDirectory(atPath: options.corpus + "/pages"), !names.isEmpty {
    let pages = try names.sorted().map { Array(try Data(contentsOf: URL(fileURLWithPath: options.corpus + "/pages/" + $0))) }
    let total = pages.reduce(0) { $0 + $1.count }
    var time = Double.infinity
    for _ in 0..<5 { time = min(time, seconds { for page in pages { _ = scanner.check(page) } }) }
    print(String(format: "library, %d pages from %@: %.3f s  %.0f MB/s", pages.count, options.corpus, time, Double(total) / 1e6 / time))
    exit(0)
}

let executableFolder = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
let beianPath = executableFolder.appendingPathComponent("beian").path
let patternFile = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("rg-pattern.txt").path

func line(_ text: String) {
    print(text)
    fflush(nil)
}

func rate(_ bytes: Int, _ seconds: Double) -> String { String(format: "%.0f MB/s", megabytes(bytes) / seconds) }

line("# beian-bench — \(cpuModel()), \(ProcessInfo.processInfo.activeProcessorCount) cores, AVX2 loop: \(BeianScanner.usesAVX2 ? "yes" : "no")")

// MARK: Corpus

var generator = CorpusGenerator(seed: 2026)
var pages: [Page] = []
let generation = seconds { pages = generator.corpus(totalBytes: options.megabytes * 1_000_000) }
let corpusBytes = pages.reduce(0) { $0 + $1.bytes.count }
let pagesFolder = URL(fileURLWithPath: options.corpus).appendingPathComponent("pages")
try? FileManager.default.removeItem(at: pagesFolder)
try FileManager.default.createDirectory(at: pagesFolder, withIntermediateDirectories: true)
var truthLines = ""
for page in pages {
    try Data(page.bytes).write(to: pagesFolder.appendingPathComponent(page.name))
    for planted in page.truth {
        truthLines += "{\"file\":\"\(page.name)\",\"encoding\":\"\(page.encoding)\",\"kind\":\"\(planted.kind)\",\"start\":\(planted.start),\"end\":\(planted.end),\"number\":\"\(planted.number)\"}\n"
    }
}
try Data(truthLines.utf8).write(to: URL(fileURLWithPath: options.corpus).appendingPathComponent("truth.jsonl"))
let plantedCount = pages.reduce(0) { $0 + $1.truth.count }
let gbkPages = pages.filter { $0.encoding != "UTF-8" }.count
line(String(format: "corpus: %d pages (%d in GBK), %.1f MB, %d registrations planted; generated in %.1f s → %@",
            pages.count, gbkPages, megabytes(corpusBytes), plantedCount, generation, options.corpus))

// MARK: Library, one core

var reports: [Report] = []
_ = pages.prefix(20).map { scanner.check($0.bytes) }  // warm-up
let libraryTime = best(of: 3) { reports = pages.map { scanner.check($0.bytes) } }
line("")
line("## Library scanner, one core (BeianScanner.check per page, best of 3)")
line(String(format: "%.3f s  %@", libraryTime, rate(corpusBytes, libraryTime)))

if options.libraryOnly { exit(0) }

// MARK: Accuracy

var matched = 0, found = 0
var misses: [String] = [], extras: [String] = []
for (page, report) in zip(pages, reports) {
    let truth = Set(page.truth)
    let got = Set(report.findings.map { Planted(kind: $0.kind.rawValue, start: $0.start, end: $0.end, number: $0.number) })
    matched += truth.intersection(got).count
    found += got.count
    for miss in truth.subtracting(got).prefix(2) where misses.count < 5 {
        let text = TextEncoding.decode(Array(page.bytes[miss.start..<miss.end]), as: page.encoding) ?? "?"
        misses.append("\(page.name) \(miss.kind) \(miss.start)..<\(miss.end) \(text)")
    }
    for extra in got.subtracting(truth).prefix(2) where extras.count < 5 {
        extras.append("\(page.name) \(extra.kind) \(extra.start)..<\(extra.end) \(extra.number)")
    }
}
let recall = Double(matched) / Double(max(plantedCount, 1))
let precision = Double(matched) / Double(max(found, 1))
line("")
line("## Accuracy against the ground truth, matching (kind, start, end, number)")
line(String(format: "recall %.4f (%d of %d)   precision %.4f (%d of %d)", recall, matched, plantedCount, precision, matched, found))
for miss in misses { line("  missed: \(miss)") }
for extra in extras { line("  extra:  \(extra)") }

// MARK: Command line over the folder, and baselines

line("")
line("## Over the corpus folder (wall time, best of 3)")
var table: [(String, Double, Int)] = []
if FileManager.default.isExecutableFile(atPath: beianPath) {
    var status: Int32 = 0
    let time = best(of: 3) {
        let run = runChild(beianPath, ["scan", "--format", "jsonl", pagesFolder.path])
        status = run.status
    }
    table.append(("beian scan (2 cores)", time, corpusBytes))
    line(String(format: "beian scan --format jsonl      %.3f s  %@  (exit %d)", time, rate(corpusBytes, time), status))
} else {
    line("beian scan: \(beianPath) not built; run `swift build -c release` first")
}
let rg = which("rg")
var rgTime: Double?
if let rg {
    let time = best(of: 3) { _ = runChild(rg, ["-o", "-f", patternFile, pagesFolder.path]) }
    rgTime = time
    line(String(format: "rg -o -f rg-pattern.txt        %.3f s  %@", time, rate(corpusBytes, time)))
} else {
    line("rg: not installed (apt-get install ripgrep) — skipped")
}
if let rgTime, let ours = table.first {
    line(String(format: "beian scan is %.1f× as fast as rg -o", rgTime / ours.1))
}
// The faults issue's bound for the folder scan: start-up plus 1.2 × the corpus divided by
// twice the library's one-core speed (both cores busy, nothing else serial).
if let ours = table.first {
    let footer = URL(fileURLWithPath: options.corpus).appendingPathComponent("startup-footer.txt")
    try Data("京ICP备05002571号-1\n".utf8).write(to: footer)
    let startups = (0..<11).map { _ in runChild(beianPath, ["scan", "--format", "jsonl", footer.path]).seconds }.sorted()
    let startup = startups[startups.count / 2]
    let bound = startup + 1.2 * libraryTime / 2
    line(String(format: "bound: start-up %.3f s + 1.2 × %.3f s / 2 = %.3f s; beian scan took %.3f s (%.2f× the bound, target ≤ 1)",
                startup, libraryTime, bound, ours.1, ours.1 / bound))
}

line("")
line("## Regex baselines, one core (the pattern in rg-pattern.txt, pages decoded as UTF-8)")
let patternText = try String(contentsOfFile: patternFile, encoding: .utf8)
    .split(separator: "\n").filter { !$0.isEmpty }.joined(separator: "|")
let strings = pages.map { String(decoding: $0.bytes, as: UTF8.self) }
let expression = try NSRegularExpression(pattern: patternText)
var nsMatches = 0
let nsTime = best(of: 1) {
    nsMatches = strings.reduce(0) { $0 + expression.numberOfMatches(in: $1, range: NSRange($1.startIndex..., in: $1)) }
}
line(String(format: "NSRegularExpression   %.3f s  %@  (%d matches)  library is %.0f× faster",
            nsTime, rate(corpusBytes, nsTime), nsMatches, nsTime / libraryTime))
// Swift Regex is far slower; it runs on the first 8 MB and the rate is per MB of that.
let regex = try Regex(patternText)
var regexBytes = 0, regexMatches = 0
let regexTime = seconds {
    for string in strings where regexBytes < 8_000_000 {
        regexMatches += string.matches(of: regex).count
        regexBytes += string.utf8.count
    }
}
line(String(format: "Swift Regex           %.3f s for %.1f MB  %@  (%d matches)  library is %.0f× faster",
            regexTime, megabytes(regexBytes), rate(regexBytes, regexTime), regexMatches,
            (regexTime / Double(regexBytes)) / (libraryTime / Double(corpusBytes))))

// MARK: Crawl records (the crawl-records issue)

if FileManager.default.isExecutableFile(atPath: beianPath) {
    let corpusFolder = URL(fileURLWithPath: options.corpus)
    var warc: [UInt8] = []
    var plainRecords = 0
    for (index, page) in pages.enumerated() {
        let record = CrawlCorpus.warcRecord(page, index: index)
        plainRecords += record.count
        warc += try CrawlCorpus.gzipMember(record)
    }
    let warcPath = corpusFolder.appendingPathComponent("corpus.warc.gz").path
    try Data(warc).write(to: URL(fileURLWithPath: warcPath))
    let jsonlPath = corpusFolder.appendingPathComponent("corpus.jsonl").path
    try Data(CrawlCorpus.jsonLines(pages)).write(to: URL(fileURLWithPath: jsonlPath))
    line("")
    line(String(format: "## Crawl records: the corpus as a per-record WARC.gz (%.1f MB compressed, %.1f MB of records) and as JSON lines (wall time, best of 3)",
                megabytes(warc.count), megabytes(plainRecords)))
    var warcRun = ChildRun(seconds: .infinity, peakRSSKilobytes: 0, status: 0)
    var zcatTime = Double.infinity
    for _ in 0..<3 {
        let run = runChild(beianPath, ["scan", "--format", "jsonl", warcPath])
        if run.seconds < warcRun.seconds { warcRun = run }
        zcatTime = min(zcatTime, runChild("/bin/zcat", [warcPath]).seconds)
    }
    line(String(format: "beian scan FILE.warc.gz   %.3f s  %@ of page bodies  peak RSS %.1f MB  (exit %d)", warcRun.seconds,
                rate(corpusBytes, warcRun.seconds), Double(warcRun.peakRSSKilobytes) / 1024, warcRun.status))
    line(String(format: "zcat FILE.warc.gz          %.3f s  — beian takes %.2f× zcat's time (target ≤ 1.5)", zcatTime, warcRun.seconds / zcatTime))
    let jsonlTime = best(of: 3) { _ = runChild(beianPath, ["scan", "--format", "jsonl", jsonlPath]) }
    line(String(format: "beian scan FILE.jsonl      %.3f s  %@ of page bodies", jsonlTime, rate(corpusBytes, jsonlTime)))

    // beian serve: each page a request, after start-up.
    let session = try ServeSession(binary: beianPath)
    _ = session.roundTrip(Array(#"{"body":"warm-up"}"#.utf8))
    var latencies: [Double] = []
    let requests = CrawlCorpus.jsonLines(pages).split(separator: 0x0A).map(Array.init)
    let serveTime = seconds { for request in requests { latencies.append(session.roundTrip(request)) } }
    session.close()
    latencies.sort()
    let meanSize = Double(corpusBytes) / Double(pages.count) / 1000
    line("")
    line(String(format: "## beian serve: %d requests (pages of %.0f KB on average), one at a time after start-up", requests.count, meanSize))
    line(String(format: "median %.2f ms  99th percentile %.2f ms  %.0f requests/s  (target: median ≤ 1 ms for a 100 KB page)",
                latencies[latencies.count / 2] * 1000, latencies[latencies.count * 99 / 100] * 1000, Double(requests.count) / serveTime))

    if !options.quick {
        // Peak memory over a 1 GB WARC.gz: the corpus's members repeated.
        let bigPath = corpusFolder.appendingPathComponent("big.warc.gz").path
        guard FileManager.default.createFile(atPath: bigPath, contents: nil) else {
            line("cannot create \(bigPath)")
            exit(2)
        }
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: bigPath))
        var written = 0
        while written < 1_000_000_000 {
            handle.write(Data(warc))
            written += warc.count
        }
        try handle.close()
        let run = runChild(beianPath, ["scan", "--format", "jsonl", bigPath])
        line(String(format: "1 GB WARC.gz (%.1f GB of records): %.1f s  peak RSS %.1f MB  (exit %d)", Double(written) / Double(warc.count) * Double(plainRecords) / 1e9,
                    run.seconds, Double(run.peakRSSKilobytes) / 1024, run.status))
        try? FileManager.default.removeItem(atPath: bigPath)
    }
}

// MARK: Cost per finding and start-up (the faults issue's rows 6 and 8)

if FileManager.default.isExecutableFile(atPath: beianPath) {
    // 645 161 public security filings, all different, 20 MB with no other text.
    let dense = Array((0..<645_161).map { String(format: "XX公网安备1101080%07d号", $0) }.joined().utf8)
    let densePath = URL(fileURLWithPath: options.corpus).appendingPathComponent("dense.txt").path
    try Data(dense).write(to: URL(fileURLWithPath: densePath))
    line("")
    line(String(format: "## Dense findings: %.0f MB, 645 161 findings, output to /dev/null (wall time, best of 3)", megabytes(dense.count)))
    let denseRuns: [(String, [String], Bool)] = [
        ("beian scan --format jsonl FILE", ["scan", "--format", "jsonl", densePath], false),
        ("beian scan --format jsonl -", ["scan", "--format", "jsonl", "-"], true),
        ("beian check --format json FILE", ["check", "--format", "json", densePath], false),
    ]
    for (name, arguments, piped) in denseRuns {
        var fastest = ChildRun(seconds: .infinity, peakRSSKilobytes: 0, status: 0)
        for _ in 0..<3 {
            let run = runChild(beianPath, arguments, feed: piped ? { fd in dense.withUnsafeBytes { writeAll(fd, $0) } } : nil)
            if run.seconds < fastest.seconds { fastest = run }
        }
        line(String(format: "%-32@ %.2f s  %.0f findings/s  peak RSS %.1f MB  (exit %d)", name as NSString, fastest.seconds,
                    645_161 / fastest.seconds, Double(fastest.peakRSSKilobytes) / 1024, fastest.status))
    }

    // Start-up: a one-line footer against --help, medians of 31 runs each, interleaved.
    let footerPath = URL(fileURLWithPath: options.corpus).appendingPathComponent("footer.txt").path
    try Data("京ICP备05002571号-1\n".utf8).write(to: URL(fileURLWithPath: footerPath))
    var helpTimes: [Double] = [], checkTimes: [Double] = []
    for _ in 0..<31 {
        helpTimes.append(runChild(beianPath, ["--help"]).seconds)
        checkTimes.append(runChild(beianPath, ["check", footerPath]).seconds)
    }
    let median = { (times: [Double]) in times.sorted()[times.count / 2] }
    line("")
    line("## Start-up (medians of 31 runs, interleaved)")
    line(String(format: "beian --help %.1f ms   beian check FOOTER %.1f ms   ratio %.2f (target ≤ 1.5)",
                median(helpTimes) * 1000, median(checkTimes) * 1000, median(checkTimes) / median(helpTimes)))
}

// MARK: Streams: memory and adversarial input

/// Feeds `total` bytes made by `fill` to a BeianStream in 1 MiB pieces; seconds taken.
func streamTime(total: Int, fill: (inout [UInt8], Int) -> Void) -> Double {
    var piece = [UInt8](repeating: 0, count: 1 << 20)
    var produced = 0
    var findings = 0
    let stream = BeianStream(scanner: scanner)
    return seconds {
        while produced < total {
            let count = min(piece.count, total - produced)
            fill(&piece, produced)
            findings += piece.withUnsafeBytes { stream.feed(UnsafeRawBufferPointer(rebasing: $0[0..<count])).count }
            produced += count
        }
        findings += stream.finish().count
    }
}

/// Repeats `unit` to fill pieces, continuing where the last piece stopped.
func repeating(_ unit: [UInt8]) -> (inout [UInt8], Int) -> Void {
    { piece, produced in
        for index in piece.indices { piece[index] = unit[(produced + index) % unit.count] }
    }
}

let concatenated = pages.flatMap(\.bytes)
let normalTime = streamTime(total: concatenated.count) { piece, produced in
    for index in piece.indices { piece[index] = concatenated[(produced + index) % concatenated.count] }
}
let normalPerMB = normalTime / megabytes(concatenated.count)
line("")
line("## Adversarial input, BeianStream in 1 MiB pieces (time per MB ÷ the corpus's)")
line(String(format: "corpus as one stream     %.2f ms/MB", normalPerMB * 1000))
var adversarial: [(String, Int, [UInt8])] = [
    ("1 MB of 备", 1_000_000, Array("备".utf8)),
    ("100 MB of 京ICP备", 100_000_000, Array("京ICP备".utf8)),
    ("100 MB of 京ICP备1", 100_000_000, Array("京ICP备1".utf8)),
    ("50 MB of 举报电话：0", 50_000_000, Array("举报电话：0".utf8)),
    ("50 MB of &#", 50_000_000, Array("&#".utf8)),
]
if !options.quick {
    // A minified page with no line break, repeated to 1 GB.
    let flat = concatenated.prefix(4_000_000).map { $0 == 0x0A ? 0x20 : $0 }
    adversarial.append(("one 1 GB line", 1_000_000_000, Array(flat)))
}
for (name, total, unit) in adversarial {
    let repeats = total < 10_000_000 ? 20 : 1
    let time = best(of: repeats) { _ = streamTime(total: total, fill: repeating(unit)) }
    let perMB = time / megabytes(total)
    line(String(format: "%-22@ %.2f ms/MB  ratio %.2f", name as NSString, perMB * 1000, perMB / normalPerMB))
}

if !options.quick, FileManager.default.isExecutableFile(atPath: beianPath) {
    let total = options.streamGigabytes * 1_000_000_000
    let run = runChild(beianPath, ["scan", "--format", "jsonl", "-"]) { fd in
        var sent = 0
        concatenated.withUnsafeBytes { all in
            while sent < total {
                let count = min(all.count, total - sent)
                writeAll(fd, UnsafeRawBufferPointer(rebasing: all[0..<count]))
                sent += count
            }
        }
    }
    line("")
    line("## beian scan - reading a \(options.streamGigabytes) GB stream (the corpus repeated) from stdin")
    line(String(format: "%.1f s  %@  peak RSS %.1f MB  (exit %d)", run.seconds, rate(total, run.seconds),
                Double(run.peakRSSKilobytes) / 1024, run.status))
}
