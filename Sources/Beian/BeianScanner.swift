#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import CBeianScan
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Finds, normalises and validates the registration strings of Chinese website footers.
///
/// Create one scanner and share it: it is `Sendable`, and each call is independent.
///
/// ```swift
/// let scanner = try BeianScanner()
/// let report = scanner.check(Array("渝ICP备20009753号-2".utf8), source: "footer.txt")
/// report.findings[0].canonical   // "渝ICP备20009753号-2"
/// report.findings[0].province?.en // "Chongqing"
/// ```
///
/// Pipeline: a byte-level prefilter finds anchors (`Prefilter`), small windows around them are
/// decoded and normalised as ICU's transliterator would, only where needed and from a table
/// generated from ICU (`TextView`), recognisers match and validate, and document-level checks
/// compare the findings.
public final class BeianScanner: Sendable {
    /// The year that counts as "now" for year checks.
    public let referenceYear: Int
    private let transliterator: Transliterator

    /// Opens ICU's transliterator. Throws if ICU is unavailable.
    /// - Parameter referenceYear: the current year for year checks; defaults to the clock's (UTC).
    public init(referenceYear: Int? = nil) throws(BeianError) {
        let transliterator = try Transliterator()
        self.transliterator = transliterator
        self.referenceYear = referenceYear ?? Self.currentYear()
    }

    /// Checks one document: its findings, validated, and the document-level issues.
    /// - Parameters:
    ///   - bytes: the document in any encoding Beian can detect (see `encoding`); offsets in
    ///     the report are byte offsets into these bytes. Invalid sequences read as U+FFFD.
    ///   - source: a name for the report, such as a path.
    ///   - required: kinds whose absence is an error (`missing_required`).
    ///   - isHTML: whether to read tags and links; nil detects it from the first 64 KiB.
    ///   - encoding: an encoding label ("GBK", "Big5", …) that overrides detection; nil
    ///     detects it (byte-order mark, valid UTF-8, declarations, then a guess: see the
    ///     README's order of decisions).
    ///   - declaredCharset: the charset the transport declared (an HTTP `Content-Type`'s
    ///     `charset`, a WARC record's): it outranks a `<meta charset>`, and valid UTF-8 bytes
    ///     outrank both (`charset_mismatch`).
    ///   - baseURL: the URL the document came from, after redirects, for a page fetched over
    ///     HTTP: link checks then resolve relative `href`s against it, as a browser does (a
    ///     relative link leads to the page's own host). Nil (files, standard input) reads only
    ///     absolute links and `href="beian.miit.gov.cn"` (see the README's link rules).
    public func check(_ bytes: UnsafeRawBufferPointer, source: String = "-", required: Set<Kind> = [],
                      isHTML: Bool? = nil, encoding: String? = nil, declaredCharset: String? = nil,
                      baseURL: String? = nil) -> Report {
        let buffer = bytes.assumingMemoryBound(to: UInt8.self)
        if buffer.count > Self.wholeDocumentLimit {
            return checkInPieces(bytes, source: source, required: required, isHTML: isHTML, encoding: encoding,
                                 declaredCharset: declaredCharset, baseURL: baseURL)
        }
        let baseHost = baseURL.flatMap { LinkChecks.host(of: $0) }
        let decision = encoding.flatMap(Encodings.canonicalName).map { Encodings.Decision(name: $0) }
            ?? Encodings.decide(prefix: buffer, isComplete: true, declared: declaredCharset,
                                utf8Shape: { Encodings.utf8Shape(buffer) })
        let name = decision.name
        let encodingIssues = decision.issue.map { [$0] } ?? []
        guard name != Encodings.utf8, let decoder = Decoder(charset: name) else {
            let html = isHTML ?? HTMLDocument.looksLikeHTML(buffer)
            var findings = scan(buffer, isHTML: html, baseHost: baseHost)
            PositionCounter.place(&findings, in: buffer)
            return Report(source: source, findings: findings,
                          issues: encodingIssues + DocumentChecks.issues(for: findings, required: required), isHTML: html)
        }
        let html: Bool
        var findings: [Finding]
        if let family = LegacyWindows.Family(encoding: name) {
            // ASCII-compatible: tags and links read the same in the raw bytes.
            html = isHTML ?? HTMLDocument.looksLikeHTML(buffer)
            findings = LegacyWindows.scan(buffer, family: family, html: html, decoder: decoder) { scan($0, isHTML: html, baseHost: baseHost) }
            if html {
                // The windows' own readings cannot see a comment or script that opened before them.
                var markup = MarkupTracker()
                markup.mark(&findings, in: buffer)
            }
            PositionCounter.place(&findings, in: buffer, reading: family == .big5 ? .big5 : .gb18030)
        } else {
            let (decoded, offsets) = decoder.decode(buffer, flush: true)
            html = isHTML ?? decoded.withUnsafeBufferPointer { HTMLDocument.looksLikeHTML($0) }
            findings = decoded.withUnsafeBufferPointer { text in
                // Lines and columns are counted in the decoded text, as a stream counts them.
                var local = scan(text, isHTML: html, baseHost: baseHost)
                PositionCounter.place(&local, in: text)
                return local.map { finding in
                    var moved = finding
                    moved.start = Int(offsets[finding.start])
                    moved.end = finding.end < offsets.count ? Int(offsets[finding.end]) : buffer.count
                    return moved
                }
            }
        }
        return Report(source: source, findings: findings,
                      issues: encodingIssues + DocumentChecks.issues(for: findings, required: required), isHTML: html, encoding: name)
    }

