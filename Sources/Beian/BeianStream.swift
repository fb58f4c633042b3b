import Dispatch

/// Scans an input of any length in pieces, in bounded memory: a file larger than memory, a
/// socket, a crawl dump on standard input.
///
/// Feed bytes as they arrive; each call returns the findings that are complete so far, with
/// byte offsets into the whole input. Identifiers split between two calls are found once.
///
/// ```swift
/// let stream = BeianStream(scanner: scanner, source: "dump.html")
/// while let chunk = read() { emit(chunk.withUnsafeBytes { stream.feed($0) }) }
/// emit(stream.finish())
/// stream.issues   // province_inconsistent, no_findings, missing_required …
/// ```
///
/// How: the stream keeps about `chunkSize` bytes of decoded text. It scans them when
/// `overlapAfter` more bytes have arrived and reports the findings that start before that
/// margin; then it keeps the last `overlapBefore + overlapAfter` bytes for the next scan.
/// Every identifier lies within one anchor window (`Prefilter`), far shorter than the margins,
/// so each is seen whole once. The encoding is decided on the first 64 KiB (a stream cannot
/// be checked for UTF-8 validity to its end first). A chunk of 64 KiB or more is scanned in
/// two halves at once, on two cores (the same margins split them). Not thread-safe: one
/// stream per input.
public final class BeianStream {
    /// Bytes scanned at a time, unless the stream is created with another size.
    public static let chunkSize = 1 << 20
    /// The smallest chunk size a stream accepts.
    public static let minimumChunkSize = 8192
    /// Text kept before the scanned part: context for windows and for the link around a finding.
    static let overlapBefore = 4096
    /// Text read past the scanned part, so that an identifier starting before it ends inside.
    static let overlapAfter = 2048

    private let scanner: BeianScanner
    /// The name given to findings' reports.
    public let source: String
    private let required: Set<Kind>
    private let encodingOverride: String?
    private let htmlOverride: Bool?
    private let chunkSize: Int

    /// The encoding, once decided (after 64 KiB, or at `finish`).
    public private(set) var encoding: String?
    /// Whether the input is read as HTML, once decided.
    public private(set) var isHTML: Bool?
    /// Document-level issues, available after `finish`.
    public private(set) var issues: [Issue] = []
    /// Whether no finding so far and no document issue has an error.
    public var isValid: Bool { allFindingsValid && !issues.containsError }
    /// Bytes fed so far.
    public private(set) var byteCount = 0

    private var allFindingsValid = true
    private var undecided: [UInt8] = []
    private var decoder: Decoder?
    /// Decoded (UTF-8) text not yet dropped, and for non-UTF-8 input the input offset of each byte.
    private var text: [UInt8] = []
    private var inputOffsets: [Int] = []
    /// Offset in the decoded text of `text[0]`.
    private var textStart = 0
    /// Findings starting before this decoded offset have been returned.
    private var reportedUpTo = 0
    private var summary = DocumentChecks.Summary()
    private var finished = false
    private let declaredCharset: String?
    /// The host of the page's URL, where its relative links lead.
    private let baseHost: String?
    /// Comments and scripts across pieces, in the kept text's offsets (`textStart` on).
    private var markup = MarkupTracker()
    /// The document issue of the encoding decision (`charset_mismatch`), if any.
    private var encodingIssue: Issue?
    /// Lines and columns, counted through the kept (decoded) text as findings are reported.
    private var positions = PositionCounter()

    /// A stream for one document, fed in pieces.
    /// - Parameters:
    ///   - scanner: the scanner that reads each chunk.
    ///   - source: the document's name in reports ("-" for standard input).
    ///   - required: kinds whose absence is `missing_required`.
    ///   - encoding: an encoding label that overrides detection.
    ///   - declaredCharset: the charset the transport declared (HTTP `Content-Type`); see
    ///     `BeianScanner.check(_:source:required:isHTML:encoding:declaredCharset:)`.
    ///   - isHTML: whether to read tags and links; nil detects it from the first 64 KiB.
    ///   - baseURL: the URL a fetched page came from, after redirects: relative links resolve
    ///     against it (see `BeianScanner.check(_:source:required:isHTML:encoding:declaredCharset:baseURL:)`).
    ///   - chunkSize: bytes scanned at a time (at least `minimumChunkSize`); memory use is
    ///     about twice this.
    public init(scanner: BeianScanner, source: String = "-", required: Set<Kind> = [], isHTML: Bool? = nil,
                encoding: String? = nil, declaredCharset: String? = nil, baseURL: String? = nil,
                chunkSize: Int = BeianStream.chunkSize) {
        self.declaredCharset = declaredCharset
        self.baseHost = baseURL.flatMap { LinkChecks.host(of: $0) }
        self.chunkSize = max(chunkSize, Self.minimumChunkSize)
        self.scanner = scanner
        self.source = source
        self.required = required
        self.htmlOverride = isHTML
        self.encodingOverride = encoding.flatMap(Encodings.canonicalName)
    }

