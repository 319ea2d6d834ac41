/// Which records a budget counts: exact matches on provider, model and extra labels.
///
/// A `nil` provider or model, and an empty label dictionary, match everything. Matching is
/// exact and case-sensitive on the normalised values the exporter labels series with. It is
/// meant to be called once per new series, not per record: the caller keeps the answer.
public struct BudgetScope: Equatable, Sendable {
    /// The provider a record must have, or `nil` for any provider.
    public var provider: String?
    /// The model a record must have, or `nil` for any model.
    public var model: String?
    /// Extra label names and the exact values a record must have for each of them.
    public var labels: [String: String]

    /// Creates a scope; the default scope matches every record.
    public init(provider: String? = nil, model: String? = nil, labels: [String: String] = [:]) {
        self.provider = provider
        self.model = model
        self.labels = labels
    }

    /// Whether a series with these label values belongs to the budget.
    ///
    /// - Parameters:
    ///   - provider: The series' provider label.
    ///   - model: The series' model label.
    ///   - labels: The series' extra labels by name; a label the series lacks is absent.
    /// - Returns: `true` when every matcher of the scope equals the series' value; a label
    ///   matcher never matches a series that lacks the label.
    public func matches(provider: String, model: String, labels: [String: String]) -> Bool {
        if let wanted = self.provider, wanted != provider { return false }
        if let wanted = self.model, wanted != model { return false }
        return self.labels.allSatisfy { name, value in labels[name] == value }
    }
}
