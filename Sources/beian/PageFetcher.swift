import Beian
import Dispatch
import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// A page fetched over HTTP: its body (decoded from gzip, deflate, br or zstd by libcurl),
/// where it came from, and the charset its `Content-Type` declared.
struct FetchedPage {
    let body: Data
    let url: PageURL
    /// The `charset` parameter of the final response's `Content-Type`, if any.
    let charset: String?
}

/// Fetches pages for `beian check URL` and `beian scan --urls` with Foundation's URLSession
/// (FoundationNetworking on Linux, which runs libcurl): no package beyond the toolchain.
///
/// Each page gets `timeout` seconds in all, redirects included; a body over `maxSize` bytes
/// (after content decoding), more than `maxRedirects` redirects, a status outside 200–299, a
/// DNS, connection or TLS failure end it with a `BeianError`. No cookies are sent or kept and
/// nothing is cached or written to disk (an ephemeral session without cookie storage or URL
/// cache). Create it before starting other threads (see `ephemeralConfiguration`); then it is
/// thread-safe: workers call `fetch` at once, and each call blocks until its page is done.
final class PageFetcher: NSObject, URLSessionDataDelegate, @unchecked Sendable {
    /// Redirects followed at most; one more is an error.
    static let maxRedirects = 5
    /// Sent with every request.
    static let userAgent = "Beian/\(BeianVersion.current) (+https://github.com/beian/beian)"

    let timeout: Double
    let maxSize: Int
    private var session: URLSession!
    private let lock = NSLock()
    /// The transfers in progress, by task identifier.
    private var transfers: [Int: Transfer] = [:]

    /// The state of one page's fetch, read and written under the fetcher's lock.
    private final class Transfer {
        let requested: String
        let done = DispatchSemaphore(value: 0)
        var body = Data()
        var response: HTTPURLResponse?
        var redirects = 0
        /// Set when the fetcher itself stops the transfer (size, redirects, status, time).
        var failure: BeianError?
        var error: Error?

        init(requested: String) { self.requested = requested }
    }

    init(timeout: Double, maxSize: Int) {
        self.timeout = timeout
        self.maxSize = maxSize
        super.init()
        let configuration = Self.ephemeralConfiguration()
        configuration.httpShouldSetCookies = false
        configuration.httpCookieAcceptPolicy = .never
        configuration.httpCookieStorage = nil
        configuration.urlCredentialStorage = nil
        configuration.urlCache = nil
        configuration.requestCachePolicy = .reloadIgnoringLocalCacheData
        // The fetcher's own deadline (`timeout`, whole page) ends a fetch first; libcurl's
        // timers are a backstop (FoundationNetworking counts whole seconds).
        configuration.timeoutIntervalForRequest = timeout.rounded(.up) + 1
        configuration.timeoutIntervalForResource = timeout.rounded(.up) + 1
        configuration.httpAdditionalHeaders = [
            "User-Agent": Self.userAgent,
            "Accept": "text/html,application/xhtml+xml,text/plain;q=0.9,*/*;q=0.8",
        ]
        let queue = OperationQueue()
        queue.maxConcurrentOperationCount = 1
        queue.name = "beian.fetch"
        session = URLSession(configuration: configuration, delegate: self, delegateQueue: queue)
    }

    /// `URLSessionConfiguration.ephemeral`, made without touching the disk.
    ///
    /// FoundationNetworking builds every configuration from `.default`, whose shared cookie
    /// store and URL cache create their folders when first used (`~/.local/share/<folder of the
    /// binary>`, `~/.cache/org.swift.foundation.URLCache/beian`), and `.ephemeral` makes a
    /// cache of its own in the same place. With `XDG_DATA_HOME` and `XDG_CACHE_HOME` naming
    /// `/dev/null` for that moment, those folders cannot be created and are not. Call it before
    /// other threads start: the environment is the process's.
    private static func ephemeralConfiguration() -> URLSessionConfiguration {
        let names = ["XDG_CACHE_HOME", "XDG_DATA_HOME"]
        let saved = names.map { ($0, ProcessInfo.processInfo.environment[$0]) }
        for name in names { setenv(name, "/dev/null", 1) }
        defer {
            for (name, value) in saved {
                if let value { setenv(name, value, 1) } else { unsetenv(name) }
            }
        }
        return URLSessionConfiguration.ephemeral
    }

