import ArgumentParser

@main
struct BeianCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "beian",
        abstract: "读取并校验中国网站页脚的备案号与许可证 / Read and validate the registration strings of Chinese website footers.",
        subcommands: [Check.self, Scan.self, Explain.self]
    )
}
