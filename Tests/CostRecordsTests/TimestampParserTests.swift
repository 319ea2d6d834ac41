import ExporterTestSupport
import Testing

@testable import CostRecords

/// Timestamp forms log writers use, as epoch seconds.
@Suite struct TimestampParserTests {
    struct TextCase: CustomTestStringConvertible, Sendable {
        let text: String
        let expected: Double?
        var testDescription: String { text }
    }

    static let textCases: [TextCase] = [
        TextCase(text: "1970-01-01T00:00:00Z", expected: 0),
        TextCase(text: "2024-12-19T18:59:02.123456Z", expected: 1_734_634_742 + 0.123456),
        TextCase(text: "2024-12-19T18:59:02Z", expected: 1_734_634_742),
        TextCase(text: "2024-12-19t18:59:02z", expected: 1_734_634_742),
        TextCase(text: "2024-12-19T18:59:02", expected: 1_734_634_742),
        TextCase(text: "2024-12-19T18:59", expected: 1_734_634_740),
        TextCase(text: "2024-12-19", expected: 1_734_566_400),
        TextCase(text: "2024-12-19T18:59:02.5", expected: 1_734_634_742.5),
        TextCase(text: "2024-12-19T18:59:02,5Z", expected: 1_734_634_742.5),
        TextCase(text: "2024-12-19T18:59:02.123456789123Z", expected: 1_734_634_742 + 0.123456789),
        TextCase(text: "2024-12-19T20:59:02+02:00", expected: 1_734_634_742),
        TextCase(text: "2024-12-19T20:59:02+0200", expected: 1_734_634_742),
        TextCase(text: "2024-12-19T20:59:02+02", expected: 1_734_634_742),
        TextCase(text: "2024-12-19T13:29:02.25-05:30", expected: 1_734_634_742.25),
        TextCase(text: "2024-12-19T18:59:02+00:00", expected: 1_734_634_742),
        TextCase(text: "2024-06-01 12:00:00.123456", expected: 1_717_243_200 + 0.123456),
        TextCase(text: "2024-06-01 12:00:00", expected: 1_717_243_200),
        TextCase(text: "2024-02-29T00:00:00Z", expected: 1_709_164_800),
        TextCase(text: "2000-02-29T00:00:00Z", expected: 951_782_400),
        TextCase(text: "1969-12-31T23:59:59Z", expected: -1),
        TextCase(text: "2016-12-31T23:59:60Z", expected: 1_483_228_800),
        TextCase(text: "1734634742", expected: 1_734_634_742),
        TextCase(text: "1734634742.5", expected: 1_734_634_742.5),
        TextCase(text: "1734634742500", expected: 1_734_634_742.5),
        TextCase(text: "2023-02-29T00:00:00Z", expected: nil),
        TextCase(text: "1900-02-29T00:00:00Z", expected: nil),
        TextCase(text: "2024-13-01T00:00:00Z", expected: nil),
        TextCase(text: "2024-00-01", expected: nil),
        TextCase(text: "2024-04-31", expected: nil),
        TextCase(text: "2024-12-19T24:00:00Z", expected: nil),
        TextCase(text: "2024-12-19T18:60:00Z", expected: nil),
        TextCase(text: "2024-12-19T18:59:61Z", expected: nil),
        TextCase(text: "2024-12-19T18:59:02.Z", expected: nil),
        TextCase(text: "2024-12-19T18:59:02+2", expected: nil),
        TextCase(text: "2024-12-19T18:59:02+24:00", expected: nil),
        TextCase(text: "2024-12-19T18:59:02 UTC", expected: nil),
        TextCase(text: "2024-12-19X18:59:02", expected: nil),
        TextCase(text: "2024-1-9", expected: nil),
        TextCase(text: "19/12/2024", expected: nil),
        TextCase(text: "Thu, 19 Dec 2024 18:59:02 GMT", expected: nil),
        TextCase(text: "", expected: nil),
        TextCase(text: "-5", expected: nil),
        TextCase(text: "now", expected: nil),
    ]

    @Test(arguments: textCases)
    func text(_ testCase: TextCase) {
        let value = Array(testCase.text.utf8).withUnsafeBytes { TimestampParser.epochSeconds(fromText: $0) }
        #expect(value == testCase.expected)
    }

    @Test(arguments: [
        (0.0, 0.0 as Double?), (1_734_634_742, 1_734_634_742), (1_734_634_742.25, 1_734_634_742.25),
        (1e11, 1e11), (1_734_634_742_500, 1_734_634_742.5), (-1, nil), (.infinity, nil), (.nan, nil),
    ])
    func number(_ value: Double, _ expected: Double?) {
        #expect(TimestampParser.epochSeconds(fromNumber: value) == expected)
    }
}

/// The minute cache reads every text exactly as the uncached reader does, whatever it saw before.
@Suite struct MinuteCacheTests {
    static let texts = [
        "2024-06-01T00:00:00.019565", "2024-06-01T00:00:59.5Z", "2024-06-01 00:00:01.114757", "2024-06-01T00:00:61",
        "2024-06-01T00:00:00+02:00", "2024-06-01T00:01:00", "2024-06-01T00:00:0x", "2024-02-30T00:00:00",
        "1970-01-01T00:00:00", "1970-01-01T00:00", "2024-06-01t00:00:00z", "2024-06-01T00:00:00.123456789123Z",
        "2024-06-01T00:00:00.255Z", "2024-06-01T00:00:00Zx", "2024-06-01T00:00:00.", "2024-06-01X00:00:00",
        String(repeating: "\u{0}", count: 19), "1717200000", "2024-06-01T00:00:00-0530", "2024-06-01T23:59:60",
    ]

    @Test func agreesWithTheUncachedReader() {
        var cache = TimestampParser.MinuteCache()
        var generator = SeededGenerator(seed: 0x7133)
        for _ in 0..<2_000 {
            let text = Self.texts[Int(generator.next() % UInt64(Self.texts.count))]
            Array(text.utf8).withUnsafeBytes { bytes in
                let cached = cache.epochSeconds(fromText: bytes)
                let uncached = TimestampParser.epochSeconds(fromText: bytes)
                #expect(cached?.bitPattern == uncached?.bitPattern, "\(text)")
            }
        }
    }

    @Test func aRepeatedMinuteReadsItsNewSeconds() {
        var cache = TimestampParser.MinuteCache()
        let values = ["2024-12-19T18:59:02Z", "2024-12-19T18:59:03.5Z", "2024-12-19 18:59:04", "2024-12-19T18:59:05"]
            .map { text in Array(text.utf8).withUnsafeBytes { cache.epochSeconds(fromText: $0) } }
        #expect(values == [1_734_634_742, 1_734_634_743.5, 1_734_634_744, 1_734_634_745])
    }
}