    /// Whether a command-line argument names a page to fetch rather than a file.
    static func isURL(_ argument: String) -> Bool {
        let lower = argument.prefix(8).lowercased()
        return lower.hasPrefix("http://") || lower.hasPrefix("https://")
    }

    /// The host a URL names, in lower case (for the per-host limit); nil if it is no URL.
    static func host(of address: String) -> String? {
        guard let url = URL(string: address), let host = url.host, !host.isEmpty else { return nil }
        return host.lowercased()
    }

    /// Fetches one page; blocks until it has arrived whole or failed, at most `timeout` seconds
    /// and a moment to cancel.
    func fetch(_ address: String) -> Result<FetchedPage, BeianError> {
        guard let url = URL(string: address), let scheme = url.scheme?.lowercased(), scheme == "http" || scheme == "https",
              let host = url.host, !host.isEmpty else {
            return .failure(.invalidURL(address))
        }
        let transfer = Transfer(requested: address)
        let task = session.dataTask(with: URLRequest(url: url))
        lock.withLock { transfers[task.taskIdentifier] = transfer }
        task.resume()
        if transfer.done.wait(timeout: .now() + timeout) == .timedOut {
            lock.withLock { if transfer.failure == nil { transfer.failure = .timedOut(url: address, seconds: timeout) } }
            task.cancel()
            // The cancelled task reports at once; never wait long for it.
            _ = transfer.done.wait(timeout: .now() + 2)
        }
        return lock.withLock {
            transfers[task.taskIdentifier] = nil
            return outcome(of: transfer, host: host)
        }
    }

    private func outcome(of transfer: Transfer, host: String) -> Result<FetchedPage, BeianError> {
        let address = transfer.requested
        if let failure = transfer.failure { return .failure(failure) }
        if let error = transfer.error { return .failure(Self.error(error, url: address, host: host, timeout: timeout)) }
        guard let response = transfer.response else { return .failure(.fetchFailed(url: address, detail: "no response")) }
        let final = response.url?.absoluteString ?? address
        guard (200..<300).contains(response.statusCode) else {
            return .failure(.httpStatus(url: address, status: response.statusCode, final: final))
        }
        return .success(FetchedPage(body: transfer.body, url: PageURL(requested: address, final: final, status: response.statusCode),
                                    charset: Self.charset(in: response)))
    }

    /// The `charset` parameter of a response's `Content-Type`, unquoted.
    static func charset(in response: HTTPURLResponse) -> String? {
        guard let type = response.value(forHTTPHeaderField: "Content-Type") else { return nil }
        for parameter in type.split(separator: ";").dropFirst() {
            let parts = parameter.split(separator: "=", maxSplits: 1)
            guard parts.count == 2, parts[0].trimmingCharacters(in: .whitespaces).lowercased() == "charset" else { continue }
            let value = parts[1].trimmingCharacters(in: .whitespaces).trimmingCharacters(in: CharacterSet(charactersIn: "\"'"))
            return value.isEmpty ? nil : value
        }
        return nil
    }

    /// A URLSession error as a `BeianError`.
    static func error(_ error: Error, url: String, host: String, timeout: Double) -> BeianError {
        guard let error = error as? URLError else { return .fetchFailed(url: url, detail: "\(error)") }
        switch error.code {
        case .cannotFindHost, .dnsLookupFailed:
            return .hostNotFound(url: url, host: host)
        case .timedOut:
            return .timedOut(url: url, seconds: timeout)
        case .cannotConnectToHost, .networkConnectionLost, .notConnectedToInternet:
            return .cannotConnect(url: url, detail: detail(error, fallback: "connection failed"))
        case .secureConnectionFailed, .serverCertificateUntrusted, .serverCertificateHasBadDate, .serverCertificateNotYetValid,
             .serverCertificateHasUnknownRoot, .clientCertificateRejected, .clientCertificateRequired:
            return .tls(url: url, detail: detail(error, fallback: "TLS error \(error.code.rawValue)"))
        case .httpTooManyRedirects:
            return .tooManyRedirects(url: url, limit: maxRedirects)
        case .badURL, .unsupportedURL:
            return .invalidURL(url)
        default:
            let text = detail(error, fallback: "network error \(error.code.rawValue)")
            // FoundationNetworking gives a failed handshake (libcurl's SSL_CONNECT_ERROR) no
            // code of its own, only OpenSSL's words.
            if url.lowercased().hasPrefix("https:"), ["SSL", "TLS", "certificate"].contains(where: text.contains) {
                return .tls(url: url, detail: text)
            }
            return .fetchFailed(url: url, detail: text)
        }
    }

