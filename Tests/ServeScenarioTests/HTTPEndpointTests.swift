import ExporterTestSupport
import Foundation
import Testing

/// The exporter's HTTP surface over real loopback sockets: health, readiness, routing,
/// methods, HEAD, gzip and OpenMetrics negotiation, as Prometheus and curl use them.
@Suite("HTTP endpoints", .timeLimit(.minutes(1)))
struct HTTPEndpointTests {
    /// The Content-Type Prometheus 3 requires of the text format, byte for byte.
    static let textContentType = "text/plain; version=0.0.4; charset=utf-8"

    /// What the exporter serves in these tests: two models, and one bad line.
    static let history =
        CostLine.records(3, model: "served-a") + CostLine.records(2, model: "served-b") + "not json\n"

    @Test("/-/ready answers 200 only once the history is read: the first scrape after it holds every line")
    func readyMeansHistoryRead() async throws {
        let exporter = try await ExporterUnderTest(files: ["app.jsonl": CostLine.records(5_000, model: "history")])
        // `ExporterUnderTest` returns as soon as /-/ready first answers 200: no waiting here.
        #expect(
            TailingTotals(try exporter.scrape())
                == TailingTotals(lines: 5_000, successfulRequests: ["history": 5_000], filesWatched: 1))
        #expect(try exporter.get("/-/ready").status == 200)
    }

    @Test("/-/healthy answers 200, / links to /metrics, an unknown path is 404")
    func routes() async throws {
        let exporter = try await ExporterUnderTest(files: ["app.jsonl": Self.history])
        #expect(try exporter.get("/-/healthy").status == 200)
        let landing = try exporter.get("/")
        #expect(landing.status == 200)
        #expect(landing.text.contains(#"href="/metrics""#), "landing page: \(landing.text)")
        #expect(try exporter.get("/nope").status == 404)
        #expect(try exporter.get("/metrics/extra").status == 404)
    }

    @Test("a method other than GET and HEAD is 405 with Allow", arguments: ["POST", "PUT", "DELETE", "OPTIONS"])
    func otherMethods(_ method: String) async throws {
        let exporter = try await ExporterUnderTest(files: ["app.jsonl": Self.history])
        let reply = try exporter.get("/metrics", method: method, headers: ["Content-Length: 0"])
        #expect(reply.status == 405)
        #expect(reply.header("Allow") == "GET, HEAD")
    }

    @Test("a malformed request is 400 with Connection: close, and the connection is closed")
    func malformedRequest() async throws {
        let exporter = try await ExporterUnderTest(files: ["app.jsonl": Self.history])
        let client = try LoopbackClient(port: exporter.port)
        try client.send("THIS IS NOT HTTP\r\n\r\n")
        // `readUntilClose` returns only when the server closes; a read timeout throws.
        let reply = try HTTPReply(parsing: client.readUntilClose())
        #expect(reply.status == 400)
        #expect(reply.header("Connection") == "close")
    }

    @Test("GET /metrics serves the text format with Prometheus 3's exact Content-Type")
    func textFormat() async throws {
        let exporter = try await ExporterUnderTest(files: ["app.jsonl": Self.history])
        let reply = try exporter.get("/metrics")
        #expect(reply.status == 200)
        #expect(reply.header("Content-Type") == Self.textContentType)
        #expect(reply.header("Content-Length") == String(reply.body.count))
        #expect(
            TailingTotals(try Exposition(parsing: reply.text))
                == TailingTotals(
                    lines: 6, successfulRequests: ["served-a": 3, "served-b": 2], lineErrors: ["invalid_json": 1],
                    filesWatched: 1))
    }

    @Test("HEAD /metrics has GET's status and headers and no body")
    func head() async throws {
        let exporter = try await ExporterUnderTest(files: ["app.jsonl": Self.history])
        let get = try exporter.get("/metrics")
        let head = try exporter.get("/metrics", method: "HEAD")
        #expect(head.status == 200)
        #expect(head.body.isEmpty)
        #expect(head.header("Content-Type") == Self.textContentType)
        #expect(head.header("Content-Length") == String(get.body.count))
    }

    @Test("gzip round trip: a gzip scrape decompresses to the plain scrape, byte for byte")
    func gzipRoundTrip() async throws {
        let exporter = try await ExporterUnderTest(files: ["app.jsonl": Self.history])
        let plain = try exporter.get("/metrics")
        let compressed = try exporter.get("/metrics", headers: ["Accept-Encoding: gzip"])
        #expect(compressed.status == 200)
        #expect(compressed.header("Content-Encoding") == "gzip")
        #expect(compressed.header("Content-Type") == Self.textContentType)
        #expect(compressed.body.count < plain.body.count)
        #expect(plain.header("Content-Encoding") == nil)

        // Decompressed by gzip(1), as a user would check it.
        let gzip = try #require(SpawnedProcess.executable(named: "gzip"), "gzip is not on PATH")
        let packed = exporter.directory.appendingPathComponent("scrape.gz")
        try Data(compressed.body).write(to: packed)
        let unpacked = try SpawnedProcess.run(gzip, ["-dc"], in: exporter.directory, timeout: 10, input: packed)
        #expect(unpacked.status == 0)
        #expect(unpacked.output == plain.text)
    }

    @Test("OpenMetrics when Accept prefers it, as Prometheus asks: same totals, ends in # EOF")
    func openMetrics() async throws {
        let exporter = try await ExporterUnderTest(files: ["app.jsonl": Self.history])
        // Prometheus 3's default scrape Accept header, shortened to the two formats we serve.
        let reply = try exporter.get(
            "/metrics",
            headers: ["Accept: application/openmetrics-text;version=1.0.0;q=0.5,text/plain;version=0.0.4;q=0.4"]
        )
        #expect(reply.status == 200)
        #expect(reply.header("Content-Type") == "application/openmetrics-text; version=1.0.0; charset=utf-8")
        #expect(reply.text.hasSuffix("\n# EOF\n"))
        #expect(reply.text.contains("\n# UNIT llm_cost_usd usd\n"))
        let text = try exporter.get("/metrics")
        #expect(TailingTotals(try Exposition(parsing: reply.text)) == TailingTotals(try Exposition(parsing: text.text)))
    }

    @Test("keep-alive: several scrapes on one connection")
    func keepAlive() async throws {
        let exporter = try await ExporterUnderTest(files: ["app.jsonl": Self.history])
        let client = try LoopbackClient(port: exporter.port)
        for path in ["/metrics", "/-/healthy", "/metrics"] {
            try client.send("GET \(path) HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
            let reply = try HTTPReply(parsing: client.readResponseBytes())
            #expect(reply.status == 200, "\(path)")
        }
    }
}
