import Foundation
import Testing

@testable import LLMCostExporter

/// Config-driven mapping, extra labels and static labels, end to end through `--once`.
struct ExtraLabelsTests {
    private func once(config: String, lines: [String]) throws -> [Substring] {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
            "extra-labels-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let log = directory.appendingPathComponent("app.jsonl")
        try (lines.joined(separator: "\n") + "\n").write(to: log, atomically: true, encoding: .utf8)
        var options = try ExporterConfiguration.parse(Array(config.utf8), fileName: "c.yml").options
        options.filePatterns = [log.path]
        let text = String(
            decoding: OnceRunner(options: options, logger: Logger(level: .error) { _ in }).run(), as: UTF8.self)
        return text.split(separator: "\n").filter { !$0.hasPrefix("#") }
    }

    @Test func extraLabelsSplitRequestsCostAndTokensAndOverflowPastTheirCap() throws {
        let samples = try once(
            config: """
                labels:
                  - name: user
                    from: [user_id, user]
                    max_values: 2
                  - name: query_type
                    from: query_type
                """,
            lines: [
                #"{"model": "gpt-4o", "cost": 1, "user_id": "ann", "query_type": "faq", "input_tokens": 10}"#,
                #"{"model": "gpt-4o", "cost": 2, "user": "bob", "query_type": "rag"}"#,
                #"{"model": "gpt-4o", "cost": 4, "user_id": "cid", "query_type": "rag"}"#,
                #"{"model": "gpt-4o", "cost": 8, "user_id": "dan"}"#,
            ]
        )
        #expect(
            samples.filter { $0.hasPrefix("llm_cost_usd_total") && $0.contains("success") } == [
                #"llm_cost_usd_total{provider="openai",model="gpt-4o",user="__other__",query_type="",status="success"} 8"#,
                #"llm_cost_usd_total{provider="openai",model="gpt-4o",user="__other__",query_type="rag",status="success"} 4"#,
                #"llm_cost_usd_total{provider="openai",model="gpt-4o",user="ann",query_type="faq",status="success"} 1"#,
                #"llm_cost_usd_total{provider="openai",model="gpt-4o",user="bob",query_type="rag",status="success"} 2"#,
            ])
        #expect(
            samples.contains(
                #"llm_tokens_total{provider="openai",model="gpt-4o",user="ann",query_type="faq",status="success",token_type="input"} 10"#
            ))
        #expect(samples.contains(#"llm_cost_exporter_label_overflow_total{label="user"} 2"#))
        #expect(samples.contains(#"llm_cost_exporter_label_overflow_total{label="query_type"} 0"#))
        #expect(
            samples.contains(
                #"llm_requests_total{provider="openai",model="gpt-4o",user="ann",query_type="faq",status="success"} 1"#)
        )
    }

    @Test func configuredFieldNamesComeBeforeTheBuiltInOnes() throws {
        let samples = try once(
            config: """
                fields:
                  total_cost: [billing.amount_usd]
                  model: [engine]
                """,
            lines: [#"{"engine": "claude-3-opus", "model": "ignored", "billing": {"amount_usd": "0.125"}, "cost": 99}"#]
        )
        #expect(
            samples.contains(#"llm_cost_usd_total{provider="anthropic",model="claude-3-opus",status="success"} 0.125"#))
    }

    @Test func staticLabelsAreOnEverySample() throws {
        let samples = try once(
            config: "static_labels:\n  app: checkout\n  env: prod\n", lines: [#"{"model": "gpt-4o", "cost": 1}"#])
        #expect(!samples.isEmpty)
        for sample in samples {
            #expect(sample.contains(#"{app="checkout",env="prod""#), "\(sample)")
        }
    }

    @Test func priceOverridesPriceLinesWithoutCost() throws {
        let samples = try once(
            config: """
                pricing:
                  models:
                    my-model:
                      input: 1.5
                      output: 6
                """,
            lines: [#"{"model": "my-model", "input_tokens": 1000000, "output_tokens": 500000}"#]
        )
        #expect(samples.contains(#"llm_cost_usd_total{provider="unknown",model="my-model",status="success"} 4.5"#))
        #expect(samples.contains(#"llm_unpriced_requests_total{provider="unknown",model="my-model"} 0"#))
    }
}
