/// What one model's tokens cost, in USD per million tokens.
///
/// Cache prices are optional: a `nil` cache price means the provider gives no cache discount
/// (or none is known), and those tokens are charged at the input price.
public struct ModelPrice: Sendable, Hashable {
    /// USD per million input (prompt) tokens that were not served from or written to a cache.
    public var inputPerMillion: Double
    /// USD per million output (completion) tokens, reasoning tokens included.
    public var outputPerMillion: Double
    /// USD per million tokens read from the prompt cache, or `nil` for the input price.
    public var cacheReadPerMillion: Double?
    /// USD per million tokens written to the prompt cache, or `nil` for the input price.
    public var cacheWritePerMillion: Double?
    /// Whether the logged input count already contains the cache tokens.
    public var cacheAccounting: CacheAccounting

    /// Creates a price; every amount is USD per million tokens, finite and not negative.
    public init(
        inputPerMillion: Double,
        outputPerMillion: Double,
        cacheReadPerMillion: Double? = nil,
        cacheWritePerMillion: Double? = nil,
        cacheAccounting: CacheAccounting = .includedInInput
    ) {
        self.inputPerMillion = inputPerMillion
        self.outputPerMillion = outputPerMillion
        self.cacheReadPerMillion = cacheReadPerMillion
        self.cacheWritePerMillion = cacheWritePerMillion
        self.cacheAccounting = cacheAccounting
    }

    /// The price of a model that costs nothing.
    public static let free = ModelPrice(inputPerMillion: 0, outputPerMillion: 0)

    /// The cost in USD of one call with these token counts.
    ///
    /// Output tokens are charged at `outputPerMillion`, cache reads at `cacheReadPerMillion`
    /// and cache writes at `cacheWritePerMillion` (each falling back to the input price when
    /// `nil`). Input tokens depend on `cacheAccounting`: with `.separateFromInput` (Anthropic)
    /// all of `inputTokens` is charged at the input price; with `.includedInInput` (OpenAI and
    /// the others) the cache tokens are taken out of `inputTokens` first, and when a log claims
    /// more cache tokens than input tokens the uncached input is 0, never negative.
    ///
    /// - Returns: a finite cost, never negative.
    @inlinable
    public func cost(
        inputTokens: UInt64,
        outputTokens: UInt64,
        cacheReadTokens: UInt64 = 0,
        cacheWriteTokens: UInt64 = 0
    ) -> Double {
        let cacheTokens = Double(cacheReadTokens) + Double(cacheWriteTokens)
        let uncachedInput =
            switch cacheAccounting {
            case .separateFromInput: Double(inputTokens)
            case .includedInInput: max(0, Double(inputTokens) - cacheTokens)
            }
        let perMillion =
            uncachedInput * inputPerMillion
            + Double(outputTokens) * outputPerMillion
            + Double(cacheReadTokens) * (cacheReadPerMillion ?? inputPerMillion)
            + Double(cacheWriteTokens) * (cacheWritePerMillion ?? inputPerMillion)
        return perMillion / 1_000_000
    }
}
