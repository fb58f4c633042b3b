import BeianTesting
import PropertyBased
import Testing
@testable import Beian

/// Laws of recognition, stated over BeianTesting's generators (1 000 cases each).
@Suite struct PropertyTests {
    static let cases = 1000

    /// What a finding must say about a generated identifier.
    private func summary(_ finding: Finding) -> String {
        "\(finding.kind.rawValue) \(finding.number) \(finding.province?.code ?? "-") \(finding.start)..<\(finding.end) \(finding.context)"
    }

    private func expected(_ identifier: SampleIdentifier, at range: Range<Int>, context: FindingContext = .text) -> String {
        "\(identifier.kind.rawValue) \(identifier.number) \(identifier.province?.code ?? "-") \(range) \(context)"
    }

    @Test func everyRenderingIsRecognisedAtItsByteRange() async {
        await propertyCheck(count: Self.cases, input: BeianGen.rendered()) { rendered in
            let report = scanner.check(rendered.bytes, isHTML: rendered.isHTML)
            #expect(report.findings.map(summary) == [expected(rendered.identifier, at: rendered.range, context: rendered.context)],
                    "\(rendered)")
            let problems = report.findings.flatMap(\.issues).filter { $0.severity == .error }.map(\.message.en)
            #expect(problems.isEmpty, "\(rendered): \(problems)")
            #expect(report.encoding == rendered.encoding)
        }
    }

    @Test func theCanonicalFormIsAFixedPoint() async {
        await propertyCheck(count: Self.cases, input: zip(BeianGen.identifier(), BeianGen.rendering)) { identifier, rendering in
            let rendered = BeianGen.render(identifier, as: rendering)
            guard let first = scanner.check(rendered.bytes, isHTML: rendered.isHTML).findings.first else {
                Issue.record("not found: \(rendered)")
                return
            }
            let again = scanner.check(identifier.label + first.canonical).findings
            #expect(again.map(\.canonical) == [first.canonical])
            #expect(again.map(\.number) == [first.number])
        }
    }

    @Test func normalisationIsIdempotent() async throws {
        let transliterator = try Transliterator()
        await propertyCheck(count: Self.cases, input: zip(BeianGen.identifier(), BeianGen.rendering)) { identifier, rendering in
            let text = identifier.label + BeianGen.render(identifier, as: rendering == .big5 ? .traditional : rendering).identifier.text
            let once = transliterator.apply(text)
            #expect(transliterator.apply(once) == once)
        }
    }

    @Test func everyNearMissIsFlaggedWithExactlyItsCode() async {
        await propertyCheck(count: Self.cases, input: BeianGen.nearMiss) { miss in
            let findings = scanner.check(miss.identifier.description).findings
            #expect(findings.count == 1, "\(miss)")
            #expect(findings.first.map { $0.issues.map(\.code) } == [miss.expected], "\(miss)")
            #expect(findings.first?.isValid == false, "\(miss)")
        }
    }

    @Test func identifiersInjectedIntoNoiseAreAllFoundAtTheirOffsets() async {
        await propertyCheck(count: Self.cases, input: zip(BeianGen.identifier().array(of: 1...4), Noise.generator)) { identifiers, noise in
            var text = ""
            var expectations: [String] = []
            for (index, identifier) in identifiers.enumerated() {
                text += noise.piece(index) + "\n" + identifier.label
                let start = text.utf8.count
                text += identifier.text
                expectations.append(expected(identifier, at: start..<text.utf8.count))
                text += "\n"
            }
            text += noise.piece(identifiers.count)
            let html = noise.html
            #expect(scanner.check(text, isHTML: html).findings.map(summary) == expectations, "\(text)")
        }
    }

    /// The recognisers' one walk per view (dispatch on start scalars) finds exactly what each
    /// recogniser finds walking the view alone, in the same order.
    @Test func oneWalkFindsWhatEachRecogniserFindsAlone() async {
        await propertyCheck(count: Self.cases, input: zip(BeianGen.identifier().array(of: 1...4), Noise.generator)) { identifiers, noise in
            var text = ""
            for (index, identifier) in identifiers.enumerated() {
                text += noise.piece(index) + identifier.label + identifier.text + " "
            }
            text += noise.piece(identifiers.count)
            let bytes = Array(text.utf8)
            bytes.withUnsafeBufferPointer { buffer in
                let view = scanner.fullView(of: buffer, isHTML: noise.html)
                let context = RecognitionContext(bytes: buffer, referenceYear: scanner.referenceYear)
                // The walk gives the findings in the order it meets them, each recogniser alone
                // in its own order: the same findings, compared in one order.
                func ordered(_ findings: [Finding]) -> [Finding] {
                    findings.sorted { ($0.start, $0.end, $0.kind) < ($1.start, $1.end, $1.kind) }
                }
                let alone = Recognizers.all.flatMap { $0.recognise(in: view, context: context) }
                #expect(!alone.isEmpty, "\(text)")
                #expect(ordered(Recognizers.recognise(in: view, context: context)) == ordered(alone), "\(text)")
            }
        }
    }

    @Test func pureNoiseYieldsNothing() async {
        await propertyCheck(count: Self.cases, input: Noise.generator) { noise in
            let text = (0..<6).map(noise.piece).joined()
            #expect(scanner.check(text, isHTML: noise.html).findings.isEmpty, "\(text)")
        }
    }

    @Test func twoProvincesInOneFooterAreInconsistent() async {
        let pair = zip(BeianGen.icpFiling(), BeianGen.publicSecurityFiling()).filter { $0.0.province != $0.1.province }
        await propertyCheck(count: Self.cases, input: pair) { filing, security in
            let report = scanner.check("\(filing.text) \(security.text)")
            #expect(report.issues.map(\.code).contains(.provinceInconsistent), "\(filing) \(security)")
        }
    }

    @Test func theFastScannerAgreesWithTheNaiveScanner() async {
        let document = zip(BeianGen.rendered().array(of: 0...4), Noise.generator)
        await propertyCheck(count: Self.cases, input: document) { renderings, noise in
            var bytes: [UInt8] = []
            for (index, rendered) in renderings.enumerated() where rendered.encoding == "UTF-8" {
                bytes += Array(noise.piece(index).utf8) + rendered.bytes
            }
            bytes += Array(noise.piece(9).utf8)
            let html = noise.html || renderings.contains(where: \.isHTML)
            let fast = scanner.check(bytes, isHTML: html, encoding: "UTF-8").findings.map(summary)
            #expect(fast == naiveFindings(bytes, html: html).map(summary))
        }
    }

    /// Short footers (a few dozen bytes) of every kind in GB18030 or Big5, whole or with their
    /// last byte cut, are read in their encoding: no declaration, too short for ICU's detector.
    @Test func shortLegacyFootersAreReadInTheirEncoding() async {
        let input = zip(BeianGen.identifier(), Gen.bool, Gen.bool)
        await propertyCheck(count: Self.cases, input: input) { identifier, big5, cut in
            let rendered = BeianGen.render(identifier, as: big5 ? .big5 : .gbk)
            let bytes = cut ? Array(rendered.bytes.dropLast()) : rendered.bytes
            let report = scanner.check(bytes)
            #expect(report.encoding == rendered.encoding, "\(rendered) cut: \(cut)")
            #expect(report.findings.map(\.number) == [identifier.number], "\(rendered) cut: \(cut)")
        }
    }

    /// Pages in GB18030 and Big5 are decoded only around candidates found on their raw bytes;
    /// they must give what decoding the whole page and scanning it naively gives, with byte
    /// ranges that hold the same text.
    @Test func legacyEncodedPagesAgreeWithTheNaiveScanner() async {
        let document = zip(BeianGen.rendered().array(of: 0...4), Noise.generator, Gen.bool)
        await propertyCheck(count: Self.cases, input: document) { renderings, noise, big5 in
            var text = ""
            for (index, rendered) in renderings.enumerated() where rendered.encoding == "UTF-8" {
                text += noise.piece(index) + String(decoding: rendered.bytes, as: UTF8.self)
            }
            text += noise.piece(9)
            let encoding = big5 ? "Big5" : "GB18030"
            guard let bytes = TextEncoding.encode(text, as: encoding), let decoded = TextEncoding.decode(bytes, as: encoding) else {
                Issue.record("cannot encode as \(encoding)")
                return
            }
            let html = noise.html || renderings.contains(where: \.isHTML)
            let utf8 = Array(decoded.utf8)
            let fast = scanner.check(bytes, isHTML: html, encoding: encoding).findings.map { finding in
                "\(finding.kind.rawValue) \(finding.number) \(finding.canonical) "
                    + (TextEncoding.decode(Array(bytes[finding.start..<finding.end]), as: encoding) ?? "?")
            }
            let naive = naiveFindings(utf8, html: html).map { finding in
                "\(finding.kind.rawValue) \(finding.number) \(finding.canonical) "
                    + String(decoding: utf8[finding.start..<finding.end], as: UTF8.self)
            }
            #expect(fast == naive, "\(encoding): \(decoded)")
        }
    }
}