    /// Checks one document given as bytes (see `check(_:source:required:isHTML:encoding:declaredCharset:baseURL:)`).
    public func check(_ bytes: [UInt8], source: String = "-", required: Set<Kind> = [], isHTML: Bool? = nil,
                      encoding: String? = nil, declaredCharset: String? = nil, baseURL: String? = nil) -> Report {
        bytes.withUnsafeBytes {
            check($0, source: source, required: required, isHTML: isHTML, encoding: encoding, declaredCharset: declaredCharset,
                  baseURL: baseURL)
        }
    }

    /// Checks one document given as `Data` (see `check(_:source:required:isHTML:encoding:declaredCharset:baseURL:)`).
    public func check(_ data: Data, source: String = "-", required: Set<Kind> = [], isHTML: Bool? = nil,
                      encoding: String? = nil, declaredCharset: String? = nil, baseURL: String? = nil) -> Report {
        data.withUnsafeBytes {
            check($0, source: source, required: required, isHTML: isHTML, encoding: encoding, declaredCharset: declaredCharset,
                  baseURL: baseURL)
        }
    }

    /// Checks one document given as a string: read as its UTF-8 (a `<meta charset>` inside
    /// does not apply, the text is already decoded); offsets are UTF-8 byte offsets.
    public func check(_ text: String, source: String = "-", required: Set<Kind> = [], isHTML: Bool? = nil) -> Report {
        check(Array(text.utf8), source: source, required: required, isHTML: isHTML, encoding: Encodings.utf8)
    }

    /// The validated findings of a UTF-8 document, in input order.
    public func findings(in bytes: UnsafeBufferPointer<UInt8>, isHTML: Bool? = nil) -> [Finding] {
        var found = scan(bytes, isHTML: isHTML ?? HTMLDocument.looksLikeHTML(bytes))
        PositionCounter.place(&found, in: bytes)
        return found
    }

    /// The reference reading of a UTF-8 document: all of it decoded and normalised as one view,
    /// then the same recognisers. What anchors and windows must reproduce; slow, for tests and
    /// the fuzz target.
    @_spi(Reference) public func referenceFindings(in bytes: UnsafeBufferPointer<UInt8>, isHTML: Bool) -> [Finding] {
        let context = RecognitionContext(bytes: bytes, referenceYear: referenceYear)
        var found = recognise(in: fullView(of: bytes, isHTML: isHTML), context: context)
        Self.resolveOverlaps(&found)
        if isHTML {
            var markup = MarkupTracker()
            markup.mark(&found, in: bytes)
            found = LinkChecks.apply(to: found, links: HTMLDocument.links(in: bytes))
        }
        PositionCounter.place(&found, in: bytes)
        return found
    }

