import Beian
import Foundation

/// `beian scan`'s pages: fetched by `jobs` workers, never more than `perHost` at once to one
/// host, each checked as it arrives.
struct PageScan {
    /// Pages fetched at once unless `--jobs` says otherwise.
    static let defaultJobs = 4
    /// Requests in flight to one host at most, whatever `--jobs` is (politeness).
    static let perHost = 2

    let run: ScanRun
    let fetcher: PageFetcher
    let jobs: Int

    /// Fetches and checks every page; returns when all are done or failed.
    func scan(_ addresses: [String]) {
        let queue = HostQueue(addresses, perHost: Self.perHost)
        let finished = DispatchGroup()
        // Threads of their own: a worker spends its time blocked on the network, and
        // Dispatch's pool runs only about one thread per core.
        for _ in 0..<min(jobs, addresses.count) {
            finished.enter()
            let thread = Thread { [run, fetcher] in
                while let item = queue.take() {
                    switch fetcher.fetch(item.address) {
                    case .success(let page): run.scan(page: page, source: item.address)
                    case .failure(let error): run.unreadable(error)
                    }
                    queue.done(item)
                }
                finished.leave()
            }
            thread.stackSize = 4 << 20
            thread.start()
        }
        finished.wait()
    }
}

/// URLs waiting to be fetched, handed out in order except that a host with `perHost` fetches
/// in flight waits while other hosts' URLs go ahead.
final class HostQueue: @unchecked Sendable {
    struct Item {
        let address: String
        /// The URL's host, or the whole string when it has none (it fails at once).
        let host: String
    }

    private let condition = NSCondition()
    private let perHost: Int
    /// Each host's URLs, in order, and the hosts in order of their first URL.
    private var waiting: [String: ArraySlice<Item>] = [:]
    private var hosts: [String] = []
    /// Hosts before this index have no URL left.
    private var firstLive = 0
    private var inFlight: [String: Int] = [:]

    init(_ addresses: [String], perHost: Int) {
        self.perHost = perHost
        var lists: [String: [Item]] = [:]
        for address in addresses {
            let host = PageFetcher.host(of: address) ?? address
            if lists[host] == nil { hosts.append(host) }
            lists[host, default: []].append(Item(address: address, host: host))
        }
        waiting = lists.mapValues { $0[...] }
    }

    /// The next URL whose host has a free slot; waits for one; nil when none is left.
    func take() -> Item? {
        condition.lock()
        defer { condition.unlock() }
        while true {
            while firstLive < hosts.count, waiting[hosts[firstLive]]?.isEmpty ?? true { firstLive += 1 }
            if firstLive == hosts.count { return nil }
            // At most `jobs` hosts are busy, so a free one turns up within a few steps.
            for index in firstLive..<hosts.count {
                let host = hosts[index]
                guard inFlight[host, default: 0] < perHost, let item = waiting[host]?.popFirst() else { continue }
                inFlight[host, default: 0] += 1
                return item
            }
            condition.wait()
        }
    }

    /// Frees the slot `item` held.
    func done(_ item: Item) {
        condition.lock()
        inFlight[item.host, default: 1] -= 1
        condition.broadcast()
        condition.unlock()
    }
}

/// Reads `--urls FILE`: one URL a line; blank lines and lines starting with # are skipped.
struct URLList {
    let languages: [Language]
    let onError: () -> Void

    func read(_ path: String) -> [String] {
        let bytes: [UInt8]
        do {
            bytes = try DocumentReader.read(path: path)
        } catch {
            onError()
            Console.shared.error(error.message, languages: languages)
            return []
        }
        var addresses: [String] = []
        for line in String(decoding: bytes, as: UTF8.self).split(whereSeparator: \.isNewline) {
            let address = line.trimmingCharacters(in: CharacterSet.whitespaces.union(CharacterSet(charactersIn: "\u{FEFF}")))
            if address.isEmpty || address.hasPrefix("#") { continue }
            guard PageFetcher.isURL(address) else {
                onError()
                Console.shared.error(BeianError.invalidURL(address).message, languages: languages)
                continue
            }
            addresses.append(address)
        }
        return addresses
    }
}
