import CostBudgets
import Foundation
import MetricsHTTP
import Testing

@testable import LLMCostExporter

struct MetricsEndpointTests {
    /// 2024-06-02T10:00:00Z.
    private static let now = 1_717_322_400.0

    private func endpoint(budgets: [Budget] = []) -> MetricsEndpoint {
        let metrics = CostMetrics()
        metrics.update { state in
            _ = state.configureBudgets(budgets, now: Self.now)
            RecordBuilder(costUSD: 0.5, timestamp: Self.now - 60).record(into: &state)
            RecordBuilder(costUSD: 0.25, timestamp: Self.now - 3600).record(into: &state)
            RecordBuilder(
                provider: "anthropic", model: "claude-3-opus", status: .error, errorType: .timeout, costUSD: 1,
                timestamp: Self.now - 7200
            ).record(into: &state)
            RecordBuilder(costUSD: 9, timestamp: Self.now - 2 * 86_400).record(into: &state)
            state.recordLineError(.invalidJSON)
        }
        return MetricsEndpoint(metrics: metrics, wallClock: { Self.now })
    }

    private func get(_ path: String, _ headers: HTTPHeaders = [], from endpoint: MetricsEndpoint) -> HTTPResponse {
        endpoint.respond(to: HTTPRequest(method: .get, path: path, headers: headers))
    }

    @Test func metricsDefaultsToTheTextFormat() {
        for accept in [nil, "*/*", "text/plain"] {
            let response = get("/metrics", accept.map { [("Accept", $0)] } ?? [], from: endpoint())
            #expect(response.status == .ok)
            #expect(response.headers.first("Content-Type") == "text/plain; version=0.0.4; charset=utf-8")
            #expect(response.isCompressible)
            #expect(String(decoding: response.body, as: UTF8.self).contains("llm_cost_exporter_lines_total 5\n"))
        }
    }

    @Test func metricsIsOpenMetricsWhenTheScraperPrefersIt() {
        let prometheusAccept =
            "application/openmetrics-text;version=1.0.0,application/openmetrics-text;version=0.0.1;q=0.75,text/plain;version=0.0.4;q=0.5,*/*;q=0.1"
        let response = get("/metrics", [("Accept", prometheusAccept)], from: endpoint())
        #expect(response.headers.first("Content-Type") == "application/openmetrics-text; version=1.0.0; charset=utf-8")
        #expect(String(decoding: response.body, as: UTF8.self).hasSuffix("# EOF\n"))
    }

    @Test func readinessFollowsTheFirstPoll() {
        let endpoint = endpoint()
        #expect(get("/-/ready", from: endpoint).status == .serviceUnavailable)
        endpoint.markReady()
        #expect(get("/-/ready", from: endpoint).status == .ok)
        #expect(get("/-/healthy", from: endpoint).status == .ok)
    }

    @Test func landingPageLinksTheEndpointsAndUnknownPathsAre404() {
        let page = get("/", from: endpoint())
        #expect(page.headers.first("Content-Type") == "text/html; charset=utf-8")
        #expect(String(decoding: page.body, as: UTF8.self).contains("<a href=\"/metrics\">"))
        #expect(get("/nope", from: endpoint()).status == .notFound)
    }

    @Test func summaryHasTotalsTheLastDayAndBudgets() throws {
        let budget = try Budget(name: "daily", amountUSD: 5, period: .day)
        let response = get("/api/v1/summary", from: endpoint(budgets: [budget]))
        #expect(response.headers.first("Content-Type") == "application/json")
        let document = try #require(try JSONSerialization.jsonObject(with: Data(response.body)) as? [String: Any])
        #expect(document["status"] as? String == "starting")
        let totals = try #require(document["totals"] as? [String: Any])
        #expect(totals["requests"] as? Int == 4)
        #expect(totals["errors"] as? Int == 1)
        #expect(totals["cost_usd"] as? Double == 10.75)
        #expect(totals["lines"] as? Int == 5)
        #expect(totals["line_errors"] as? Int == 1)
        let day = try #require(document["last_24h"] as? [String: Any])
        #expect(day["cost_usd"] as? Double == 1.75, "the record from two days ago is not in the last 24 hours")
        #expect(day["requests"] as? Int == 3)
        let byModel = try #require(day["by_model"] as? [String: [String: Any]])
        #expect(byModel["openai/gpt-4o"]?["cost_usd"] as? Double == 0.75)
        #expect(byModel["anthropic/claude-3-opus"]?["requests"] as? Int == 1)
        let byProvider = try #require(day["by_provider"] as? [String: [String: Any]])
        #expect(byProvider["openai"]?["requests"] as? Int == 2)
        let budgets = try #require(document["budgets"] as? [[String: Any]])
        #expect(budgets.count == 1)
        #expect(budgets.first?["spend_usd"] as? Double == 1.75)
        #expect(budgets.first?["ratio"] as? Double == 0.35)
        #expect(budgets.first?["period_end"] as? Double == 1_717_372_800)
    }
}
