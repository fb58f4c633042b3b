import Beian
import BeianTesting
import PropertyBased
import Testing

/// The README's BeianTesting example, verbatim, so that it keeps compiling and passing.
@Test func everyRenderingOfAChongqingFilingIsFound() async throws {
    let scanner = try BeianScanner(referenceYear: 2026)
    let input = zip(BeianGen.icpFiling(in: Province(code: "50")!), BeianGen.rendering)
    await propertyCheck(count: 1000, input: input) { filing, rendering in
        let page = BeianGen.render(filing, as: rendering)
        let found = scanner.check(page.bytes, isHTML: page.isHTML).findings
        #expect(found.map(\.number) == [filing.number])
        #expect(found.map(\.byteRange) == [page.range])
    }
}
