import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Seconds taken by `body`.
func seconds(_ body: () throws -> Void) rethrows -> Double {
    let start = ContinuousClock.now
    try body()
    let elapsed = ContinuousClock.now - start
    return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
}

/// The best (smallest) of `runs` timings.
func best(of runs: Int, _ body: () throws -> Void) rethrows -> Double {
    var fastest = Double.infinity
    for _ in 0..<runs { fastest = min(fastest, try seconds(body)) }
    return fastest
}

func megabytes(_ bytes: Int) -> Double { Double(bytes) / 1_000_000 }

/// A finished child process: wall time, peak resident memory and exit status.
struct ChildRun {
    let seconds: Double
    let peakRSSKilobytes: Int
    let status: Int32
}

/// Runs `path` with `arguments`, stdout to /dev/null; `feed` (if any) writes its stdin.
func runChild(_ path: String, _ arguments: [String], feed: ((Int32) -> Void)? = nil) -> ChildRun {
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    var fds: [Int32] = [-1, -1]
    if feed != nil {
        _ = pipe(&fds)
        posix_spawn_file_actions_adddup2(&actions, fds[0], 0)
        posix_spawn_file_actions_addclose(&actions, fds[1])
        posix_spawn_file_actions_addclose(&actions, fds[0])
    }
    posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
    let argv = ([path] + arguments).map { strdup($0) } + [nil]
    defer { argv.forEach { free($0) } }
    var pid: pid_t = 0
    let start = ContinuousClock.now
    guard posix_spawn(&pid, path, &actions, nil, argv, environ) == 0 else {
        return ChildRun(seconds: 0, peakRSSKilobytes: 0, status: -1)
    }
    // Peak memory is read from /proc while the child runs: the kernel's own maximum
    // (ru_maxrss) also counts the parent's memory, shared until the child's exec.
    let watcher = PeakMemoryWatcher(pid: pid)
    watcher.start()
    if let feed {
        close(fds[0])
        feed(fds[1])
        close(fds[1])
    }
    var status: Int32 = 0
    var usage = rusage()
    wait4(pid, &status, 0, &usage)
    // The time is taken before the watcher stops: stopping waits out its 10 ms poll, which put
    // every wall time on a 10 ms step.
    let elapsed = ContinuousClock.now - start
    let peak = watcher.stop()
    let wall = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    return ChildRun(seconds: wall, peakRSSKilobytes: peak, status: (status >> 8) & 0xFF)
}

/// Polls a process's VmHWM (its peak resident memory since exec) every 10 ms.
final class PeakMemoryWatcher: @unchecked Sendable {
    private let path: String
    private let lock = NSLock()
    private var peak = 0
    private var running = true
    private let finished = DispatchSemaphore(value: 0)

    init(pid: pid_t) { path = "/proc/\(pid)/status" }

    func start() {
        Thread.detachNewThread { [self] in
            while lock.withLock({ running }) {
                if let status = try? String(contentsOfFile: path, encoding: .utf8),
                   let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
                   let kilobytes = Int(line.split(separator: " ").dropFirst().first ?? "") {
                    lock.withLock { peak = max(peak, kilobytes) }
                }
                usleep(10_000)
            }
            finished.signal()
        }
    }

    /// Stops polling; the highest VmHWM seen, in kilobytes.
    func stop() -> Int {
        lock.withLock { running = false }
        finished.wait()
        return lock.withLock { peak }
    }
}

/// Writes all of `bytes` to `fd`, retrying short writes.
func writeAll(_ fd: Int32, _ bytes: UnsafeRawBufferPointer) {
    var offset = 0
    while offset < bytes.count {
        let written = write(fd, bytes.baseAddress! + offset, bytes.count - offset)
        if written < 0 {
            if errno == EINTR { continue }
            return
        }
        offset += written
    }
}

/// The path of `name` on PATH, if any.
func which(_ name: String) -> String? {
    for folder in (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":") {
        let candidate = "\(folder)/\(name)"
        if access(candidate, X_OK) == 0 { return candidate }
    }
    return nil
}

/// The CPU model, from /proc/cpuinfo.
func cpuModel() -> String {
    guard let info = try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8) else { return "unknown CPU" }
    let line = info.split(separator: "\n").first { $0.hasPrefix("model name") }
    return line.map { String($0.split(separator: ":", maxSplits: 1).last ?? "").trimmingCharacters(in: .whitespaces) } ?? "unknown CPU"
}
