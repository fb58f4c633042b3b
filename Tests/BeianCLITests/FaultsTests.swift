import Foundation
import Testing

/// The faults issue's reproductions, replayed against the built binary: each ends with a clear
/// error or note and the documented exit status, never a crash, a hang or lost output.
@Suite(.serialized) struct FaultsTests {
    struct Outcome {
        let status: Int32
        let reason: Process.TerminationReason
        let stdout: String
        let stderr: String
    }

    /// Runs `script` with /bin/sh, `$BEIAN` naming the binary, in the package's root.
    func sh(_ script: String) throws -> Outcome {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", script]
        process.currentDirectoryURL = CLITests.root
        var environment = ProcessInfo.processInfo.environment
        environment["BEIAN"] = CLITests.binary.path
        process.environment = environment
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Outcome(status: process.terminationStatus, reason: process.terminationReason,
                       stdout: String(decoding: outData, as: UTF8.self), stderr: String(decoding: errData, as: UTF8.self))
    }

    func temporaryFolder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("beian-faults-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    /// Row 3: output that cannot be written is an error (exit 2, both languages); a reader that
    /// goes away ends the command quietly.
    @Test func writeErrorsAreReported() throws {
        for command in ["scan Samples/ichongqing.txt", "check Samples/ichongqing.txt", "check --format json Samples/ichongqing.txt",
                        "explain '京公网安备 11010802020088号'"] {
            let full = try sh("\"$BEIAN\" \(command) >/dev/full")
            #expect(full.status == 2, "\(command)")
            #expect(full.stderr.contains("无法写入标准输出") && full.stderr.contains("cannot write to standard output: No space left on device"))
            let closed = try sh("\"$BEIAN\" \(command) >&-")
            #expect(closed.status == 2, "\(command)")
            #expect(closed.stderr.contains("Bad file descriptor"))
        }
        let piped = try sh("\"$BEIAN\" scan --format jsonl Samples/footers Samples/footers Samples/footers | head -c 10 >/dev/null; echo \"${PIPESTATUS:-done}\"")
        #expect(piped.status == 0 && piped.stderr.isEmpty, "\(piped.stderr)")
    }

    /// Row 4: a file named with bytes that are not UTF-8 is opened by its bytes, in a folder and
    /// on the command line; its name is shown with U+FFFD.
    @Test func fileNamesThatAreNotUTF8() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let outcome = try sh("""
        cd \(folder.path) && printf '京ICP备12045678号' > "$(printf 'a\\377.txt')" && printf '沪ICP备12045678号' > "$(printf 'b\\376.html')"
        "$BEIAN" scan --format jsonl . ; echo "scan $?"
        "$BEIAN" check --format json "$(printf 'a\\377.txt')"; echo "check $?"
        "$BEIAN" check --format json . ; echo "site $?"
        """)
        #expect(outcome.stdout.contains("\"source\":\"./a\u{FFFD}.txt\""), "\(outcome.stdout) \(outcome.stderr)")
        #expect(outcome.stdout.contains("\"source\":\"./b\u{FFFD}.html\""))
        #expect(outcome.stdout.contains("scan 0"))
        #expect(outcome.stdout.contains("\"source\":\"a\u{FFFD}.txt\""))
        #expect(outcome.stdout.contains("\"number\":\"12045678\""))
        #expect(outcome.stdout.contains("check 0") && outcome.stdout.contains("site 0"), "\(outcome.stdout)")
        #expect(outcome.stderr.isEmpty, "\(outcome.stderr)")
    }

