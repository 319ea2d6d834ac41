import CostBudgets
import CostRecords
import ModelPricing
import Testing

@testable import LLMCostExporter

struct CostMetricsStateTests {
    /// The exposition of `state` with the build-info family left out, for exact comparison.
    private func exposition(_ state: CostMetricsState, families: Set<String>) -> String {
        let text = String(decoding: ExporterExposition.render(state, format: .text), as: UTF8.self)
        var kept: [Substring] = []
        var keep = false
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("# HELP ") {
                keep = families.contains(String(line.split(separator: " ")[2]))
            }
            if keep { kept.append(line) }
        }
        return kept.joined(separator: "\n") + "\n"
    }

    @Test func countsRequestsCostAndTokensByStatus() {
        var state = CostMetricsState()
        RecordBuilder(costUSD: 0.0015, inputTokens: 50, outputTokens: 25).record(into: &state)
        RecordBuilder(costUSD: 7.5e-06, inputTokens: 10, outputTokens: 0).record(into: &state)
        RecordBuilder(status: .error, errorType: .rateLimit).record(into: &state)
        #expect(
            exposition(state, families: ["llm_requests_total", "llm_cost_usd_total", "llm_tokens_total"]) == """
                # HELP llm_cost_usd_total Cost of LLM API calls in US dollars, by provider, model and status.
                # TYPE llm_cost_usd_total counter
                llm_cost_usd_total{provider="openai",model="gpt-4o",status="error"} 0
                llm_cost_usd_total{provider="openai",model="gpt-4o",status="success"} 0.0015075
                # HELP llm_requests_total LLM API calls read from the logs, by provider, model and status.
                # TYPE llm_requests_total counter
                llm_requests_total{provider="openai",model="gpt-4o",status="error"} 1
                llm_requests_total{provider="openai",model="gpt-4o",status="success"} 2
                # HELP llm_tokens_total Tokens used by LLM API calls as logged, by provider, model, status and token type (input, output).
                # TYPE llm_tokens_total counter
                llm_tokens_total{provider="openai",model="gpt-4o",status="error",token_type="input"} 0
                llm_tokens_total{provider="openai",model="gpt-4o",status="error",token_type="output"} 0
                llm_tokens_total{provider="openai",model="gpt-4o",status="success",token_type="input"} 60
                llm_tokens_total{provider="openai",model="gpt-4o",status="success",token_type="output"} 25

                """)
    }

    @Test func seriesAreSortedByProviderThenModelBytes() {
        var state = CostMetricsState()
        for (provider, model) in [
            ("openai", "gpt-4o-mini"), ("anthropic", "claude-3-opus"), ("openai", "gpt-4o"), ("openai", "Z"),
        ] {
            RecordBuilder(provider: provider, model: model).record(into: &state)
        }
        let lines = exposition(state, families: ["llm_cached_requests_total"]).split(separator: "\n").dropFirst(2)
        #expect(
            Array(lines) == [
                "llm_cached_requests_total{provider=\"anthropic\",model=\"claude-3-opus\"} 0",
                "llm_cached_requests_total{provider=\"openai\",model=\"Z\"} 0",
                "llm_cached_requests_total{provider=\"openai\",model=\"gpt-4o\"} 0",
                "llm_cached_requests_total{provider=\"openai\",model=\"gpt-4o-mini\"} 0",
            ])
    }

    @Test func durationHistogramIsCumulativeWithInfEqualToCount() {
        var state = CostMetricsState(limits: MetricLimits(durationBuckets: [0.5, 1, 2]))
        for latency in [0.1, 0.5, 0.7, 3.0, 100.0] {
            RecordBuilder(latencySeconds: latency).record(into: &state)
        }
        #expect(
            exposition(state, families: ["llm_request_duration_seconds"]) == """
                # HELP llm_request_duration_seconds Latency of LLM API calls in seconds, by provider, model and status.
                # TYPE llm_request_duration_seconds histogram
                llm_request_duration_seconds_bucket{provider="openai",model="gpt-4o",status="success",le="0.5"} 2
                llm_request_duration_seconds_bucket{provider="openai",model="gpt-4o",status="success",le="1"} 3
                llm_request_duration_seconds_bucket{provider="openai",model="gpt-4o",status="success",le="2"} 3
                llm_request_duration_seconds_bucket{provider="openai",model="gpt-4o",status="success",le="+Inf"} 5
                llm_request_duration_seconds_sum{provider="openai",model="gpt-4o",status="success"} 104.3
                llm_request_duration_seconds_count{provider="openai",model="gpt-4o",status="success"} 5

                """)
    }

    @Test func modelsPastTheCapAreFoldedIntoOtherAndCounted() {
        var state = CostMetricsState(limits: MetricLimits(maxProviders: 2, maxModelsPerProvider: 2))
        for model in ["a", "b", "c", "d", "a"] {
            RecordBuilder(model: model, costUSD: 1).record(into: &state)
        }
        for provider in ["p1", "p2", "p3"] {
            RecordBuilder(provider: provider, model: "m").record(into: &state)
        }
        let text = exposition(state, families: ["llm_requests_total", "llm_cost_exporter_label_overflow_total"])
        #expect(text.contains("llm_requests_total{provider=\"openai\",model=\"__other__\",status=\"success\"} 2\n"))
        #expect(text.contains("llm_requests_total{provider=\"openai\",model=\"a\",status=\"success\"} 2\n"))
        #expect(text.contains("llm_requests_total{provider=\"__other__\",model=\"m\",status=\"success\"} 2\n"))
        #expect(text.contains("llm_cost_exporter_label_overflow_total{label=\"model\"} 2\n"))
        #expect(text.contains("llm_cost_exporter_label_overflow_total{label=\"provider\"} 2\n"))
        #expect(state.requestCounters.reduce(0) { $0 + $1.requests } == 8, "every record is still counted once")
    }

    @Test func longLabelValuesAreCutAtACharacterBoundary() {
        var state = CostMetricsState()
        let model = String(repeating: "a", count: 127) + "é" + "tail"
        RecordBuilder(model: model).record(into: &state)
        #expect(state.models.map(\.model) == [String(repeating: "a", count: 127)])
    }

    @Test func labelValuesAreEscaped() {
        var state = CostMetricsState()
        RecordBuilder(model: "we\"ird\\mod\nel").record(into: &state)
        #expect(
            exposition(state, families: ["llm_unpriced_requests_total"]).contains(
                "llm_unpriced_requests_total{provider=\"openai\",model=\"we\\\"ird\\\\mod\\nel\"} 1\n"
            ))
    }

    @Test func linesEqualRequestsPlusLineErrors() {
        var state = CostMetricsState()
        RecordBuilder().record(into: &state)
        state.recordLineError(.invalidJSON)
        state.recordLineError(.tooLong)
        RecordBuilder(status: .error, errorType: .timeout).record(into: &state)
        #expect(state.lines == 4)
        #expect(state.lines == state.requestCounters.reduce(0) { $0 + $1.requests } + state.lineErrors.reduce(0, +))
    }

    @Test func unpricedCountsOnlyCallsThatCouldHaveCost() {
        var state = CostMetricsState(pricing: CostPricing(catalog: PriceCatalog(builtIn: PriceTable([]))))
        RecordBuilder().record(into: &state)
        RecordBuilder(costUSD: 0).record(into: &state)
        RecordBuilder(status: .error, errorType: .timeout).record(into: &state)
        RecordBuilder(status: .error, errorType: .other, inputTokens: 5).record(into: &state)
        #expect(state.modelCounters.map(\.unpricedRequests) == [2])
    }

    @Test func lastTimestampKeepsTheNewestRecordsOwnTime() {
        var state = CostMetricsState()
        for timestamp in [1_700_000_100.5, 1_700_000_000, 1_700_000_200.25] {
            RecordBuilder(timestamp: timestamp).record(into: &state)
        }
        RecordBuilder().record(into: &state)
        #expect(
            exposition(state, families: ["llm_last_request_timestamp_seconds"]).contains(
                "llm_last_request_timestamp_seconds{provider=\"openai\",model=\"gpt-4o\"} 1700000200.25\n"
            ))
    }

    @Test func errorsAreCountedByType() {
        var state = CostMetricsState()
        RecordBuilder(status: .error, errorType: .timeout).record(into: &state)
        RecordBuilder(status: .error, errorType: .auth).record(into: &state)
        RecordBuilder(status: .error, errorType: .timeout).record(into: &state)
        #expect(
            exposition(state, families: ["llm_errors_total"]) == """
                # HELP llm_errors_total Failed LLM API calls, by provider, model and error type.
                # TYPE llm_errors_total counter
                llm_errors_total{provider="openai",model="gpt-4o",error_type="auth"} 1
                llm_errors_total{provider="openai",model="gpt-4o",error_type="timeout"} 2

                """)
    }

    private static let pricedCatalog = PriceCatalog(
        builtIn: PriceTable([
            PriceEntry(
                model: "gpt-4o", provider: "openai",
                price: ModelPrice(inputPerMillion: 2.5, outputPerMillion: 10, cacheReadPerMillion: 1.25))
        ]))

    @Test func linesWithTokensAndNoCostArePricedFromTheTable() {
        var state = CostMetricsState(pricing: CostPricing(catalog: Self.pricedCatalog))
        RecordBuilder(inputTokens: 1_000_000, outputTokens: 100_000).record(into: &state)
        RecordBuilder(inputTokens: 2000, cacheReadTokens: 1000).record(into: &state)
        RecordBuilder(model: "unknown-model", inputTokens: 10).record(into: &state)
        let text = exposition(state, families: ["llm_cost_usd_total", "llm_unpriced_requests_total"])
        // 1M input at $2.5 + 100k output at $10 = 3.5; then 1000 uncached input at $2.5 + 1000 cached at $1.25 per 1M.
        #expect(text.contains("llm_cost_usd_total{provider=\"openai\",model=\"gpt-4o\",status=\"success\"} 3.50375\n"))
        #expect(text.contains("llm_unpriced_requests_total{provider=\"openai\",model=\"gpt-4o\"} 0\n"))
        #expect(text.contains("llm_unpriced_requests_total{provider=\"openai\",model=\"unknown-model\"} 1\n"))
    }

    @Test func loggedCostsOffByMoreThanTheToleranceAreAudited() {
        var state = CostMetricsState(pricing: CostPricing(catalog: Self.pricedCatalog, auditTolerance: 0.01))
        RecordBuilder(costUSD: 0.0035, inputTokens: 1000, outputTokens: 100).record(into: &state)
        RecordBuilder(costUSD: 0.003534, inputTokens: 1000, outputTokens: 100).record(into: &state)
        RecordBuilder(costUSD: 0.035, inputTokens: 1000, outputTokens: 100).record(into: &state)
        RecordBuilder(costUSD: 0.035).record(into: &state)
        #expect(state.modelCounters.map(\.auditMismatches) == [1], "only the tenfold cost is off by more than 1%")
        #expect(
            exposition(state, families: ["llm_cost_audit_mismatch_total"]).contains(
                "llm_cost_audit_mismatch_total{provider=\"openai\",model=\"gpt-4o\"} 1\n"
            ))
    }
}

