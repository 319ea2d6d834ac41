import Foundation
import MetricsHTTP
import PrometheusFormat
import Synchronization

/// Answers the exporter's HTTP requests: `/metrics`, the landing page and the health checks.
///
/// A pure function of the request and the shared state, so tests call it without a socket.
/// Method checks (only `GET` and `HEAD` get here) and gzip are the server's job.
final class MetricsEndpoint: Sendable {
    private let metrics: CostMetrics
    private let readiness: Atomic<Bool>
    private let wallClock: @Sendable () -> Double

    /// Creates the endpoint over the metrics the ingest side fills.
    ///
    /// - Parameters:
    ///   - metrics: What scrapes render.
    ///   - wallClock: The current time in epoch seconds: budgets are shown for the period
    ///     containing it.
    init(metrics: CostMetrics, wallClock: @escaping @Sendable () -> Double = { Date().timeIntervalSince1970 }) {
        self.metrics = metrics
        self.wallClock = wallClock
        readiness = Atomic(false)
    }

    /// Marks the exporter ready: the files' history has been read once.
    func markReady() {
        readiness.store(true, ordering: .releasing)
    }

    /// Whether `/-/ready` answers 200.
    var isReady: Bool {
        readiness.load(ordering: .acquiring)
    }

    /// The response to `request`.
    func respond(to request: HTTPRequest) -> HTTPResponse {
        switch request.path {
        case "/metrics":
            return scrape(request)
        case "/":
            return text(.ok, Self.landingPage, contentType: "text/html; charset=utf-8")
        case "/api/v1/summary":
            let now = wallClock()
            return HTTPResponse(
                status: .ok,
                headers: [("Content-Type", "application/json")],
                body: metrics.snapshot().summaryJSON(now: now, isReady: isReady),
                isCompressible: true
            )
        case "/-/healthy":
            return text(.ok, "llm-cost-exporter is Healthy.\n")
        case "/-/ready":
            return isReady
                ? text(.ok, "llm-cost-exporter is Ready.\n")
                : text(.serviceUnavailable, "llm-cost-exporter is not ready: still reading the files' history.\n")
        default:
            return text(.notFound, "404 page not found\n")
        }
    }

    private func scrape(_ request: HTTPRequest) -> HTTPResponse {
        let openMetrics = "application/openmetrics-text"
        let accepted = AcceptMediaTypes(request.headers.first("Accept"))
        // Text is offered first so that a tie (`*/*`, or no Accept header) keeps the text format;
        // OpenMetrics only when the client prefers it, as Prometheus does.
        let format: ExpositionFormat =
            accepted.preferred(among: ["text/plain", openMetrics]) == openMetrics ? .openMetrics : .text
        var snapshot = metrics.snapshot()
        snapshot.advanceClock(to: wallClock())
        let body = ExporterExposition.render(snapshot, format: format)
        return HTTPResponse(
            status: .ok,
            headers: [("Content-Type", format.contentType)],
            body: body,
            isCompressible: true
        )
    }

    private func text(_ status: HTTPStatus, _ body: String, contentType: String = "text/plain; charset=utf-8")
        -> HTTPResponse
    {
        HTTPResponse(status: status, headers: [("Content-Type", contentType)], body: Array(body.utf8))
    }

    private static let landingPage = """
        <!DOCTYPE html>
        <html lang="en">
        <head><meta charset="utf-8"><title>llm-cost-exporter</title></head>
        <body>
        <h1>llm-cost-exporter</h1>
        <p>Prometheus metrics of the cost, tokens, latency and errors of LLM API calls, read from JSONL logs.</p>
        <ul>
        <li><a href="/metrics">/metrics</a>: the metrics</li>
        <li><a href="/api/v1/summary">/api/v1/summary</a>: spend today and budgets, as JSON</li>
        <li><a href="/-/healthy">/-/healthy</a> and <a href="/-/ready">/-/ready</a>: health checks</li>
        </ul>
        <p>Version \(BuildInfo.version).</p>
        </body>
        </html>

        """
}
