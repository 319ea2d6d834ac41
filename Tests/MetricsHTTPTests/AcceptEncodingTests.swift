import Testing

@testable import MetricsHTTP

struct AcceptEncodingCase: Sendable, CustomTestStringConvertible {
    var name: String
    var header: String?
    var gzip: Double
    var identity: Double
    var testDescription: String { name }
}

@Suite struct AcceptEncodingTests {
    @Test(arguments: [
        AcceptEncodingCase(name: "no header: identity only", header: nil, gzip: 0, identity: 1),
        AcceptEncodingCase(name: "empty header: identity only", header: "", gzip: 0, identity: 1),
        AcceptEncodingCase(name: "plain gzip", header: "gzip", gzip: 1, identity: 1),
        AcceptEncodingCase(name: "case-insensitive", header: "GZip", gzip: 1, identity: 1),
        AcceptEncodingCase(name: "x-gzip counts as gzip", header: "x-gzip", gzip: 1, identity: 1),
        AcceptEncodingCase(name: "q-value", header: "deflate, gzip;q=0.8", gzip: 0.8, identity: 1),
        AcceptEncodingCase(name: "spaces around parameters", header: "gzip ; q = 0.5 ", gzip: 0.5, identity: 1),
        AcceptEncodingCase(name: "q=0 refuses", header: "gzip;q=0", gzip: 0, identity: 1),
        AcceptEncodingCase(name: "q=0.000 refuses", header: "gzip;q=0.000, *", gzip: 0, identity: 1),
        AcceptEncodingCase(name: "star counts", header: "*", gzip: 1, identity: 1),
        AcceptEncodingCase(name: "named coding beats star", header: "*;q=0.3, gzip;q=0.9", gzip: 0.9, identity: 0.3),
        AcceptEncodingCase(name: "star q=0 refuses identity too", header: "*;q=0", gzip: 0, identity: 0),
        AcceptEncodingCase(name: "identity refused by name", header: "gzip, identity;q=0", gzip: 1, identity: 0),
        AcceptEncodingCase(name: "invalid q skips the element", header: "gzip;q=2", gzip: 0, identity: 1),
        AcceptEncodingCase(
            name: "q with four decimals skips the element", header: "gzip;q=0.1234", gzip: 0, identity: 1),
        AcceptEncodingCase(name: "q=1.0 is 1", header: "gzip;q=1.0", gzip: 1, identity: 1),
        AcceptEncodingCase(name: "q=1.5 is invalid", header: "gzip;q=1.5", gzip: 0, identity: 1),
        AcceptEncodingCase(name: "Prometheus' header", header: "gzip", gzip: 1, identity: 1),
        AcceptEncodingCase(name: "browser header", header: "gzip, deflate, br, zstd", gzip: 1, identity: 1),
        AcceptEncodingCase(name: "empty elements ignored", header: ", ,gzip,", gzip: 1, identity: 1),
    ])
    func qualityFollowsTheHeader(_ testCase: AcceptEncodingCase) {
        let accept = AcceptEncoding(testCase.header)
        #expect(accept.quality(of: "gzip") == testCase.gzip)
        #expect(accept.quality(of: "identity") == testCase.identity)
        #expect(accept.accepts("gzip") == (testCase.gzip > 0))
    }
}