    /// Row 5: a GBK character cut between two reads of a stream keeps its offset.
    @Test func gbkCharacterAcrossAPieceBoundary() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let unit = Array("正文内容 ".data(using: String.Encoding(rawValue: 0x80000632))!)  // GB18030
        var bytes = Array(Array(repeating: unit, count: 20_000).joined().prefix(65_534)) + [0x20]
        bytes += Array("京ICP备12045678号 正文".data(using: String.Encoding(rawValue: 0x80000632))!)
        try Data(bytes).write(to: folder.appendingPathComponent("g.txt"))
        let streamed = try sh("\"$BEIAN\" scan --format jsonl - < \(folder.path)/g.txt")
        let whole = try sh("\"$BEIAN\" scan --format jsonl \(folder.path)/g.txt")
        #expect(streamed.stdout.contains("\"start\":65535"), "\(streamed.stdout.prefix(300))")
        #expect(whole.stdout.contains("\"start\":65535"))
    }

    /// Row 2: check of an endless standard input runs in bounded memory until stopped.
    @Test func endlessStandardInputIsStreamed() throws {
        let outcome = try sh("""
        "$BEIAN" check - </dev/zero >/dev/null & pid=$!
        sleep 2
        peak=$(awk '/VmHWM/ {print $2}' /proc/$pid/status)
        kill -KILL $pid; wait $pid 2>/dev/null  # Process starts children with SIGTERM blocked
        echo "$peak"
        """)
        let peak = try #require(Int(outcome.stdout.trimmingCharacters(in: .whitespacesAndNewlines)), "\(outcome.stdout) \(outcome.stderr)")
        #expect(peak < 256 * 1024, "peak RSS \(peak) kB after 2 s of /dev/zero")
    }

    /// Row 6: dense findings, all different. Every path gives every finding, in order, and
    /// memory does not grow with their number: 100 000 findings held would take about 110 MB
    /// (1.1 KB each, the issue's 15 MB file peaked at 544 MB), batches take a few.
    @Test func denseFindingsAreAllWrittenInBoundedMemory() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let count = 100_000
        let dense = (0..<count).map { String(format: "XX公网安备1101080%07d号", $0) }.joined()
        try Data(dense.utf8).write(to: folder.appendingPathComponent("d.txt"))
        for command in ["scan --format jsonl \(folder.path)/d.txt", "scan --format jsonl - < \(folder.path)/d.txt",
                        "check --format json \(folder.path)/d.txt"] {
            // VmHWM only grows; read until the process ends, the last reading is its peak.
            let outcome = try sh("""
            "$BEIAN" \(command) > \(folder.path)/out & pid=$!
            peak=0
            while kill -0 $pid 2>/dev/null; do
                now=$(awk '/VmHWM/ {print $2}' /proc/$pid/status 2>/dev/null); [ -n "$now" ] && peak=$now
                sleep 0.02
            done
            wait $pid; echo "status $?"
            echo "peak $peak"
            echo "findings $(grep -o '"number":"1101080[0-9]*"' \(folder.path)/out | wc -l)"
            echo "last $(grep -o '"number":"1101080[0-9]*"' \(folder.path)/out | tail -n 1)"
            """)
            let lines = outcome.stdout.split(separator: "\n")
            func value(_ name: String) -> String? { lines.first { $0.hasPrefix(name + " ") }.map { String($0.dropFirst(name.count + 1)) } }
            #expect(value("status") == "0", "\(command): \(outcome.stdout) \(outcome.stderr)")
            #expect(value("findings") == String(count), "\(command)")
            #expect(value("last") == "\"number\":\"1101080\(String(format: "%07d", count - 1))\"", "\(command)")
            let peak = try #require(value("peak").flatMap { Int($0) }, "\(command): \(outcome.stdout)")
            #expect(peak < 80 * 1024, "\(command): peak RSS \(peak) kB")
        }
    }

    /// Row 1: a file that shrinks while it is scanned is read as far as it goes, with a note
    /// and exit 2 — never SIGBUS. The shrink races the reading, so a few tries are allowed;
    /// none may crash.
    @Test func aFileThatShrinksWhileScanned() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        var sawShrink = false
        for command in ["scan", "check"] where !sawShrink {
            for _ in 0..<3 where !sawShrink {
                let outcome = try sh("""
                f=\(folder.path)/big.txt
                printf '京ICP备12045678号 ' > "$f"; truncate -s 2000000000 "$f"
                "$BEIAN" \(command) "$f" >/dev/null 2>\(folder.path)/err & pid=$!
                sleep 0.3; truncate -s 1000000 "$f"
                wait $pid; echo "status $?"; cat \(folder.path)/err
                """)
                #expect(!outcome.stdout.contains("status 13"), "a signal: \(outcome.stdout)")  // 128+SIGBUS
                if outcome.stdout.contains("status 2") {
                    #expect(outcome.stdout.contains("the file shrank while it was read"))
                    #expect(outcome.stdout.contains("文件在读取时变短"))
                    sawShrink = true
                }
            }
        }
        #expect(sawShrink)
    }
}
