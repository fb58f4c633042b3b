/// A failure Beian cannot report as an issue: ICU missing, an input that cannot be read.
///
/// The error is a struct over a private reason, so new reasons do not break the API.
public struct BeianError: Error, Sendable, Hashable, CustomStringConvertible {
    private enum Reason: Hashable, Sendable {
        case icu(String)
        case unreadable(path: String, detail: String)
        case notAFile(path: String)
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

    /// The message for people.
    public var message: Bilingual {
        switch reason {
        case .icu(let name):
            Bilingual(zh: "无法打开ICU音译器（\(name)）；请安装 libicu-dev", en: "cannot open the ICU transliterator (\(name)); install libicu-dev")
        case .unreadable(let path, let detail):
            Bilingual(zh: "无法读取 \(path)：\(detail)", en: "cannot read \(path): \(detail)")
        case .notAFile(let path):
            Bilingual(zh: "\(path) 不是普通文件", en: "\(path) is not a regular file")
        }
    }

    public var description: String { message.en }
}
