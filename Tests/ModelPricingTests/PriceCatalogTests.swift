import Testing

@testable import ModelPricing

/// Overrides beat the file, the file beats the built-in table.
@Suite struct PriceCatalogTests {
    let builtIn = PriceTable([
        PriceEntry(model: "gpt-4o", provider: "openai", price: ModelPrice(inputPerMillion: 2.5, outputPerMillion: 10)),
        PriceEntry(model: "o1", provider: "openai", price: ModelPrice(inputPerMillion: 15, outputPerMillion: 60)),
    ])
    let file = PriceTable([
        PriceEntry(model: "gpt-4o", provider: "openai", price: ModelPrice(inputPerMillion: 3, outputPerMillion: 12)),
        PriceEntry(
            model: "gpt-4o-2024-08-06", provider: "openai", price: ModelPrice(inputPerMillion: 4, outputPerMillion: 16)),
    ])
    let overrides = [PriceOverride(model: "GPT-4o", inputPerMillion: 1, outputPerMillion: 2)]

    @Test func overridesBeatFileAndBuiltIn() {
        let catalog = PriceCatalog(overrides: overrides, file: file, builtIn: builtIn)
        #expect(catalog.price(forModel: "gpt-4o") == ModelPrice(inputPerMillion: 1, outputPerMillion: 2))
        // The override prices the family, dated versions included, even those the file lists.
        #expect(catalog.price(forModel: "gpt-4o-2024-08-06") == ModelPrice(inputPerMillion: 1, outputPerMillion: 2))
        #expect(catalog.price(forModel: "o1") == ModelPrice(inputPerMillion: 15, outputPerMillion: 60))
    }

    @Test func fileBeatsBuiltIn() {
        let catalog = PriceCatalog(file: file, builtIn: builtIn)
        #expect(catalog.price(forModel: "gpt-4o") == ModelPrice(inputPerMillion: 3, outputPerMillion: 12))
        #expect(catalog.price(forModel: "gpt-4o-2024-08-06") == ModelPrice(inputPerMillion: 4, outputPerMillion: 16))
        #expect(catalog.price(forModel: "gpt-4o-2024-11-20") == ModelPrice(inputPerMillion: 3, outputPerMillion: 12))
        #expect(catalog.price(forModel: "o1-2024-12-17") == ModelPrice(inputPerMillion: 15, outputPerMillion: 60))
    }

    @Test func unknownModelHasNoPrice() {
        #expect(PriceCatalog(overrides: overrides, file: file, builtIn: builtIn).price(forModel: "llama-3-70b") == nil)
        #expect(PriceCatalog().price(forModel: "my-private-finetune") == nil)
    }

    @Test func openRouterFreeVariantsCostNothing() {
        let catalog = PriceCatalog()
        #expect(catalog.price(forModel: "meta-llama/llama-3.3-70b-instruct:free") == .free)
        #expect(catalog.price(forModel: "deepseek/deepseek-r1:FREE", provider: "openrouter") == .free)
    }

    @Test func overrideTakesCacheAccountingFromItsProviderOrModel() {
        let catalog = PriceCatalog(overrides: [
            PriceOverride(model: "my-claude", provider: "anthropic", inputPerMillion: 1, outputPerMillion: 1),
            PriceOverride(model: "claude-custom", inputPerMillion: 1, outputPerMillion: 1),
            PriceOverride(model: "my-gpt", provider: "openai", inputPerMillion: 1, outputPerMillion: 1),
            PriceOverride(
                model: "forced", provider: "anthropic", inputPerMillion: 1, outputPerMillion: 1,
                cacheAccounting: .includedInInput),
        ])
        #expect(catalog.price(forModel: "my-claude")?.cacheAccounting == .separateFromInput)
        #expect(catalog.price(forModel: "claude-custom")?.cacheAccounting == .separateFromInput)
        #expect(catalog.price(forModel: "my-gpt")?.cacheAccounting == .includedInInput)
        #expect(catalog.price(forModel: "forced")?.cacheAccounting == .includedInInput)
    }

    @Test func defaultCatalogUsesTheBuiltInTable() {
        let cost = PriceCatalog().price(forModel: "gpt-4o-mini-2024-07-18", provider: "openai")?
            .cost(inputTokens: 1_000_000, outputTokens: 1_000_000)
        #expect(cost == 0.75)
    }
}
