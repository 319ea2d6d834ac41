/// All price sources in force, in precedence order: the config's overrides, then a LiteLLM
/// price file, then the built-in table.
///
/// A lookup asks each layer in turn (see `PriceTable.entry(forModel:provider:)`) and the first
/// that prices the model wins, so an override of `gpt-4o` also prices `gpt-4o-2024-08-06` even
/// when the file lists that version. A model no layer prices whose name ends in `:free`
/// (OpenRouter's free variants) costs 0. Each lookup is a few dictionary look-ups per layer;
/// callers on a hot path should still remember the result per (provider, model).
public struct PriceCatalog: Sendable {
    /// The layers, highest precedence first.
    public var layers: [PriceTable]

    /// Creates a catalog from its sources.
    ///
    /// - Parameters:
    ///   - overrides: per-model prices from the config; they beat everything.
    ///   - file: a table loaded from a LiteLLM-format file, if one is configured.
    ///   - builtIn: the built-in table; `PriceTable.builtIn` unless a test needs another.
    public init(overrides: [PriceOverride] = [], file: PriceTable? = nil, builtIn: PriceTable = .builtIn) {
        layers = [PriceTable(overrides: overrides)] + (file.map { [$0] } ?? []) + [builtIn]
    }

    /// The price of `model`, or `nil` when no source prices it (an unpriced request).
    ///
    /// - Parameters:
    ///   - model: the model name as logged, possibly provider-qualified (`openai/gpt-4o`).
    ///   - provider: the provider as logged, or `nil`.
    public func price(forModel model: String, provider: String? = nil) -> ModelPrice? {
        for layer in layers {
            if let entry = layer.entry(forModel: model, provider: provider) {
                return entry.price
            }
        }
        return model.lowercased().hasSuffix(":free") ? .free : nil
    }
}
