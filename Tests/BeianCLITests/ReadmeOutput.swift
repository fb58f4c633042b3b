import Foundation
import Testing

extension CLITests {
    /// The fenced block after `marker` in the README.
    private func readmeBlock(after marker: String) throws -> String {
        let readme = try String(contentsOf: Self.root.appendingPathComponent("README.md"), encoding: .utf8)
        let start = try #require(readme.range(of: marker))
        let open = try #require(readme.range(of: "```\n", range: start.upperBound..<readme.endIndex))
        let close = try #require(readme.range(of: "```\n", range: open.upperBound..<readme.endIndex))
        return String(readme[open.upperBound..<close.lowerBound])
    }

    /// The README shows what the set-up command really prints.
    @Test func readmeShowsTheMainCommandsOutput() throws {
        let result = try run(["check", "Samples/ichongqing.txt"])
        #expect(try readmeBlock(after: "The first prints:") == result.stdout)
    }

    @Test func readmeShowsExplainsOutput() throws {
        let result = try run(["explain", "统一社会信用代码：91350211M0000XUF46"])
        let block = try readmeBlock(after: "is recognised.\n")
        #expect(block == "$ beian explain '统一社会信用代码：91350211M0000XUF46'\n" + result.stdout)
    }
}