    /// A stream over a document whose encoding was decided on all of its bytes, as
    /// `BeianScanner.check` decides it (the decision's `charset_mismatch` included).
    convenience init(scanner: BeianScanner, source: String, required: Set<Kind>, isHTML: Bool?, decision: Encodings.Decision,
                     baseURL: String?, chunkSize: Int) {
        self.init(scanner: scanner, source: source, required: required, isHTML: isHTML, baseURL: baseURL, chunkSize: chunkSize)
        presetDecision = decision
    }

    /// The encoding decision made before the stream started, if any.
    private var presetDecision: Encodings.Decision?

    /// Adds the next bytes of the input; returns the findings completed by them, in order.
    public func feed(_ bytes: UnsafeRawBufferPointer) -> [Finding] {
        precondition(!finished, "BeianStream.feed after finish")
        var found: [Finding] = []
        var offset = 0
        while offset < bytes.count {
            let end = min(bytes.count, offset + chunkSize)
            let piece = UnsafeRawBufferPointer(rebasing: bytes[offset..<end]).assumingMemoryBound(to: UInt8.self)
            offset = end
            if encoding == nil {
                undecided.append(contentsOf: piece)
                if undecided.count >= Encodings.detectorSample { decideEncoding(isComplete: false, into: &found) }
            } else {
                push(piece, flush: false, into: &found)
            }
        }
        return found
    }

    /// Adds the next bytes of the input (see `feed(_:)`).
    public func feed(_ bytes: [UInt8]) -> [Finding] {
        bytes.withUnsafeBytes { feed($0) }
    }

    /// Ends the input: returns the last findings and computes `issues`.
    public func finish() -> [Finding] {
        guard !finished else { return [] }
        var found: [Finding] = []
        if encoding == nil {
            decideEncoding(isComplete: true, into: &found)
        }
        if decoder != nil { push(UnsafeBufferPointer(start: nil, count: 0), flush: true, into: &found) }
        decideHTML()
        scanText(final: true, into: &found)
        finished = true
        issues = (encodingIssue.map { [$0] } ?? []) + DocumentChecks.issues(for: summary, required: required)
        return found
    }

    private func decideEncoding(isComplete: Bool, into found: inout [Finding]) {
        let prefix = undecided
        undecided = []
        let decision = presetDecision ?? prefix.withUnsafeBufferPointer { bytes in
            encodingOverride.map { Encodings.Decision(name: $0) }
                ?? Encodings.decide(prefix: bytes, isComplete: isComplete, declared: declaredCharset,
                                    utf8Shape: { Encodings.utf8Shape(bytes) })
        }
        let name = decision.name
        encodingIssue = decision.issue
        if name != Encodings.utf8, let decoder = Decoder(charset: name) {
            self.decoder = decoder
            encoding = name
        } else {
            encoding = Encodings.utf8
        }
        prefix.withUnsafeBufferPointer { push($0, flush: false, into: &found) }
    }

    private func push(_ piece: UnsafeBufferPointer<UInt8>, flush: Bool, into found: inout [Finding]) {
        let base = byteCount
        byteCount += piece.count
        if let decoder {
            // A character begun in an earlier piece starts where the bytes the decoder held began.
            let carried = base - decoder.pendingBytes
            let (decoded, offsets) = decoder.decode(piece, flush: flush)
            text += decoded
            inputOffsets += offsets.map { $0 < 0 ? carried : base + Int($0) }
        } else {
            text.append(contentsOf: piece)
        }
        while text.count >= chunkSize + Self.overlapAfter {
            decideHTML()
            scanText(final: false, into: &found)
        }
    }

    private func decideHTML() {
        guard isHTML == nil else { return }
        isHTML = htmlOverride ?? text.withUnsafeBufferPointer { HTMLDocument.looksLikeHTML($0) }
    }

