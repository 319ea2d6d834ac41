/// A label taken from a record field and added to `llm_requests_total`, `llm_cost_usd_total`
/// and `llm_tokens_total` (e.g. `user` from `user_id`).
public struct ExtraLabel: Sendable, Equatable {
    /// The default cap on distinct values.
    public static let defaultMaxValues = 100

    /// The label's name: a valid Prometheus label name, not one the exporter uses itself.
    public var name: String
    /// The record fields it is read from, first present wins (dotted names are paths).
    public var sources: [String]
    /// Distinct values kept before new ones are recorded as `__other__`.
    public var maxValues: Int

    /// Creates an extra label.
    public init(name: String, sources: [String], maxValues: Int = Self.defaultMaxValues) {
        self.name = name
        self.sources = sources
        self.maxValues = maxValues
    }
}
