/// One budget period as a half-open interval of Unix epoch seconds: `start` ≤ t < `end`.
///
/// Both bounds are whole seconds (local midnights), so they are exact as `Double`s.
public struct PeriodInterval: Hashable, Sendable {
    /// The first instant of the period, in seconds since the Unix epoch.
    public let start: Double
    /// The first instant of the next period, in seconds since the Unix epoch.
    public let end: Double

    /// Creates an interval; `start` must be below `end`.
    public init(start: Double, end: Double) {
        self.start = start
        self.end = end
    }

    /// Whether the instant lies in the period; `false` for NaN.
    @inlinable
    public func contains(_ timestamp: Double) -> Bool {
        start <= timestamp && timestamp < end
    }
}