    /// Whether the anchor search runs its AVX2 loop on this machine (else a portable loop).
    public static var usesAVX2: Bool { beian_scan_uses_avx2() != 0 }

    /// Documents larger than this are checked as a stream, in bounded memory.
    static let wholeDocumentLimit = 16 << 20

    private func checkInPieces(_ bytes: UnsafeRawBufferPointer, source: String, required: Set<Kind>, isHTML: Bool?,
                               encoding: String?, declaredCharset: String?, baseURL: String?) -> Report {
        var findings: [Finding] = []
        let outcome = check(bytes, source: source, required: required, isHTML: isHTML, encoding: encoding,
                            declaredCharset: declaredCharset, baseURL: baseURL) { batch, _, _ in findings += batch }
        return Report(source: source, findings: findings, issues: outcome.issues, isHTML: outcome.isHTML, encoding: outcome.encoding)
    }

    /// What `check(_:source:required:isHTML:encoding:declaredCharset:baseURL:onBatch:)` says of
    /// the document once its findings have been handed over.
    package struct BatchedOutcome {
        package let issues: [Issue]
        package let isValid: Bool
        package let encoding: String
        package let isHTML: Bool
    }

    /// Checks one document held in memory as `check` does, deciding its encoding on all of its
    /// bytes, but hands its findings over in batches (`chunkSize` bytes of text each) instead of
    /// holding them: memory stays bounded whatever the number of findings. `onBatch` also
    /// gets the encoding and whether the document is read as HTML.
    package func check(_ bytes: UnsafeRawBufferPointer, source: String, required: Set<Kind>, isHTML: Bool?, encoding: String?,
                       declaredCharset: String?, baseURL: String?, chunkSize: Int = BeianStream.chunkSize,
                       onBatch: (_ findings: [Finding], _ encoding: String, _ isHTML: Bool) -> Void) -> BatchedOutcome {
        let buffer = bytes.assumingMemoryBound(to: UInt8.self)
        let decision = encoding.flatMap(Encodings.canonicalName).map { Encodings.Decision(name: $0) }
            ?? Encodings.decide(prefix: buffer, isComplete: true, declared: declaredCharset,
                                utf8Shape: { Encodings.utf8Shape(buffer) })
        // HTML or not as `check` decides it: on the bytes, when tags read the same in them.
        let readsBytes = decision.name == Encodings.utf8 || Decoder(charset: decision.name) == nil
            || LegacyWindows.Family(encoding: decision.name) != nil
        let html = isHTML ?? (readsBytes ? HTMLDocument.looksLikeHTML(buffer) : nil)
        let stream = BeianStream(scanner: self, source: source, required: required, isHTML: html, decision: decision,
                                 baseURL: baseURL, chunkSize: chunkSize)
        func pass(_ found: [Finding]) {
            if !found.isEmpty { onBatch(found, stream.encoding ?? decision.name, stream.isHTML ?? html ?? false) }
        }
        var offset = 0
        while offset < bytes.count {
            let end = min(bytes.count, offset + chunkSize)
            pass(stream.feed(UnsafeRawBufferPointer(rebasing: bytes[offset..<end])))
            offset = end
        }
        pass(stream.finish())
        return BatchedOutcome(issues: stream.issues, isValid: stream.isValid, encoding: stream.encoding ?? decision.name,
                              isHTML: stream.isHTML ?? false)
    }

    /// The findings of UTF-8 text; `baseHost`, the host of a fetched page's URL, is where its
    /// relative links lead (link checks).
    func scan(_ bytes: UnsafeBufferPointer<UInt8>, isHTML: Bool, baseHost: String? = nil) -> [Finding] {
        let context = RecognitionContext(bytes: bytes, referenceYear: referenceYear)
        var findings: [Finding] = []
        for window in Prefilter.windows(in: bytes, html: isHTML) {
            let start = isHTML ? Self.startOfTagAround(bytes, window) : window.lowerBound
            recognise(in: view(of: bytes, range: start..<window.upperBound, isHTML: isHTML), context: context, into: &findings)
        }
        Self.resolveOverlaps(&findings)
        if isHTML {
            var markup = MarkupTracker()
            markup.mark(&findings, in: bytes)
            findings = LinkChecks.apply(to: findings, in: bytes, baseHost: baseHost)
        }
        return findings
    }

