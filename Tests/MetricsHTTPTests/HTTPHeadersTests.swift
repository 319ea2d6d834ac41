import Testing

@testable import MetricsHTTP

@Suite struct HTTPHeadersTests {
    private let headers: HTTPHeaders = [
        ("Content-Type", "text/plain"), ("Vary", "Accept"), ("vary", "Accept-Encoding"),
    ]

    @Test func lookupIgnoresASCIICaseAndKeepsOrder() {
        #expect(headers.first("content-type") == "text/plain")
        #expect(headers.first("VARY") == "Accept")
        #expect(headers.values("Vary") == ["Accept", "Accept-Encoding"])
        #expect(headers.first("Content-Length") == nil)
        #expect(headers.values("Content-Length") == [])
        #expect(headers.contains("CONTENT-TYPE"))
    }

    @Test func lookupDoesNotFoldNonASCII() {
        let unusual: HTTPHeaders = [("X-\u{C5}", "1")]
        #expect(unusual.first("x-\u{E5}") == nil)
        #expect(unusual.first("x-\u{C5}") == "1")
    }

    @Test func addAppendsAndRemoveDropsEveryCase() {
        var copy = headers
        copy.add(name: "X-New", value: "1")
        copy.remove("VARY")
        #expect(copy.fields == [.init(name: "Content-Type", value: "text/plain"), .init(name: "X-New", value: "1")])
    }
}
