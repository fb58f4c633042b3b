// libFuzzer target: scanning and checking arbitrary bytes must never crash, hang or break the
// report's invariants. Built only with `-sanitize=fuzzer,address` (see README, Fuzzing).
import Beian
import CBeianFuzzDriver

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
