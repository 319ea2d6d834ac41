import CostRecords

@testable import LLMCostExporter

/// Builds records from strings for tests, keeping the bytes alive while they are recorded.
struct RecordBuilder {
    var provider = "openai"
    var model = "gpt-4o"
    var status = RequestStatus.success
    var errorType: ErrorType?
    var costUSD: Double?
    var inputTokens: UInt64?
    var outputTokens: UInt64?
    var cacheReadTokens: UInt64?
    var cacheWriteTokens: UInt64?
    var latencySeconds: Double?
    var isCached = false
    var timestamp: Double?

    /// Records the built record into `state`.
    func record(into state: inout CostMetricsState) {
        withRecord { state.record($0) }
    }

    /// Calls `body` with the built record, whose bytes live only during the call.
    func withRecord<Result>(_ body: (CostRecord) -> Result) -> Result {
        let providerBytes = Array(provider.utf8)
        let modelBytes = Array(model.utf8)
        return providerBytes.withUnsafeBytes { providerBuffer in
            modelBytes.withUnsafeBytes { modelBuffer in
                body(
                    CostRecord(
                        provider: providerBuffer,
                        model: modelBuffer,
                        status: status,
                        errorType: errorType,
                        costUSD: costUSD,
                        inputTokens: inputTokens,
                        outputTokens: outputTokens,
                        cacheReadTokens: cacheReadTokens,
                        cacheWriteTokens: cacheWriteTokens,
                        latencySeconds: latencySeconds,
                        isCached: isCached,
                        timestamp: timestamp
                    ))
            }
        }
    }
}
