/// The tailer's counters and gauges, for the exporter's self-metrics.
public struct TailStats: Sendable, Equatable {
    /// Files being tailed now, including rotated-away files still being drained (a gauge).
    public var filesWatched = 0
    /// Descriptors the tailer holds now (a gauge).
    public var filesOpen = 0
    /// Rotations seen (a file left its path, or was replaced in place).
    public var rotations = 0
    /// Truncations seen (a file shrank or was rewritten from its start).
    public var truncations = 0
    /// Failed opens and reads, by reason.
    public var readErrors: [ReadErrorReason: Int] = [:]
    /// Σ (size − read offset) over the watched files at the last poll (a gauge).
    public var unreadBytes = 0
    /// Unfinished last lines dropped because their file was truncated or let go.
    public var droppedPartialLines = 0
    /// Bytes read and handed to the sink.
    public var bytesRead = 0

    /// Creates zeroed statistics.
    public init() {}
}
