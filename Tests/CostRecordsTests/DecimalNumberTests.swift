import ExporterTestSupport
import Glibc
import Testing

@testable import CostRecords

/// Exact number conversion: doubles equal `strtod`'s, counts are exact or rejected.
@Suite struct DecimalNumberTests {
    struct DoubleCase: CustomTestStringConvertible, Sendable {
        let text: String
        let expected: Double
        var testDescription: String { text }
    }

    static let doubleCases: [DoubleCase] = [
        DoubleCase(text: "0", expected: 0),
        DoubleCase(text: "-0", expected: -0.0),
        DoubleCase(text: "1", expected: 1),
        DoubleCase(text: "7.5e-06", expected: 7.5e-06),
        DoubleCase(text: "7.5E-6", expected: 7.5e-06),
        DoubleCase(text: "0.00075", expected: 0.00075),
        DoubleCase(text: "0.1", expected: 0.1),
        DoubleCase(text: "0.3", expected: 0.3),
        DoubleCase(text: "0.00045000000000000004", expected: 0.00045000000000000004),
        DoubleCase(text: "0.009482500000000001", expected: 0.009482500000000001),
        DoubleCase(text: "1.2345678901234567", expected: 1.2345678901234567),
        DoubleCase(text: "9007199254740993", expected: 9007199254740992),
        DoubleCase(text: "123456789012345678901234567890", expected: 123456789012345677877719597056),
        DoubleCase(text: "1e22", expected: 1e22),
        DoubleCase(text: "1e23", expected: 1e23),
        DoubleCase(text: "1.7976931348623157e308", expected: 1.7976931348623157e308),
        DoubleCase(text: "2e308", expected: .infinity),
        DoubleCase(text: "-2e308", expected: -.infinity),
        DoubleCase(text: "5e-324", expected: .leastNonzeroMagnitude),
        DoubleCase(text: "2.2250738585072014e-308", expected: 2.2250738585072014e-308),
        DoubleCase(text: "1e-400", expected: 0),
        DoubleCase(text: "100.000", expected: 100),
        DoubleCase(text: "1.5e+2", expected: 150),
        DoubleCase(text: "0.000000000000000000000000000001", expected: 1e-30),
        DoubleCase(text: "1e99999999999999999999", expected: .infinity),
        DoubleCase(text: "2.5000000000000000000000000000000000001", expected: 2.5000000000000000000000000000000000001),
        // Halfway between two doubles: round to even.
        DoubleCase(text: "9007199254740993.0", expected: 9007199254740992),
        DoubleCase(text: "9007199254740995", expected: 9007199254740996),
    ]

    @Test(arguments: doubleCases)
    func doubles(_ testCase: DoubleCase) {
        let value = withNumber(testCase.text) { $0?.doubleValue }
        #expect(value == testCase.expected)
        #expect(value?.sign == testCase.expected.sign)
    }

    /// Random decimals of every length and exponent agree with `strtod` bit for bit.
    @Test func agreesWithStrtod() {
        var generator = SeededGenerator(seed: 0x5EED)
        for _ in 0..<50_000 {
            let digitCount = Int(generator.next() % 20) + 1
            var digits = String(generator.next() % 9 + 1)
            for _ in 1..<digitCount {
                digits += String(generator.next() % 10)
            }
            let point = Int(generator.next() % UInt64(digitCount + 1))
            var text = point == digitCount ? digits : String(digits.prefix(point)) + "." + digits.dropFirst(point)
            if text.hasPrefix(".") {
                text = "0" + text
            }
            if generator.next() % 2 == 0 {
                text += "e" + String(Int(generator.next() % 90) - 45)
            }
            let expected = strtod(text, nil)
            let value = withNumber(text) { $0?.doubleValue }
            #expect(value?.bitPattern == expected.bitPattern, "\(text)")
        }
    }

    struct CountCase: CustomTestStringConvertible, Sendable {
        let text: String
        let expected: UInt64?
        var testDescription: String { text }
    }

    static let countCases: [CountCase] = [
        CountCase(text: "0", expected: 0),
        CountCase(text: "-0", expected: 0),
        CountCase(text: "-0.0", expected: 0),
        CountCase(text: "42", expected: 42),
        CountCase(text: "100.0", expected: 100),
        CountCase(text: "1e3", expected: 1_000),
        CountCase(text: "1.5e3", expected: 1_500),
        CountCase(text: "150e-1", expected: 15),
        CountCase(text: "18446744073709551615", expected: .max),
        CountCase(text: "18446744073709551616", expected: nil),
        CountCase(text: "1e19", expected: 10_000_000_000_000_000_000),
        CountCase(text: "1e20", expected: nil),
        CountCase(text: "1.5", expected: nil),
        CountCase(text: "15e-1", expected: nil),
        CountCase(text: "-1", expected: nil),
        CountCase(text: "1.0000000000000000000001", expected: nil),
        CountCase(text: "100000000000000000000000e-5", expected: 1_000_000_000_000_000_000),
    ]

    @Test(arguments: countCases)
    func counts(_ testCase: CountCase) {
        let value = Array(testCase.text.utf8).withUnsafeBytes { DecimalNumber.count(validToken: $0) }
        #expect(value == testCase.expected)
    }

    @Test(arguments: ["", "-", "+1", ".5", "1.", "1e", "1e+", "01", "0x1", "NaN", "Infinity", "1 ", " 1", "1,5"])
    func rejectsWhatIsNotExactlyANumber(_ text: String) {
        #expect(withNumber(text) { $0 == nil })
    }

    /// Runs `body` with `text` taken apart, or nil when it is not a JSON number.
    private func withNumber<T>(_ text: String, _ body: (DecimalNumber?) -> T) -> T {
        Array(text.utf8).withUnsafeBytes { body(DecimalNumber($0)) }
    }
}
