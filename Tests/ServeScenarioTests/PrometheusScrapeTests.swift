import ExporterTestSupport
import Foundation
import Testing

/// Issue 3's end-to-end check: a real Prometheus (Debian's package) scrapes the exporter and
/// a query through its HTTP API returns the total of what was written.
@Suite("A real Prometheus scraping the exporter", .timeLimit(.minutes(1)))
struct PrometheusScrapeTests {
    @Test("sum(llm_requests_total) through Prometheus's API equals the records written, history and live")
    func prometheusSeesTheTotal() async throws {
        let exporter = try await ExporterUnderTest(files: [
            "a.jsonl": CostLine.records(4, model: "history-a") + "not json\n",
            "b.jsonl": CostLine.records(3, model: "history-b"),
        ])
        let prometheus = try PrometheusServer.start(
            scraping: "127.0.0.1:\(exporter.port)", jobName: "llm-cost-exporter", scrapeInterval: "500ms",
            in: exporter.directory)
        defer { prometheus.process.stop() }
        try await ProcessWait.until(
            "Prometheus has scraped the exporter with 7 requests", watching: [exporter.process, prometheus.process]
        ) {
            await prometheus.api.value(of: "sum(llm_requests_total)") == 7
        }

        try exporter.append(CostLine.records(5, model: "live"), to: "a.jsonl")
        try await ProcessWait.until(
            "Prometheus sees the 5 live requests too", timeout: .seconds(20),
            watching: [exporter.process, prometheus.process]
        ) {
            await prometheus.api.value(of: "sum(llm_requests_total)") == 12
        }
        #expect(await prometheus.api.value(of: #"sum(llm_requests_total{model="live"})"#) == 5)
        #expect(await prometheus.api.value(of: #"up{job="llm-cost-exporter"}"#) == 1)
        #expect(await prometheus.api.value(of: "sum(llm_cost_exporter_line_errors_total)") == 1)
    }
}