    /// libcurl's own words for a failure when FoundationNetworking passes them on.
    private static func detail(_ error: URLError, fallback: String) -> String {
        let text = (error as NSError).localizedDescription
        return text.isEmpty || text.hasPrefix("The operation could not be completed") ? fallback : text
    }

    private func state(of task: URLSessionTask) -> Transfer? {
        transfers[task.taskIdentifier]
    }

    // MARK: URLSessionDataDelegate (called on the session's serial queue)

    func urlSession(_ session: URLSession, dataTask: URLSessionDataTask, didReceive response: URLResponse,
                    completionHandler: @escaping (URLSession.ResponseDisposition) -> Void) {
        let proceed: Bool = lock.withLock {
            guard let transfer = state(of: dataTask), let http = response as? HTTPURLResponse else { return false }
            transfer.response = http
            guard transfer.failure == nil else { return false }
            if !(200..<300).contains(http.statusCode) {
                // The body of an error page is not checked: stop here.
                transfer.failure = .httpStatus(url: transfer.requested, status: http.statusCode, final: http.url?.absoluteString)
                return false
            }
            let encoded = http.value(forHTTPHeaderField: "Content-Encoding").map { $0.lowercased() != "identity" } ?? false
            if !encoded, response.expectedContentLength > maxSize {
                transfer.failure = .tooLarge(url: transfer.requested, limit: maxSize)
                return false
            }
            return true
        }
        completionHandler(proceed ? .allow : .cancel)
    }

    func urlSession(_ session: URLSession, dataTask: URLSessionDataTask, didReceive data: Data) {
        let tooLarge: Bool = lock.withLock {
            guard let transfer = state(of: dataTask), transfer.failure == nil else { return false }
            if transfer.body.count + data.count > maxSize {
                transfer.failure = .tooLarge(url: transfer.requested, limit: maxSize)
                return true
            }
            transfer.body.append(data)
            return false
        }
        if tooLarge { dataTask.cancel() }
    }

    func urlSession(_ session: URLSession, task: URLSessionTask, willPerformHTTPRedirection response: HTTPURLResponse,
                    newRequest request: URLRequest, completionHandler: @escaping (URLRequest?) -> Void) {
        let next: URLRequest? = lock.withLock {
            guard let transfer = state(of: task), transfer.failure == nil else { return nil }
            transfer.redirects += 1
            guard transfer.redirects <= Self.maxRedirects else {
                transfer.failure = .tooManyRedirects(url: transfer.requested, limit: Self.maxRedirects)
                return nil
            }
            // Resolve Location against the URL that sent it, as RFC 3986 says (FoundationNetworking
            // would read a relative path such as "b.html" as "/b.html").
            var next = request
            if let location = response.value(forHTTPHeaderField: "Location"),
               let target = URL(string: location, relativeTo: response.url ?? task.currentRequest?.url)?.absoluteURL {
                next.url = target
            }
            guard let scheme = next.url?.scheme?.lowercased(), scheme == "http" || scheme == "https", next.url?.host != nil else {
                transfer.failure = .fetchFailed(url: transfer.requested,
                                                detail: "redirect to \(next.url?.absoluteString ?? "nothing"), not an http or https URL")
                return nil
            }
            return next
        }
        completionHandler(next)
        // A refused redirect completes the task with the 3xx response; its failure is set.
    }

    func urlSession(_ session: URLSession, task: URLSessionTask, didCompleteWithError error: Error?) {
        let transfer: Transfer? = lock.withLock {
            guard let transfer = state(of: task) else { return nil }
            transfer.error = error
            if let response = task.response as? HTTPURLResponse, transfer.response == nil { transfer.response = response }
            return transfer
        }
        transfer?.done.signal()
    }
}
