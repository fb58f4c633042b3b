import Beian
import Foundation

/// Crawl records read and passed over in one run (any thread), for the closing line on
/// standard error.
final class RecordCounts: @unchecked Sendable {
    private let lock = NSLock()
    private var recordsRead = 0
    private var skips: [SkipReason: Int] = [:]

    var read: Int {
        get { lock.withLock { recordsRead } }
        set { lock.withLock { recordsRead = newValue } }
    }

    func skipped(_ reason: SkipReason) {
        lock.withLock { skips[reason, default: 0] += 1 }
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
}
