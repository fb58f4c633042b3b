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
/// be checked for UTF-8 validity to its end first). Not thread-safe: one stream per input.
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
                if undecided.count >= Encodings.detectorSample { found += decideEncoding(isComplete: false) }
            } else {
                found += push(piece, flush: false)
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
            found += decideEncoding(isComplete: true)
        }
        if decoder != nil { found += push(UnsafeBufferPointer(start: nil, count: 0), flush: true) }
        decideHTML()
        found += scanText(final: true)
        finished = true
        issues = (encodingIssue.map { [$0] } ?? []) + DocumentChecks.issues(for: summary, required: required)
        return found
    }

    private func decideEncoding(isComplete: Bool) -> [Finding] {
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
        return prefix.withUnsafeBufferPointer { push($0, flush: false) }
    }

    private func push(_ piece: UnsafeBufferPointer<UInt8>, flush: Bool) -> [Finding] {
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
        var found: [Finding] = []
        while text.count >= chunkSize + Self.overlapAfter {
            decideHTML()
            found += scanText(final: false)
        }
        return found
    }

    private func decideHTML() {
        guard isHTML == nil else { return }
        isHTML = htmlOverride ?? text.withUnsafeBufferPointer { HTMLDocument.looksLikeHTML($0) }
    }

    /// Scans the kept text; returns the findings starting in [reportedUpTo, boundary) and drops
    /// text no longer needed.
    private func scanText(final: Bool) -> [Finding] {
        let boundary = textStart + text.count - (final ? 0 : Self.overlapAfter)
        let html = isHTML ?? false
        var found = text.withUnsafeBufferPointer { scanner.scan($0, isHTML: html, baseHost: baseHost) }
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
        return found
    }

    /// The input offset of an index into `text` (half-open: the end maps past the last byte).
    private func inputOffset(ofText index: Int) -> Int {
        if decoder == nil { return textStart + index }
        return index < inputOffsets.count ? inputOffsets[index] : byteCount
    }
}
