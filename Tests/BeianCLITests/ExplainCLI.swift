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

extension CLITests {
    @Test func explainReadsABareUSCC() throws {
        let result = try run(["explain", "--lang", "en", "91350211M0000XUF46"])
        #expect(result.status == 1)
        #expect(result.stdout.hasPrefix("91350211M0000XUF46  invalid\n"))
        #expect(result.stdout.contains("should be \u{201C}R\u{201D} (GB 32100, mod 31)"))
        let valid = try run(["explain", "--format", "json", "91350211M0000XUF4R"])
        #expect(valid.status == 0)
        let object = try JSONSerialization.jsonObject(with: Data(valid.stdout.utf8)) as! [String: Any]
        #expect((object["explanations"] as! [[String: Any]]).map { $0["kind"] as! String } == ["uscc"])
    }

    @Test func explainReadsABareTelecomLicence() throws {
        let result = try run(["explain", "--lang", "en", "B2-20090059"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("B2: value-added telecom, category II"))
    }

    @Test func explainReadsAValueAsTheKindGiven() throws {
        let result = try run(["explain", "--kind", "news_licence", "--lang", "en", "11120170012"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("Internet news information service licence number"))
        let short = try run(["explain", "--kind", "uscc", "--lang", "en", "11120170012"])
        #expect(short.status == 1)
        #expect(short.stdout.contains("error invalid_length"))
        let wrong = try run(["explain", "--kind", "uscc", "hello"])
        #expect(wrong.status == 1)
        #expect(wrong.stdout == "不能读作统一社会信用代码 / not readable as a Unified social credit code\n")
    }

    @Test func explainListsTheKindsAnAmbiguousDigitRunFits() throws {
        let text = try run(["explain", "11120170012"])
        #expect(text.status == 1)
        #expect(text.stdout.hasPrefix("这个号码可能是以下几种之一，请用 --kind 指定： / the value fits several kinds; choose one with --kind:\n"))
        #expect(text.stdout.contains("  public_security_filing  公安联网备案号 / Public security filing number\n"))
        #expect(text.stdout.contains("  news_licence  互联网新闻信息服务许可证号 / Internet news information service licence number\n"))
        let json = try run(["explain", "--format", "json", "11120170012"])
        #expect(json.status == 1)
        let object = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as! [String: Any]
        #expect((object["candidates"] as! [[String: Any]]).map { $0["kind"] as! String } == ["public_security_filing", "news_licence"])
        #expect((object["explanations"] as! [Any]).isEmpty && object["valid"] as? Bool == false)
    }
}
