import Foundation

/// The corpus as crawl files: a WARC with one gzip member per record (as Common Crawl writes
/// them), and JSON lines. Compression is `gzip -n`'s, run once per record.
enum CrawlCorpus {
    /// One WARC response record (HTTP headers included) for a page.
    static func warcRecord(_ page: Page, index: Int) -> [UInt8] {
        let charset = page.encoding == "UTF-8" ? "utf-8" : "gbk"
        let http = Array("HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=\(charset)\r\nContent-Length: \(page.bytes.count)\r\n\r\n".utf8)
            + page.bytes
        let header = """
        WARC/1.1\r
        WARC-Type: response\r
        WARC-Target-URI: https://bench.example.cn/\(page.name)\r
        WARC-Date: 2026-12-07T00:00:00Z\r
        WARC-Record-ID: <urn:uuid:00000000-0000-4000-8000-\(String(format: "%012d", index))>\r
        Content-Type: application/http; msgtype=response\r
        Content-Length: \(http.count)\r
        \r

        """
        return Array(header.utf8) + http + Array("\r\n\r\n".utf8)
    }

    /// `bytes` as one gzip member, by `gzip -c -n`.
    static func gzipMember(_ bytes: [UInt8]) throws -> [UInt8] {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/gzip")
        process.arguments = ["-c", "-n", "-6"]
        let input = Pipe(), output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        try process.run()
        let writer = Thread { input.fileHandleForWriting.write(Data(bytes)); try? input.fileHandleForWriting.close() }
        writer.start()
        let compressed = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Array(compressed)
    }

    /// The JSON-lines form: one `{"url", "body_base64", "content_type"}` object a page.
    static func jsonLines(_ pages: [Page]) -> [UInt8] {
        var text = ""
        for page in pages {
            let charset = page.encoding == "UTF-8" ? "utf-8" : "gbk"
            text += #"{"url":"https://bench.example.cn/\#(page.name)","content_type":"text/html; charset=\#(charset)","body_base64":"\#(Data(page.bytes).base64EncodedString())"}"# + "\n"
        }
        return Array(text.utf8)
    }
}

/// A `beian serve` child talked to over pipes, one request at a time.
final class ServeSession {
    private let process = Process()
    private let requests = Pipe()
    private let responses = Pipe()
    private var pending: [UInt8] = []

    init(binary: String) throws {
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = ["serve"]
        process.standardInput = requests
        process.standardOutput = responses
        process.standardError = FileHandle.nullDevice
        try process.run()
    }

    /// Sends one request line and waits for its response line; the seconds between.
    func roundTrip(_ request: [UInt8]) -> Double {
        let start = ContinuousClock.now
        requests.fileHandleForWriting.write(Data(request + [0x0A]))
        while !pending.contains(0x0A) {
            let more = responses.fileHandleForReading.availableData
            if more.isEmpty { break }
            pending += more
        }
        if let end = pending.firstIndex(of: 0x0A) { pending.removeSubrange(...end) }
        let elapsed = ContinuousClock.now - start
        return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    }

    func close() {
        try? requests.fileHandleForWriting.close()
        process.waitUntilExit()
    }
}
