import CostRecords
import ModelPricing

/// The per-model columns that nearly every record touches — its price, last timestamp and
/// the cache, unpriced and audit counters — kept together in one element per model slot.
///
/// One array of these instead of one array per column means a record makes a single
/// copy-on-write check and touches one cache line or two, where separate arrays each
/// checked that they were not shared with a scrape's copy.
struct ModelCounters: Sendable {
    /// The model's price, or `nil` when the catalog has none (its records cannot be priced).
    var price: ModelPrice?
    /// The newest record's own time, or `-infinity` before the first record with a time.
    var lastRequestTimestamp: Double = -.infinity
    /// Tokens read from the prompt cache, as logged.
    var cacheReadTokens: UInt64 = 0
    /// Tokens written to the prompt cache, as logged.
    var cacheWriteTokens: UInt64 = 0
    /// Records served from a response cache.
    var cachedRequests: UInt64 = 0
    /// Records that could have cost something but had neither a logged cost nor a price.
    var unpricedRequests: UInt64 = 0
    /// Records whose logged cost differs from the priced one by more than the tolerance.
    var auditMismatches: UInt64 = 0

    /// Creates zeroed counters for a model with the given price.
    init(price: ModelPrice?) {
        self.price = price
    }

    /// The cache tokens of `operation`: 0 for reads, 1 for writes (the `operation` label's order).
    func cacheTokens(ofOperation operation: Int) -> UInt64 {
        operation == 0 ? cacheReadTokens : cacheWriteTokens
    }

    /// Counts one record of this model and returns its cost: as logged (audited against the
    /// price), else priced from its tokens, else `nil`.
    @inline(__always)
    mutating func count(_ record: CostRecord, pricing: CostPricing) -> Double? {
        let costUSD = cost(of: record, pricing: pricing)
        if costUSD == nil && (record.status == .success || record.inputTokens != nil || record.outputTokens != nil) {
            // A failed call that used no tokens cost nothing; only a call that did is unpriced.
            unpricedRequests += 1
        }
        if let read = record.cacheReadTokens { cacheReadTokens &+= read }
        if let write = record.cacheWriteTokens { cacheWriteTokens &+= write }
        if record.isCached { cachedRequests += 1 }
        if let timestamp = record.timestamp, !(timestamp <= lastRequestTimestamp) {
            lastRequestTimestamp = timestamp
        }
        return costUSD
    }

    /// The record's cost, counting an audit mismatch; the price is worked out only when it
    /// is used (no logged cost, or a logged cost to audit).
    @inline(__always)
    private mutating func cost(of record: CostRecord, pricing: CostPricing) -> Double? {
        let logged = record.costUSD
        // A response served from a cache may legitimately cost nothing: no audit for it.
        guard logged == nil || !record.isCached, let price else { return logged }
        guard
            record.inputTokens != nil || record.outputTokens != nil
                || record.cacheReadTokens != nil || record.cacheWriteTokens != nil
        else { return logged }
        let priced = price.cost(
            inputTokens: record.inputTokens ?? 0,
            outputTokens: record.outputTokens ?? 0,
            cacheReadTokens: record.cacheReadTokens ?? 0,
            cacheWriteTokens: record.cacheWriteTokens ?? 0
        )
        guard let logged else { return priced }
        if pricing.isMismatch(logged: logged, priced: priced) { auditMismatches += 1 }
        return logged
    }
}
