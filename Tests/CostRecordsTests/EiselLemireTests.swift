import ExporterTestSupport
import Glibc
import Testing

@testable import CostRecords

/// The Eisel–Lemire fast path returns only correctly rounded values.
@Suite struct EiselLemireTests {
    @Test func everyAnswerMatchesStrtod() {
        var generator = SeededGenerator(seed: 42)
        var answered = 0
        for _ in 0..<100_000 {
            let significand = generator.next() >> (generator.next() % 64)
            let exponent = Int(generator.next() % 140) - 70
            guard significand != 0 else {
                continue
            }
            let expected = strtod("\(significand)e\(exponent)", nil)
            if let value = EiselLemire.double(significand: significand, exponent: exponent) {
                answered += 1
                #expect(value.bitPattern == expected.bitPattern, "\(significand)e\(exponent)")
            }
        }
        // Undecided cases are rare; nearly all in-range inputs are answered.
        #expect(answered > 85_000)
    }

    @Test(arguments: [(0 as UInt64, 0), (1, -65), (1, 65), (1, -400)])
    func outOfRangeIsLeftToStrtod(_ significand: UInt64, _ exponent: Int) {
        #expect(EiselLemire.double(significand: significand, exponent: exponent) == nil)
    }

    @Test func typicalCosts() {
        #expect(EiselLemire.double(significand: 45_000_000_000_000_004, exponent: -20) == 0.00045000000000000004)
        #expect(EiselLemire.double(significand: 75, exponent: -7) == 7.5e-06)
    }
}
