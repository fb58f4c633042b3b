import ArgumentParser
import Beian
import Dispatch
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// `beian scan`: many inputs, in parallel, each read as a stream in bounded memory; prints
/// one line per finding. Pages given as URLs (arguments, or `--urls FILE`) are fetched over
/// HTTP, a few at a time. Exit status as grep's: 0 something found, 1 nothing, 2 an input
/// could not be read (after scanning all the others).
struct Scan: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "scan",
        abstract: "扫描文件、目录或爬取数据流中的备案号与许可证 / Scan files, folders or crawl dumps for registrations and licences.",
        discussion: """
        目录递归扫描；- 表示标准输入（可为多个页面拼接的数据流）。含 NUL 字节的二进制文件跳过并在标准错误中注明。
        Folders are scanned recursively; - reads standard input (a stream of pages, e.g. a crawl dump). \
        Binary files (NUL bytes in the first block) are skipped with a note on standard error.
        --urls FILE：每行一个网址（- 表示标准输入，跳过空行和 # 注释），并发抓取（--jobs，默认 4；同一主机最多 2 个）。
        --urls FILE: one URL a line (- reads standard input; blank lines and # comments skipped), \
        fetched concurrently (--jobs, default 4; at most 2 at once to one host).
        退出码 / Exit status: 0 有发现 something found; 1 无发现 nothing found; 2 有输入无法读取 an input could not be read. \
        给出 --fail-on 时 / with --fail-on: 0 无该级别的问题 no issue at that level; 1 有 some; 2 有输入无法读取 an input could not be read.
        """
    )

    @Argument(help: "文件、目录、网址或 -（标准输入）；缺省时读标准输入（若非终端）或当前目录 / Files, folders, http(s) URLs or - (standard input); default: standard input if it is not a terminal, else the current folder.")
    var paths: [String] = []

    @Option(name: .customLong("urls"), help: ArgumentHelp(
        "网址列表文件，每行一个，- 表示标准输入 / A file of URLs to fetch, one a line; - reads standard input.", valueName: "FILE"))
    var urlList: String?

    @Option(help: "输出格式：jsonl（非终端时默认）或 text / Output format: jsonl (the default when stdout is not a terminal) or text.")
    var format: ScanFormat?

    @Option(name: .customLong("require"), help: ArgumentHelp(
        "缺少即报错的类型 / Kinds whose absence is an error (missing_required).", valueName: "KIND[,KIND…]"))
    var required: [KindList] = []

    @OptionGroup var scanning: ScannerOptions

    @Option(help: ArgumentHelp("并行扫描的文件数（默认为核心数）；同时抓取的网页数（默认 4）/ Files scanned in parallel (default: the number of cores); pages fetched at once (default 4).", valueName: "N"))
    var jobs: Int?

    @Flag(help: "不显示进度行 / Do not show the progress line on standard error.")
    var noProgress = false

    @OptionGroup var encoding: EncodingOptions

    @OptionGroup var inputOptions: InputOptions

    @Flag(help: "把标准输入读作一个文档（不按 <!DOCTYPE html 或 <html 分页）/ Read standard input as one document, not split into pages at lines starting <!DOCTYPE html or <html.")
    var whole = false

    @Option(help: "文本输出的语言 / Language of text output: zh, en or both.")
    var lang: LanguageChoice = .both

    @OptionGroup var fetching: FetchOptions

    @OptionGroup var glob: GlobOptions

    @Option(help: ArgumentHelp("以问题而非发现决定退出码：该级别或更严重的问题退出 1 / Exit 1 when an issue at this severity or above is found, instead of grep's status.",
                               valueName: "SEVERITY"))
    var failOn: FailOn?

    func run() throws {
        let scanner = try scanning.scanner(languages: lang.languages)
        let format = format ?? (isatty(1) == 1 ? .text : .jsonl)
        let run = ScanRun(scanner: scanner, format: format, languages: lang.languages,
                          required: required.reduce(into: Set<Kind>()) { $0.formUnion($1.kinds) },
                          encoding: encoding.encoding?.name)
        var pages = paths.filter(PageFetcher.isURL)
        if let urlList { pages += URLList(languages: lang.languages, onError: { run.markUnreadable() }).read(urlList) }
        // Paths as the system names them: an argument that is not UTF-8 keeps its bytes.
        let local = RawPath.arguments(paths).filter { !PageFetcher.isURL($0.display) }
        // With no path: standard input or the current folder, unless URLs were given.
        let inputs = local.isEmpty && pages.isEmpty && urlList == nil ? [RawPath(isatty(0) == 1 ? "." : "-")] : local
        // Made before any other thread runs (see PageFetcher.ephemeralConfiguration).
        let fetcher = pages.isEmpty ? nil : fetching.fetcher()
        let progress = !noProgress && isatty(2) == 1 ? Progress(run: run) : nil
        progress?.start()
        run.failOn = failOn?.severity
        run.input = inputOptions.input
        run.splitsStandardInput = !whole
        let files = SiteWalker(languages: lang.languages, selection: FileSelection(globs: glob.globs, defaultSuffixes: nil),
                               onError: { run.markUnreadable() }).expand(inputs).files
        let workers = max(1, jobs ?? ProcessInfo.processInfo.activeProcessorCount)
        let next = Counter()
        if !files.isEmpty {
            DispatchQueue.concurrentPerform(iterations: min(workers, files.count)) { _ in
                var reader = run.reader()
                while let index = next.take(below: files.count) { run.scan(files[index], reader: &reader) }
            }
        }
        if let fetcher {
            PageScan(run: run, fetcher: fetcher, jobs: max(1, jobs ?? PageScan.defaultJobs)).scan(pages)
        }
        progress?.stop()
        if let summary = run.recordCounts.summary { Console.shared.error(summary, languages: lang.languages) }
        if run.sawUnreadable { throw ExitCode(2) }
        if failOn != nil {
            if run.sawFailing { throw ExitCode(1) }
            return
        }
        if !run.sawFinding { throw ExitCode(1) }
    }
}

