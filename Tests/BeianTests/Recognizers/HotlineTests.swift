import Testing
@testable import Beian

@Suite struct HotlineTests {
    @Test func iChongqingHotline() throws {
        let text = "Internet illegal and undesirable information can be reported by calling this telephone number:+86-23-67158993"
        let finding = try #require(single(text))
        #expect(finding.kind == .hotline)
        #expect(finding.raw == "+86-23-67158993")
        #expect(finding.number == "+862367158993")
        #expect(finding.canonical == "+86 23 6715 8993")
        #expect(finding.areaCode == "23")
        #expect(finding.phoneType == .fixed)
        #expect(finding.province?.code == "50")
        #expect(finding.isValid)
    }

    /// Label, number as printed, E.164 (or bare short number), type, area code, extension.
    @Test(arguments: [
        ("违法和不良信息举报电话：", "12377", "12377", PhoneType.short, nil, nil),
        ("举报电话：", "010-62646869", "+861062646869", .fixed, "10", nil),
        ("投诉电话：", "(0571)88933003", "+8657188933003", .fixed, "571", nil),
        ("投诉電話：", "（0571）88933003", "+8657188933003", .fixed, "571", nil),
        ("举报电话：", "010-12321", "12321", .short, nil, nil),
        ("投诉热线：", "4000233233转3", "+864000233233", .sharedCost, nil, "3"),
        ("举报热线：", "4001066666-5", "+864001066666", .sharedCost, nil, "5"),
        ("举报专线：", "400-606-1866", "+864006061866", .sharedCost, nil, nil),
        ("举报电话：", "800-810-8888", "+868008108888", .tollFree, nil, nil),
        ("举报电话：", "+86（0）10-67511888-1127", "+861067511888", .fixed, "10", "1127"),
        ("举报电话：", "13800138000", "+8613800138000", .mobile, nil, nil),
        ("舉報電話：", "０２３－６７１５８９９３", "+862367158993", .fixed, "23", nil),
        ("Report hotline: ", "12377", "12377", .short, nil, nil),
        ("Complaint hotline ", "0086 10 6264 6869", "+861062646869", .fixed, "10", nil),
    ] as [(String, String, String, PhoneType, String?, String?)])
    func numbers(label: String, printed: String, number: String, type: PhoneType, area: String?, ext: String?) throws {
        let finding = try #require(single(label + printed))
        #expect(finding.raw == printed)
        #expect(finding.number == number)
        #expect(finding.phoneType == type)
        #expect(finding.areaCode == area)
        #expect(finding.phoneExtension == ext)
        #expect(finding.isValid)
    }

    @Test func twoNumbersInOneField() {
        let found = findings("违法和不良信息举报电话：12377 0898-68555596")
        #expect(found.map(\.number) == ["12377", "+8689868555596"])
        #expect(found[1].province?.code == "46")
    }

    @Test func invalidNumbersAreFlagged() {
        #expect(codes(single("举报电话：0600-1234567")) == [.invalidPhoneNumber])
        #expect(codes(single("举报电话：010-1234567")) == [.invalidPhoneNumber])
        #expect(codes(single("举报电话：12012345678")) == [.invalidPhoneNumber])
        #expect(codes(single("举报电话：62646869")) == [.missingAreaCode])
        #expect(single("举报电话：62646869")?.isValid == true)
    }

    @Test(arguments: [
        "客服电话：400-810-5000", "举报邮箱：jubao@12377.cn", "联系电话 010-62646869", "report No. 2023 sales figures",
        "We report 12377 visitors", "Contact telephone number: 010-62646869",
    ])
    func unlabelledNumbersAreNoHotline(text: String) {
        #expect(findings(text).isEmpty)
    }
}
