#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads inputs for the CLI and for crawlers that hold paths: whole files, standard input,
/// FIFOs and devices.
public enum DocumentReader {
    /// Inputs up to this size are read whole and checked in place; larger ones, and inputs
    /// whose size is not known (standard input, FIFOs, devices), are read in pieces.
    public static let wholeLimit = BeianScanner.wholeDocumentLimit
    /// Bytes read at a time when reading in pieces.
    public static let pieceSize = 1 << 20

    /// What is said of a file that ended before the size it had when opened.
    public static func shrankNote(read: Int, expected: Int) -> Bilingual {
        Bilingual(zh: "文件在读取时变短（读到 \(read) 字节，原有 \(expected) 字节），已检查读到的部分",
                  en: "the file shrank while it was read (\(read) of \(expected) bytes); what was read is checked")
    }

    /// An input checked: its report, and how much of it there was.
    public struct CheckedInput: Sendable {
        public let report: Report
        /// Bytes read.
        public let bytesRead: Int
        /// The size a regular file had when opened, when it ended before it: it shrank while
        /// read, and `report` covers what was read.
        public let shrankFrom: Int?
    }

    /// Checks the input at `path` ("-": standard input) in bounded memory: a regular file up to
    /// `wholeLimit` is read whole (never mapped: a file that shrinks under a mapping raises
    /// SIGBUS); a larger file, a FIFO or standard input (which may be anything, /dev/zero
    /// included) in pieces of `pieceSize` through a `BeianStream`, so an endless input runs
    /// until stopped, as `cat` does, without growing. A FIFO with no writer blocks until one
    /// opens it, as it does for `cat`. Other named paths (folders, devices) are `notAFile`.
    public static func check(path: String, scanner: BeianScanner, required: Set<Kind> = [], isHTML: Bool? = nil,
                             encoding: String? = nil) throws(BeianError) -> CheckedInput {
        try check(pathBytes: Array(path.utf8), source: path, scanner: scanner, required: required, isHTML: isHTML,
                  encoding: encoding)
    }

    /// Checks the file whose path is `pathBytes` as the system names it — bytes that need not
    /// be UTF-8 (a name such as `a\xff.txt` is opened as it is) — reporting it as `source`
    /// (for display: the name read as UTF-8, invalid bytes as U+FFFD). `[UInt8]("-".utf8)` is
    /// standard input. See `check(path:scanner:required:isHTML:encoding:)`.
    public static func check(pathBytes: [UInt8], source: String, scanner: BeianScanner, required: Set<Kind> = [],
                             isHTML: Bool? = nil, encoding: String? = nil) throws(BeianError) -> CheckedInput {
        let path = source
        let fd = pathBytes == [UInt8(ascii: "-")] ? 0 : (pathBytes + [0]).withUnsafeBufferPointer { name in
            name.withMemoryRebound(to: CChar.self) { open($0.baseAddress!, O_RDONLY) }
        }
        guard fd >= 0 else { throw .unreadable(path: path, detail: lastError()) }
        defer { if fd != 0 { close(fd) } }
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw .unreadable(path: path, detail: lastError()) }
        let type = info.st_mode & S_IFMT
        // Standard input may be anything; a named path must be a regular file or a FIFO.
        guard fd == 0 || type == S_IFREG || type == S_IFIFO else { throw .notAFile(path: path) }
        let size = type == S_IFREG ? Int(info.st_size) : nil
        if let size, size <= wholeLimit {
            let bytes = try readAll(fd: fd, path: path)
            let report = scanner.check(bytes, source: path, required: required, isHTML: isHTML, encoding: encoding)
            return CheckedInput(report: report, bytesRead: bytes.count, shrankFrom: bytes.count < size ? size : nil)
        }
        let stream = BeianStream(scanner: scanner, source: path, required: required, isHTML: isHTML, encoding: encoding)
        var findings: [Finding] = []
        var total = 0
        var piece = [UInt8](repeating: 0, count: pieceSize)
        while true {
            let count = piece.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw .unreadable(path: path, detail: lastError())
            }
            if count == 0 { break }
            total += count
            findings += piece.withUnsafeBytes { stream.feed(UnsafeRawBufferPointer(rebasing: $0[0..<count])) }
        }
        findings += stream.finish()
        let report = Report(source: path, findings: findings, issues: stream.issues, isHTML: stream.isHTML ?? false,
                            encoding: stream.encoding ?? "UTF-8")
        return CheckedInput(report: report, bytesRead: total, shrankFrom: size.flatMap { total < $0 ? $0 : nil })
    }

    /// The bytes of the file at `path`, or of standard input for "-".
    public static func read(path: String) throws(BeianError) -> [UInt8] {
        if path == "-" { return try readAll(fd: 0, path: path) }
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { throw .unreadable(path: path, detail: lastError()) }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw .unreadable(path: path, detail: lastError()) }
        guard (info.st_mode & S_IFMT) == S_IFREG || (info.st_mode & S_IFMT) == S_IFIFO else { throw .notAFile(path: path) }
        return try readAll(fd: fd, path: path)
    }

    private static func readAll(fd: Int32, path: String) throws(BeianError) -> [UInt8] {
        var result: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = chunk.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw .unreadable(path: path, detail: lastError())
            }
            if count == 0 { return result }
            result.append(contentsOf: chunk[0..<count])
        }
    }

    private static func lastError() -> String { String(cString: strerror(errno)) }
}