    /// Scans the kept text; appends the findings starting in [reportedUpTo, boundary) to
    /// `reportedFindings` and drops text no longer needed.
    private func scanText(final: Bool, into reportedFindings: inout [Finding]) {
        let boundary = textStart + text.count - (final ? 0 : Self.overlapAfter)
        let html = isHTML ?? false
        var found = text.withUnsafeBufferPointer { scanKept($0, reporting: (reportedUpTo - textStart)..<(boundary - textStart), isHTML: html) }
        // The findings reported are moved to the front and the rest dropped: a dense piece's
        // findings are many, and none is copied on the way.
        let reported = found.withUnsafeMutableBufferPointer { buffer -> Int in
            var reported = 0
            for index in buffer.indices {
                let (textOffset, textEnd) = (buffer[index].start, buffer[index].end)
                let start = textStart + textOffset
                guard start >= reportedUpTo, start < boundary else { continue }
                if html, buffer[index].context != .attribute {
                    buffer[index].context = text.withUnsafeBufferPointer { markup.context(at: start, in: $0, base: textStart) }
                }
                buffer[index].start = inputOffset(ofText: textOffset)
                buffer[index].end = inputOffset(ofText: textEnd)
                text.withUnsafeBufferPointer { kept in
                    positions.advance(to: start, in: kept, base: textStart)
                    buffer[index].position = positions.position
                    buffer[index].endPosition = positions.position(at: textStart + textEnd, in: kept, base: textStart)
                }
                summary.add(buffer[index])
                guard buffer[index].virtualRegistry == nil else { continue }
                if !buffer[index].isValid { allFindingsValid = false }
                buffer.swapAt(reported, index)
                reported += 1
            }
            return reported
        }
        found.removeLast(found.count - reported)
        // Most calls report one scan's findings: the list is taken whole, not copied.
        if reportedFindings.isEmpty { reportedFindings = found } else { reportedFindings += found }
        reportedUpTo = boundary
        if !final {
            let keep = max(textStart, boundary - Self.overlapBefore)
            if html, markup.position < keep {
                _ = text.withUnsafeBufferPointer { markup.context(at: keep, in: $0, base: textStart) }
            }
            text.withUnsafeBufferPointer { positions.advance(to: keep, in: $0, base: textStart) }
            let drop = keep - textStart
            text.removeSubrange(0..<drop)
            if !inputOffsets.isEmpty { inputOffsets.removeSubrange(0..<drop) }
            textStart = keep
        }
    }

    /// The kept text's findings, among them all that start in `reported` (offsets in the kept
    /// text). A long stretch is scanned in two halves at once, on two cores: each half keeps
    /// the findings starting in it, and reads the same margins past its ends as a chunk does,
    /// so an identifier across the middle is found whole once, by the half it starts in.
    private func scanKept(_ kept: UnsafeBufferPointer<UInt8>, reporting reported: Range<Int>, isHTML: Bool) -> [Finding] {
        guard reported.count >= Self.parallelScanMinimum else { return scanner.scan(kept, isHTML: isHTML, baseHost: baseHost) }
        let middle = reported.lowerBound + reported.count / 2
        let halves = UnsafeMutableBufferPointer<[Finding]>.allocate(capacity: 2)
        halves.initialize(repeating: [])
        defer { halves.deinitialize().deallocate() }
        let split = SplitScan(kept: kept, halves: halves)
        let (scanner, baseHost) = (scanner, baseHost)
        DispatchQueue.concurrentPerform(iterations: 2) { half in
            let starts = half == 0 ? reported.lowerBound..<middle : middle..<reported.upperBound
            let read = max(0, starts.lowerBound - Self.overlapBefore)..<min(split.kept.count, starts.upperBound + Self.overlapAfter)
            var found = scanner.scan(UnsafeBufferPointer(rebasing: split.kept[read]), isHTML: isHTML, baseHost: baseHost)
            found.removeAll { !starts.contains(read.lowerBound + $0.start) }
            for index in found.indices {
                found[index].start += read.lowerBound
                found[index].end += read.lowerBound
            }
            split.halves[half] = found
        }
        return halves[0] + halves[1]
    }

    /// The stretch of kept text from which a scan is split in two halves (`scanKept`).
    static let parallelScanMinimum = 64 * 1024

    /// The input offset of an index into `text` (half-open: the end maps past the last byte).
    private func inputOffset(ofText index: Int) -> Int {
        if decoder == nil { return textStart + index }
        return index < inputOffsets.count ? inputOffsets[index] : byteCount
    }
}

/// What the two scans of `BeianStream.scanKept` share: the text both read, and a result per
/// half, each written by its own scan only.
private struct SplitScan: @unchecked Sendable {
    let kept: UnsafeBufferPointer<UInt8>
    let halves: UnsafeMutableBufferPointer<[Finding]>
}