enum ScanFormat: String, ExpressibleByArgument, CaseIterable {
    case jsonl
    case text
}

/// A shared counter handing out work.
final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var value = 0

    func take(below limit: Int) -> Int? {
        lock.lock()
        defer { lock.unlock() }
        guard value < limit else { return nil }
        value += 1
        return value - 1
    }
}

/// Standard output and error, shared by the workers: one input's output is never interleaved
/// with another's, and notes on standard error clear the progress line first.
final class Console: @unchecked Sendable {
    static let shared = Console()
    private let outputLock = NSLock()
    private let errorLock = NSLock()
    /// Whether a progress line is on standard error (read and written under the error lock).
    private var progressShown = false

    func setProgressShown(_ shown: Bool) {
        errorLock.lock()
        defer { errorLock.unlock() }
        progressShown = shown
    }

    /// Runs `body` while holding standard output.
    func holdingOutput<T>(_ body: () -> T) -> T {
        outputLock.lock()
        defer { outputLock.unlock() }
        return body()
    }

    /// Holds standard output until `unlockOutput` (for an input too large to buffer).
    func lockOutput() { outputLock.lock() }
    func unlockOutput() { outputLock.unlock() }

    /// Writes what `writer` holds after what `print` buffered, then empties it (keeping its
    /// place in the value it writes).
    func writeStandardOutput(_ writer: JSONWriter) {
        if fflush(nil) != 0 { OutputCheck.recordFailure(errno) }
        writer.withBytes { Self.writeAll(1, $0) }
        writer.removeWritten()
    }

    func error(_ message: Bilingual, source: String? = nil, languages: [Language]) {
        let prefix = source.map { "\($0): " } ?? ""
        let text = languages.map { message.text(in: $0) }.joined(separator: " / ")
        writeError("beian: \(prefix)\(text)\n")
    }

    func writeError(_ text: String, clearing: Bool = true) {
        errorLock.lock()
        defer { errorLock.unlock() }
        let line = Array(((clearing && progressShown ? "\r\u{1B}[K" : "") + text).utf8)
        line.withUnsafeBytes { Self.writeAll(2, $0) }
    }

