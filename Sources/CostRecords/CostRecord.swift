/// One LLM API call, normalised from whatever shape its JSON line had.
///
/// A `CostRecord` is a *view*: its text fields (`provider`, `model`, `labels`) point into the
/// line that was decoded or into the decoder's scratch space. They stay valid only until the
/// decoder's next call, while the decoder itself lives (keep it alive with
/// `withExtendedLifetime` where the optimiser could end it early) and while the line's buffer
/// is alive; copy what you keep.
public struct CostRecord {
    /// The provider, lower-cased and never empty (`unknown` when nothing names it).
    public var provider: UnsafeRawBufferPointer
    /// The model, never empty, with any `provider/` prefix removed.
    public var model: UnsafeRawBufferPointer
    /// Whether the call succeeded.
    public var status: RequestStatus
    /// The class of failure; `nil` exactly when `status` is `.success`.
    public var errorType: ErrorType?
    /// The cost in USD as logged (finite, not negative), or `nil` when the line has none.
    public var costUSD: Double?
    /// Input (prompt) tokens as logged.
    public var inputTokens: UInt64?
    /// Output (completion) tokens as logged.
    public var outputTokens: UInt64?
    /// Tokens read from the provider's prompt cache.
    public var cacheReadTokens: UInt64?
    /// Tokens written to the provider's prompt cache.
    public var cacheWriteTokens: UInt64?
    /// The call's latency in seconds (finite, not negative), or `nil` when the line has none.
    public var latencySeconds: Double?
    /// Whether the response was served from a cache.
    public var isCached: Bool
    /// The record's own time as seconds since the Unix epoch, or `nil` when absent or unparsable.
    public var timestamp: Double?
    /// Whether the line had a timestamp field that could not be parsed.
    public var hasUnparsableTimestamp: Bool
    /// The values of the mapping's extra label fields, in the mapping's order; `nil` where absent.
    public var labels: [UnsafeRawBufferPointer?]

    /// Creates a record; the decoder is the usual source.
    public init(
        provider: UnsafeRawBufferPointer,
        model: UnsafeRawBufferPointer,
        status: RequestStatus = .success,
        errorType: ErrorType? = nil,
        costUSD: Double? = nil,
        inputTokens: UInt64? = nil,
        outputTokens: UInt64? = nil,
        cacheReadTokens: UInt64? = nil,
        cacheWriteTokens: UInt64? = nil,
        latencySeconds: Double? = nil,
        isCached: Bool = false,
        timestamp: Double? = nil,
        hasUnparsableTimestamp: Bool = false,
        labels: [UnsafeRawBufferPointer?] = []
    ) {
        self.provider = provider
        self.model = model
        self.status = status
        self.errorType = errorType
        self.costUSD = costUSD
        self.inputTokens = inputTokens
        self.outputTokens = outputTokens
        self.cacheReadTokens = cacheReadTokens
        self.cacheWriteTokens = cacheWriteTokens
        self.latencySeconds = latencySeconds
        self.isCached = isCached
        self.timestamp = timestamp
        self.hasUnparsableTimestamp = hasUnparsableTimestamp
        self.labels = labels
    }
}

/// Whether a call succeeded; the `status` label's two values.
public enum RequestStatus: String, CaseIterable, Sendable {
    case success
    case error
}

/// The closed set of failure classes; the `error_type` label's values.
public enum ErrorType: String, CaseIterable, Sendable {
    case timeout
    case rateLimit = "rate_limit"
    case auth
    case contextLength = "context_length"
    case invalidRequest = "invalid_request"
    case serverError = "server_error"
    case network
    case other
}
