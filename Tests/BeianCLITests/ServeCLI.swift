import Foundation
import Testing

/// `beian serve`: one response line per request, in order; bad requests answered and passed.
extension CLITests {
    @Test func serveAnswersEachRequestInOrder() throws {
        let requests = [
            #"{"url":"https://example.cn/","body":"<footer>京ICP备05002571号-1</footer>","required":["icp_filing","hotline"]}"#,
            #"{"id":"gbk","body_base64":"1MFJQ1CxuDEyMDQ1Njc4usU=","content_type":"text/html; charset=GBK"}"#,
            "not json",
            #"{"id":"no-body","url":"https://example.cn/"}"#,
            #"{"id":"r","body":"京ICP备05002571号","required":["nonsense"]}"#,
            #"{"id":5,"body":"沪ICP备13041234号"}"#,
        ].joined(separator: "\n") + "\n"
        let result = try run(["serve"], stdin: requests)
        #expect(result.status == 0)
        let responses = try lines(result.stdout)
        #expect(responses.count == 6)
        #expect(responses.map { $0["id"] as? String } == [nil, "gbk", nil, "no-body", "r", "5"])
        #expect(responses[0]["source"] as? String == "https://example.cn/")
        let first = responses[0]["findings"] as! [[String: Any]]
        #expect(first.map { $0["canonical"] as! String } == ["京ICP备05002571号-1"])
        #expect((responses[0]["issues"] as! [[String: Any]]).map { $0["code"] as! String } == ["missing_required"])
        #expect(responses[0]["valid"] as? Bool == false)
        // GBK bytes read with the charset of their content type.
        #expect(responses[1]["encoding"] as? String == "GB18030")
        #expect((responses[1]["findings"] as! [[String: Any]]).map { $0["canonical"] as! String } == ["粤ICP备12045678号"])
        for bad in [2, 3, 4] {
            let error = try #require(responses[bad]["error"] as? [String: String], "response \(bad)")
            #expect(error["zh"]?.isEmpty == false && error["en"]?.isEmpty == false)
            #expect(responses[bad]["findings"] == nil)
        }
        #expect((responses[5]["findings"] as! [[String: Any]]).count == 1)
    }

    @Test func serveEndsCleanlyOnEmptyInput() throws {
        let result = try run(["serve"], stdin: "")
        #expect(result.status == 0 && result.stdout.isEmpty)
    }
}
