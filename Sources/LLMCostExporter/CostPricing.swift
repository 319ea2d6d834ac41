import ModelPricing

/// How lines without a logged cost are priced, and how logged costs are audited.
public struct CostPricing: Sendable {
    /// Where prices come from: overrides, then a LiteLLM-format file, then the built-in table.
    public var catalog: PriceCatalog
    /// The relative difference between a logged cost and the price table's cost above which
    /// the line counts in `llm_cost_audit_mismatch_total` (0.01 = 1%).
    public var auditTolerance: Double

    /// Creates a pricing policy; the default prices from the built-in table with a 1% audit.
    public init(catalog: PriceCatalog = PriceCatalog(), auditTolerance: Double = 0.01) {
        self.catalog = catalog
        self.auditTolerance = auditTolerance
    }

    /// Whether a logged cost differs from the priced cost by more than the tolerance.
    func isMismatch(logged: Double, priced: Double) -> Bool {
        abs(logged - priced) > auditTolerance * max(abs(priced), abs(logged))
    }
}
