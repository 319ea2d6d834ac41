import Dispatch
import Synchronization

@testable import MetricsHTTP

/// Collects log lines so tests can wait for an event.
final class LogRecorder: Sendable {
    private let lines = Mutex<[String]>([])

    var logger: HTTPLogger {
        { [self] _, message in lines.withLock { $0.append(message) } }
    }

    /// Whether a line containing `text` arrives within `timeout`.
    /// The deadline is generous on purpose: it bounds a hang, and a loaded 2-core machine running
    /// the whole suite in parallel can delay the log line by seconds.
    func waitForLine(containing text: String, timeout: Duration = .seconds(30)) async -> Bool {
        let clock = ContinuousClock()
        let deadline = clock.now.advanced(by: timeout)
        while clock.now < deadline {
            if lines.withLock({ $0.contains { $0.contains(text) } }) { return true }
            try? await Task.sleep(for: .milliseconds(20))
        }
        return false
    }
}

/// The handler the loopback tests use: `/metrics` is compressible exposition text, `/echo`
/// answers with the path and query, anything else is the handler's own 404.
@Sendable func testHandler(_ request: HTTPRequest) -> HTTPResponse {
    switch request.path {
    case "/metrics":
        return HTTPResponse(
            status: .ok,
            headers: [("Content-Type", "text/plain; version=0.0.4; charset=utf-8")],
            body: Array("up 1\n".utf8),
            isCompressible: true
        )
    case "/echo":
        return HTTPResponse(
            status: .ok,
            headers: [("Content-Type", "text/plain")],
            body: Array("\(request.path)?\(request.query ?? "")".utf8)
        )
    default:
        return HTTPResponse(
            status: .notFound, headers: [("Content-Type", "text/plain")], body: Array("not found\n".utf8))
    }
}

/// Starts a server on 127.0.0.1 and a free port with short test timeouts.
func startServer(
    _ configure: (inout HTTPServerConfiguration) -> Void = { _ in },
    logger: @escaping HTTPLogger = { _, _ in },
    handler: @escaping HTTPServer.Handler = testHandler
) throws -> (server: HTTPServer, port: UInt16) {
    var configuration = HTTPServerConfiguration(
        host: "127.0.0.1",
        port: 0,
        headerReadTimeout: .milliseconds(400),
        idleTimeout: .seconds(2),
        writeTimeout: .milliseconds(400),
        closeLingerTimeout: .milliseconds(300)
    )
    configure(&configuration)
    let server = try HTTPServer(configuration: configuration, logger: logger, handler: handler)
    try server.start()
    guard let port = server.boundPort else { throw HTTPServerError.invalidConfiguration("no port after start") }
    return (server, port)
}

/// The response with its `Date` value replaced by `<date>`, or `nil` if the `Date` line is
/// missing or not an IMF-fixdate.
func normalisingDate(_ response: String) -> String? {
    let date =
        /Date: (Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d\d (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d\d:\d\d:\d\d GMT\r\n/
    guard response.contains(date) else { return nil }
    return response.replacing(date, with: "Date: <date>\r\n", maxReplacements: 1)
}
