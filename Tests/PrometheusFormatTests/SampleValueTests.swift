import Testing

@testable import PrometheusFormat

struct SampleValueTests {
    struct Case: Sendable, CustomTestStringConvertible {
        let name: String
        let value: Double
        let text: String
        var testDescription: String { name }
    }

    @Test(arguments: [
        Case(name: "zero", value: 0, text: "0"),
        Case(name: "negative zero prints as zero", value: -0.0, text: "0"),
        Case(name: "integral double has no .0", value: 42, text: "42"),
        Case(name: "large integral", value: 123_456_789_012_345, text: "123456789012345"),
        Case(name: "large integral below 2^53", value: 1e15, text: "1000000000000000"),
        Case(name: "beyond 2^53 uses exponent", value: 1e16, text: "1e+16"),
        Case(name: "decimal fraction", value: 0.1, text: "0.1"),
        Case(name: "small cost in exponent form", value: 7.5e-06, text: "7.5e-06"),
        Case(name: "shortest round trip", value: 0.1 + 0.2, text: "0.30000000000000004"),
        Case(name: "negative fraction", value: -2.5, text: "-2.5"),
        Case(name: "positive infinity", value: .infinity, text: "+Inf"),
        Case(name: "negative infinity", value: -.infinity, text: "-Inf"),
        Case(name: "not a number", value: .nan, text: "NaN"),
        Case(name: "bucket bound", value: 81.92, text: "81.92"),
    ])
    func formatsDouble(_ testCase: Case) {
        #expect(SampleValue.text(testCase.value) == testCase.text)
        if testCase.value.isFinite {
            #expect(Double(testCase.text) == testCase.value, "the text parses back to the same value")
        }
    }

    @Test(arguments: [(UInt64(0), "0"), (7, "7"), (10, "10"), (1_000_000, "1000000"), (.max, "18446744073709551615")])
    func formatsUnsignedInteger(value: UInt64, text: String) {
        var bytes: [UInt8] = []
        SampleValue.append(value, to: &bytes)
        #expect(String(decoding: bytes, as: UTF8.self) == text)
    }
}
