import Beian
import Dispatch
import Foundation

/// ICU's transliterator being opened on a thread of its own while a run over many inputs
/// starts (see `BeianScanner.prepareTransliterator()`).
final class TransliteratorPreparation {
    private let done = DispatchSemaphore(value: 0)

    init(_ scanner: BeianScanner) {
        Thread.detachNewThread { [done] in
            scanner.prepareTransliterator()
            done.signal()
        }
    }

    /// Waits until it is open: the process must not end with ICU half built.
    func wait() { done.wait() }
}
