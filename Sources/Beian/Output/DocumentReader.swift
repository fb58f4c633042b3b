#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads inputs for the CLI and for crawlers that hold paths: whole files or standard input.
public enum DocumentReader {
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
