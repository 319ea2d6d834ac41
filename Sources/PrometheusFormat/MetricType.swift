/// The kind of a metric family, as written on its `# TYPE` line.
public enum MetricType: String, Sendable {
    /// A value that only goes up (or resets to zero when the process restarts).
    case counter
    /// A value that can go up and down.
    case gauge
    /// Observations counted into cumulative buckets, with their sum and count.
    case histogram
}
