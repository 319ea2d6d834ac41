import Glibc
import Testing

@testable import MetricsHTTP

@Suite struct HTTPServerConfigurationTests {
    @Test func defaultsAreValid() throws {
        try HTTPServerConfiguration(port: 10042).validate()
    }

    @Test(arguments: [
        (HTTPServerConfiguration(port: 1, maxHeaderSectionSize: 0), "maxHeaderSectionSize must be at least 1, not 0"),
        (HTTPServerConfiguration(port: 1, maxConnections: -5), "maxConnections must be at least 1, not -5"),
        (HTTPServerConfiguration(port: 1, maxConcurrentRequests: 0), "maxConcurrentRequests must be at least 1, not 0"),
        (
            HTTPServerConfiguration(port: 1, headerReadTimeout: .zero),
            "headerReadTimeout must be longer than zero, not 0.0 seconds"
        ),
        (HTTPServerConfiguration(port: 1, retryAfterSeconds: -1), "retryAfterSeconds must not be negative"),
    ])
    func invalidLimitsAreNamed(configuration: HTTPServerConfiguration, reason: String) {
        #expect(throws: HTTPServerError.invalidConfiguration(reason)) { try configuration.validate() }
        #expect(throws: HTTPServerError.invalidConfiguration(reason)) {
            try HTTPServer(configuration: configuration) { _ in HTTPResponse(status: .ok) }
        }
    }

    @Test func bindingAnAddressInUseNamesTheCall() throws {
        let (server, port) = try startServer()
        defer { server.stop() }
        let second = try HTTPServer(configuration: HTTPServerConfiguration(host: "127.0.0.1", port: port)) { _ in
            HTTPResponse(status: .ok)
        }
        #expect(
            throws: HTTPServerError.cannotListen(address: "127.0.0.1 port \(port)", call: "bind", errno: EADDRINUSE)
        ) {
            try second.start()
        }
    }
}
