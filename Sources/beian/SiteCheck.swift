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
        for raw in files {
            let path = raw.display
            let page: CheckedPage
            do {
                let report: Report
                if let fetcher, PageFetcher.isURL(path) {
                    let fetched = try fetcher.fetch(path).get()
                    var checked = scanner.check(fetched.body, source: path, required: required, encoding: encoding,
                                                declaredCharset: fetched.charset, baseURL: fetched.url.final)
                    checked.url = fetched.url
                    report = checked
                } else if options.format == .json {
                    // Streamed: findings are written as they are found, never all held.
                    let streamed = try streamJSON(raw, source: path)
                    unreadable = unreadable || streamed.shrank
                    failing = failing || streamed.fails
                    continue
                } else {
                    let checked = try DocumentReader.check(pathBytes: raw.bytes, source: path, scanner: scanner, required: required,
                                                           encoding: encoding)
                    if let size = checked.shrankFrom {
                        unreadable = true
                        Console.shared.error(DocumentReader.shrankNote(read: checked.bytesRead, expected: size), source: path,
                                             languages: languages)
                    }
                    report = checked.report
                }
                page = .report(report)
                failing = failing || page.fails(at: severity)
                switch options.format {
                case .json: print(ReportJSON.value(of: report).serialized())
                case .text: print(renderer.render(report), terminator: "")
                default: break
                }
            } catch {
                unreadable = true
                page = .unreadable(source: path, message: error.message)
                switch options.format {
                case .json: print(ReportJSON.value(ofError: error, source: path).serialized())
                case .text: Console.shared.error(error.message, source: path, languages: languages)
                default: break
                }
            }
            if options.format == .github {
                for line in GitHubAnnotations.lines(for: page, languages: languages) { print(line) }
            }
            if options.format == .sarif || options.format == .junit || options.format == .text {
                pages.append(page)
            }
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

    /// Checks one file for `--format json`, writing its report as the findings come: the
    /// head when the first findings (or the end) arrive, each finding, then `issues` and
    /// `valid`. Memory stays bounded whatever the number of findings.
    private func streamJSON(_ raw: RawPath, source: String) throws(BeianError) -> (shrank: Bool, fails: Bool) {
        var reader = DocumentReader(scanner: scanner, required: required, encoding: encoding)
        let severity = options.failOn.severity
        let output = JSONWriter(capacity: 1 << 16)
        var headWritten = false
        var fails = false
        func writeHead(_ document: DocumentReader.Document) {
            ReportJSON.writeReportHead(source: source, url: nil, isHTML: document.isHTML, encoding: document.encoding, to: output)
            headWritten = true
        }
        let outcome = try reader.read(pathBytes: raw.bytes, source: source) { found, document in
            if !headWritten { writeHead(document) }
            for finding in found {
                ReportJSON.write(finding: finding, to: output)
                fails = fails || finding.issues.contains { $0.severity.fails(at: severity) }
            }
            if output.count >= 1 << 20 { Console.shared.writeStandardOutput(output) }
        }
        if !headWritten {
            writeHead(outcome.document ?? DocumentReader.Document(source: source, encoding: "UTF-8", isHTML: false))
        }
        ReportJSON.writeReportTail(issues: outcome.issues, valid: outcome.isValid, to: output)
        output.endLine()
        Console.shared.writeStandardOutput(output)
        fails = fails || outcome.issues.contains { $0.severity.fails(at: severity) }
        if let size = outcome.shrankFrom {
            Console.shared.error(DocumentReader.shrankNote(read: outcome.bytesRead, expected: size), source: source,
                                 languages: languages)
        }
        return (outcome.shrankFrom != nil, fails)
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
