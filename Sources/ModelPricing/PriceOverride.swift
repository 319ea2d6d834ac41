/// A per-model price the user sets in the config file, which beats every other source.
///
/// The config layer fills it; `PriceTable(overrides:)` turns a list of them into the top layer.
public struct PriceOverride: Sendable, Hashable {
    /// The model name, as in a price table (a family name prices its dated versions too).
    public var model: String
    /// The provider, lower case, or `nil`; it decides the cache accounting when
    /// `cacheAccounting` is `nil`.
    public var provider: String?
    /// USD per million input tokens.
    public var inputPerMillion: Double
    /// USD per million output tokens.
    public var outputPerMillion: Double
    /// USD per million cache-read tokens, or `nil` for the input price.
    public var cacheReadPerMillion: Double?
    /// USD per million cache-write tokens, or `nil` for the input price.
    public var cacheWritePerMillion: Double?
    /// How cache tokens relate to input tokens, or `nil` to derive it from provider and model
    /// (`CacheAccounting(provider:model:)`).
    public var cacheAccounting: CacheAccounting?

    /// Creates an override; amounts are USD per million tokens.
    public init(
        model: String,
        provider: String? = nil,
        inputPerMillion: Double,
        outputPerMillion: Double,
        cacheReadPerMillion: Double? = nil,
        cacheWritePerMillion: Double? = nil,
        cacheAccounting: CacheAccounting? = nil
    ) {
        self.model = model
        self.provider = provider
        self.inputPerMillion = inputPerMillion
        self.outputPerMillion = outputPerMillion
        self.cacheReadPerMillion = cacheReadPerMillion
        self.cacheWritePerMillion = cacheWritePerMillion
        self.cacheAccounting = cacheAccounting
    }

    /// The table entry this override stands for.
    public var entry: PriceEntry {
        PriceEntry(
            model: model, provider: provider,
            price: ModelPrice(
                inputPerMillion: inputPerMillion,
                outputPerMillion: outputPerMillion,
                cacheReadPerMillion: cacheReadPerMillion,
                cacheWritePerMillion: cacheWritePerMillion,
                cacheAccounting: cacheAccounting ?? CacheAccounting(provider: provider ?? "", model: model)))
    }
}
