import Testing
@testable import Beian
@Test func smoke() throws { let s = try BeianScanner(); #expect(s.check("渝ICP备20009753号-2").findings.count == 1) }
