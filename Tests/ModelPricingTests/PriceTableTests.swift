import Testing

@testable import ModelPricing

/// Which entry a model name resolves to.
@Suite struct PriceTableTests {
    static let builtInResolutions: [(model: String, provider: String?, expected: String?)] = [
        ("gpt-4o", nil, "gpt-4o"),
        ("gpt-4o-2024-08-06", nil, "gpt-4o"),
        ("gpt-4o-2024-05-13", nil, "gpt-4o-2024-05-13"),
        ("GPT-4o-Mini", nil, "gpt-4o-mini"),
        ("gpt-4o-mini-2024-07-18", nil, "gpt-4o-mini"),
        ("gpt-4o-realtime-preview", nil, nil),
        ("gpt-4o-audio-preview-2024-12-17", nil, nil),
        ("o1", nil, "o1"),
        ("o1-mini", nil, "o1-mini"),
        ("o1-mini-2024-09-12", nil, "o1-mini"),
        ("o1-2024-12-17", nil, "o1"),
        ("o1-preview", nil, "o1"),
        ("o3-mini-high", nil, nil),
        ("gpt-4-0613", nil, "gpt-4"),
        ("gpt-4-32k-0613", nil, "gpt-4-32k"),
        ("gpt-4-turbo-2024-04-09", nil, "gpt-4-turbo"),
        ("gpt-3.5-turbo-0125", nil, "gpt-3.5-turbo"),
        ("gpt-3.5-turbo-16k", nil, "gpt-3.5-turbo-16k"),
        ("gpt-4.1-nano-2025-04-14", nil, "gpt-4.1-nano"),
        ("openai/gpt-4o", nil, "gpt-4o"),
        ("gpt-4o", "azure", "gpt-4o"),
        ("claude-3-5-sonnet-20241022", nil, "claude-3-5-sonnet"),
        ("claude-3-5-sonnet-latest", nil, "claude-3-5-sonnet"),
        ("claude-3-5-sonnet@20240620", nil, "claude-3-5-sonnet"),
        ("anthropic/claude-3.5-sonnet", nil, "claude-3-5-sonnet"),
        ("claude-opus-4-5-20251101", nil, "claude-opus-4-5"),
        ("claude-opus-4-20250514", nil, "claude-opus-4"),
        ("claude-opus-4-7", nil, nil),
        ("claude-3-opus", nil, "claude-3-opus"),
        ("gemini/gemini-2.5-flash-lite", nil, "gemini-2.5-flash-lite"),
        ("models/gemini-1.5-pro-002", nil, "gemini-1.5-pro"),
        ("gemini-2.5-flash-preview-05-20", nil, "gemini-2.5-flash"),
        ("gemini-2.0-flash-lite-001", nil, "gemini-2.0-flash-lite"),
        ("mistral-large-latest", nil, "mistral-large"),
        ("mistral-small-2503", nil, "mistral-small"),
        ("deepseek-reasoner", "deepseek", "deepseek-reasoner"),
        ("grok-4-0709", nil, "grok-4"),
        ("grok-3-mini-beta", nil, "grok-3-mini"),
        ("grok-4-fast", nil, nil),
        ("command-r-08-2024", nil, "command-r-08-2024"),
        ("command-a-03-2025", nil, "command-a-03-2025"),
        ("llama-3-70b", nil, nil),
        ("gpt", nil, nil),
        ("gpt-4o-", nil, nil),
        ("", nil, nil),
    ]

    @Test(arguments: builtInResolutions)
    func resolvesInTheBuiltInTable(_ model: String, _ provider: String?, _ expected: String?) {
        #expect(PriceTable.builtIn.entry(forModel: model, provider: provider)?.model == expected)
    }

    @Test func builtInPricesAreExact() {
        #expect(
            PriceTable.builtIn.entry(forModel: "gpt-4o-2024-08-06")?.price
                == ModelPrice(inputPerMillion: 2.5, outputPerMillion: 10, cacheReadPerMillion: 1.25))
        #expect(
            PriceTable.builtIn.entry(forModel: "claude-sonnet-4-20250514")?.price
                == ModelPrice(
                    inputPerMillion: 3, outputPerMillion: 15, cacheReadPerMillion: 0.3, cacheWritePerMillion: 3.75,
                    cacheAccounting: .separateFromInput))
        #expect(PriceTable.builtIn.entry(forModel: "gemma-3-27b-it")?.price == .free)
    }

    @Test func builtInTableCoversEveryProvider() {
        let providers = Set(
            ["gpt-4o", "claude-sonnet-4-5", "gemini-2.5-pro", "mistral-large", "deepseek-chat", "grok-4", "command-a"]
                .compactMap { PriceTable.builtIn.entry(forModel: $0)?.provider })
        #expect(providers == ["openai", "anthropic", "google", "mistral", "deepseek", "xai", "cohere"])
    }

    @Test func providerSelectsAProviderQualifiedEntry() {
        let table = PriceTable([
            PriceEntry(
                model: "gpt-4o", provider: "openai", price: ModelPrice(inputPerMillion: 2.5, outputPerMillion: 10)),
            PriceEntry(
                model: "azure/gpt-4o", provider: "azure", price: ModelPrice(inputPerMillion: 2.75, outputPerMillion: 11)
            ),
        ])
        #expect(table.entry(forModel: "gpt-4o", provider: "Azure")?.model == "azure/gpt-4o")
        #expect(table.entry(forModel: "gpt-4o", provider: "openai")?.model == "gpt-4o")
        #expect(table.entry(forModel: "gpt-4o")?.model == "gpt-4o")
        #expect(table.entry(forModel: "azure/gpt-4o-2024-08-06")?.model == "azure/gpt-4o")
        #expect(table.entry(forModel: "gpt-4o-2024-08-06", provider: "azure")?.model == "azure/gpt-4o")
    }

    @Test func laterEntryOfTheSameNameWins() {
        let table = PriceTable([
            PriceEntry(model: "x", provider: nil, price: ModelPrice(inputPerMillion: 1, outputPerMillion: 1)),
            PriceEntry(model: "X", provider: nil, price: ModelPrice(inputPerMillion: 2, outputPerMillion: 2)),
        ])
        #expect(table.count == 1)
        #expect(table.entry(forModel: "x")?.price.inputPerMillion == 2)
    }

    @Test(arguments: [
        ("-2024-08-06", true), ("-20241022", true), ("-0613", true), ("-002", true), ("@20240620", true),
        ("-latest", true), ("-preview", true), ("-preview-05-20", true), ("-exp", true), ("-beta", true),
        ("-20241022-v2:0", true), ("-v1", true),
        ("-mini", false), ("-5", false), ("-08-2024", false), ("-realtime-preview", false), ("-16k", false),
        ("-", false), ("--0613", false), ("-v", false),
    ])
    func versionSuffixes(_ suffix: String, _ isVersion: Bool) {
        #expect(PriceTable.isVersionSuffix(Substring(suffix)) == isVersion)
    }
}
