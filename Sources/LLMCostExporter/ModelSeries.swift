import PrometheusFormat

/// One (provider, model) pair's identity and the label sets its series are written with.
///
/// The labels are escaped and rendered once, when the pair is first seen, so a scrape only
/// copies bytes.
struct ModelSeries: Sendable {
    /// The provider label value.
    let provider: String
    /// The model label value.
    let model: String
    /// `provider="…",model="…"`.
    let labels: LabelSet
    /// The labels plus `status`, indexed by `StatusIndex`.
    let statusLabels: [LabelSet]
    /// The labels plus `operation` (`read`, `write`).
    let cacheOperationLabels: [LabelSet]

    /// Renders the label sets of a pair.
    init(provider: String, model: String) {
        self.provider = provider
        self.model = model
        let base: [(name: String, value: String)] = [("provider", provider), ("model", model)]
        labels = LabelSet(base)
        statusLabels = StatusIndex.statuses.map { LabelSet(base + [("status", $0.rawValue)]) }
        cacheOperationLabels = ["read", "write"].map { LabelSet(base + [("operation", $0)]) }
    }

    /// Whether `self` sorts before `other` by label values, byte by byte.
    func precedes(_ other: ModelSeries) -> Bool {
        if provider != other.provider {
            return provider.utf8.lexicographicallyPrecedes(other.provider.utf8)
        }
        return model.utf8.lexicographicallyPrecedes(other.model.utf8)
    }
}
