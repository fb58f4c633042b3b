import Foundation
import Testing

extension CLITests {
    @Test func explainPrintsEveryPartInBothLanguages() throws {
        let result = try run(["explain", "京公网安备 11010802020088号"])
        #expect(result.status == 0)
        #expect(result.stdout.hasPrefix("京公网安备 11010802020088号  有效 / valid\n"))
        #expect(result.stdout.contains("110108    行政区划代码  北京市海淀区"))
        #expect(result.stdout.contains("110108    division code  Haidian District, Beijing"))
    }

    @Test func explainJSONAndExitCodes() throws {
        let invalid = try run(["explain", "--format", "json", "统一社会信用代码：91350211M0000XUF46"])
        #expect(invalid.status == 1)
        let object = try JSONSerialization.jsonObject(with: Data(invalid.stdout.utf8)) as! [String: Any]
        #expect(object["valid"] as? Bool == false)
        let explanation = (object["explanations"] as! [[String: Any]])[0]
        #expect(explanation["kind"] as? String == "uscc")
        #expect((explanation["issues"] as! [[String: Any]]).map { $0["code"] as! String } == ["bad_check_character"])
        let nothing = try run(["explain", "--lang", "en", "hello"])
        #expect(nothing.status == 1)
        #expect(nothing.stdout == "no registration, licence or hotline recognised\n")
    }
}
