/// A quantity the decoder reads from a line, fed by an ordered list of JSON source names.
///
/// Most cases map one-to-one onto a `CostRecord` field. A few are inputs to a rule instead:
/// the status rule reads `status`, `success`, `isError` and `errorEvidence`; the cost falls
/// back to `inputCost` + `outputCost`; the latency falls back to `latencyMilliseconds` and
/// then to `endTime` − `startTime`. `CostFieldMapping` says which JSON names feed each case.
public enum CostField: String, CaseIterable, Sendable {
    /// The model name (required, a non-empty string).
    case model
    /// The provider name; inferred from the model when absent.
    case provider
    /// A status word (`success`, `error`, `failed`…) or an HTTP status code.
    case status
    /// A flag that is `true` for a successful call.
    case success
    /// A flag that is `true` for a failed call.
    case isError = "is_error"
    /// Values whose non-emptiness marks the call as failed (`error`, `exception`…).
    case errorEvidence = "error_evidence"
    /// Values classified into the `ErrorType` of a failed call, most specific first.
    case errorType = "error_type"
    /// The total cost in USD: a number or a numeric string.
    case totalCost = "total_cost"
    /// The input part of the cost, summed with `outputCost` when no total is logged.
    case inputCost = "input_cost"
    /// The output part of the cost, summed with `inputCost` when no total is logged.
    case outputCost = "output_cost"
    /// Input (prompt) token count.
    case inputTokens = "input_tokens"
    /// Output (completion) token count.
    case outputTokens = "output_tokens"
    /// Tokens read from the prompt cache.
    case cacheReadTokens = "cache_read_tokens"
    /// Tokens written to the prompt cache.
    case cacheWriteTokens = "cache_write_tokens"
    /// Latency in seconds.
    case latencySeconds = "latency_seconds"
    /// Latency in milliseconds, used when no latency in seconds is logged.
    case latencyMilliseconds = "latency_milliseconds"
    /// The call's start time, for `endTime` − `startTime` when no latency is logged.
    case startTime = "start_time"
    /// The call's end time, for `endTime` − `startTime` when no latency is logged.
    case endTime = "end_time"
    /// Whether the response came from a cache: a bool or the string `true`/`false`.
    case cached
    /// The record's own time: an ISO 8601 / Python datetime string or epoch (milli)seconds.
    case timestamp
}
