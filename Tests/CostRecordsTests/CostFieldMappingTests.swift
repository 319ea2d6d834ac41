import Testing

@testable import CostRecords

/// The mapping value: built-in lists, prepending and labels.
@Suite struct CostFieldMappingTests {
    @Test func builtInListsFollowTheIssue() {
        let mapping = CostFieldMapping.builtIn
        #expect(
            mapping.sources(for: .model)
                == ["model", "model_name", "response_model", "gen_ai.response.model", "gen_ai.request.model"])
        #expect(
            mapping.sources(for: .totalCost)
                == ["total_cost", "cost", "cost_usd", "total_cost_usd", "spend", "response_cost"])
        #expect(
            mapping.sources(for: .cacheReadTokens)
                == [
                    "cache_read_input_tokens", "usage.cache_read_input_tokens",
                    "usage.prompt_tokens_details.cached_tokens",
                ])
        #expect(
            mapping.sources(for: .timestamp)
                == ["timestamp", "time", "ts", "created_at", "@timestamp", "startTime", "start_time"])
        #expect(mapping.labelFields.isEmpty)
        #expect(CostField.allCases.allSatisfy { !mapping.sources(for: $0).isEmpty })
    }

    @Test func prependPutsNamesFirstWithoutDuplicates() {
        var mapping = CostFieldMapping.builtIn
        mapping.prepend(["llm_model", "model_name", "llm_model"], to: .model)
        #expect(
            mapping.sources(for: .model)
                == [
                    "llm_model", "model_name", "model", "response_model", "gen_ai.response.model",
                    "gen_ai.request.model",
                ])
        #expect(mapping.sources(for: .provider) == CostFieldMapping.builtIn.sources(for: .provider))
        #expect(mapping != .builtIn)
        #expect(CostFieldMapping.builtIn.prepending([], to: .model) == .builtIn)
    }

    @Test func labelsKeepTheirOrder() {
        let mapping = CostFieldMapping(sources: [.model: ["m"]])
            .addingLabel(.init(name: "user", sources: ["user_id"]))
            .addingLabel(.init(name: "team", sources: ["meta.team", "team"]))
        #expect(mapping.labelFields.map(\.name) == ["user", "team"])
        #expect(mapping.labelFields[1].sources == ["meta.team", "team"])
        #expect(mapping.sources(for: .totalCost) == [])
    }
}
