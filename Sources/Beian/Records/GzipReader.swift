import CBeianZlib

/// Decompresses a gzip file of one or many members (RFC 1952), member by member, in bounded
/// memory: a `.warc.gz`, a `.jsonl.gz`, a `page.html.gz`.
///
/// Each member's start is reported with its offset in the file and the offset of its first
/// byte in the decompressed stream. A corrupt member is a problem at its offset; reading then
/// goes on at the next gzip header (`1f 8b 08`) after the member's start, so the members after
/// it still come out. A member cut off by the end of the file is a problem too.
///
/// ```swift
/// let gzip = try GzipReader(path: "page.html.gz")
/// let stream = BeianStream(scanner: scanner, source: "page.html.gz")
/// var findings: [Finding] = []
/// while let piece = gzip.nextData() { findings += stream.feed(piece) }
/// findings += stream.finish()
/// gzip.problems   // corrupt or truncated members, if any
/// ```
///
/// Not thread-safe: one reader per file.
package final class GzipReader {
    /// What the reader found next.
    package enum Event: Sendable, Hashable {
        /// A member starts at `offset` in the file; its first byte is at `uncompressedOffset`
        /// in the decompressed stream.
        case member(offset: Int, uncompressedOffset: Int)
        /// The next decompressed bytes (at most about 1 MiB).
        case data([UInt8])
        /// A fault; reading goes on after it.
        case problem(RecordProblem)
    }

    /// The file's path as given.
    package let file: String
    /// Decompressed bytes produced so far: the uncompressed offset of the next byte.
    package private(set) var uncompressedCount = 0
    /// The problems `nextData()` passed over.
    package private(set) var problems: [RecordProblem] = []

    private let input: FileInput
    private let inflater = Inflater(format: BEIAN_INFLATE_GZIP)
    /// Compressed bytes read and not yet dropped; `buffer[0]` is at file offset `bufferStart`.
    private var buffer: [UInt8] = []
    private var bufferStart = 0
    private var cursor = 0
    private var inputEnded = false
    private var scratch = [UInt8](repeating: 0, count: 1 << 20)
    private var pending: [Event] = []
    private var pendingIndex = 0

    private enum State {
        case between
        case member(start: Int)
        case done
    }
    private var state = State.between
    /// Members read so far.
    private var memberCount = 0
    /// Whether the bytes before the next member are the rest of a corrupt one (already reported).
    private var skippingCorrupt = false

    /// Opens the file at `path` ("-": standard input).
    package convenience init(path: String) throws(BeianError) {
        self.init(input: try FileInput(path: path))
    }

    /// Reads an open descriptor, which stays open; `name` is the file's name in problems.
    package convenience init(fileDescriptor: Int32, name: String) {
        self.init(input: FileInput(fileDescriptor: fileDescriptor, name: name, owns: false))
    }

    init(input: FileInput) {
        self.input = input
        file = input.name
    }

    /// The next event, or nil at the end of the file.
    package func next() -> Event? {
        if pendingIndex < pending.count {
            defer {
                pendingIndex += 1
                if pendingIndex == pending.count { pending = []; pendingIndex = 0 }
            }
            return pending[pendingIndex]
        }
        while true {
            switch state {
            case .done:
                return nil
            case .between:
                if let event = startMember() { return event }
            case .member(let start):
                if let event = inflate(memberStart: start) { return event }
            }
        }
    }

    /// The next decompressed bytes, or nil at the end; member starts are passed over and
    /// problems kept in `problems`.
    package func nextData() -> [UInt8]? {
        while let event = next() {
            switch event {
            case .data(let bytes): return bytes
            case .member: continue
            case .problem(let problem): problems.append(problem)
            }
        }
        return nil
    }

    // MARK: - Members

    /// Between members: opens the next one, or passes over bytes that are not one.
    private func startMember() -> Event? {
        _ = ensure(4)
        let available = buffer.count - cursor
        if available == 0 {
            state = .done
            return readFailure()
        }
        let isStart = buffer.withUnsafeBufferPointer { Bytes.isGzipStart($0, at: cursor) }
        if isStart {
            let offset = bufferStart + cursor
            inflater.reset()
            state = .member(start: offset)
            memberCount += 1
            skippingCorrupt = false
            return .member(offset: offset, uncompressedOffset: uncompressedCount)
        }
        let start = bufferStart + cursor
        var skipped = 0
        var allZero = true
        while true {
            let found: Int? = buffer.withUnsafeBufferPointer { bytes in
                var from = cursor
                while let candidate = Bytes.index(of: 0x1f, in: bytes, from: from, to: bytes.count) {
                    if candidate + 4 > bytes.count { return nil }
                    if Bytes.isGzipStart(bytes, at: candidate) { return candidate }
                    from = candidate + 1
                }
                return nil
            }
            // Everything before the last 3 bytes (a magic may straddle the next block) is passed.
            let end = found ?? max(cursor, buffer.count - 3)
            if allZero { allZero = buffer[cursor..<end].allSatisfy { $0 == 0 } }
            skipped += end - cursor
            cursor = end
            if found != nil { break }
            if !refill() {
                let rest = buffer.count - cursor
                if allZero { allZero = buffer[cursor...].allSatisfy { $0 == 0 } }
                skipped += rest
                cursor = buffer.count
                break
            }
        }
        let atEnd = cursor == buffer.count && inputEnded
        // Zero bytes after the last member (block padding) are no fault, as for gzip(1); the
        // rest of a corrupt member was reported with it.
        if allZero && atEnd && memberCount > 0 || skippingCorrupt { return readFailure() }
        let message = memberCount == 0
            ? Bilingual(zh: "文件开头的 \(skipped) 字节不是 gzip 数据，已跳过", en: "\(skipped) bytes at the start are not gzip data; skipped")
            : Bilingual(zh: "gzip 成员之间有 \(skipped) 字节不属于任何成员，已跳过",
                        en: "\(skipped) bytes between gzip members belong to no member; skipped")
        return .problem(RecordProblem(code: .notGzip, file: file, offset: start, uncompressedOffset: uncompressedCount,
                                      message: message))
    }

    /// Inside a member: the next decompressed bytes, its end, or its fault.
    private func inflate(memberStart: Int) -> Event? {
        var stalls = 0
        while true {
            if cursor == buffer.count, !refill() {
                state = .done
                let problem = RecordProblem(
                    code: .truncatedGzip, file: file, offset: memberStart, uncompressedOffset: uncompressedCount,
                    message: Bilingual(zh: "偏移 \(memberStart) 处的 gzip 成员不完整：文件在其中结束",
                                       en: "the gzip member at offset \(memberStart) is cut off: the file ends inside it"))
                if let failure = readFailure() { queue(failure) }
                return .problem(problem)
            }
            let (status, used, written) = buffer.withUnsafeBytes { input in
                scratch.withUnsafeMutableBytes { output in
                    inflater.run(UnsafeRawBufferPointer(rebasing: input[cursor...]), into: output)
                }
            }
            cursor += used
            uncompressedCount += written
            let data: Event? = written > 0 ? .data(Array(scratch[0..<written])) : nil
            switch status {
            case .end:
                state = .between
                if let data { return data }
                return nil
            case .progress:
                if let data { return data }
                if used == 0 {
                    // zlib took nothing although input and space were there: it cannot go on.
                    stalls += 1
                    if cursor < buffer.count, stalls > 1 { return fail(memberStart: memberStart, data: nil, detail: "no progress") }
                }
            case .dataError, .failed:
                return fail(memberStart: memberStart, data: data, detail: inflater.message)
            }
        }
    }

    /// A corrupt member: reports it and goes back to just after its start to look for the next.
    private func fail(memberStart: Int, data: Event?, detail: String) -> Event {
        let problem = RecordProblem(
            code: .corruptGzip, file: file, offset: memberStart, uncompressedOffset: uncompressedCount,
            message: Bilingual(zh: "偏移 \(memberStart) 处的 gzip 成员已损坏（\(detail)），从下一个 gzip 成员继续读取",
                               en: "the gzip member at offset \(memberStart) is corrupt (\(detail)); reading goes on at the next gzip member"))
        let resume = memberStart + 1
        if resume >= bufferStart, resume <= bufferStart + buffer.count {
            cursor = resume - bufferStart
        } else if input.seek(to: resume) {
            buffer = []
            bufferStart = resume
            cursor = 0
            inputEnded = false
        }
        // Else (a pipe that cannot go back): the search starts where zlib stopped.
        state = .between
        skippingCorrupt = true
        guard let data else { return .problem(problem) }
        queue(.problem(problem))
        return data
    }

    private func queue(_ event: Event) { pending.append(event) }

    private func readFailure() -> Event? {
        guard let failure = input.failure else { return nil }
        return .problem(RecordProblem(code: .readError, file: file, offset: input.position, uncompressedOffset: uncompressedCount,
                                      message: Bilingual(zh: "读取 \(file) 出错：\(failure)", en: "error reading \(file): \(failure)")))
    }

    // MARK: - Input

    /// Reads until at least `count` bytes are buffered from the cursor, or the input ends.
    private func ensure(_ count: Int) -> Bool {
        while buffer.count - cursor < count {
            if !refill() { return false }
        }
        return true
    }

    /// Reads the next block; false at the end of the input. Bytes before the cursor are dropped,
    /// except those of the current member's first MiB (kept to resume after a fault there).
    private func refill() -> Bool {
        guard !inputEnded else { return false }
        var keepFrom = cursor
        if case .member(let start) = state, start >= bufferStart, bufferStart + cursor - start <= FileInput.blockSize {
            keepFrom = start - bufferStart
        }
        if keepFrom > 0 {
            buffer.removeFirst(keepFrom)
            bufferStart += keepFrom
            cursor -= keepFrom
        }
        if input.read(into: &buffer) == 0 {
            inputEnded = true
            return false
        }
        return true
    }
}
