import ArgumentParser
import Beian

/// `--encoding NAME`: an encoding label ICU can read, which overrides detection.
struct EncodingName: ExpressibleByArgument {
    let name: String

    init?(argument: String) {
        guard let name = TextEncoding.canonicalName(argument) else { return nil }
        self.name = name
    }
}

struct EncodingOptions: ParsableArguments {
    @Option(name: .customLong("encoding"), help: ArgumentHelp(
        "输入的字符编码，覆盖自动检测（如 GBK、GB18030、Big5、UTF-8）/ The inputs' encoding, overriding detection (e.g. GBK, GB18030, Big5, UTF-8).",
        valueName: "NAME"))
    var encoding: EncodingName?
}