/// Random prose, markup and scripts that hold no identifier: no label, no province
/// abbreviation before a label, and digits only where no label is near.
struct Noise: Sendable {
    let seed: Int
    let html: Bool

    static let words = [
        "政府", "工作", "发展", "经济", "设备", "报道", "证明", "准备", "日报", "保证", "证券", "可以", "投资", "举办",
        "平台", "用户", "数据", "技术", "产品", "服务", "新闻", "中心", "，", "。", "、", " ", "2024年", "第3期",
        "<p>", "</p>", "<br>", "<a href=\"/news/12.html\">", "</a>", "&nbsp;", "&amp;", "report-card", "line-height:1.8",
        "ICP-MS", "B2B", "reportError(404)", "举报邮箱：jubao@example.com", "服务热线：400-123-4567", "版本 v2.3.1",
        "設備", "報道", "證明", "ＡＢＣ", "\u{3000}",
        // Label characters of the other licences in ordinary words, and English words near their labels.
        "文化", "中文", "网文小说", "第一", "文字", "代码", "性能", "经营", "执行", "security", "police", "Beijing", "nav-item",
        // A stray ">" in text (in HTML too), before which a window may start.
        " >",
    ]

    /// In text that is not HTML only: a "tag" there is characters, and the identifiers after it
    /// up to the next ">" stay visible (in HTML it would hide them).
    static let textWords = ["1<i", "a<b "]

    static let generator = zip(Gen.int(in: 0...Int(Int32.max)), Gen.bool).map { Noise(seed: $0, html: $1) }

    /// A deterministic stretch of noise for position `index`.
    func piece(_ index: Int) -> String {
        var state = UInt64(truncatingIfNeeded: seed &* 31 &+ index &* 7919 &+ 1)
        var text = ""
        for _ in 0..<Int(state % 24) {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            let words = html ? Self.words : Self.words + Self.textWords
            text += words[Int((state >> 33) % UInt64(words.count))]
        }
        return text
    }
}