struct CostMetricsStateBudgetTests {
    private static let dayInBerlin = try! Budget(
        name: "daily", amountUSD: 10, period: .day, timeZoneIdentifier: "Europe/Berlin")
    private static let openAIMonth = try! Budget(
        name: "openai-month", amountUSD: 100, period: .month, scope: BudgetScope(provider: "openai"))

    private func budgetLines(_ state: CostMetricsState) -> [Substring] {
        String(decoding: ExporterExposition.render(state, format: .text), as: UTF8.self)
            .split(separator: "\n").filter { $0.hasPrefix("llm_budget_") }
    }

    @Test func spendIsAssignedByTheRecordsOwnTimestampInTheBudgetsZone() {
        // 2024-06-01T22:30:00Z is already June 2 in Berlin (UTC+2): "now" is 2024-06-02T10:00:00Z.
        var state = CostMetricsState()
        #expect(state.configureBudgets([Self.dayInBerlin, Self.openAIMonth], now: 1_717_322_400) == nil)
        RecordBuilder(costUSD: 1.5, timestamp: 1_717_281_000).record(into: &state)  // 2024-06-01T22:30Z: June 2 in Berlin
        RecordBuilder(costUSD: 2, timestamp: 1_717_279_200).record(into: &state)  // 2024-06-01T22:00Z: June 2, 00:00 in Berlin
        RecordBuilder(costUSD: 4, timestamp: 1_717_279_199).record(into: &state)  // 1 s earlier: still June 1 in Berlin
        RecordBuilder(provider: "anthropic", model: "claude-3-opus", costUSD: 0.25).record(into: &state)  // no timestamp: now
        #expect(
            budgetLines(state) == [
                "llm_budget_limit_usd{budget=\"daily\",period=\"day\"} 10",
                "llm_budget_limit_usd{budget=\"openai-month\",period=\"month\"} 100",
                "llm_budget_period_end_timestamp_seconds{budget=\"daily\"} 1717365600",
                "llm_budget_period_end_timestamp_seconds{budget=\"openai-month\"} 1719792000",
                "llm_budget_spend_usd{budget=\"daily\",period=\"day\"} 3.75",
                "llm_budget_spend_usd{budget=\"openai-month\",period=\"month\"} 7.5",
            ])
        #expect(state.recordsWithoutTimestamp == 1)
    }

    @Test func aNewPeriodStartsAtZeroNeverWithThePreviousSpend() {
        var state = CostMetricsState()
        #expect(state.configureBudgets([Self.dayInBerlin], now: 1_717_322_400) == nil)
        RecordBuilder(costUSD: 9, timestamp: 1_717_322_000).record(into: &state)
        state.advanceClock(to: 1_717_365_600)  // midnight in Berlin: June 3 begins
        #expect(budgetLines(state).contains("llm_budget_spend_usd{budget=\"daily\",period=\"day\"} 0"))
    }

    /// A finite timestamp too far out to place (`1e300`, `-1e300` epoch seconds) once crashed
    /// the exporter when the hourly spend turned it into an hour. Such records are counted in
    /// full; the budgets charge the far-future one to the current period as untimed and leave
    /// out the far-past one as too late, like any record older than the previous period.
    @Test func recordsWithTimestampsTooFarOutAreCountedNotFatal() {
        var state = CostMetricsState()
        #expect(state.configureBudgets([Self.dayInBerlin], now: 1_717_322_400) == nil)
        RecordBuilder(costUSD: 1, timestamp: 1e300).record(into: &state)
        RecordBuilder(costUSD: 2, timestamp: -1e300).record(into: &state)
        RecordBuilder(costUSD: 4, timestamp: 1_717_322_000).record(into: &state)
        let text = String(decoding: ExporterExposition.render(state, format: .text), as: UTF8.self)
        #expect(text.contains("llm_requests_total{provider=\"openai\",model=\"gpt-4o\",status=\"success\"} 3\n"))
        #expect(text.contains("llm_cost_usd_total{provider=\"openai\",model=\"gpt-4o\",status=\"success\"} 7\n"))
        #expect(budgetLines(state).contains("llm_budget_spend_usd{budget=\"daily\",period=\"day\"} 5"))
    }

    @Test func withoutBudgetsThereAreNoBudgetSeries() {
        var state = CostMetricsState()
        RecordBuilder(costUSD: 1).record(into: &state)
        #expect(budgetLines(state).isEmpty)
    }

    @Test func unchangedBudgetsKeepTheirSpendAcrossAReconfiguration() {
        var state = CostMetricsState()
        #expect(state.configureBudgets([Self.openAIMonth], now: 1_717_322_400) == nil)
        RecordBuilder(costUSD: 5, timestamp: 1_717_322_000).record(into: &state)
        #expect(state.configureBudgets([Self.openAIMonth], now: 1_717_322_500) == nil)
        #expect(budgetLines(state).contains("llm_budget_spend_usd{budget=\"openai-month\",period=\"month\"} 5"))
    }

    @Test func unchangedBudgetsKeepTheirSpendWhenAnotherBudgetIsAdded() {
        var state = CostMetricsState()
        #expect(state.configureBudgets([Self.openAIMonth], now: 1_717_322_400) == nil)
        RecordBuilder(costUSD: 5, timestamp: 1_717_322_000).record(into: &state)
        #expect(state.configureBudgets([Self.openAIMonth, Self.dayInBerlin], now: 1_717_322_500) == nil)
        #expect(
            budgetLines(state).filter { $0.hasPrefix("llm_budget_spend_usd") } == [
                "llm_budget_spend_usd{budget=\"daily\",period=\"day\"} 0",
                "llm_budget_spend_usd{budget=\"openai-month\",period=\"month\"} 5",
            ])
    }
}