    /// Writes all of `bytes`; a failure on standard output is recorded for `OutputCheck`.
    static func writeAll(_ fd: Int32, _ bytes: UnsafeRawBufferPointer) {
        var offset = 0
        while offset < bytes.count {
            let written = write(fd, bytes.baseAddress! + offset, bytes.count - offset)
            if written < 0 {
                if errno == EINTR { continue }
                if fd == 1 { OutputCheck.recordFailure(errno) }
                return
            }
            offset += written
        }
    }
}

/// Expands folders into the regular files under them, reporting what cannot be listed.
struct InputWalker {
    let languages: [Language]
    let onError: () -> Void

    func expand(_ paths: [RawPath]) -> [RawPath] {
        var files: [RawPath] = []
        for path in paths {
            if path.isStandardInput {
                files.append(path)
                continue
            }
            var info = stat()
            guard path.withCString({ stat($0, &info) }) == 0 else {
                report(.unreadable(path: path.display, detail: String(cString: strerror(errno))))
                continue
            }
            if (info.st_mode & S_IFMT) == S_IFDIR { walk(path, into: &files) } else { files.append(path) }
        }
        return files
    }

    /// Every regular file under `folder`, names taken as the system gives them (bytes that
    /// need not be UTF-8), in byte order.
    private func walk(_ folder: RawPath, into files: inout [RawPath]) {
        guard let names = folder.entries() else {
            report(.unreadable(path: folder.display, detail: String(cString: strerror(errno))))
            return
        }
        for name in names {
            let path = folder.appending(name)
            var info = stat()
            // Symbolic links are followed to files, never to folders (no loops).
            guard path.withCString({ lstat($0, &info) }) == 0 else { continue }
            switch info.st_mode & S_IFMT {
            case S_IFDIR: walk(path, into: &files)
            case S_IFREG: files.append(path)
            case S_IFLNK:
                var target = stat()
                if path.withCString({ stat($0, &target) }) == 0, (target.st_mode & S_IFMT) == S_IFREG { files.append(path) }
            default: break
            }
        }
    }

    private func report(_ error: BeianError) {
        onError()
        Console.shared.error(error.message, languages: languages)
    }
}

/// The state of one `beian scan`: options, and totals the workers update.
final class ScanRun: @unchecked Sendable {
    let scanner: BeianScanner
    let format: ScanFormat
    let languages: [Language]
    let required: Set<Kind>
    let encoding: String?
    private let renderer: TextReport
    private let lock = NSLock()
    private(set) var files = 0
    private(set) var bytes = 0
    private(set) var findings = 0
    private(set) var sawUnreadable = false
    /// `--fail-on`: issues at this severity or above set `sawFailing`.
    var failOn: Severity?
    /// `--input`.
    var input = InputFormat.auto
    /// Whether standard input read as raw is split into pages (not `--whole`).
    var splitsStandardInput = true
    /// Crawl records checked, and those passed over.
    let recordCounts = RecordCounts()
    private(set) var failing = false
    var sawFailing: Bool { lock.withLock { failing } }
    var sawFinding: Bool { lock.withLock { findings > 0 } }
    let started = ContinuousClock.now

    /// Output of one input is buffered up to this size; beyond it the input holds standard
    /// output and writes as it goes, so memory stays bounded and inputs never interleave.
    static let bufferLimit = 4 << 20

    init(scanner: BeianScanner, format: ScanFormat, languages: [Language], required: Set<Kind>, encoding: String?) {
        self.scanner = scanner
        self.format = format
        self.languages = languages
        self.required = required
        self.encoding = encoding
        renderer = TextReport(languages: languages, color: format == .text && isatty(1) == 1 && getenv("NO_COLOR") == nil)
    }

    func markUnreadable() { lock.withLock { sawUnreadable = true } }

    func totals() -> (files: Int, bytes: Int, findings: Int) { lock.withLock { (files, bytes, findings) } }

    /// A reader for one worker, kept from input to input (it reuses its buffer).
    func reader() -> DocumentReader {
        DocumentReader(scanner: scanner, required: required, encoding: encoding, skipsBinary: true)
    }

