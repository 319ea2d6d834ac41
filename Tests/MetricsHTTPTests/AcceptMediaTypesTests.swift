import Testing

@testable import MetricsHTTP

struct MediaTypeCase: Sendable, CustomTestStringConvertible {
    var name: String
    var header: String?
    var expected: String?
    var testDescription: String { name }
}

private let openMetrics = "application/openmetrics-text; version=1.0.0; charset=utf-8"
private let textFormat = "text/plain; version=0.0.4; charset=utf-8"

@Suite struct AcceptMediaTypesTests {
    @Test(arguments: [
        MediaTypeCase(name: "no header: server's first offer", header: nil, expected: openMetrics),
        MediaTypeCase(name: "anything: server's first offer", header: "*/*", expected: openMetrics),
        MediaTypeCase(
            name: "Prometheus 3 prefers OpenMetrics 1.0",
            header: "application/openmetrics-text;version=1.0.0;escaping=allow-utf-8;q=0.6,"
                + "application/openmetrics-text;version=0.0.1;q=0.5,text/plain;version=1.0.0;escaping=allow-utf-8;q=0.4,"
                + "text/plain;version=0.0.4;q=0.3,*/*;q=0.2",
            expected: openMetrics
        ),
        MediaTypeCase(
            name: "Prometheus 2 without OpenMetrics",
            header: "text/plain;version=0.0.4;q=1,*/*;q=0.1",
            expected: textFormat
        ),
        MediaTypeCase(
            name: "only another OpenMetrics version falls to the wildcard",
            header: "application/openmetrics-text;version=0.0.1,text/plain;q=0.5",
            expected: textFormat
        ),
        MediaTypeCase(name: "type wildcard", header: "text/*", expected: textFormat),
        MediaTypeCase(
            name: "more specific range wins", header: "text/*;q=0.9, text/plain;q=0, */*;q=0.1", expected: openMetrics),
        MediaTypeCase(name: "case-insensitive types", header: "TEXT/PLAIN", expected: textFormat),
        MediaTypeCase(
            name: "tie goes to the server's order", header: "text/plain, application/openmetrics-text",
            expected: openMetrics),
        MediaTypeCase(
            name: "higher q wins over order", header: "application/openmetrics-text;q=0.5, text/plain",
            expected: textFormat),
        MediaTypeCase(name: "nothing acceptable", header: "application/json", expected: nil),
        MediaTypeCase(name: "everything refused", header: "*/*;q=0", expected: nil),
        MediaTypeCase(name: "malformed ranges are ignored", header: "text, /plain, text/plain", expected: textFormat),
        MediaTypeCase(
            name: "invalid q drops the range", header: "application/openmetrics-text;q=x, text/plain",
            expected: textFormat),
    ])
    func preferredOfferFollowsTheHeader(_ testCase: MediaTypeCase) {
        #expect(AcceptMediaTypes(testCase.header).preferred(among: [openMetrics, textFormat]) == testCase.expected)
    }

    @Test func qualityOfAnOfferIsThatOfTheMostSpecificMatchingRange() {
        let accept = AcceptMediaTypes("*/*;q=0.1, text/*;q=0.3, text/plain;q=0.7, text/plain;version=0.0.4;q=0.9")
        #expect(accept.quality(of: "text/plain; version=0.0.4") == 0.9)
        #expect(accept.quality(of: "text/plain; version=1.0.0") == 0.7)
        // The versioned range names a parameter this offer lacks, so it is no more specific than the bare one.
        #expect(accept.quality(of: "text/plain") == 0.7)
        #expect(accept.quality(of: "text/html") == 0.3)
        #expect(accept.quality(of: "image/png") == 0.1)
        #expect(accept.quality(of: "not a media type") == 0)
    }
}
