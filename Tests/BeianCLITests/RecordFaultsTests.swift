import Foundation
import Testing

/// Crawl files met as a user meets them: through FIFOs, under names that are not UTF-8, with
/// NUL bytes in a record, many at once.
extension FaultsTests {
    /// Sniffing a named pipe would eat its data (or, opened and closed before its writer wrote,
    /// lose it): a FIFO is read as a page, without hanging. The writer comes late on purpose.
    @Test func aFIFOIsNotSniffedAway() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        for command in ["check --format json", "scan --format jsonl"] {
            let outcome = try sh("""
                cd '\(folder.path)' && rm -f pipe && mkfifo pipe && { (sleep 0.3; printf '<p>京ICP备05002571号-1</p>\\n' > pipe) & } && \
                timeout -s KILL 20 "$BEIAN" \(command) pipe
                """)
            #expect(outcome.status == 0, "\(command): \(outcome.stderr)")
            #expect(outcome.stdout.contains("京ICP备05002571号-1"), "\(command)")
        }
    }

    /// A crawl file whose name is not UTF-8 is sniffed and read by its bytes.
    @Test func crawlFilesWithRawNames() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let outcome = try sh(#"""
            cd '\#(folder.path)' && printf '{"url":"https://a.cn/","body":"京ICP备05002571号-1"}\n' > "$(printf 'a\377.jsonl')" && \
            cp "$OLDPWD/Tests/BeianTests/Fixtures/warc/pages.warc.gz" "$(printf 'b\376.warc.gz')" && "$BEIAN" scan --format jsonl .
            """#)
        #expect(outcome.status == 0, "\(outcome.stderr)")
        #expect(outcome.stdout.contains(#""source":"https://a.cn/""#) && outcome.stdout.contains(#""line":1"#))
        #expect(outcome.stdout.contains(#""source":"http://gbk.example.cn/index.html""#))
    }

    /// A record body with a NUL byte is still a page (its record said it is text); scan and
    /// check agree, and the record is counted.
    @Test func aNULInARecordIsNoBinaryFile() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let outcome = try sh(#"""
            cd '\#(folder.path)' && printf '{"url":"https://n.cn/","body":"\\u0000 京ICP备05002571号-1"}\n{"url":"https://m.cn/","body":"沪ICP备13041234号"}\n' > n.jsonl && \
            "$BEIAN" scan --format jsonl n.jsonl
            """#)
        #expect(outcome.status == 0, "\(outcome.stderr)")
        #expect(outcome.stdout.contains("https://n.cn/") && outcome.stdout.contains("https://m.cn/"))
        #expect(outcome.stderr.contains("records read: 2") && !outcome.stderr.contains("binary"))
    }

    /// Records read by several workers at once are all counted.
    @Test func recordsAreCountedAcrossWorkers() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let outcome = try sh(#"""
            cd '\#(folder.path)' && for f in $(seq 1 40); do for r in $(seq 1 50); do \
            printf '{"id":"%s-%s","body":"沪ICP备13041234号"}\n' $f $r; done > f$f.jsonl; done && \
            "$BEIAN" scan --jobs 2 --format jsonl . > /dev/null
            """#)
        #expect(outcome.status == 0)
        #expect(outcome.stderr.contains("records read: 2000; skipped: 0"), "\(outcome.stderr)")
    }
}
