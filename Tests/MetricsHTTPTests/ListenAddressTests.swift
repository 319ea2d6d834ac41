import Testing

@testable import MetricsHTTP

struct ListenAddressCase: Sendable, CustomTestStringConvertible {
    var input: String
    var expected: Result<ListenAddress, ListenAddressError>
    var testDescription: String { "'\(input)'" }
}

@Suite struct ListenAddressTests {
    @Test(arguments: [
        ListenAddressCase(input: ":10042", expected: .success(ListenAddress(host: .any, port: 10042))),
        ListenAddressCase(input: ":0", expected: .success(ListenAddress(host: .any, port: 0))),
        ListenAddressCase(input: "0.0.0.0:9090", expected: .success(ListenAddress(host: .ipv4("0.0.0.0"), port: 9090))),
        ListenAddressCase(
            input: "127.0.0.1:65535", expected: .success(ListenAddress(host: .ipv4("127.0.0.1"), port: 65535))),
        ListenAddressCase(input: "[::1]:9090", expected: .success(ListenAddress(host: .ipv6("::1"), port: 9090))),
        ListenAddressCase(input: "[::]:9090", expected: .success(ListenAddress(host: .ipv6("::"), port: 9090))),
        ListenAddressCase(
            input: "[fe80::1:2]:80", expected: .success(ListenAddress(host: .ipv6("fe80::1:2"), port: 80))),
        ListenAddressCase(
            input: "localhost:9090", expected: .success(ListenAddress(host: .name("localhost"), port: 9090))),
        ListenAddressCase(
            input: "metrics-1.example.com:9090",
            expected: .success(ListenAddress(host: .name("metrics-1.example.com"), port: 9090))
        ),
        ListenAddressCase(input: "", expected: .failure(.empty)),
        ListenAddressCase(input: "10042", expected: .failure(.missingPort("10042"))),
        ListenAddressCase(input: "localhost", expected: .failure(.missingPort("localhost"))),
        ListenAddressCase(input: ":", expected: .failure(.invalidPort(":", port: ""))),
        ListenAddressCase(input: ":65536", expected: .failure(.invalidPort(":65536", port: "65536"))),
        ListenAddressCase(input: ":-1", expected: .failure(.invalidPort(":-1", port: "-1"))),
        ListenAddressCase(input: ":+80", expected: .failure(.invalidPort(":+80", port: "+80"))),
        ListenAddressCase(input: ":000080", expected: .failure(.invalidPort(":000080", port: "000080"))),
        ListenAddressCase(input: ":http", expected: .failure(.invalidPort(":http", port: "http"))),
        ListenAddressCase(input: "::1:9090", expected: .failure(.unbracketedIPv6("::1:9090"))),
        ListenAddressCase(input: "[::1]9090", expected: .failure(.missingPort("[::1]9090"))),
        ListenAddressCase(input: "[::1:9090", expected: .failure(.unclosedBracket("[::1:9090"))),
        ListenAddressCase(input: "[1.2.3.4]:80", expected: .failure(.invalidHost("[1.2.3.4]:80", host: "1.2.3.4"))),
        ListenAddressCase(input: "256.1.1.1:80", expected: .failure(.invalidHost("256.1.1.1:80", host: "256.1.1.1"))),
        ListenAddressCase(input: "host_name:80", expected: .failure(.invalidHost("host_name:80", host: "host_name"))),
        ListenAddressCase(
            input: "-bad.example:80", expected: .failure(.invalidHost("-bad.example:80", host: "-bad.example"))),
        ListenAddressCase(input: "a..b:80", expected: .failure(.invalidHost("a..b:80", host: "a..b"))),
    ])
    func parsesOrExplains(_ testCase: ListenAddressCase) {
        #expect(
            Result { () throws(ListenAddressError) in try ListenAddress(parsing: testCase.input) } == testCase.expected)
    }

    @Test(arguments: [":10042", "127.0.0.1:9090", "[::1]:9090", "localhost:80"])
    func descriptionRoundTrips(_ text: String) throws {
        #expect(try ListenAddress(parsing: text).description == text)
    }

    @Test func errorsAreSentencesNamingTheInput() {
        #expect(
            ListenAddressError.invalidPort(":99999", port: "99999").description
                == "The listen address ':99999' has port '99999', which is not a number from 0 to 65535."
        )
        #expect(
            ListenAddressError.unbracketedIPv6("::1:9090").description
                == "The listen address '::1:9090' looks like an IPv6 address without brackets; write it as [IPV6]:PORT."
        )
    }

    @Test func configurationFromAnAddressBindsItsHost() throws {
        #expect(HTTPServerConfiguration(listenAddress: try ListenAddress(parsing: ":80")).host == "")
        #expect(HTTPServerConfiguration(listenAddress: try ListenAddress(parsing: "[::1]:80")).host == "::1")
        #expect(HTTPServerConfiguration(listenAddress: try ListenAddress(parsing: "[::1]:80")).port == 80)
    }
}