    /// Runs every recogniser over a view, exposed to tests as the naive path's core. Findings
    /// read from an attribute value are marked so.
    func recognise(in view: TextView, context: RecognitionContext) -> [Finding] {
        var found: [Finding] = []
        recognise(in: view, context: context, into: &found)
        return found
    }

    /// Appends the findings of a view to `findings` (see `recognise(in:context:)`).
    func recognise(in view: TextView, context: RecognitionContext, into findings: inout [Finding]) {
        let first = findings.count
        Recognizers.recognise(in: view, context: context, into: &findings)
        guard !view.attributeRuns.isEmpty else { return }
        for index in first..<findings.count {
            if let name = view.attribute(atByte: findings[index].start) {
                findings[index].context = .attribute
                findings[index].attribute = name
            }
        }
    }

    /// Decodes a window, skipping ICU when the window is already canonical.
    func view(of bytes: UnsafeBufferPointer<UInt8>, range: Range<Int>, isHTML: Bool) -> TextView {
        TextView(bytes: bytes, range: range, html: isHTML, transliterator: transliterator, onlyChangeable: true)
    }

    /// Decodes a whole input into one view, normalising everything with ICU; the reference
    /// scanner in tests is built on it.
    func fullView(of bytes: UnsafeBufferPointer<UInt8>, isHTML: Bool) -> TextView {
        TextView(bytes: bytes, range: 0..<bytes.count, html: isHTML, transliterator: transliterator, onlyChangeable: false)
    }

    /// Where a window's text starts: at the start of the tag it starts inside, if any, so
    /// that the tag's attribute values are read whole. It starts inside one when the nearest
    /// "<" or ">" before it is a "<" whose tag, read as TextView reads tags, reaches into the
    /// window (a ">" in the text after the window's start is no sign of a tag).
    static func startOfTagAround(_ bytes: UnsafeBufferPointer<UInt8>, _ window: Range<Int>) -> Int {
        let start = window.lowerBound
        guard start > 0, let base = bytes.baseAddress else { return start }
        let floor = max(0, start - TextView.maxTagLength)
        let open = beian_last_index_of(base, floor, start, UInt8(ascii: "<"))
        guard open >= 0, open > beian_last_index_of(base, floor, start, UInt8(ascii: ">")),
              let tag = TextView.tag(bytes, at: open, limit: bytes.count), open + tag.length > start else { return start }
        return open
    }

    /// Orders findings by position; where two overlap, the longer one stays. In place, moving
    /// findings without copying them: a dense page's findings are many, and the windows of
    /// one page give them nearly in order.
    static func resolveOverlaps(_ findings: inout [Finding]) {
        let kept = findings.withUnsafeMutableBufferPointer { buffer -> Int in
            func precedes(_ one: Int, _ other: Int) -> Bool {
                (buffer[one].start, -buffer[one].end, one) < (buffer[other].start, -buffer[other].end, other)
            }
            if buffer.indices.dropFirst().contains(where: { precedes($0, $0 - 1) }) {
                // Sort the indices, then move each finding to its place along the permutation's cycles.
                let order = buffer.indices.sorted(by: precedes)
                var placed = [Bool](repeating: false, count: buffer.count)
                for first in buffer.indices {
                    var current = first
                    while !placed[current] {
                        placed[current] = true
                        let next = order[current]
                        if next == first { break }
                        buffer.swapAt(current, next)
                        current = next
                    }
                }
            }
            var kept = 0
            for index in buffer.indices {
                if kept > 0, buffer[index].start < buffer[kept - 1].end {
                    let last = kept - 1
                    if buffer[index].end - buffer[index].start > buffer[last].end - buffer[last].start { buffer.swapAt(last, index) }
                    continue
                }
                if kept != index { buffer.swapAt(kept, index) }
                kept += 1
            }
            return kept
        }
        findings.removeLast(findings.count - kept)
    }

    static func currentYear() -> Int {
        var now = time(nil)
        var parts = tm()
        gmtime_r(&now, &parts)
        return Int(parts.tm_year) + 1900
    }
}
