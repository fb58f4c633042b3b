import CBeianZlib
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A file descriptor read in blocks, with bytes already looked at (a sniffed head) given back
/// first, and seeking where the file allows it.
final class FileInput {
    /// Bytes read at a time.
    static let blockSize = 1 << 20

    let name: String
    private let fd: Int32
    private let ownsDescriptor: Bool
    /// Whether the input is a regular file (it can be read again from an earlier offset).
    let isSeekable: Bool
    /// The descriptor's offset when reading began: offsets count from there.
    private let origin: Int
    /// Bytes to hand out before reading the descriptor again.
    private var pushback: [UInt8] = []
    /// The offset of the next byte `read` returns.
    private(set) var position = 0
    /// The error that ended reading, if one did.
    private(set) var failure: String?
    /// Where blocks are read to before they are appended.
    private var scratch: [UInt8] = []

    /// Opens `path` ("-": standard input) for reading.
    convenience init(path: String) throws(BeianError) {
        if path == "-" {
            self.init(fileDescriptor: 0, name: path, owns: false)
            return
        }
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { throw .unreadable(path: path, detail: String(cString: strerror(errno))) }
        var info = stat()
        guard fstat(fd, &info) == 0 else {
            let detail = String(cString: strerror(errno))
            close(fd)
            throw .unreadable(path: path, detail: detail)
        }
        let type = info.st_mode & S_IFMT
        guard type == S_IFREG || type == S_IFIFO else {
            close(fd)
            throw .notAFile(path: path)
        }
        self.init(fileDescriptor: fd, name: path, owns: true)
    }

    init(fileDescriptor: Int32, name: String, owns: Bool) {
        fd = fileDescriptor
        self.name = name
        ownsDescriptor = owns
        var info = stat()
        let regular = fstat(fileDescriptor, &info) == 0 && (info.st_mode & S_IFMT) == S_IFREG
        let start = regular ? Int(lseek(fileDescriptor, 0, SEEK_CUR)) : 0
        isSeekable = regular && start >= 0
        origin = max(start, 0)
    }

    deinit {
        if ownsDescriptor { close(fd) }
    }

    /// Appends up to `count` bytes to `buffer`; returns how many (0: the input ended, or
    /// failed, see `failure`).
    func read(into buffer: inout [UInt8], count: Int = FileInput.blockSize) -> Int {
        if !pushback.isEmpty {
            let taken = min(count, pushback.count)
            buffer.append(contentsOf: pushback[0..<taken])
            pushback.removeFirst(taken)
            position += taken
            return taken
        }
        guard failure == nil else { return 0 }
        if scratch.count < count { scratch = [UInt8](repeating: 0, count: count) }
        while true {
            let got = scratch.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, count) }
            if got < 0 {
                if errno == EINTR { continue }
                failure = String(cString: strerror(errno))
                return 0
            }
            scratch.withUnsafeBufferPointer { buffer.append(contentsOf: UnsafeBufferPointer(rebasing: $0[0..<got])) }
            position += got
            return got
        }
    }

    /// The first `count` bytes (fewer if the input is shorter), which `read` then gives again.
    func peek(_ count: Int) -> [UInt8] {
        var head: [UInt8] = []
        while head.count < count {
            var more: [UInt8] = []
            let got = read(into: &more, count: count - head.count)
            if got == 0 { break }
            head += more
        }
        pushback = head + pushback
        position -= head.count
        return head
    }

    /// Moves to `offset` (from where reading began); false when the input cannot seek.
    func seek(to offset: Int) -> Bool {
        guard isSeekable, lseek(fd, off_t(origin + offset), SEEK_SET) >= 0 else { return false }
        pushback = []
        position = offset
        return true
    }
}

/// zlib's streaming inflate (CBeianZlib), one stream or gzip member at a time.
final class Inflater {
    enum Status { case progress, end, dataError, failed }

    private let raw: OpaquePointer

    init(format: BeianInflateFormat) {
        guard let made = beian_inflater_create(format) else { fatalError("zlib: out of memory") }
        raw = made
    }

    deinit { beian_inflater_destroy(raw) }

    func reset() { _ = beian_inflater_reset(raw) }

    /// zlib's message for the last error.
    var message: String { String(cString: beian_inflater_message(raw)) }

    /// Inflates `input` into `output`; returns the status and the bytes used and written.
    func run(_ input: UnsafeRawBufferPointer, into output: UnsafeMutableRawBufferPointer) -> (Status, used: Int, written: Int) {
        var used = 0
        var written = 0
        let status = beian_inflater_run(raw, input.baseAddress?.assumingMemoryBound(to: UInt8.self), input.count, &used,
                                        output.baseAddress?.assumingMemoryBound(to: UInt8.self), output.count, &written)
        let mapped: Status = switch status {
        case BEIAN_INFLATE_OK: .progress
        case BEIAN_INFLATE_END: .end
        case BEIAN_INFLATE_DATA_ERROR: .dataError
        default: .failed
        }
        return (mapped, used, written)
    }
}

/// Byte-level helpers shared by the record readers.
enum Bytes {
    static let gzipMagic: [UInt8] = [0x1f, 0x8b, 0x08]

    /// Whether `bytes[index...]` opens a gzip member: the magic, deflate, and no reserved flag.
    static func isGzipStart(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Bool {
        index + 4 <= bytes.count && bytes[index] == 0x1f && bytes[index + 1] == 0x8b && bytes[index + 2] == 0x08
            && bytes[index + 3] & 0xe0 == 0
    }

    /// The index of the first `byte` in `bytes[from..<to]`, or nil.
    static func index(of byte: UInt8, in bytes: UnsafeBufferPointer<UInt8>, from: Int, to: Int) -> Int? {
        guard from < to, let base = bytes.baseAddress else { return nil }
        guard let found = memchr(base + from, Int32(byte), to - from) else { return nil }
        return base.distance(to: found.assumingMemoryBound(to: UInt8.self))
    }

    /// Whether `bytes[at...]` starts with `prefix` (ASCII, exact case).
    static func hasPrefix(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int, _ prefix: StaticString) -> Bool {
        let count = prefix.utf8CodeUnitCount
        guard index + count <= bytes.count else { return false }
        let start = prefix.utf8Start
        for offset in 0..<count where bytes[index + offset] != start[offset] { return false }
        return true
    }

}
