import Testing

@testable import CostRecords

/// Inputs the libFuzzer harness (`fuzz/harnesses/CostLineDecoderFuzzer.swift`) found breaking
/// one of the decoder's documented invariants, each with the outcome it must have now.
@Suite struct CostLineDecoderFuzzRegressionTests {
    static let cases: [LineCase] = [
        // Latency from start and end times was rounded to microseconds by multiplying by 1e6,
        // which overflowed to +Inf for a difference over ~1.8e302 s; an infinite observation
        // would make the latency histogram's _sum +Inf for good.
        LineCase(
            "end_time far in the future gives a finite latency",
            #"{"model":"m","start_time":0,"end_time":1e308}"#,
            .record(Decoded(provider: "unknown", model: "m", latencySeconds: 1e308 / 1_000, timestamp: 0))),
        LineCase(
            "start and end times as strings, far apart",
            #"{"model":"m","startTime":"1","endTime":"1.7976931348623157e308"}"#,
            .record(
                Decoded(
                    provider: "unknown", model: "m", latencySeconds: 1.7976931348623157e308 / 1_000 - 1, timestamp: 1))
        ),
    ]

    @Test(arguments: cases)
    func decodes(_ testCase: LineCase) {
        let outcome = decode(bytes: testCase.bytes)
        #expect(outcome == testCase.expected)
        #expect(outcome.record?.latencySeconds?.isFinite == true)
    }
}
