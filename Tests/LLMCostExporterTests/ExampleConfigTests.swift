import Testing

@testable import LLMCostExporter

/// The example config users copy must stay valid and mean what its comments say.
struct ExampleConfigTests {
    @Test func exampleConfigLoadsWithEveryDocumentedSection() throws {
        let path = TestPaths.repositoryRoot.appendingPathComponent("examples/llm-cost-exporter.yml").path
        let options = try ExporterConfiguration.load(path: path).options
        #expect(options.filePatterns == ["examples/*.jsonl"])
        #expect(options.extraLabels.map(\.name) == ["user", "query_type", "endpoint"])
        #expect(options.staticLabels == ["app": "example"])
        #expect(options.budgets.map(\.name) == ["daily-total", "openai-monthly", "team-a-weekly"])
        #expect(options.priceOverrides.map(\.model) == ["my-fine-tuned-model"])
        #expect(options.extraFieldSources[.totalCost] == ["billing.amount_usd"])
        #expect(options.limits == MetricLimits())
    }
}
