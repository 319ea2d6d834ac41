extension PriceTable {
    /// When the built-in prices were taken from the providers' published price lists.
    ///
    /// Prices change; a LiteLLM price file or config overrides correct them without a release.
    public static let builtInPricesDate = "2025-11-15"

    /// The built-in prices: the current models of OpenAI, Anthropic, Google, Mistral,
    /// DeepSeek, xAI and Cohere, plus the older ones still common in logs.
    ///
    /// Prices as published by each provider for its own API, taken 2025-11-15, standard
    /// (not batch, not priority) tier, text tokens, and for models with long-context tiers
    /// (Gemini Pro) the price up to 200K prompt tokens. Anthropic cache writes are the
    /// 5-minute cache's (1.25 × input). Free models cost 0.
    public static let builtIn = PriceTable(
        builtInRows.map { row in
            PriceEntry(
                model: row.model, provider: row.provider,
                price: ModelPrice(
                    inputPerMillion: row.input, outputPerMillion: row.output,
                    cacheReadPerMillion: row.cacheRead, cacheWritePerMillion: row.cacheWrite,
                    cacheAccounting: CacheAccounting(provider: row.provider, model: row.model)))
        })

    private typealias Row = (
        model: String, provider: String, input: Double, output: Double, cacheRead: Double?, cacheWrite: Double?
    )

    // Columns: model, provider, input, output, cache read, cache write (USD per 1M tokens).
    private static let builtInRows: [Row] = [
        // OpenAI: cached input is billed at the cache-read price; writing the cache is free.
        ("gpt-5.1", "openai", 1.25, 10.00, 0.125, nil),
        ("gpt-5", "openai", 1.25, 10.00, 0.125, nil),
        ("gpt-5-mini", "openai", 0.25, 2.00, 0.025, nil),
        ("gpt-5-nano", "openai", 0.05, 0.40, 0.005, nil),
        ("gpt-5-pro", "openai", 15.00, 120.00, nil, nil),
        ("gpt-4.1", "openai", 2.00, 8.00, 0.50, nil),
        ("gpt-4.1-mini", "openai", 0.40, 1.60, 0.10, nil),
        ("gpt-4.1-nano", "openai", 0.10, 0.40, 0.025, nil),
        ("gpt-4o", "openai", 2.50, 10.00, 1.25, nil),
        // The first gpt-4o snapshot kept its launch price.
        ("gpt-4o-2024-05-13", "openai", 5.00, 15.00, nil, nil),
        ("gpt-4o-mini", "openai", 0.15, 0.60, 0.075, nil),
        ("chatgpt-4o-latest", "openai", 5.00, 15.00, nil, nil),
        ("o1", "openai", 15.00, 60.00, 7.50, nil),
        ("o1-mini", "openai", 1.10, 4.40, 0.55, nil),
        ("o1-pro", "openai", 150.00, 600.00, nil, nil),
        ("o3", "openai", 2.00, 8.00, 0.50, nil),
        ("o3-mini", "openai", 1.10, 4.40, 0.55, nil),
        ("o3-pro", "openai", 20.00, 80.00, nil, nil),
        ("o4-mini", "openai", 1.10, 4.40, 0.275, nil),
        ("gpt-4-turbo", "openai", 10.00, 30.00, nil, nil),
        ("gpt-4", "openai", 30.00, 60.00, nil, nil),
        ("gpt-4-32k", "openai", 60.00, 120.00, nil, nil),
        ("gpt-3.5-turbo", "openai", 0.50, 1.50, nil, nil),
        ("gpt-3.5-turbo-16k", "openai", 3.00, 4.00, nil, nil),
        ("text-embedding-3-small", "openai", 0.02, 0, nil, nil),
        ("text-embedding-3-large", "openai", 0.13, 0, nil, nil),
        ("text-embedding-ada-002", "openai", 0.10, 0, nil, nil),

        // Anthropic: cache reads 0.1 × input, 5-minute cache writes 1.25 × input.
        ("claude-opus-4-5", "anthropic", 5.00, 25.00, 0.50, 6.25),
        ("claude-opus-4-1", "anthropic", 15.00, 75.00, 1.50, 18.75),
        ("claude-opus-4", "anthropic", 15.00, 75.00, 1.50, 18.75),
        ("claude-sonnet-4-5", "anthropic", 3.00, 15.00, 0.30, 3.75),
        ("claude-sonnet-4", "anthropic", 3.00, 15.00, 0.30, 3.75),
        ("claude-haiku-4-5", "anthropic", 1.00, 5.00, 0.10, 1.25),
        ("claude-3-7-sonnet", "anthropic", 3.00, 15.00, 0.30, 3.75),
        ("claude-3-5-sonnet", "anthropic", 3.00, 15.00, 0.30, 3.75),
        ("claude-3-5-haiku", "anthropic", 0.80, 4.00, 0.08, 1.00),
        ("claude-3-opus", "anthropic", 15.00, 75.00, 1.50, 18.75),
        ("claude-3-sonnet", "anthropic", 3.00, 15.00, nil, nil),
        ("claude-3-haiku", "anthropic", 0.25, 1.25, 0.03, 0.30),

        // Google Gemini API (paid tier); Gemma models are free on it.
        ("gemini-3-pro-preview", "google", 2.00, 12.00, 0.20, nil),
        ("gemini-2.5-pro", "google", 1.25, 10.00, 0.125, nil),
        ("gemini-2.5-flash", "google", 0.30, 2.50, 0.03, nil),
        ("gemini-2.5-flash-lite", "google", 0.10, 0.40, 0.01, nil),
        ("gemini-2.0-flash", "google", 0.10, 0.40, 0.025, nil),
        ("gemini-2.0-flash-lite", "google", 0.075, 0.30, nil, nil),
        ("gemini-2.0-flash-exp", "google", 0, 0, nil, nil),
        ("gemini-1.5-pro", "google", 1.25, 5.00, 0.3125, nil),
        ("gemini-1.5-flash", "google", 0.075, 0.30, 0.01875, nil),
        ("gemini-1.5-flash-8b", "google", 0.0375, 0.15, 0.01, nil),
        ("gemma-3-27b-it", "google", 0, 0, nil, nil),
        ("gemma-3-12b-it", "google", 0, 0, nil, nil),
        ("gemma-3-4b-it", "google", 0, 0, nil, nil),
        ("gemma-3n-e4b-it", "google", 0, 0, nil, nil),

        // Mistral.
        ("mistral-large", "mistral", 2.00, 6.00, nil, nil),
        ("mistral-medium", "mistral", 0.40, 2.00, nil, nil),
        ("mistral-small", "mistral", 0.10, 0.30, nil, nil),
        ("magistral-medium", "mistral", 2.00, 5.00, nil, nil),
        ("magistral-small", "mistral", 0.50, 1.50, nil, nil),
        ("codestral", "mistral", 0.30, 0.90, nil, nil),
        ("devstral-medium", "mistral", 0.40, 2.00, nil, nil),
        ("devstral-small", "mistral", 0.10, 0.30, nil, nil),
        ("pixtral-large", "mistral", 2.00, 6.00, nil, nil),
        ("ministral-8b", "mistral", 0.10, 0.10, nil, nil),
        ("ministral-3b", "mistral", 0.04, 0.04, nil, nil),
        ("open-mistral-nemo", "mistral", 0.15, 0.15, nil, nil),
        ("mistral-embed", "mistral", 0.10, 0, nil, nil),

        // DeepSeek (V3.2 prices): cache hits are billed at the cache-read price.
        ("deepseek-chat", "deepseek", 0.28, 0.42, 0.028, nil),
        ("deepseek-reasoner", "deepseek", 0.28, 0.42, 0.028, nil),

        // xAI.
        ("grok-4", "xai", 3.00, 15.00, 0.75, nil),
        ("grok-4-fast-reasoning", "xai", 0.20, 0.50, 0.05, nil),
        ("grok-4-fast-non-reasoning", "xai", 0.20, 0.50, 0.05, nil),
        ("grok-code-fast-1", "xai", 0.20, 1.50, 0.02, nil),
        ("grok-3", "xai", 3.00, 15.00, 0.75, nil),
        ("grok-3-mini", "xai", 0.30, 0.50, 0.075, nil),
        ("grok-2", "xai", 2.00, 10.00, nil, nil),

        // Cohere: the dated names are the current models; the plain ones are their aliases.
        ("command-a-03-2025", "cohere", 2.50, 10.00, nil, nil),
        ("command-a", "cohere", 2.50, 10.00, nil, nil),
        ("command-r-plus-08-2024", "cohere", 2.50, 10.00, nil, nil),
        ("command-r-plus", "cohere", 2.50, 10.00, nil, nil),
        ("command-r-08-2024", "cohere", 0.15, 0.60, nil, nil),
        ("command-r", "cohere", 0.15, 0.60, nil, nil),
        ("command-r7b-12-2024", "cohere", 0.0375, 0.15, nil, nil),
    ]
}
