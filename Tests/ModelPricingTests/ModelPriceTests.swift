import Testing

@testable import ModelPricing

/// What one call costs, with each provider's cache accounting.
@Suite struct ModelPriceTests {
    let openAIStyle = ModelPrice(
        inputPerMillion: 2.5, outputPerMillion: 10, cacheReadPerMillion: 1.25, cacheAccounting: .includedInInput)
    let anthropicStyle = ModelPrice(
        inputPerMillion: 3, outputPerMillion: 15, cacheReadPerMillion: 0.3, cacheWritePerMillion: 3.75,
        cacheAccounting: .separateFromInput)

    @Test func chargesInputAndOutput() {
        #expect(openAIStyle.cost(inputTokens: 2_000_000, outputTokens: 500_000) == 10.0)
    }

    @Test func cachedTokensInsideInputAreChargedOnceAtTheCachePrice() {
        // 600k uncached × 2.5 + 400k cached × 1.25 + 200k output × 10, per million.
        #expect(openAIStyle.cost(inputTokens: 1_000_000, outputTokens: 200_000, cacheReadTokens: 400_000) == 4.0)
    }

    @Test func cacheTokensBesideInputAreChargedOnTop() {
        // 100k × 3 + 1M × 0.3 + 200k × 3.75 + 20k × 15, per million.
        let cost = anthropicStyle.cost(
            inputTokens: 100_000, outputTokens: 20_000, cacheReadTokens: 1_000_000, cacheWriteTokens: 200_000)
        #expect(cost == 1.65)
    }

    @Test func moreCacheTokensThanInputNeverMakesInputNegative() {
        #expect(openAIStyle.cost(inputTokens: 100, outputTokens: 0, cacheReadTokens: 1_000_000) == 1.25)
    }

    @Test func missingCachePricesFallBackToTheInputPrice() {
        let price = ModelPrice(inputPerMillion: 2, outputPerMillion: 8, cacheAccounting: .separateFromInput)
        #expect(price.cost(inputTokens: 0, outputTokens: 0, cacheReadTokens: 500_000, cacheWriteTokens: 500_000) == 2.0)
    }

    @Test func freeCostsNothing() {
        #expect(ModelPrice.free.cost(inputTokens: 123_456, outputTokens: 7_890, cacheReadTokens: 5) == 0)
    }

    @Test(arguments: [
        ("anthropic", "claude-3-5-sonnet", CacheAccounting.separateFromInput),
        ("bedrock", "anthropic.claude-3-haiku-20240307-v1:0", .separateFromInput),
        ("vertex_ai-anthropic_models", "vertex_ai/claude-opus-4", .separateFromInput),
        ("", "Claude-Sonnet-4", .separateFromInput),
        ("openai", "gpt-4o", .includedInInput),
        ("deepseek", "deepseek-chat", .includedInInput),
        ("gemini", "gemini-2.5-pro", .includedInInput),
    ])
    func cacheAccountingFollowsTheProvider(_ provider: String, _ model: String, _ expected: CacheAccounting) {
        #expect(CacheAccounting(provider: provider, model: model) == expected)
    }
}
