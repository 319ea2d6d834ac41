/// One LLM API call, normalised from whatever shape its JSON line had.
///
/// A `CostRecord` is a *view*: its text fields (`provider`, `model`, `labels`) point into the
/// line that was decoded or into the decoder's scratch space. They stay valid only until the
/// decoder's next call, while the decoder itself lives (keep it alive with
/// `withExtendedLifetime` where the optimiser could end it early) and while the line's buffer
/// is alive; copy what you keep.
///
/// The optional quantities are stored as plain values and one byte of presence bits, which
/// keeps a record (and a `DecodeOutcome`) small enough to be copied in registers rather than
/// by `memcpy`: the decoder returns one per line.
public struct CostRecord {
    /// The provider, lower-cased and never empty (`unknown` when nothing names it).
    public var provider: UnsafeRawBufferPointer
    /// The model, never empty, with any `provider/` prefix removed.
    public var model: UnsafeRawBufferPointer
    /// The values of the mapping's extra label fields, in the mapping's order; `nil` where absent.
    ///
    /// A buffer, not an array, so that a record holds no reference: copying and dropping one
    /// per line costs no reference counting.
    public var labels: UnsafeBufferPointer<UnsafeRawBufferPointer?>

    /// `costUSD`'s value when present.
    @usableFromInline var storedCost: Double
    /// `inputTokens`' value when present.
    @usableFromInline var storedInputTokens: UInt64
    /// `outputTokens`' value when present.
    @usableFromInline var storedOutputTokens: UInt64
    /// `cacheReadTokens`' value when present.
    @usableFromInline var storedCacheReadTokens: UInt64
    /// `cacheWriteTokens`' value when present.
    @usableFromInline var storedCacheWriteTokens: UInt64
    /// `latencySeconds`' value when present.
    @usableFromInline var storedLatency: Double
    /// `timestamp`'s value when present.
    @usableFromInline var storedTimestamp: Double
    /// Which optional quantities are present, one `Presence` bit each.
    @usableFromInline var presence: UInt8
    /// Whether the call succeeded.
    public var status: RequestStatus
    /// The class of failure; `nil` exactly when `status` is `.success`.
    public var errorType: ErrorType?
    /// Whether the response was served from a cache.
    public var isCached: Bool
    /// Whether the line had a timestamp field that could not be parsed.
    public var hasUnparsableTimestamp: Bool

    /// The bits of `presence`, one per optional quantity.
    @usableFromInline enum Presence {
        /// `costUSD` is present.
        @inlinable static var cost: UInt8 { 1 << 0 }
        /// `inputTokens` is present.
        @inlinable static var inputTokens: UInt8 { 1 << 1 }
        /// `outputTokens` is present.
        @inlinable static var outputTokens: UInt8 { 1 << 2 }
        /// `cacheReadTokens` is present.
        @inlinable static var cacheReadTokens: UInt8 { 1 << 3 }
        /// `cacheWriteTokens` is present.
        @inlinable static var cacheWriteTokens: UInt8 { 1 << 4 }
        /// `latencySeconds` is present.
        @inlinable static var latency: UInt8 { 1 << 5 }
        /// `timestamp` is present.
        @inlinable static var timestamp: UInt8 { 1 << 6 }
    }

    /// The cost in USD as logged (finite, not negative), or `nil` when the line has none.
    @inlinable public var costUSD: Double? {
        get { value(storedCost, Presence.cost) }
        set {
            storedCost = newValue ?? 0
            presence = CostRecord.presence(presence, Presence.cost, isPresent: newValue != nil)
        }
    }

    /// Input (prompt) tokens as logged.
    @inlinable public var inputTokens: UInt64? {
        get { value(storedInputTokens, Presence.inputTokens) }
        set {
            storedInputTokens = newValue ?? 0
            presence = CostRecord.presence(presence, Presence.inputTokens, isPresent: newValue != nil)
        }
    }

    /// Output (completion) tokens as logged.
    @inlinable public var outputTokens: UInt64? {
        get { value(storedOutputTokens, Presence.outputTokens) }
        set {
            storedOutputTokens = newValue ?? 0
            presence = CostRecord.presence(presence, Presence.outputTokens, isPresent: newValue != nil)
        }
    }

    /// Tokens read from the provider's prompt cache.
    @inlinable public var cacheReadTokens: UInt64? {
        get { value(storedCacheReadTokens, Presence.cacheReadTokens) }
        set {
            storedCacheReadTokens = newValue ?? 0
            presence = CostRecord.presence(presence, Presence.cacheReadTokens, isPresent: newValue != nil)
        }
    }

    /// Tokens written to the provider's prompt cache.
    @inlinable public var cacheWriteTokens: UInt64? {
        get { value(storedCacheWriteTokens, Presence.cacheWriteTokens) }
        set {
            storedCacheWriteTokens = newValue ?? 0
            presence = CostRecord.presence(presence, Presence.cacheWriteTokens, isPresent: newValue != nil)
        }
    }

    /// The call's latency in seconds (finite, not negative), or `nil` when the line has none.
    @inlinable public var latencySeconds: Double? {
        get { value(storedLatency, Presence.latency) }
        set {
            storedLatency = newValue ?? 0
            presence = CostRecord.presence(presence, Presence.latency, isPresent: newValue != nil)
        }
    }

    /// The record's own time as seconds since the Unix epoch, or `nil` when absent or unparsable.
    @inlinable public var timestamp: Double? {
        get { value(storedTimestamp, Presence.timestamp) }
        set {
            storedTimestamp = newValue ?? 0
            presence = CostRecord.presence(presence, Presence.timestamp, isPresent: newValue != nil)
        }
    }

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
        labels: UnsafeBufferPointer<UnsafeRawBufferPointer?> = UnsafeBufferPointer(start: nil, count: 0)
    ) {
        self.provider = provider
        self.model = model
        self.labels = labels
        storedCost = costUSD ?? 0
        storedInputTokens = inputTokens ?? 0
        storedOutputTokens = outputTokens ?? 0
        storedCacheReadTokens = cacheReadTokens ?? 0
        storedCacheWriteTokens = cacheWriteTokens ?? 0
        storedLatency = latencySeconds ?? 0
        storedTimestamp = timestamp ?? 0
        presence =
            (costUSD == nil ? 0 : Presence.cost) | (inputTokens == nil ? 0 : Presence.inputTokens)
            | (outputTokens == nil ? 0 : Presence.outputTokens)
            | (cacheReadTokens == nil ? 0 : Presence.cacheReadTokens)
            | (cacheWriteTokens == nil ? 0 : Presence.cacheWriteTokens)
            | (latencySeconds == nil ? 0 : Presence.latency) | (timestamp == nil ? 0 : Presence.timestamp)
        self.status = status
        self.errorType = errorType
        self.isCached = isCached
        self.hasUnparsableTimestamp = hasUnparsableTimestamp
    }

    /// Stores a present quantity: its value and its presence bit.
    @inline(__always)
    mutating func store<Value>(_ value: Value, in field: WritableKeyPath<CostRecord, Value>, bit: UInt8) {
        self[keyPath: field] = value
        presence |= bit
    }

    /// `stored` when `bit` is present, else nil.
    @inlinable func value<Value>(_ stored: Value, _ bit: UInt8) -> Value? {
        presence & bit == 0 ? nil : stored
    }

    /// `presence` with `bit` set or cleared.
    @inlinable static func presence(_ presence: UInt8, _ bit: UInt8, isPresent: Bool) -> UInt8 {
        isPresent ? presence | bit : presence & ~bit
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
