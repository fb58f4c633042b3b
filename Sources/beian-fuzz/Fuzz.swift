// libFuzzer target: scanning and checking arbitrary bytes must never crash, hang or break the
// report's invariants. Built only with `-sanitize=fuzzer,address` (see README, Fuzzing).
@_spi(Reference) import Beian
import CBeianFuzzDriver
import CBeianScan

/// The entry point SwiftPM gives this executable; it hands control to libFuzzer.
@_cdecl("beian_fuzz_main")
public func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    var count = argc
    var arguments = argv
    // libFuzzer's driver (or, without libFuzzer, CBeianFuzzDriver's replay).
    return LLVMFuzzerRunDriver(&count, &arguments) { data, size in
        fuzzOneInput(data ?? UnsafePointer(bitPattern: 1)!, size)
    }
}

private let scanner: BeianScanner = {
    do { return try BeianScanner(referenceYear: 2026) } catch { fatalError("ICU unavailable: \(error)") }
}()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = UnsafeRawBufferPointer(start: data, count: size)
    // The first byte picks the reading: detected, HTML, text, a forced legacy encoding, or a
    // stream fed in two pieces.
    let mode = size > 0 ? bytes[0] % 8 : 0
    let report: Report
    switch mode {
    case 1: report = scanner.check(bytes, isHTML: true)
    case 2: report = scanner.check(bytes, isHTML: false)
    case 3: report = scanner.check(bytes, encoding: "GB18030")
    case 4: report = scanner.check(bytes, encoding: "Big5")
    default: report = scanner.check(bytes)
    }
    var previousEnd = 0
    for finding in report.findings {
        // Offsets lie in the input, in order, without overlap; JSON always serialises.
        precondition(finding.start >= previousEnd && finding.start < finding.end && finding.end <= size)
        previousEnd = finding.end
        precondition(!ReportJSON.value(of: finding).serialized().isEmpty)
    }
    // The AVX2 loops report what the byte-by-byte loops report, on UTF-8, GB18030 and Big5.
    for reading in Reading.allCases {
        for html in [false, true] {
            precondition(positions(bytes, reading, html: html, scalarOnly: false) == positions(bytes, reading, html: html, scalarOnly: true),
                         "\(reading): the AVX2 and byte-by-byte loops differ")
        }
    }
    // The AVX2 UTF-8 check gives the byte-by-byte walk's answer.
    if let base = bytes.baseAddress?.assumingMemoryBound(to: UInt8.self) {
        for truncated: Int32 in [0, 1] {
            precondition(beian_utf8_valid_prefix(base, size, truncated) == beian_utf8_valid_prefix_scalar(base, size, truncated),
                         "the AVX2 and byte-by-byte UTF-8 checks differ")
        }
    }
    // Valid UTF-8 gives, as text and as HTML, what the reference reading of the whole input
    // gives. Only inputs that one anchor window holds whole (192 bytes before an anchor): in
    // longer ones a label may stand farther from its number than a window reaches (a long tag
    // between them), which the reference reading still joins (see README, Limits).
    if size <= 192, let base = bytes.baseAddress, beian_utf8_valid_prefix(base.assumingMemoryBound(to: UInt8.self), size, 0) == size {
        let buffer = UnsafeBufferPointer(start: base.assumingMemoryBound(to: UInt8.self), count: size)
        for html in [false, true] {
            let fast = scanner.findings(in: buffer, isHTML: html).map(\.summary)
            precondition(fast == scanner.referenceFindings(in: buffer, isHTML: html).map(\.summary), "fast and reference differ")
        }
    }
    // A stream fed in two pieces finds what the whole check finds.
    if mode == 5 {
        let stream = BeianStream(scanner: scanner)
        let cut = size / 2
        var found = stream.feed(UnsafeRawBufferPointer(rebasing: bytes[0..<cut]))
        found += stream.feed(UnsafeRawBufferPointer(rebasing: bytes[cut..<size]))
        found += stream.finish()
        precondition(found.map(\.start) == report.findings.map(\.start), "stream and check differ")
    }
    return 0
}

enum Reading: CaseIterable {
    case utf8, gb18030, big5
}

/// The anchors (UTF-8) or candidates (GB18030, Big5) the C loops find in `bytes`, with
/// windows of Prefilter's sizes (192 bytes before, 384 after).
private func positions(_ bytes: UnsafeRawBufferPointer, _ reading: Reading, html: Bool, scalarOnly: Bool) -> [Int] {
    guard let base = bytes.baseAddress?.assumingMemoryBound(to: UInt8.self), !bytes.isEmpty else { return [] }
    var state = BeianAnchorState()
    beian_anchor_state_init(&state, html ? 1 : 0)
    var legacyState = BeianLegacyState()
    beian_legacy_state_init(&legacyState, html ? 1 : 0)
    var out = [Int](repeating: 0, count: 256)
    var found: [Int] = []
    var from = 0
    while from < bytes.count {
        var resume = 0
        let count = out.withUnsafeMutableBufferPointer { out in
            switch reading {
            case .utf8:
                beian_find_anchors(base, bytes.count, from, 192, 384, scalarOnly ? 1 : 0, &state, out.baseAddress!, out.count, &resume)
            case .gb18030, .big5:
                beian_find_legacy_candidates(base, bytes.count, from, reading == .big5 ? 1 : 0, scalarOnly ? 1 : 0, &legacyState,
                                             out.baseAddress!, out.count, &resume)
            }
        }
        found += out[0..<count]
        from = resume
    }
    return found
}

private extension Finding {
    /// What the fast path and the reference must agree on.
    var summary: String { "\(kind.rawValue) \(start)..<\(end) \(number)" }
}
