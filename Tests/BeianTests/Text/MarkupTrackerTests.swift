import CBeianScan
import Testing
@testable import Beian

/// The markup search behind a finding's context (markup.c, MarkupTracker).
@Suite struct MarkupTrackerTests {
    @Test func contextsFollowCommentsAndScripts() {
        let page = Array("a<!-- b --> c <script type=\"x\"> d <!-- e </SCRIPT > f <scripts> g".utf8)
        var tracker = MarkupTracker()
        func at(_ marker: String) -> FindingContext {
            let needle = Array(marker.utf8)
            let offset = (0...(page.count - needle.count)).first { Array(page[$0..<$0 + needle.count]) == needle }!
            return page.withUnsafeBufferPointer { tracker.context(at: offset, in: $0) }
        }
        #expect(at("a") == .text)
        #expect(at(" b") == .comment)
        #expect(at(" c") == .text)
        #expect(at(" d") == .script)
        #expect(at(" e") == .script, "a comment does not open inside a script")
        #expect(at(" f") == .text)
        #expect(at(" g") == .text, "<scripts> is no script tag")
    }

    /// The AVX2 loops report what the portable loops report, on random markup soup, from
    /// every start to every end.
    @Test func vectorAndPortableLoopsAgree() {
        let pieces = ["<!--", "-->", "<script>", "</script>", "<SCRIPT src=x>", "</Script >", "<s", "<sc", "<!", "--", "->",
                      "</s", "x", "中", " ", "<p>", "-", "<", ">"]
        var random = SystemRandomNumberGenerator()
        for _ in 0..<200 {
            let bytes = Array((0..<Int.random(in: 0...60, using: &random)).map { _ in pieces.randomElement(using: &random)! }.joined().utf8)
            bytes.withUnsafeBufferPointer { buffer in
                guard let base = buffer.baseAddress else { return }
                for from in stride(from: 0, through: bytes.count, by: 7) {
                    for to in [from, (from + bytes.count) / 2, bytes.count] {
                        var vector: Int32 = 0, portable: Int32 = 0
                        let a = beian_next_markup_open(base, bytes.count, from, to, 0, &vector)
                        let b = beian_next_markup_open(base, bytes.count, from, to, 1, &portable)
                        #expect(a == b && (a < 0 || vector == portable), "\(String(decoding: bytes, as: UTF8.self)) \(from)..<\(to)")
                        for kind in [BEIAN_MARKUP_COMMENT, BEIAN_MARKUP_SCRIPT] {
                            #expect(beian_next_markup_close(base, bytes.count, from, to, 0, Int32(kind))
                                    == beian_next_markup_close(base, bytes.count, from, to, 1, Int32(kind)))
                        }
                    }
                }
            }
        }
    }
}
