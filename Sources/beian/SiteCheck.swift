import ArgumentParser
import Beian
#if canImport(Glibc)
import Glibc
#endif

/// One `beian check` run: files and folders (walked for pages), each page checked and printed
/// in the chosen format; SARIF and JUnit are printed once all pages are checked.
struct SiteCheck {
    let scanner: BeianScanner
    let required: Set<Kind>
    let encoding: String?
    let options: CheckOutputOptions
    /// Fetches the arguments that are `http(s)://` URLs (nil when there are none).
    let fetcher: PageFetcher?

    var languages: [Language] { options.lang.languages }
    /// Crawl records read and passed over in this run.
    let recordCounts = RecordCounts()

    /// Checks `paths`; exits 2 if an input could not be read or a folder held no page, else 1
    /// if a page has an issue at `--fail-on` or above, else returns.
    func run(paths: [String]) throws {
        var unreadable = false
        let walker = SiteWalker(languages: languages,
                                selection: FileSelection(globs: options.glob.globs, defaultSuffixes: FileSelection.pageSuffixes),
                                onError: { unreadable = true })
        // Paths as the system names them: an argument that is not UTF-8 keeps its bytes.
        let inputs = paths.isEmpty ? [RawPath("-")] : RawPath.arguments(paths)
        // URLs stay where they were given; files and folders are walked.
        var files: [RawPath] = []
        var emptyFolders: [String] = []
        for input in inputs {
            if fetcher != nil, PageFetcher.isURL(input.display) {
                files.append(input)
                continue
            }
            let expanded = walker.expand([input])
            files += expanded.files
            emptyFolders += expanded.emptyFolders.map(\.display)
        }
        var pages: [CheckedPage] = []
        // A folder with no page is reported as an input that could not be checked, in every format.
        for folder in emptyFolders {
            unreadable = true
            let message = SiteWalker.emptyFolderMessage(folder)
            switch options.format {
            case .text: Console.shared.error(message, languages: languages)
            case .json:
                let error: JSONValue = .object([("zh", .string(message.zh)), ("en", .string(message.en))])
                print(JSONValue.object([("schema_version", .int(ReportJSON.schemaVersion)), ("source", .string(folder)), ("error", error)]).serialized())
            case .github:
                for line in GitHubAnnotations.lines(for: .unreadable(source: folder, message: message), languages: languages) { print(line) }
            case .sarif, .junit: pages.append(.unreadable(source: folder, message: message))
            }
        }
        let renderer = TextReport(languages: languages, color: options.format == .text && isatty(1) == 1 && getenv("NO_COLOR") == nil)
        let severity = options.failOn.severity
        var failing = false
        /// What every page gets once checked: its report printed (all but JSON, which is
        /// streamed), its annotations, and its place in the run's totals.
        func finish(_ page: CheckedPage, print printed: Bool) {
            failing = failing || page.fails(at: severity)
            if printed, options.format == .text, case .report(let report) = page { print(renderer.render(report), terminator: "") }
            if options.format == .github {
                for line in GitHubAnnotations.lines(for: page, languages: languages) { print(line) }
            }
            if options.format == .sarif || options.format == .junit || options.format == .text {
                pages.append(page)
            }
        }
        for raw in files {
            let path = raw.display
            do {
                if let fetcher, PageFetcher.isURL(path) {
                    let fetched = try fetcher.fetch(path).get()
                    var report = scanner.check(fetched.body, source: path, required: required, encoding: encoding,
                                               declaredCharset: fetched.charset, baseURL: fetched.url.final)
                    report.url = fetched.url
                    if options.format == .json {
                        let output = JSONWriter()
                        ReportJSON.write(report: report, to: output)
                        output.endLine()
                        Console.shared.writeStandardOutput(output)
                    }
                    finish(.report(report), print: true)
                } else {
                    let read = try checkLocal(raw, source: path) { finish($0, print: true) }
                    unreadable = unreadable || read.faulty
                    failing = failing || read.fails
                }
            } catch {
                unreadable = true
                switch options.format {
                case .json: print(ReportJSON.value(ofError: error, source: path).serialized())
                case .text: Console.shared.error(error.message, source: path, languages: languages)
                default: break
                }
                finish(.unreadable(source: path, message: error.message), print: false)
            }
        }
        if let summary = recordCounts.summary {
            fflush(nil)  // What print buffered goes first.
            Console.shared.error(summary, languages: languages)
        }
        switch options.format {
        case .sarif: print(SARIFReport.value(of: pages, languages: languages).serialized())
        case .junit: print(JUnitReport.xml(for: pages, languages: languages, failOn: severity), terminator: "")
        case .text:
            let walked = inputs.count != files.count || files.count > 1 || !emptyFolders.isEmpty
            if walked { print(summary(pages)) }
        default: break
        }
        if unreadable { throw ExitCode(2) }
        if failing { throw ExitCode(1) }
    }

