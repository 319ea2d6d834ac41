import ExporterTestSupport
import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// Issue 4's SIGHUP promise on a running server: a good new config takes effect with every
/// counter kept; a broken one is rejected, the old one stays in force, and tailing goes on.
@Suite("Config reload", .timeLimit(.minutes(1)))
struct ConfigReloadTests {
    @Test("SIGHUP reloads a config keeping the counters, and rejects a broken one")
    func sighupReloadKeepsCountersAndRejectsABrokenConfig() async throws {
        let exporter = try RestartingExporter { ["--config", $0.directory.appendingPathComponent("c.yml").path] }
        let config = exporter.directory.appendingPathComponent("c.yml")
        let head = """
            files:
              - "\(exporter.logs.path)/*.jsonl"
            listen: "127.0.0.1:0"
            poll_interval: 20
            budgets:
              - name: daily
                amount_usd: 10
                period: day

            """
        try head.write(to: config, atomically: true, encoding: .utf8)
        let log = exporter.logs.appendingPathComponent("a.jsonl")
        var requests: [String: Int] = [:]
        func writeLines(_ range: Range<Int>) throws {
            try LogFileWrite.append(range.map { NumberedLine.line(seq: $0) }.joined(), to: log)
            for seq in range { requests[NumberedLine.model(ofSeq: seq), default: 0] += 1 }
        }
        let serving = try await exporter.start()
        try writeLines(0..<4)
        let before = try await serving.totals(reaching: CountedTotals(requests: requests), within: .seconds(10))
        #expect(before == CountedTotals(requests: requests))
        let first = try serving.scrape()
        #expect(budget("llm_budget_limit_usd", "daily", in: first) == 10)
        let spend = try #require(budget("llm_budget_spend_usd", "daily", in: first))
        #expect(spend == 1.125)
        #expect(first.value("llm_cost_exporter_config_last_reload_successful") == 1)

        // A good change: a second budget; the first one is unchanged and keeps its spend.
        try
            (head + """
                  - name: weekly
                    amount_usd: 30
                    period: week

                """).write(to: config, atomically: true, encoding: .utf8)
        let sent = Date().timeIntervalSince1970
        #expect(kill(serving.process.processIdentifier, SIGHUP) == 0)
        try await serving.waitUntil("the new budget is in force") {
            budget("llm_budget_limit_usd", "weekly", in: try serving.scrape()) == 30
        }
        let reloaded = try serving.scrape()
        #expect(reloaded.value("llm_cost_exporter_config_last_reload_successful") == 1)
        let successTime = try #require(reloaded.value("llm_cost_exporter_config_last_reload_success_timestamp_seconds"))
        #expect(successTime >= sent.rounded(.down))
        #expect(budget("llm_budget_limit_usd", "daily", in: reloaded) == 10)
        #expect(budget("llm_budget_spend_usd", "daily", in: reloaded) == spend, "an unchanged budget keeps its spend")
        #expect(CountedTotals(reloaded) == before)

        // A broken file: rejected, the old config stays.
        try (head + "static_labels: {app: broken}\n").write(to: config, atomically: true, encoding: .utf8)
        #expect(kill(serving.process.processIdentifier, SIGHUP) == 0)
        try await serving.waitUntil("the reload is reported failed") {
            try serving.scrape().value("llm_cost_exporter_config_last_reload_successful") == 0
        }
        let rejected = try serving.scrape()
        #expect(rejected.value("llm_cost_exporter_config_last_reload_success_timestamp_seconds") == successTime)
        #expect(budget("llm_budget_limit_usd", "daily", in: rejected) == 10)
        #expect(budget("llm_budget_limit_usd", "weekly", in: rejected) == 30)
        #expect(CountedTotals(rejected) == before)
        #expect(try serving.get("/-/healthy").status == 200)
        #expect(serving.process.outputTail(limit: 100_000).contains("config reload failed"))
        #expect(serving.process.isRunning)

        // Tailing goes on under the old config: later lines counted exactly once.
        try writeLines(4..<9)
        let after = try await serving.totals(reaching: CountedTotals(requests: requests), within: .seconds(10))
        #expect(after == CountedTotals(requests: requests), "log:\n\(serving.process.outputTail())")
        let total = CountedTotals(requests: requests).costUSD.values.reduce(0, +)
        let last = try serving.scrape()
        #expect(budget("llm_budget_spend_usd", "daily", in: last) == total)
        #expect(budget("llm_budget_spend_usd", "weekly", in: last) == total - spend)
    }

    /// The `budget` series of a budget family, if there is exactly one.
    private func budget(_ family: String, _ name: String, in exposition: Exposition) -> Double? {
        let found = exposition.samples(named: family).filter { $0.label("budget") == name }
        return found.count == 1 ? found[0].value : nil
    }

}
