import Testing

@testable import CostBudgets

@Suite struct CompensatedSumTests {
    @Test func aMillionSmallCostsSumExactly() {
        var sum = CompensatedSum()
        for _ in 0..<1_000_000 { sum.add(7.5e-06) }
        // Python: math.fsum([7.5e-06] * 1_000_000) == 7.5; a plain loop gives 7.499999999904862.
        #expect(sum.value == 7.5)
    }

    @Test func tenTenthsMakeOne() {
        var sum = CompensatedSum()
        for _ in 0..<10 { sum.add(0.1) }
        // A plain loop gives 0.9999999999999999.
        #expect(sum.value == 1.0)
    }

    @Test func smallValueBesideLargeOnesIsKept() {
        var sum = CompensatedSum()
        for value in [1e16, 1.0, -1e16] { sum.add(value) }
        // Plain addition gives 0.0; Neumaier's variant (unlike Kahan's) keeps the 1.
        #expect(sum.value == 1.0)
    }

    @Test func emptySumIsZero() {
        #expect(CompensatedSum().value == 0)
    }
}
