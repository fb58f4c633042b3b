import Beian
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// Whether everything written to standard output arrived. A full disk (ENOSPC), a closed
/// descriptor (EBADF) or any other write error must not pass silently: the command ends with
/// a bilingual error on standard error and exit status 2. A reader that went away (EPIPE,
/// `beian scan … | head`) ends the command quietly, as SIGPIPE ends other tools.
enum OutputCheck {

    /// The first write error seen on standard output, as an errno value (0: none).
    private static let firstError = Atomic<Int32>(0)

    /// Records a failed write on standard output (the first error wins).
    static func recordFailure(_ code: Int32) {
        _ = firstError.compareExchange(expected: 0, desired: code, ordering: .relaxed)
        if code == EPIPE { endQuietlyOnBrokenPipe() }
    }

    /// Flushes what `print` buffered and ends the process if any write to standard output
    /// failed; returns otherwise.
    static func verify() {
        // Flushing every stream (print's buffer among them) fails again if an earlier write did:
        // a full disk or a closed descriptor stays so.
        errno = 0
        if fflush(nil) != 0 { recordFailure(errno == 0 ? EIO : errno) }
        let code = firstError.load(ordering: .relaxed)
        guard code != 0 else { return }
        if code == EPIPE { endQuietlyOnBrokenPipe() }
        let detail = String(cString: strerror(code))
        let line = "beian: 无法写入标准输出：\(detail) / cannot write to standard output: \(detail)\n"
        _ = Array(line.utf8).withUnsafeBytes { write(2, $0.baseAddress, $0.count) }
        exit(2)
    }

    /// Ends as a tool killed by SIGPIPE does: no message, status 128 + SIGPIPE.
    private static func endQuietlyOnBrokenPipe() -> Never {
        signal(SIGPIPE, SIG_DFL)
        raise(SIGPIPE)
        exit(128 + SIGPIPE)
    }
}
