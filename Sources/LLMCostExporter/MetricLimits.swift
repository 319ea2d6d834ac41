/// The shape of the cost metrics: histogram buckets and cardinality caps.
public struct MetricLimits: Sendable, Equatable {
    /// The OpenTelemetry GenAI advisory boundaries for request duration: 0.01 · 2ᵏ up to 81.92 s.
    public static let defaultDurationBuckets: [Double] = (0..<14).map { 0.01 * Double(1 << $0) }
    /// Per-request cost boundaries in USD.
    public static let defaultCostBuckets: [Double] = [0.0001, 0.0005, 0.001, 0.005, 0.01, 0.05, 0.1, 0.5, 1, 5]

    /// Upper bounds of `llm_request_duration_seconds`, ascending.
    public var durationBuckets: [Double]
    /// Upper bounds of `llm_request_cost_usd`, ascending.
    public var costBuckets: [Double]
    /// Distinct providers kept before new ones become `__other__`.
    public var maxProviders: Int
    /// Distinct models kept per provider before new ones become `__other__`.
    public var maxModelsPerProvider: Int

    /// Creates limits; the defaults are the documented ones.
    public init(
        durationBuckets: [Double] = Self.defaultDurationBuckets,
        costBuckets: [Double] = Self.defaultCostBuckets,
        maxProviders: Int = 50,
        maxModelsPerProvider: Int = 200
    ) {
        self.durationBuckets = durationBuckets
        self.costBuckets = costBuckets
        self.maxProviders = maxProviders
        self.maxModelsPerProvider = maxModelsPerProvider
    }

    /// The position of the first bound that breaks the rule for histogram bounds (strictly
    /// ascending), or `nil` when `bounds` keep it. An empty list is checked by the callers,
    /// which point at different places for it.
    static func firstUnorderedBound(in bounds: [Double]) -> Int? {
        bounds.indices.dropFirst().first { bounds[$0] <= bounds[$0 - 1] }
    }
}
