/// The fixed description of one metric family: its name, help text, type and unit.
///
/// Names are checked once, here, at the boundary: a family with an invalid name is a
/// programmer error, so `init` stops the program rather than emit a scrape Prometheus rejects.
public struct MetricFamily: Sendable, Hashable {
    /// The full metric name, e.g. `llm_cost_usd_total` or `llm_request_duration_seconds`.
    public let name: String
    /// One sentence saying what the family measures.
    public let help: String
    /// Counter, gauge or histogram.
    public let type: MetricType
    /// The unit suffix for OpenMetrics' `# UNIT` line (`seconds`, `usd`, `bytes`), if any.
    public let unit: String?

    /// Describes a family.
    ///
    /// - Parameters:
    ///   - name: A valid metric name; a counter's name ends in `_total`.
    ///   - help: The help text; any characters, escaped on output.
    ///   - type: The family's type.
    ///   - unit: A unit that the name (without `_total`) ends with, or `nil`.
    public init(name: String, help: String, type: MetricType, unit: String? = nil) {
        precondition(MetricName.isValidMetricName(name), "invalid metric name \(name)")
        precondition(type != .counter || name.hasSuffix("_total"), "counter \(name) must end in _total")
        if let unit {
            precondition(
                Self.baseName(of: name, type: type).hasSuffix("_" + unit), "\(name) must end in its unit \(unit)")
        }
        self.name = name
        self.help = help
        self.type = type
        self.unit = unit
    }

    /// The name OpenMetrics uses on `# TYPE`, `# HELP` and `# UNIT` lines: without a counter's `_total`.
    public var openMetricsName: String {
        Self.baseName(of: name, type: type)
    }

    private static func baseName(of name: String, type: MetricType) -> String {
        type == .counter ? String(name.dropLast("_total".count)) : name
    }
}