    /// Checks one local input — a page, or each page record of a crawl file — as documents:
    /// for `--format json` each report is written as its findings come (the head when the
    /// first findings, or the end, arrive; each finding; then `issues` and `valid`), so memory
    /// stays bounded whatever the number of findings; other formats get each document's report
    /// through `finished`. Returns whether a file shrank or a crawl file had faults (exit 2),
    /// and whether a streamed report fails at `--fail-on`.
    private func checkLocal(_ raw: RawPath, source: String,
                            finished: (CheckedPage) -> Void) throws(BeianError) -> (faulty: Bool, fails: Bool) {
        var reader = DocumentReader(scanner: scanner, required: required, encoding: encoding)
        let severity = options.failOn.severity
        let streaming = options.format == .json
        let output = JSONWriter(capacity: 1 << 16)
        var headWritten = false
        var held: [Finding] = []
        var fails = false
        var faulty = false
        // The JSON is written here, or on an output thread once a batch of findings is large
        // (then in order, and `output` is only touched there).
        let lane = OutputLane()
        func write(batch: Int = 0, _ work: @escaping () -> Void) { lane.run(batch: batch, work) }
        defer { lane.finish() }
        func writeHead(_ document: DocumentReader.Document) {
            write {
                ReportJSON.writeReportHead(source: document.source, url: nil, record: document.record, isHTML: document.isHTML,
                                           encoding: document.encoding, to: output)
            }
            headWritten = true
        }
        func onFindings(_ found: [Finding], _ document: DocumentReader.Document) {
            guard streaming else { return held += found }
            if !headWritten { writeHead(document) }
            fails = fails || found.contains { $0.issues.contains { $0.severity.fails(at: severity) } }
            write(batch: found.count) {
                found.withUnsafeBufferPointer { found in
                    for index in found.indices {
                        ReportJSON.write(finding: found[index], to: output)
                        // Written out as it fills: a batch's JSON is tens of megabytes when dense.
                        if output.count >= 1 << 20 { Console.shared.writeStandardOutput(output) }
                    }
                }
            }
        }
        func onDocument(_ outcome: DocumentReader.Outcome) {
            let document = outcome.document ?? DocumentReader.Document(source: source, encoding: "UTF-8", isHTML: false)
            if let size = outcome.shrankFrom {
                faulty = true
                Console.shared.error(DocumentReader.shrankNote(read: outcome.bytesRead, expected: size), source: source,
                                     languages: languages)
            }
            if document.record != nil { recordCounts.countRead() }
            if streaming {
                if !headWritten { writeHead(document) }
                write {
                    ReportJSON.writeReportTail(issues: outcome.issues, valid: outcome.isValid, to: output)
                    output.endLine()
                    Console.shared.writeStandardOutput(output)
                }
                headWritten = false
                fails = fails || outcome.issues.contains { $0.severity.fails(at: severity) }
            } else {
                var report = Report(source: document.source, findings: held, issues: outcome.issues, isHTML: document.isHTML,
                                    encoding: document.encoding)
                report.record = document.record
                held = []
                finished(.report(report))
            }
        }
        let handlers = DocumentReader.RecordHandlers(onSkipped: { recordCounts.skipped($0, languages: languages) }, onProblem: { problem in
            faulty = true
            Console.shared.error(problem.message, source: RecordCounts.place(of: problem), languages: languages)
        })
        do {
            try reader.readRecords(pathBytes: raw.bytes, source: source, kind: inputKind(raw), handlers: handlers,
                                   onFindings: onFindings, onDocument: onDocument)
        } catch {
            // A read that failed inside a streamed report: close it (not valid) before the
            // error line, so that every line stays one JSON object.
            if headWritten {
                write {
                    ReportJSON.writeReportTail(issues: [], valid: false, to: output)
                    output.endLine()
                    Console.shared.writeStandardOutput(output)
                }
            }
            throw error
        }
        return (faulty, fails)
    }

    /// How `raw` is read under `--input` (`check -` is one page unless told otherwise).
    private func inputKind(_ raw: RawPath) -> DocumentReader.InputKind {
        switch options.input.input {
        case .warc: .warc
        case .jsonl: .jsonl
        case .raw: .page
        case .auto: raw.isStandardInput ? .page : DocumentReader.inputKind(pathBytes: raw.bytes, name: raw.display)
        }
    }

    /// The last line of a text run over several pages: pages, findings, errors, warnings.
    private func summary(_ pages: [CheckedPage]) -> String {
        var checked = 0, unreadable = 0, findings = 0, errors = 0, warnings = 0
        for page in pages {
            guard case .report(let report) = page else {
                unreadable += 1
                continue
            }
            checked += 1
            findings += report.findings.count
            for occurrence in page.occurrences {
                if occurrence.issue.severity == .error { errors += 1 }
                if occurrence.issue.severity == .warning { warnings += 1 }
            }
        }
        let plural = { (count: Int, word: String) in "\(count) \(word)\(count == 1 ? "" : "s")" }
        var text = Bilingual(zh: "共 \(checked) 页，发现 \(findings) 项，错误 \(errors) 个，警告 \(warnings) 个",
                             en: "\(plural(checked, "page")), \(plural(findings, "finding")), \(plural(errors, "error")), \(plural(warnings, "warning"))")
        if unreadable > 0 {
            text = Bilingual(zh: text.zh + "，\(unreadable) 个无法读取", en: text.en + ", \(unreadable) unreadable")
        }
        return "\n" + languages.map { text.text(in: $0) }.joined(separator: " / ")
    }
}
