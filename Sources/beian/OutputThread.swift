import Dispatch
import Foundation

/// A thread of its own that runs an input's output work (JSON, text, writes) in the order it
/// is given, while the caller reads and recognises the input's next piece. A page dense with
/// findings costs about as much to write out as to read, so the second core writes.
///
/// Bounded: `submit` waits while `depth` pieces of work are queued, so at most that many
/// batches of findings are held besides the one being written and the one being read. All
/// work runs on the one thread, so a lock it takes (holding standard output) is released by
/// the thread that took it.
final class OutputThread: @unchecked Sendable {
    /// A batch of at least this many findings starts an input's output thread: below it the
    /// hand-over costs more than it saves.
    static let batchThreshold = 256

    private let condition = NSCondition()
    private var queued: [() -> Void] = []
    private var closed = false
    private let depth: Int

    init(depth: Int = 1) {
        self.depth = depth
        let thread = Thread { [self] in runQueued() }
        thread.start()
    }

    /// Queues `work` after what is queued; waits while `depth` pieces of work are waiting.
    func submit(_ work: @escaping () -> Void) {
        condition.lock()
        while queued.count >= depth { condition.wait() }
        queued.append(work)
        condition.broadcast()
        condition.unlock()
    }

    /// Runs `work` after everything queued, waits until it is done, and ends the thread.
    func finish(_ work: @escaping () -> Void) {
        let done = DispatchSemaphore(value: 0)
        submit {
            work()
            done.signal()
        }
        done.wait()
        condition.lock()
        closed = true
        condition.broadcast()
        condition.unlock()
    }

    private func runQueued() {
        while true {
            condition.lock()
            while queued.isEmpty && !closed { condition.wait() }
            guard !queued.isEmpty else {
                condition.unlock()
                return
            }
            let work = queued.removeFirst()
            condition.broadcast()
            condition.unlock()
            work()
        }
    }
}

/// Output work run on the caller's thread, or, from the first batch of
/// `OutputThread.batchThreshold` findings on, on an `OutputThread` of its own (then all of it,
/// in order). One per input.
final class OutputLane {
    private var thread: OutputThread?

    /// Runs `work` now, or queues it on the lane's thread; `batch` is how many findings it writes.
    func run(batch: Int = 0, _ work: @escaping () -> Void) {
        if thread == nil, batch >= OutputThread.batchThreshold { thread = OutputThread() }
        guard let thread else { return work() }
        thread.submit(work)
    }

    /// Runs `work` after everything queued and returns once it is done (the thread ended).
    func finish(_ work: @escaping () -> Void = {}) {
        guard let thread else { return work() }
        thread.finish(work)
        self.thread = nil
    }
}
