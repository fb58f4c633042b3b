/// A failure Beian cannot report as an issue: ICU missing, an input that cannot be read, a
/// page that cannot be fetched.
///
/// The error is a struct over a private reason, so new reasons do not break the API.
public struct BeianError: Error, Sendable, Hashable, CustomStringConvertible {
    private enum Reason: Hashable, Sendable {
        case icu(String)
        case unreadable(path: String, detail: String)
        case notAFile(path: String)
        case invalidURL(url: String)
        case httpStatus(url: String, status: Int, final: String?)
        case hostNotFound(url: String, host: String)
        case cannotConnect(url: String, detail: String)
        case tls(url: String, detail: String)
        case timedOut(url: String, seconds: Double)
        case tooLarge(url: String, limit: Int)
        case tooManyRedirects(url: String, limit: Int)
        case fetchFailed(url: String, detail: String)
    }

    private let reason: Reason

    /// ICU could not open a transliterator.
    static func icu(_ name: String) -> BeianError { BeianError(reason: .icu(name)) }
    /// A path could not be read.
    public static func unreadable(path: String, detail: String) -> BeianError {
        BeianError(reason: .unreadable(path: path, detail: detail))
    }
    /// A path is a directory or another non-file.
    public static func notAFile(path: String) -> BeianError { BeianError(reason: .notAFile(path: path)) }

    /// A string given as an `http(s)://` URL is not one.
    public static func invalidURL(_ url: String) -> BeianError { BeianError(reason: .invalidURL(url: url)) }
    /// A page answered with a status outside 200–299 (`final`: the URL that answered, when
    /// redirects led elsewhere).
    public static func httpStatus(url: String, status: Int, final: String? = nil) -> BeianError {
        BeianError(reason: .httpStatus(url: url, status: status, final: final == url ? nil : final))
    }
    /// A page's host name could not be resolved (DNS).
    public static func hostNotFound(url: String, host: String) -> BeianError {
        BeianError(reason: .hostNotFound(url: url, host: host))
    }
    /// No connection could be made to a page's host (refused, unreachable, reset).
    public static func cannotConnect(url: String, detail: String) -> BeianError {
        BeianError(reason: .cannotConnect(url: url, detail: detail))
    }
    /// The TLS handshake with a page's host failed (certificate, protocol).
    public static func tls(url: String, detail: String) -> BeianError { BeianError(reason: .tls(url: url, detail: detail)) }
    /// A page did not arrive whole within the time allowed.
    public static func timedOut(url: String, seconds: Double) -> BeianError {
        BeianError(reason: .timedOut(url: url, seconds: seconds))
    }
    /// A page's body is larger than the limit, in bytes.
    public static func tooLarge(url: String, limit: Int) -> BeianError { BeianError(reason: .tooLarge(url: url, limit: limit)) }
    /// A page redirected more often than the limit allows (or in a loop).
    public static func tooManyRedirects(url: String, limit: Int) -> BeianError {
        BeianError(reason: .tooManyRedirects(url: url, limit: limit))
    }
    /// A page could not be fetched for another reason (`detail` says which).
    public static func fetchFailed(url: String, detail: String) -> BeianError {
        BeianError(reason: .fetchFailed(url: url, detail: detail))
    }

    /// The message for people.
    public var message: Bilingual {
        switch reason {
        case .icu(let name):
            Bilingual(zh: "无法打开ICU音译器（\(name)）；请安装 libicu-dev", en: "cannot open the ICU transliterator (\(name)); install libicu-dev")
        case .unreadable(let path, let detail):
            Bilingual(zh: "无法读取 \(path)：\(detail)", en: "cannot read \(path): \(detail)")
        case .notAFile(let path):
            Bilingual(zh: "\(path) 不是普通文件", en: "\(path) is not a regular file")
        case .invalidURL(let url):
            Bilingual(zh: "\(url) 不是有效的 http 或 https 网址", en: "\(url) is not a valid http or https URL")
        case .httpStatus(let url, let status, let final):
            if let final {
                Bilingual(zh: "无法读取 \(url)：重定向到 \(final) 后服务器返回 HTTP \(status)",
                          en: "cannot read \(url): the server answered HTTP \(status) at \(final), after redirects")
            } else {
                Bilingual(zh: "无法读取 \(url)：服务器返回 HTTP \(status)", en: "cannot read \(url): the server answered HTTP \(status)")
            }
        case .hostNotFound(let url, let host):
            Bilingual(zh: "无法读取 \(url)：域名 \(host) 无法解析（DNS）", en: "cannot read \(url): the host name \(host) could not be resolved (DNS)")
        case .cannotConnect(let url, let detail):
            Bilingual(zh: "无法读取 \(url)：无法连接服务器（\(detail)）", en: "cannot read \(url): could not connect to the server (\(detail))")
        case .tls(let url, let detail):
            Bilingual(zh: "无法读取 \(url)：TLS 安全连接失败（\(detail)）", en: "cannot read \(url): the TLS handshake failed (\(detail))")
        case .timedOut(let url, let seconds):
            Bilingual(zh: "无法读取 \(url)：\(Self.seconds(seconds)) 秒内未读完，已超时", en: "cannot read \(url): timed out after \(Self.seconds(seconds)) s")
        case .tooLarge(let url, let limit):
            Bilingual(zh: "无法读取 \(url)：页面超过 \(limit) 字节的上限", en: "cannot read \(url): the page is larger than the limit of \(limit) bytes")
        case .tooManyRedirects(let url, let limit):
            Bilingual(zh: "无法读取 \(url)：重定向超过 \(limit) 次（或循环重定向）", en: "cannot read \(url): more than \(limit) redirects (or a redirect loop)")
        case .fetchFailed(let url, let detail):
            Bilingual(zh: "无法读取 \(url)：\(detail)", en: "cannot read \(url): \(detail)")
        }
    }

    public var description: String { message.en }

    /// Seconds as people write them: "20", "1.5".
    private static func seconds(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
    }
}
