import CostBudgets

/// The counters of one request series and status: requests, cost and tokens.
///
/// Kept together, one element per (request slot, status), so that a record updates a single
/// array element instead of three arrays (each write to an array checks that it is not
/// shared with a scrape's copy).
struct RequestCounters: Sendable {
    /// Records counted.
    var requests: UInt64 = 0
    /// Their cost in USD, as logged or priced.
    var cost = CompensatedSum()
    /// Their input tokens, as logged.
    var inputTokens: UInt64 = 0
    /// Their output tokens, as logged.
    var outputTokens: UInt64 = 0

    /// The tokens of `tokenType`: 0 for input, 1 for output (the `token_type` label's order).
    func tokens(ofType tokenType: Int) -> UInt64 {
        tokenType == 0 ? inputTokens : outputTokens
    }
}
