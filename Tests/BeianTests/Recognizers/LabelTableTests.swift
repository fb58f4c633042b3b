import Testing
@testable import Beian

/// The label table (Labels.table) and what is generated from it (labels.generated.h).
@Suite struct LabelTableTests {
    private func anchors(_ text: String, portable: Bool) -> [Int] {
        var found: [Int] = []
        Array(text.utf8).withUnsafeBufferPointer { buffer in
            Prefilter.forEachAnchor(in: buffer, html: true, portable: portable) { found.append($0) }
        }
        return found
    }

    /// A label that starts a kind is found by the byte scanner, or the recogniser never sees it.
    @Test func everyLabelThatStartsAKindHasAnAnchor() {
        for row in Labels.table where !row.kinds.isEmpty {
            #expect(!row.anchors.isEmpty, "\(row.text)")
            #expect(row.minimumDigits >= TextView.minimumDigits, "\(row.text)")
        }
    }

    /// Every character anchor, in every form a page may write it (traditional and Japanese
    /// variants, a letter in either case and width), is an anchor before a number, in both loops.
    @Test func everyCharacterAnchorIsFoundInEveryForm() {
        func forms(_ scalar: Unicode.Scalar) -> [String] {
            if scalar.isASCII, scalar.properties.isAlphabetic {
                let upper = Unicode.Scalar(scalar.value & ~0x20)!, lower = Unicode.Scalar(scalar.value | 0x20)!
                return [upper, lower, Unicode.Scalar(upper.value + 0xFEE0)!, Unicode.Scalar(lower.value + 0xFEE0)!].map(String.init)
            }
            return ([scalar] + (Labels.characterVariants[scalar] ?? [])).map(String.init)
        }
        for row in Labels.table {
            for case .character(let context) in row.anchors {
                let scalars = Array(context.unicodeScalars)
                var texts = [""]
                for scalar in scalars { texts = texts.flatMap { text in forms(scalar).map { text + $0 } } }
                for text in texts {
                    let label = text.utf8.count - String(scalars.last!).utf8.count
                    for portable in [false, true] {
                        #expect(anchors("页脚 " + text + "：12345678", portable: portable).contains { $0 >= "页脚 ".utf8.count + label },
                                "\(row.text): \(text) (portable: \(portable))")
                    }
                }
            }
        }
    }

    /// The recognisers' first-scalar dispatch: a label's first scalar, in either case for a letter.
    @Test func firstScalarsComeFromTheTable() {
        let icp = Labels.firstScalars(of: .icp)
        #expect(icp.contains("I") && icp.contains("i") && !icp.contains("C"))
        let publicSecurity = Labels.firstScalars(of: .publicSecurity, .publicSecurityBare, .publicSecurityMisspelt)
        #expect(publicSecurity.contains("公") && publicSecurity.contains("网") && !publicSecurity.contains("安"))
        for row in Labels.table {
            #expect(Labels.firstScalars(of: row.group).contains(row.text.unicodeScalars.first!), "\(row.text)")
        }
    }
}
