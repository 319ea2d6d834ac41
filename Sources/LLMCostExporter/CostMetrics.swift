import Synchronization

/// The exporter's shared metric state: written by the ingest thread, read by scrapes.
///
/// Ingestion updates a whole read chunk's lines under one short lock; a scrape copies the
/// state under the lock and renders the copy outside it. Both sides therefore always see
/// whole lines: in any snapshot, `lines_total` equals the sum of requests and line errors
/// and every histogram's `+Inf` bucket equals its count.
public final class CostMetrics: Sendable {
    private let state: Mutex<CostMetricsState>

    /// Creates empty metrics with the given limits.
    public init(limits: MetricLimits = MetricLimits()) {
        state = Mutex(CostMetricsState(limits: limits))
    }

    /// Creates empty metrics shaped by the options: limits, extra and static labels, pricing.
    public init(options: ExporterOptions, pricing: CostPricing) {
        state = Mutex(
            CostMetricsState(
                limits: options.limits,
                pricing: pricing,
                extraLabels: options.extraLabels,
                staticLabels: options.staticLabels
            ))
    }

    /// Runs `body` with exclusive access to the state, to record a batch of lines.
    ///
    /// Keep `body` short and free of I/O: scrapes wait for it.
    public func update<Result>(_ body: (inout CostMetricsState) throws -> Result) rethrows -> Result {
        try state.withLock { try body(&$0) }
    }

    /// A consistent copy of the state, for rendering without holding the lock.
    public func snapshot() -> CostMetricsState {
        state.withLock { $0 }
    }
}