    /// Scans one input and writes its lines; `reader` is the calling worker's.
    func scan(_ raw: RawPath, reader: inout DocumentReader) {
        let path = raw.display
        let output = InputOutput()
        defer { output.finish() }
        let kind = inputKind(raw)
        do {
            switch kind {
            case .page where raw.isStandardInput && splitsStandardInput:
                try reader.readPages(source: path, readPiece: DocumentReader.pieces(of: 0, source: path),
                                     onFindings: { found, document in emit(found, path: document.source, to: output) },
                                     onDocument: { finish($0, path: path, output: output) })
            default:
                let handlers = DocumentReader.RecordHandlers(onSkipped: { [self] in recordCounts.skipped($0, languages: languages) },
                                                             onProblem: { [self] in problem($0) })
                try reader.readRecords(pathBytes: raw.bytes, source: path, kind: kind, handlers: handlers, onFindings: { found, document in
                    emit(found, path: document.source, to: output, record: document.record)
                }, onDocument: { outcome in
                    if outcome.document?.record != nil { recordCounts.countRead() }
                    finish(outcome, path: path, output: output)
                })
            }
        } catch {
            return unreadable(error)
        }
    }

    /// How `raw` is read under `--input`.
    private func inputKind(_ raw: RawPath) -> DocumentReader.InputKind {
        switch input {
        case .warc: .warc
        case .jsonl: .jsonl
        case .raw: .page
        case .auto: raw.isStandardInput ? .page : DocumentReader.inputKind(pathBytes: raw.bytes, name: raw.display)
        }
    }

    /// A fault in a crawl file: said on standard error with the file and offset; the run goes
    /// on and exits 2.
    private func problem(_ problem: RecordProblem) {
        markUnreadable()
        Console.shared.error(problem.message, source: RecordCounts.place(of: problem), languages: languages)
    }

    /// Counts a document read and writes its document line; says on standard error when it
    /// shrank while read or was skipped as binary.
    private func finish(_ outcome: DocumentReader.Outcome, path: String, output: InputOutput) {
        add(bytes: outcome.bytesRead)
        if let size = outcome.shrankFrom {
            markUnreadable()
            Console.shared.error(DocumentReader.shrankNote(read: outcome.bytesRead, expected: size), source: path, languages: languages)
        }
        guard let document = outcome.document else {
            return Console.shared.error(DocumentReader.binaryNote, source: path, languages: languages)
        }
        finishDocument(issues: outcome.issues, encoding: document.encoding, valid: outcome.isValid, path: document.source,
                       output: output, record: document.record)
    }

    /// A page fetched over HTTP: checked whole, its links resolved against its final URL, and
    /// its lines carrying its `url`.
    func scan(page: FetchedPage, source: String) {
        let output = InputOutput()
        defer { output.finish() }
        page.body.withUnsafeBytes { bytes in
            if DocumentReader.isBinary(UnsafeRawBufferPointer(rebasing: bytes[0..<min(bytes.count, DocumentReader.sniffSize)])) {
                return Console.shared.error(DocumentReader.binaryNote, source: source, languages: languages)
            }
            let report = scanner.check(bytes, source: source, required: required, encoding: encoding,
                                       declaredCharset: page.charset, baseURL: page.url.final)
            add(bytes: bytes.count)
            emit(report.findings, path: source, to: output, url: page.url)
            finishDocument(issues: report.issues, encoding: report.encoding, valid: report.isValid, path: source, output: output,
                           url: page.url)
        }
    }

    /// An input that could not be read (a page that could not be fetched): said on standard error.
    func unreadable(_ error: BeianError) {
        markUnreadable()
        Console.shared.error(error.message, languages: languages)
    }

    /// Counts the input and writes its document line, if it has document-level issues.
    private func finishDocument(issues: [Issue], encoding: String, valid: Bool, path: String, output: InputOutput,
                                url: PageURL? = nil, record: RecordOrigin? = nil) {
        lock.withLock { files += 1 }
        guard !issues.isEmpty else { return }
        noteFailing(issues)
        output.perform { [self] output in
            switch format {
            case .jsonl:
                output.appendLine {
                    ReportJSON.writeLine(documentOf: path, encoding: encoding, issues: issues, valid: valid, url: url, record: record,
                                         to: $0)
                }
            case .text:
                output.append(renderer.render(documentIssues: issues, source: path, encoding: encoding))
            }
        }
    }

