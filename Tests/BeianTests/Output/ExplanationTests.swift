import Foundation
import Testing
@testable import Beian

@Suite struct ExplanationTests {
    /// Every finding of every sample is explained part by part, in both languages, and its
    /// `beian explain` JSON matches explain.schema.json.
    @Test func everySampleFindingIsExplainedInBothLanguages() throws {
        let url = packageRoot.appendingPathComponent("Samples/schema/explain.schema.json")
        let schema = try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as! [String: Any]
        let validator = SchemaValidator(root: schema)
        var kinds = Set<Kind>()
        for sample in try Samples.all() {
            for finding in scanner.check(sample.bytes, source: sample.source).findings {
                let explanation = Explanation(finding)
                kinds.insert(finding.kind)
                #expect(!explanation.parts.isEmpty, "\(finding.raw)")
                for part in explanation.parts {
                    #expect(!part.value.isEmpty && !part.name.zh.isEmpty && !part.name.en.isEmpty, "\(finding.raw)")
                    #expect(!part.meaning.zh.isEmpty && !part.meaning.en.isEmpty, "\(finding.raw): \(part.name.en)")
                }
                let json = ReportJSON.value(explaining: finding.raw, [explanation]).serialized()
                let object = try JSONSerialization.jsonObject(with: Data(json.utf8))
                #expect(validator.errors(object, schema).isEmpty, "\(finding.raw): \(validator.errors(object, schema))")
            }
        }
        #expect(kinds == Set(Kind.allCases))
    }

    @Test func partsSayWhatTheDigitsMean() throws {
        let security = Explanation(try #require(single("京公网安备 11010802020088号")))
        #expect(security.parts.map(\.value) == ["京", "110108", "02020088"])
        #expect(security.parts[1].meaning == Bilingual(zh: "北京市海淀区", en: "Haidian District, Beijing"))
        let code = Explanation(try #require(single("统一社会信用代码：91350211M0000XUF46")))
        #expect(code.parts.map(\.value) == ["9", "91", "350211", "M0000XUF4", "6"])
        #expect(code.parts.last?.meaning.en == "should be \u{201C}R\u{201D} (GB 32100, mod 31)")
        let filing = Explanation(try #require(single("沪ICP备2025152989号-1A")))
        #expect(filing.parts.last?.meaning.en == "the entity's app no. 1")
        #expect(filing.issuer.en.contains("MIIT"))
    }
}
