import Beian
import Foundation

/// Crawl records read and passed over in one run (any thread), for the closing line on
/// standard error.
final class RecordCounts: @unchecked Sendable {
    private let lock = NSLock()
    private var recordsRead = 0
    private var skips: [SkipReason: Int] = [:]

    /// Counts one record read (from any worker).
    func countRead() {
        lock.withLock { recordsRead += 1 }
    }

    /// Counts a record passed over; one whose content encoding Beian cannot undo (`br`,
    /// `zstd` in a WARC) is also said on standard error, since its page goes unchecked.
    func skipped(_ record: SkippedRecord, languages: [Language]) {
        lock.withLock { skips[record.reason, default: 0] += 1 }
        guard record.reason == .unsupportedEncoding else { return }
        let encoding = record.detail ?? "?"
        Console.shared.error(Bilingual(zh: "内容编码 \(encoding) 不受支持，记录已跳过", en: "content encoding \(encoding) is not supported; the record is skipped"),
                             source: record.url ?? Self.place(of: record.origin), languages: languages)
    }

    /// Records read and skipped so far, for the progress line.
    var totals: (read: Int, skipped: Int) {
        lock.withLock { (recordsRead, skips.values.reduce(0, +)) }
    }

    /// "records read: N; skipped: M (revisit 3, not text 5 …)", when any record was seen.
    var summary: Bilingual? {
        lock.withLock {
            guard recordsRead > 0 || !skips.isEmpty else { return nil }
            let reasons = skips.sorted { $0.key < $1.key }
            let zh = reasons.map { "\($0.key.names.zh) \($0.value)" }.joined(separator: "，")
            let en = reasons.map { "\($0.key.names.en) \($0.value)" }.joined(separator: ", ")
            let skipped = skips.values.reduce(0, +)
            return Bilingual(zh: "读取记录 \(recordsRead) 条，跳过 \(skipped) 条" + (zh.isEmpty ? "" : "（\(zh)）"),
                             en: "records read: \(recordsRead); skipped: \(skipped)" + (en.isEmpty ? "" : " (\(en))"))
        }
    }

    /// Where a problem is, for the start of its line: the file, and `@offset` when it has one.
    static func place(of problem: RecordProblem) -> String {
        problem.file + (problem.offset.map { " @\($0)" } ?? "")
    }

    /// Where a record is: its WARC file and offset, or its JSON-lines file's line.
    static func place(of origin: RecordOrigin) -> String {
        switch origin {
        case let .warc(file, _, offset, uncompressed, _): "\(file) @\(offset ?? uncompressed)"
        case let .jsonl(line, _): "line \(line)"
        }
    }
}
