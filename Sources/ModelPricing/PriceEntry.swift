/// One named price in a `PriceTable`.
public struct PriceEntry: Sendable, Hashable {
    /// The model name it prices (matched without regard to case); a family name such as
    /// `gpt-4o` also prices its dated versions (see `PriceTable.price(forModel:provider:)`).
    public var model: String
    /// The provider that sells it at this price (lower case, e.g. `openai`), or `nil` if unknown.
    public var provider: String?
    /// The price.
    public var price: ModelPrice

    /// Creates an entry.
    public init(model: String, provider: String?, price: ModelPrice) {
        self.model = model
        self.provider = provider
        self.price = price
    }
}
