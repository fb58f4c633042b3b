import ArgumentParser
import Beian
import Foundation
#if canImport(Glibc)
import Glibc
#endif

@main
struct BeianCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "beian",
        abstract: "读取并校验中国网站页脚的备案号与许可证 / Read and validate the registration strings of Chinese website footers.",
        version: BeianVersion.current,
        subcommands: [Check.self, Scan.self, Explain.self, Serve.self]
    )

    /// ArgumentParser's own messages are English: a usage error gets its Chinese line first.
    /// Whatever the outcome, output that did not arrive ends the command with status 2
    /// (`OutputCheck`).
    static func main() {
        // Large buffers (a stream's text, a page's findings) come from mmap at a fixed size
        // and go back to the system when freed: glibc's moving threshold otherwise keeps
        // them in the heap, and a run over dense input held twice the memory it used.
        _ = mallopt(mmapThreshold, 1 << 18)
        do {
            var command = try parseAsRoot()
            try command.run()
            OutputCheck.verify()
        } catch {
            if exitCode(for: error) == .validationFailure {
                let chinese = UsageError.chinese(for: fullMessage(for: error))
                FileHandle.standardError.write(Data("错误：\(chinese)（用法见 beian --help）\n".utf8))
            } else {
                OutputCheck.verify()
            }
            exit(withError: error)
        }
    }
}

/// glibc's `mallopt` (malloc.h, which the Glibc module does not export) and its
/// `M_MMAP_THRESHOLD` parameter.
@_silgen_name("mallopt") private func mallopt(_ parameter: Int32, _ value: Int32) -> Int32
private let mmapThreshold: Int32 = -3

/// Chinese forms of ArgumentParser's usage errors, read from its English message.
enum UsageError {
    static func chinese(for message: String) -> String {
        let line = message.split(separator: "\n").first.map(String.init) ?? message
        let quoted = line.split(separator: "'", omittingEmptySubsequences: false).enumerated()
            .filter { $0.offset % 2 == 1 }.map { "'\($0.element)'" }
        func part(_ index: Int) -> String { index < quoted.count ? quoted[index] : "" }
        if line.hasPrefix("Error: Unknown option") { return "未知选项 \(part(0))" }
        if line.hasPrefix("Error: Missing expected argument") { return "缺少参数 \(part(0))" }
        if line.hasPrefix("Error: Missing value for") { return "选项 \(part(0)) 缺少值" }
        if line.hasPrefix("Error: Unexpected argument") { return "多余的参数 \(part(0))" }
        if line.hasPrefix("Error: The value"), line.contains("is invalid for") { return "\(part(1)) 不接受值 \(part(0))" }
        return "命令行用法有误"
    }
}
