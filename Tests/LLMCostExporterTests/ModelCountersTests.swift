import CostRecords
import ModelPricing
import Testing

@testable import LLMCostExporter

struct ModelCountersTests {
    /// One record counted into fresh counters, and what it must leave there.
    struct Case: Sendable, CustomTestStringConvertible {
        let testDescription: String
        let record: RecordBuilder
        /// Whether the model has a price (2.5 input, 10 output USD per million tokens).
        var priced = true
        let costUSD: Double?
        var auditMismatches: UInt64 = 0
        var unpricedRequests: UInt64 = 0
        var cachedRequests: UInt64 = 0
    }

    static let cases: [Case] = [
        Case(
            testDescription: "a logged cost within the tolerance is kept and not counted",
            record: RecordBuilder(costUSD: 0.0035, inputTokens: 1000, outputTokens: 100), costUSD: 0.0035),
        Case(
            testDescription: "a logged cost ten times the price is kept and counted as a mismatch",
            record: RecordBuilder(costUSD: 0.035, inputTokens: 1000, outputTokens: 100), costUSD: 0.035,
            auditMismatches: 1),
        Case(
            testDescription: "a cached response's logged zero cost is not audited",
            record: RecordBuilder(costUSD: 0, inputTokens: 1000, outputTokens: 100, isCached: true), costUSD: 0,
            cachedRequests: 1),
        Case(
            testDescription: "a cached response without a logged cost is priced",
            record: RecordBuilder(inputTokens: 1000, outputTokens: 100, isCached: true), costUSD: 0.0035,
            cachedRequests: 1),
        Case(
            testDescription: "without a logged cost the tokens are priced",
            record: RecordBuilder(inputTokens: 1_000_000, outputTokens: 100_000), costUSD: 3.5),
        Case(
            testDescription: "a logged cost without tokens is kept unaudited",
            record: RecordBuilder(costUSD: 0.2), costUSD: 0.2),
        Case(
            testDescription: "a successful call with neither a logged cost nor tokens is unpriced",
            record: RecordBuilder(), costUSD: nil, unpricedRequests: 1),
        Case(
            testDescription: "tokens of a model without a price are unpriced",
            record: RecordBuilder(inputTokens: 10), priced: false, costUSD: nil, unpricedRequests: 1),
        Case(
            testDescription: "a logged cost of a model without a price is kept",
            record: RecordBuilder(costUSD: 0.5, inputTokens: 10), priced: false, costUSD: 0.5),
        Case(
            testDescription: "a failed call that used no tokens cost nothing and is not unpriced",
            record: RecordBuilder(status: .error, errorType: .timeout), priced: false, costUSD: nil),
    ]

    @Test(arguments: cases)
    func countsOneRecord(_ expected: Case) {
        var counters = ModelCounters(
            price: expected.priced ? ModelPrice(inputPerMillion: 2.5, outputPerMillion: 10) : nil)
        let cost = expected.record.withRecord { counters.count($0, pricing: CostPricing(auditTolerance: 0.01)) }
        #expect(cost == expected.costUSD)
        #expect(counters.auditMismatches == expected.auditMismatches)
        #expect(counters.unpricedRequests == expected.unpricedRequests)
        #expect(counters.cachedRequests == expected.cachedRequests)
    }

    @Test func keepsCacheTokensAndTheNewestTimestamp() {
        var counters = ModelCounters(price: nil)
        for (timestamp, read, write) in [(20.5, 3, nil), (10.0, nil, 7), (30.25, 5, 1)] as [(Double, UInt64?, UInt64?)]
        {
            _ = RecordBuilder(cacheReadTokens: read, cacheWriteTokens: write, timestamp: timestamp).withRecord {
                counters.count($0, pricing: CostPricing())
            }
        }
        _ = RecordBuilder().withRecord { counters.count($0, pricing: CostPricing()) }
        #expect(counters.lastRequestTimestamp == 30.25)
        #expect([counters.cacheTokens(ofOperation: 0), counters.cacheTokens(ofOperation: 1)] == [8, 8])
    }
}