    private func emit(_ found: [Finding], path: String, to output: InputOutput, url: PageURL? = nil, record: RecordOrigin? = nil) {
        guard !found.isEmpty else { return }
        lock.withLock { findings += found.count }
        if let failOn, found.contains(where: { $0.issues.contains { $0.severity.fails(at: failOn) } }) {
            lock.withLock { failing = true }
        }
        output.perform(batch: found.count) { [self] output in
            // Through a buffer: each finding is read where it lies, not copied out.
            found.withUnsafeBufferPointer { found in
                for index in found.indices {
                    switch format {
                    case .jsonl:
                        output.appendLine { ReportJSON.writeLine(finding: found[index], source: path, url: url, record: record, to: $0) }
                    case .text: output.append(renderer.render(found[index], source: path))
                    }
                }
            }
        }
    }

    private func noteFailing(_ issues: [Issue]) {
        guard let failOn, issues.contains(where: { $0.severity.fails(at: failOn) }) else { return }
        lock.withLock { failing = true }
    }

    private func add(bytes count: Int) { lock.withLock { bytes += count } }
}

/// The output of one input: buffered, then written whole; or, once large, written as it
/// comes while holding standard output. Once a batch of findings is large, the writing moves
/// to an `OutputThread` of the input's own, in order.
final class InputOutput {
    private let buffer = JSONWriter(capacity: 1 << 16)
    private var holding = false
    private let lane = OutputLane()

    /// Lets `write` write to this output: now, or on the input's output thread once a batch
    /// of `batch` findings has started it (from then on everything goes there, in order).
    func perform(batch: Int = 0, _ write: @escaping (InputOutput) -> Void) {
        lane.run(batch: batch) { write(self) }
    }

    func append(_ text: String) {
        var text = text
        text.withUTF8 { buffer.append(raw: UnsafeRawBufferPointer($0)) }
        flushIfFull()
    }

    /// Lets `write` write one line, then ends the line.
    func appendLine(_ write: (JSONWriter) -> Void) {
        write(buffer)
        buffer.endLine()
        flushIfFull()
    }

    private func flushIfFull() {
        guard buffer.count >= ScanRun.bufferLimit else { return }
        if !holding {
            Console.shared.lockOutput()
            holding = true
        }
        buffer.withBytes { Console.writeAll(1, $0) }
        buffer.reset()
    }

    /// Writes what is left; waits for the output thread, if one started.
    func finish() {
        lane.finish { self.finishWriting() }
    }

    private func finishWriting() {
        if holding {
            buffer.withBytes { Console.writeAll(1, $0) }
            Console.shared.unlockOutput()
        } else if buffer.count > 0 {
            Console.shared.holdingOutput { buffer.withBytes { Console.writeAll(1, $0) } }
        }
        buffer.reset()
        holding = false
    }
}

/// The progress line on standard error: files, megabytes, speed and findings so far.
final class Progress: @unchecked Sendable {
    private let run: ScanRun
    private let lock = NSLock()
    private var running = true
    private let done = DispatchSemaphore(value: 0)

    init(run: ScanRun) { self.run = run }

    func start() {
        Console.shared.setProgressShown(true)
        Thread.detachNewThread { [self] in
            while lock.withLock({ running }) {
                show()
                usleep(250_000)
            }
            done.signal()
        }
    }

    func stop() {
        lock.withLock { running = false }
        done.wait()
        Console.shared.writeError("\r\u{1B}[K", clearing: false)
        Console.shared.setProgressShown(false)
    }

    private func show() {
        let (files, bytes, findings) = run.totals()
        let elapsed = ContinuousClock.now - run.started
        let seconds = max(0.001, Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18)
        let megabytes = Double(bytes) / 1_000_000
        var text = String(format: "\r\u{1B}[K文件 files %d  %.1f MB  %.0f MB/s  发现 findings %d", files, megabytes, megabytes / seconds, findings)
        let (read, skipped) = run.recordCounts.totals
        if read + skipped > 0 { text += "  记录 records \(read)（跳过 skipped \(skipped)）" }
        Console.shared.writeError(text, clearing: false)
    }
}
